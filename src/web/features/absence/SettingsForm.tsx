import { Checkbox, FormLabel, Heading2 } from '@utrecht/component-library-react';
import { useState } from 'react';
import { get, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldIssue } from '../../api.js';
import { FieldGroup } from '../../components/fields.js';
import { ErrorSummary, SaveCancel, SelectField, TextField, useServerIssues } from '../../components/forms.js';
import { StatusMessage } from '../../components/Status.js';
import { summaryFor } from '../dossier/Goals.js';
import { ABSENCE_KINDS, isExemption, type TAbsenceSettingsAnswer, type TAbsenceSettingsInput, useSaveAbsenceSettings } from './figures-data.js';
import { SettingsLadder, settingsId } from './SettingsLadder.js';
import { SettingsReasons } from './SettingsReasons.js';

export interface TSettingsValues {
  minDays: string;
  countedKinds: string[];
  /** key '' for a new step: it gets one from its condition on saving */
  ladder: { key: string; condition: string; amount: string; unit: string; target: string }[];
  coordinatorUserId: string;
  contactName: string;
  contactEmail: string;
  /** id '' for a new reason; `removed` keeps a stored reason visible until the save succeeds */
  reasons: { id: string; label: string; retired: boolean; removed: boolean }[];
}

// an exemption always stops the count, so it is never a kind that counts
const COUNTABLE = ABSENCE_KINDS.filter((k) => !isExemption(k));
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const toValues = (s: TAbsenceSettingsAnswer): TSettingsValues => ({
  minDays: String(s.thuiszitter.minDays),
  countedKinds: s.thuiszitter.countedKinds.filter((k) => !isExemption(k)),
  ladder: s.ladder.map((l) => ({ key: l.key, condition: l.condition, amount: String(l.after.amount), unit: l.after.unit, target: l.target })),
  coordinatorUserId: s.coordinator?.id ?? '',
  contactName: s.escalationContact?.name ?? '',
  contactEmail: s.escalationContact?.email ?? '',
  reasons: s.reasons.map((r) => ({ id: r.id, label: r.label, retired: !r.active, removed: false })),
});

/** A stable key for each new step, from its condition: "no_plan", then "no_plan_2", … */
export function ladderKeys(ladder: TSettingsValues['ladder']): string[] {
  const taken = new Set(ladder.map((l) => l.key).filter(Boolean));
  return ladder.map((l) => {
    if (l.key) return l.key;
    let key = l.condition;
    for (let i = 2; taken.has(key); i++) key = `${l.condition}_${i}`;
    taken.add(key);
    return key;
  });
}

/** The form's values as the API takes them; `sent` maps each sent reason back to its line in the form. */
export function toInput(v: TSettingsValues): { input: TAbsenceSettingsInput; sent: number[] } {
  const keys = ladderKeys(v.ladder);
  const sent = v.reasons.flatMap((r, i) => (r.removed ? [] : [i]));
  const name = v.contactName.trim();
  const email = v.contactEmail.trim();
  return {
    sent,
    input: {
      thuiszitter: { minDays: Number(v.minDays), countedKinds: toArray(v.countedKinds) as TAbsenceSettingsInput['thuiszitter']['countedKinds'] },
      ladder: v.ladder.map((l, i) => ({
        key: keys[i]!,
        condition: l.condition as 'no_plan',
        after: { amount: Number(l.amount), unit: l.unit as 'days' },
        target: l.target as 'coordinator',
      })),
      reasons: sent.map((i) => {
        const r = v.reasons[i]!;
        return { ...(r.id ? { id: r.id } : {}), label: r.label.trim(), active: !r.retired };
      }),
      coordinatorUserId: v.coordinatorUserId || null,
      escalationContact: name || email ? { name, email } : null,
    },
  };
}

// one checked box of a group can come back as a lone value
const toArray = (x: unknown): string[] => (Array.isArray(x) ? x : typeof x === 'string' && x ? [x] : []);

const STEP_FIELD: Record<string, string> = { condition: 'condition', key: 'condition', target: 'target', after: 'amount', 'after.amount': 'amount', 'after.unit': 'unit' };

