import { Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { useReturnFocus } from '../../components/focus.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { RadioGroupField } from '../../components/fields.js';
import { applyServerError, ErrorSummary, SaveCancel, SelectField, TextField, useServerIssues } from '../../components/forms.js';
import { ScrollTable } from '../../components/ScrollTable.js';
import { ErrorAlert } from '../../components/Status.js';
import { formatDay } from '../../format.js';
import { summaryFor } from '../dossier/Goals.js';
import { useConfirmAction } from '../sharing/confirm.js';
import { meetingApi, type TMeeting, type TParticipant, type TParticipantKind, useMeetingCandidates, useMeetingSaved, whereFrom } from './data.js';
import { EMAIL } from './ParticipantsPicker.js';

interface Values {
  how: 'list' | 'guest';
  userId: string;
  name: string;
  email: string;
  kind: TParticipantKind;
  roleLabel: string;
}
const GUEST_KINDS: readonly TParticipantKind[] = ['care_partner', 'parent', 'other'];
const idOf = (f: string) => `mtg-add-${f}`;

/** Invite one more person: someone from the lists (not yet invited), or a guest by e-mail. */
function AddParticipantForm({ m, onClose, onDone }: { m: TMeeting; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const saved = useMeetingSaved();
  const candidates = useMeetingCandidates(m.pupil.id);
  const { failure, unplaced, clear: clearServer, show: showServer } = useServerIssues();
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    watch,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<Values>({ shouldFocusError: false, defaultValues: { how: 'list', userId: '', name: '', email: '', kind: 'care_partner', roleLabel: '' } });
  useEffect(() => setFocus('how'), [setFocus]);
  const how = watch('how');
  const invited = new Set(m.participants.map((p) => p.userId).filter(Boolean));
  const choices = (candidates.data?.items ?? []).filter((c) => !invited.has(c.userId));
  const required = t('validation.required');
  const labels = {
    how: t('meetings.participants.how'),
    userId: t('meetings.participants.person'),
    name: t('meetings.new.guestName'),
    email: t('meetings.new.guestEmail'),
    kind: t('meetings.new.guestKind'),
    roleLabel: t('meetings.new.guestRole'),
  };
  const fields = how === 'list' ? (['how', 'userId'] as const) : (['how', 'name', 'email', 'kind', 'roleLabel'] as const);
  const onValid = async (v: Values) => {
    clearServer();
    const c = choices.find((x) => x.userId === v.userId);
    const body =
      v.how === 'list' && c
        ? { kind: c.kind, userId: c.userId }
        : { kind: v.kind, name: v.name.trim(), email: v.email.trim(), roleLabel: v.roleLabel.trim() || null };
    try {
      saved(m.id, await api<unknown>(meetingApi(m.id, '/participants'), { method: 'POST', body }), m.pupil.id);
      onDone(t('meetings.participants.added', { name: c?.name ?? v.name.trim() }));
      onClose();
    } catch (e) {
      showServer(applyServerError(e, setError, fields));
    }
  };
  const items = submitCount ? summaryFor(errors, fields.map((name) => ({ name, label: labels[name] })), idOf, unplaced) : [];
  return (
    <form noValidate onSubmit={handleSubmit(onValid)} className="rondom-form rondom-part__form" aria-labelledby="mtg-add-title">
      <Heading3 id="mtg-add-title" className="rondom-form__title">
        {t('meetings.participants.formTitle')}
      </Heading3>
      <ErrorSummary items={items} message={failure} />
      <RadioGroupField
        id={idOf('how')}
        legend={labels.how}
        options={[
          { value: 'list', label: t('meetings.participants.fromList') },
          { value: 'guest', label: t('meetings.participants.byEmail') },
        ]}
        inputProps={register('how')}
      />
      {how === 'list' ? (
        <SelectField
          id={idOf('userId')}
          label={labels.userId}
          required
          busy={candidates.isPending}
          placeholder={t('meetings.participants.choose')}
          description={candidates.isSuccess && choices.length === 0 ? t('meetings.participants.nobodyLeft') : undefined}
          options={choices.map((c) => {
            const from = whereFrom(c);
            return { value: c.userId, label: from ? `${c.name} (${from})` : c.name };
          })}
          error={errors.userId?.message}
          {...register('userId', { validate: (x) => how !== 'list' || !!x || required })}
        />
      ) : (
        <>
          <TextField
            id={idOf('name')}
            label={labels.name}
            required
            autoComplete="off"
            error={errors.name?.message}
            {...register('name', {
              validate: (x) => how !== 'guest' || !!x.trim() || required,
              maxLength: { value: 120, message: t('validation.too_long', { max: 120 }) },
            })}
          />
          <TextField
            id={idOf('email')}
            type="email"
            label={labels.email}
            description={t('meetings.new.guestsHint')}
            required
            autoComplete="off"
            error={errors.email?.message}
            {...register('email', {
              validate: (x) => how !== 'guest' || (!x.trim() ? required : EMAIL.test(x.trim()) || t('validation.invalid_email')),
            })}
          />
          <SelectField
            id={idOf('kind')}
            label={labels.kind}
            options={GUEST_KINDS.map((k) => ({ value: k, label: t(`meetings.participantKind.${k}`) }))}
            {...register('kind')}
          />
          <TextField
            id={idOf('roleLabel')}
            label={labels.roleLabel}
            description={t('meetings.new.guestRoleHint')}
            autoComplete="off"
            error={errors.roleLabel?.message}
            {...register('roleLabel', { maxLength: { value: 120, message: t('validation.too_long', { max: 120 }) } })}
          />
        </>
      )}
      <SaveCancel label={t('meetings.participants.save')} busy={isSubmitting} onCancel={onClose} />
    </form>
  );
}

function attendanceText(t: (k: string) => string, attended: boolean | null) {
  return attended === null ? t('meetings.participants.attendance.unknown') : attended ? t('meetings.participants.attendance.yes') : t('meetings.participants.attendance.no');
}

/** Who is invited; after the meeting who was there; for whoever runs it: e-mail, what each sees, add and remove. */
export function ParticipantsSection({ m, family, onStatus }: { m: TMeeting; family: boolean; onStatus: (s: string) => void }) {
  const { t } = useTranslation();
  const saved = useMeetingSaved();
  const [adding, setAdding] = useState(false);
  // back to the button that opened the form once it closes (saved or cancelled)
  const opener = useReturnFocus(adding);
  // invite during the meeting too (someone joins); take people off the list only before it
  const manager = m.policies.manage;
  const editable = manager && m.status === 'scheduled';
  const canRemove = (p: TParticipant) => editable && p.userId !== m.organiser.id;
  const showAttendance = m.status === 'held' || m.status === 'closed';
  const remove = useConfirmAction(async (p: TParticipant) => {
    saved(m.id, await api<unknown>(meetingApi(m.id, `/participants/${encodeURIComponent(p.id)}`), { method: 'DELETE' }), m.pupil.id);
    onStatus(t('meetings.participants.removed', { name: p.name }));
  });
  const columns = [
    t('meetings.participants.columns.name'),
    t('meetings.participants.columns.from'),
    t('meetings.participants.columns.kind'),
    ...(showAttendance ? [t('meetings.participants.columns.attended')] : []),
    ...(manager ? [t('meetings.participants.columns.sees'), t('meetings.participants.columns.invited')] : []),
    ...(editable ? [t('meetings.participants.columns.change')] : []),
  ];
  const rows = m.participants.map((p) => [
    <>
      {p.name}
      {p.email ? <span className="rondom-mtg-email">{p.email}</span> : null}
    </>,
    whereFrom(p),
    t(`meetings.participantKind.${p.kind}`),
    ...(showAttendance ? [attendanceText(t, p.attended)] : []),
    ...(manager
      ? [
          p.seesAll ? t('meetings.participants.seesAll') : t('meetings.participants.seesLogistics'),
          p.invitedAt ? t('meetings.participants.invitedOn', { date: formatDay(p.invitedAt) }) : t('meetings.participants.notInvited'),
        ]
      : []),
    ...(editable
      ? [
          canRemove(p) ? (
            <Button key="remove" appearance="subtle-button" hint="danger" onClick={() => remove.ask(p)}>
              {t('meetings.remove')}
              <span className="rondom-visually-hidden">: {p.name}</span>
            </Button>
          ) : (
            <span key="organiser" className="rondom-hint">{t('meetings.participants.organiser')}</span>
          ),
        ]
      : []),
  ]);
  return (
    <section aria-labelledby="mtg-participants-heading" className="rondom-part">
      <div className="rondom-part__head">
        <Heading2 id="mtg-participants-heading" ref={remove.heading} tabIndex={-1} className="rondom-focus-target">
          {family ? (showAttendance ? t('meetings.participants.titleParentAfter') : t('meetings.participants.titleParent')) : t('meetings.participants.title')}
        </Heading2>
        {manager && !adding ? (
          <Button ref={opener} appearance="secondary-action-button" onClick={() => setAdding(true)}>
            {t('meetings.participants.add')}
          </Button>
        ) : null}
      </div>
      {adding ? (
        <AddParticipantForm
          m={m}
          onDone={onStatus}
          onClose={() => setAdding(false)}
        />
      ) : null}
      {m.participants.length === 0 ? (
        <Paragraph className="rondom-empty">{t('meetings.participants.empty')}</Paragraph>
      ) : (
        <ScrollTable
          id="mtg-participants"
          caption={t('meetings.participants.caption')}
          columns={columns}
          rows={rows}
          cellClassName={(c) => (c === 0 ? 'rondom-mtg-person' : undefined)}
        />
      )}
      {manager && m.participants.some((p) => !p.seesAll) ? <Paragraph className="rondom-hint">{t('meetings.participants.seesHint')}</Paragraph> : null}
      {editable ? (
        <ConfirmDialog
          open={remove.target !== null}
          title={t('meetings.participants.removeTitle')}
          confirmLabel={t('meetings.participants.removeConfirm')}
          busy={remove.busy}
          onConfirm={() => void remove.confirm()}
          onCancel={remove.cancel}
        >
          <Paragraph>{remove.target ? t('meetings.participants.removeBody', { name: remove.target.name }) : ''}</Paragraph>
          {remove.failure ? <ErrorAlert error={remove.failure} /> : null}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
