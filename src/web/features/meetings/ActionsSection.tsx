import { Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { useReturnFocus } from '../../components/focus.js';
import { applyServerError, ErrorSummary, SaveCancel, SelectField, TextField, useServerIssues } from '../../components/forms.js';
import { ScrollTable } from '../../components/ScrollTable.js';
import { ErrorAlert } from '../../components/Status.js';
import { formatDate, todayIso } from '../../format.js';
import { summaryFor } from '../dossier/Goals.js';
import { actionItemApi, MEETING_LINE_MAX, meetingApi, ownerOptions, type TActionItem, type TActionStatus, type TMeeting, useMeetingSaved } from './data.js';
import { ActionStatusText } from './views.js';

interface Values {
  title: string;
  ownerId: string;
  dueOn: string;
}
const FIELDS = ['title', 'ownerId', 'dueOn'] as const;
const idOf = (f: string) => `mtg-action-${f}`;

function ActionForm({ m, onClose, onDone }: { m: TMeeting; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const saved = useMeetingSaved();
  const { failure, unplaced, setFailure, clear: clearServer, show: showServer } = useServerIssues();
  const owners = ownerOptions(m.participants);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<Values>({ shouldFocusError: false, defaultValues: { title: '', ownerId: '', dueOn: '' } });
  useEffect(() => setFocus('title'), [setFocus]);
  const labels = { title: t('meetings.actions.what'), ownerId: t('meetings.actions.owner'), dueOn: t('meetings.actions.dueOn') };
  const required = t('validation.required');
  const today = todayIso();
  const onValid = async (v: Values) => {
    clearServer();
    try {
      saved(m.id, await api<unknown>(meetingApi(m.id, '/actions'), { method: 'POST', body: { title: v.title.trim(), ownerId: v.ownerId, dueOn: v.dueOn } }), m.pupil.id);
      const owner = owners.find((o) => o.value === v.ownerId);
      onDone(t('meetings.actions.added', { name: owner?.label ?? '' }));
      onClose();
    } catch (e) {
      showServer(applyServerError(e, setError, FIELDS));
    }
  };
  const items = submitCount ? summaryFor(errors, FIELDS.map((name) => ({ name, label: labels[name] })), idOf, unplaced) : [];
  return (
    <form noValidate onSubmit={handleSubmit(onValid)} className="rondom-form rondom-part__form" aria-labelledby="mtg-action-title-heading">
      <Heading3 id="mtg-action-title-heading" className="rondom-form__title">
        {t('meetings.actions.formTitle')}
      </Heading3>
      <ErrorSummary items={items} message={failure} />
      <TextField
        id={idOf('title')}
        label={labels.title}
        description={t('meetings.actions.whatHint')}
        required
        autoComplete="off"
        error={errors.title?.message}
        {...register('title', {
          validate: (x) => x.trim().length > 0 || required,
          maxLength: { value: MEETING_LINE_MAX, message: t('validation.too_long', { max: MEETING_LINE_MAX }) },
        })}
      />
      <SelectField
        id={idOf('ownerId')}
        label={labels.ownerId}
        description={t('meetings.actions.ownerHint')}
        required
        placeholder={t('meetings.actions.chooseOwner')}
        options={owners}
        error={errors.ownerId?.message}
        {...register('ownerId', { required })}
      />
      <TextField
        id={idOf('dueOn')}
        type="date"
        label={labels.dueOn}
        required
        min={today}
        className="rondom-field--medium"
        error={errors.dueOn?.message}
        {...register('dueOn', { required, validate: (x) => x >= today || t('meetings.actions.dueInPast') })}
      />
      <SaveCancel label={t('meetings.actions.save')} busy={isSubmitting} onCancel={onClose} />
    </form>
  );
}

/** Who does what, by when: one owner per action; the owner or whoever runs the meeting marks it done. */
export function ActionsSection({ m, family, onStatus }: { m: TMeeting; family: boolean; onStatus: (s: string) => void }) {
  const { t } = useTranslation();
  const saved = useMeetingSaved();
  const [adding, setAdding] = useState(false);
  // back to the button that opened the form once it closes (saved or cancelled)
  const opener = useReturnFocus(adding);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const canAdd = m.policies.manage && m.status === 'held';
  const noOwners = ownerOptions(m.participants).length === 0;
  const setStatus = async (a: TActionItem, status: TActionStatus) => {
    setBusy(a.id);
    setFailure(null);
    try {
      saved(m.id, await api<unknown>(actionItemApi(a.id), { method: 'PATCH', body: { status } }), m.pupil.id);
      onStatus(t(`meetings.actions.changed.${status}`, { title: a.title }));
      // the row's button is gone: the section heading is the next sensible place
      heading.current?.focus();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(null);
    }
  };
  const anyButtons = m.actions.some((a) => a.policies.update);
  const buttons = (a: TActionItem) => {
    if (!a.policies.update) return null;
    const label = a.status === 'open' ? t('meetings.actions.markDone') : t('meetings.actions.reopen');
    return (
      <Button appearance="secondary-action-button" busy={busy === a.id} disabled={busy !== null} onClick={() => void setStatus(a, a.status === 'open' ? 'done' : 'open')}>
        {label}
        <span className="rondom-visually-hidden">: {a.title}</span>
      </Button>
    );
  };
  const columns = [t('meetings.actions.columns.title'), t('meetings.actions.columns.owner'), t('meetings.actions.columns.dueOn'), t('meetings.actions.columns.status')];
  return (
    <section aria-labelledby="mtg-actions-heading" className="rondom-part">
      <div className="rondom-part__head">
        <Heading2 id="mtg-actions-heading" ref={heading} tabIndex={-1} className="rondom-focus-target">
          {family ? t('meetings.actions.titleParent') : t('meetings.actions.title')}
        </Heading2>
        {canAdd && !adding && !noOwners ? (
          <Button ref={opener} appearance="secondary-action-button" onClick={() => setAdding(true)}>
            {t('meetings.actions.add')}
          </Button>
        ) : null}
      </div>
      <Paragraph className="rondom-part__intro">{t('meetings.actions.intro')}</Paragraph>
      {canAdd && noOwners ? <Paragraph className="rondom-hint">{t('meetings.actions.noOwners')}</Paragraph> : null}
      {adding ? (
        <ActionForm
          m={m}
          onDone={onStatus}
          onClose={() => setAdding(false)}
        />
      ) : null}
      {failure ? <ErrorAlert error={failure} /> : null}
      {m.actions.length === 0 ? (
        <Paragraph className="rondom-empty">{t('meetings.actions.empty')}</Paragraph>
      ) : (
        <ScrollTable
          id="mtg-actions"
          caption={t('meetings.actions.caption')}
          columns={anyButtons ? [...columns, t('meetings.actions.columns.change')] : columns}
          rows={m.actions.map((a) => {
            const row = [
              <span key="title" className="rondom-free-text">{a.title}</span>,
              a.owner.name,
              <span key="due" className="rondom-nowrap">{formatDate(a.dueOn)}</span>,
              <ActionStatusText key="status" a={a} />,
            ];
            return anyButtons ? [...row, buttons(a)] : row;
          })}
        />
      )}
    </section>
  );
}