/** The server's field name → this form's ("ladder.1.after.amount" → "ladder.1.amount"); "ladder" and "reasons" are whole groups. */
export function toFormField(field: string, sent: readonly number[]): string {
  if (field === 'thuiszitter.minDays') return 'minDays';
  if (field.startsWith('thuiszitter.countedKinds')) return 'countedKinds';
  if (field === 'escalationContact.name') return 'contactName';
  if (field.startsWith('escalationContact')) return 'contactEmail';
  const step = /^ladder\.(\d+)\.(.+)$/.exec(field);
  if (step && STEP_FIELD[step[2]!]) return `ladder.${step[1]}.${STEP_FIELD[step[2]!]}`;
  // reasons are numbered as sent, without the lines marked for removal
  const reason = /^reasons\.(\d+)\b/.exec(field);
  const line = reason ? sent[Number(reason[1])] : undefined;
  if (line !== undefined) return `reasons.${line}.label`;
  if (field.startsWith('ladder')) return 'ladder';
  if (field.startsWith('reasons')) return 'reasons';
  return field;
}

/** Functioneel beheer changes the region's absence settings: one form, one save, said so after. */
export function SettingsForm({ data }: { data: TAbsenceSettingsAnswer }) {
  const { t } = useTranslation();
  const save = useSaveAbsenceSettings();
  const { failure, unplaced, setFailure, setUnplaced, clear: clearServer } = useServerIssues();
  const [groupErrors, setGroupErrors] = useState<{ ladder?: string; reasons?: string }>({});
  const [saved, setSaved] = useState(false);
  const form = useForm<TSettingsValues>({ shouldFocusError: false, defaultValues: toValues(data) });
  const {
    control,
    register,
    handleSubmit,
    setError,
    setValue,
    reset,
    getValues,
    formState: { errors, isSubmitting, submitCount },
  } = form;
  const required = t('validation.required');
  const errorOf = (name: string) => (get(errors, name) as { message?: string } | undefined)?.message;
  const values = getValues();
  const summaryFields = [
    { name: 'minDays', label: t('absence.settings.definition.minDays') },
    { name: 'countedKinds', label: t('absence.settings.definition.kinds') },
    ...values.ladder.flatMap((_l, i) =>
      (['condition', 'amount', 'unit', 'target'] as const).map((f) => ({
        name: `ladder.${i}.${f}`,
        label: `${t('absence.settings.ladder.step', { n: i + 1 })}: ${t(`absence.settings.ladder.${f}`)}`,
      })),
    ),
    { name: 'coordinatorUserId', label: t('absence.settings.coordinator.label') },
    { name: 'contactName', label: t('absence.settings.contact.name') },
    { name: 'contactEmail', label: t('absence.settings.contact.email') },
    ...values.reasons.map((_r, i) => ({ name: `reasons.${i}.label`, label: t('absence.settings.reasons.line', { n: i + 1 }) })),
  ];
  const groupItems = (['ladder', 'reasons'] as const).flatMap((g) =>
    groupErrors[g] ? [{ fieldId: settingsId(g), message: `${t(`absence.settings.${g}.title`)}: ${groupErrors[g]}` }] : [],
  );
  const items = submitCount ? [...groupItems, ...summaryFor(errors, summaryFields, settingsId, unplaced)] : [];

  const onValid = async (v: TSettingsValues) => {
    clearServer();
    setSaved(false);
    if (v.reasons.every((r) => r.removed)) {
      setGroupErrors({ reasons: t('absence.settings.reasons.atLeastOne') });
      return;
    }
    setGroupErrors({});
    const { input, sent } = toInput(v);
    try {
      const out = await save(input);
      reset(toValues(out));
      setSaved(true);
    } catch (e) {
      if (!(e instanceof ApiError)) {
        setFailure(e instanceof Error ? e.message : String(e));
        return;
      }
      const known = new Set(summaryFields.map((f) => f.name));
      const groups: { ladder?: string; reasons?: string } = {};
      const rest: FieldIssue[] = [];
      for (const issue of e.issues ?? []) {
        const f = toFormField(issue.field, sent);
        if (f === 'ladder' || f === 'reasons') groups[f] = issue.message;
        else if (known.has(f)) setError(f as keyof TSettingsValues, { type: 'server', message: issue.message });
        else rest.push(issue);
      }
      setGroupErrors(groups);
      setUnplaced(rest);
      setFailure(e.issues?.length ? undefined : e.message);
    }
  };
  const onInvalid = () => setSaved(false);
  const bothOrNeither = (other: 'contactName' | 'contactEmail') => (x: string) => !!x.trim() || !getValues(other).trim() || required;

  return (
    <form noValidate onSubmit={handleSubmit(onValid, onInvalid)} className="rondom-form" aria-labelledby="abs-set-form-title">
      <Heading2 id="abs-set-form-title" className="rondom-visually-hidden">
        {t('absence.settings.formTitle')}
      </Heading2>
      <ErrorSummary items={items} message={failure} />
      <FieldGroup id={settingsId('definition')} legend={t('absence.settings.definition.title')} description={t('absence.settings.definition.hint')}>
        <TextField
          id={settingsId('minDays')}
          label={t('absence.settings.definition.minDays')}
          description={t('absence.settings.definition.minDaysHint')}
          required
          inputMode="numeric"
          autoComplete="off"
          className="rondom-field--short"
          error={errors.minDays?.message}
          {...register('minDays', {
            validate: (x) => (/^\d+$/.test(x.trim()) && Number(x) >= 1 && Number(x) <= 365) || t('absence.settings.definition.minDaysInvalid'),
          })}
        />
        <FieldGroup
          id={settingsId('countedKinds')}
          legend={t('absence.settings.definition.kinds')}
          description={t('absence.settings.definition.exemption')}
          error={errors.countedKinds?.message}
        >
          <ul className="rondom-checkbox-list rondom-settings-kinds">
            {COUNTABLE.map((k) => (
              <li key={k} className="utrecht-form-field utrecht-form-field--checkbox rondom-checkbox">
                <Checkbox
                  id={settingsId(`kind-${k}`)}
                  value={k}
                  aria-describedby={settingsId(`kind-${k}-hint`)}
                  {...register('countedKinds', { validate: (x) => toArray(x).length > 0 || t('absence.settings.definition.kindsRequired') })}
                />
                <span>
                  <FormLabel htmlFor={settingsId(`kind-${k}`)} type="checkbox">
                    {t(`absence.kind.${k}`)}
                  </FormLabel>
                  <span id={settingsId(`kind-${k}-hint`)} className="rondom-hint rondom-settings-kind-hint">
                    {t(`absence.kindHint.${k}`)}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </FieldGroup>
      </FieldGroup>
      <SettingsLadder control={control} register={register} errors={errors} rootError={groupErrors.ladder} />
      <FieldGroup id={settingsId('people')} legend={t('absence.settings.people')}>
        <SelectField
          id={settingsId('coordinatorUserId')}
          label={t('absence.settings.coordinator.label')}
          description={t('absence.settings.coordinator.hint')}
          options={[
            { value: '', label: t('absence.settings.coordinator.all') },
            ...data.coordinatorCandidates.map((c) => ({ value: c.id, label: c.name })),
            // a coordinator who has left stays visible until someone else is chosen
            ...(data.coordinator && !data.coordinatorCandidates.some((c) => c.id === data.coordinator?.id)
              ? [{ value: data.coordinator.id, label: t('absence.settings.coordinator.left', { name: data.coordinator.name }) }]
              : []),
          ]}
          error={errors.coordinatorUserId?.message}
          {...register('coordinatorUserId')}
        />
        <FieldGroup id={settingsId('contact')} legend={t('absence.settings.contact.title')} description={t('absence.settings.contact.hint')}>
          <div className="rondom-form-row">
            <TextField
              id={settingsId('contactName')}
              label={t('absence.settings.contact.name')}
              autoComplete="off"
              error={errorOf('contactName')}
              {...register('contactName', {
                validate: bothOrNeither('contactEmail'),
                maxLength: { value: 120, message: t('validation.too_long', { max: 120 }) },
              })}
            />
            <TextField
              id={settingsId('contactEmail')}
              type="email"
              label={t('absence.settings.contact.email')}
              autoComplete="off"
              error={errorOf('contactEmail')}
              {...register('contactEmail', {
                validate: (x) => {
                  if (!x.trim()) return bothOrNeither('contactName')(x);
                  return EMAIL.test(x.trim()) || t('validation.invalid_email');
                },
              })}
            />
          </div>
        </FieldGroup>
      </FieldGroup>
      <SettingsReasons control={control} register={register} setValue={setValue} errors={errors} rootError={groupErrors.reasons} />
      <StatusMessage>{saved ? t('absence.settings.saved') : null}</StatusMessage>
      <SaveCancel
        label={t('absence.settings.save')}
        busy={isSubmitting}
        onCancel={() => {
          reset(toValues(data));
          setGroupErrors({});
          clearServer();
          setSaved(false);
        }}
      />
    </form>
  );
}
