import { Button, Checkbox, FormLabel, Paragraph } from '@utrecht/component-library-react';
import type { UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FieldGroup } from '../../components/fields.js';
import { SelectField, TextField } from '../../components/forms.js';
import { groupCandidates, type TParticipantCandidate, type TParticipantKind, whereFrom } from './data.js';

export interface TGuest {
  name: string;
  email: string;
  kind: TParticipantKind;
  roleLabel: string;
}
export const EMPTY_GUEST: TGuest = { name: '', email: '', kind: 'care_partner', roleLabel: '' };
/** The kinds a guest without an account may come as (school and SWV staff have accounts). */
const GUEST_KINDS: readonly TParticipantKind[] = ['care_partner', 'parent', 'other'];
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;


/** The people with an account, grouped (school, SWV, kernteam, family): a checkbox each, with where they are from. */
export function CandidateChecklist({
  idOf,
  candidates,
  register,
  error,
  loading,
}: {
  idOf: (f: string) => string;
  candidates: readonly TParticipantCandidate[];
  register: UseFormRegister<{ participantIds: string[] }>;
  error?: string | undefined;
  loading: boolean;
}) {
  const { t } = useTranslation();
  const groups = groupCandidates(candidates);
  return (
    <FieldGroup id={idOf('participantIds')} legend={t('meetings.new.participants')} description={t('meetings.new.participantsHint')} error={error}>
      {loading ? (
        <Paragraph className="rondom-hint">{t('app.loading')}</Paragraph>
      ) : groups.length === 0 ? (
        <Paragraph className="rondom-hint">{t('meetings.new.noCandidates')}</Paragraph>
      ) : (
        groups.map((g) => (
          <fieldset key={g.group} className="rondom-mtg-group">
            <legend className="rondom-mtg-group__legend">{t(`meetings.groups.${g.group}`)}</legend>
            <ul className="rondom-mtg-choices">
              {g.items.map((c) => {
                const id = idOf(`participant-${c.userId}`);
                const from = whereFrom(c);
                return (
                  <li key={c.userId} className="utrecht-form-field utrecht-form-field--checkbox rondom-mtg-choice">
                    <Checkbox id={id} value={c.userId} aria-describedby={from ? `${id}-hint` : undefined} {...register('participantIds')} />
                    <span className="rondom-mtg-choice__text">
                      <FormLabel htmlFor={id} type="checkbox">
                        {c.name}
                      </FormLabel>
                      {from ? (
                        <span id={`${id}-hint`} className="rondom-mtg-choice__hint">
                          {from}
                        </span>
                      ) : null}
                    </span>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        ))
      )}
    </FieldGroup>
  );
}

/** Guests without an account: name, e-mail, how they come; lines are added and removed with buttons. */
export function GuestLines({
  idOf,
  lines,
  onAdd,
  onRemove,
  register,
  errorOf,
  canAdd,
}: {
  idOf: (f: string) => string;
  /** useFieldArray's lines (their ids as keys); adding focuses the new name, as react-hook-form does */
  lines: readonly { id: string }[];
  onAdd: () => void;
  onRemove: (i: number) => void;
  register: UseFormRegister<{ guests: TGuest[] }>;
  errorOf: (name: string) => string | undefined;
  canAdd: boolean;
}) {
  const { t } = useTranslation();
  const required = t('validation.required');
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
  const line = (i: number) => t('meetings.new.guestLine', { n: i + 1 });
  return (
    <FieldGroup id={idOf('guests')} legend={t('meetings.new.guests')} description={t('meetings.new.guestsHint')}>
      {lines.map((f, i) => (
        <fieldset key={f.id} className="rondom-fieldset rondom-mtg-line">
          <legend className="rondom-fieldset__legend">{line(i)}</legend>
          <div className="rondom-form-row">
            <TextField
              id={idOf(`guests.${i}.name`)}
              label={t('meetings.new.guestName')}
              required
              autoComplete="off"
              error={errorOf(`guests.${i}.name`)}
              {...register(`guests.${i}.name` as const, {
                validate: (x) => !!x.trim() || required,
                maxLength: { value: 120, message: t('validation.too_long', { max: 120 }) },
              })}
            />
            <TextField
              id={idOf(`guests.${i}.email`)}
              type="email"
              label={t('meetings.new.guestEmail')}
              required
              autoComplete="off"
              error={errorOf(`guests.${i}.email`)}
              {...register(`guests.${i}.email` as const, {
                validate: (x) => (!x.trim() ? required : EMAIL.test(x.trim()) || t('validation.invalid_email')),
              })}
            />
          </div>
          <div className="rondom-form-row">
            <SelectField
              id={idOf(`guests.${i}.kind`)}
              label={t('meetings.new.guestKind')}
              options={GUEST_KINDS.map((k) => ({ value: k, label: t(`meetings.participantKind.${k}`) }))}
              error={errorOf(`guests.${i}.kind`)}
              {...register(`guests.${i}.kind` as const)}
            />
            <TextField
              id={idOf(`guests.${i}.roleLabel`)}
              label={t('meetings.new.guestRole')}
              description={t('meetings.new.guestRoleHint')}
              autoComplete="off"
              error={errorOf(`guests.${i}.roleLabel`)}
              {...register(`guests.${i}.roleLabel` as const, { maxLength: { value: 120, message: t('validation.too_long', { max: 120 }) } })}
            />
          </div>
          <Button
            appearance="subtle-button"
            hint="danger"
            onClick={() => {
              onRemove(i);
              focusLater(idOf('add-guest'));
            }}
          >
            {t('meetings.new.removeGuest', { line: line(i) })}
          </Button>
        </fieldset>
      ))}
      {canAdd ? (
        <Button
          id={idOf('add-guest')}
          appearance="secondary-action-button"
          onClick={onAdd}
        >
          {t('meetings.new.addGuest')}
        </Button>
      ) : null}
    </FieldGroup>
  );
}
