import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api, type FieldIssue } from '../../api.js';
import { useReturnFocus } from '../../components/focus.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { TextAreaField } from '../../components/fields.js';
import { applyServerError, ErrorSummary, SaveCancel, TextField, useServerIssues } from '../../components/forms.js';
import { ErrorAlert } from '../../components/Status.js';
import { todayIso } from '../../format.js';
import { summaryFor } from '../dossier/Goals.js';
import { useConfirmAction } from '../sharing/confirm.js';
import { meetingApi, type TMeeting, useMeetingSaved } from './data.js';

/** Closing a held meeting needs the next date: "we laten niet los". */
export function CloseSection({ m, onStatus }: { m: TMeeting; onStatus: (s: string) => void }) {
  const { t } = useTranslation();
  const saved = useMeetingSaved();
  const { failure, unplaced, clear: clearServer, show: showServer } = useServerIssues();
  const today = todayIso();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<{ nextMeetingOn: string }>({ shouldFocusError: false, defaultValues: { nextMeetingOn: '' } });
  const label = t('meetings.close.next');
  const onValid = async (v: { nextMeetingOn: string }) => {
    clearServer();
    try {
      saved(m.id, await api<unknown>(meetingApi(m.id, '/close'), { method: 'POST', body: { nextMeetingOn: v.nextMeetingOn } }), m.pupil.id);
      onStatus(t('meetings.close.done'));
      // the form is gone now; the page's state line says what happened
      requestAnimationFrame(() => document.getElementById('mtg-state')?.focus());
    } catch (e) {
      showServer(applyServerError(e, setError, ['nextMeetingOn']));
    }
  };
  const items = submitCount ? summaryFor(errors, [{ name: 'nextMeetingOn', label }], () => 'mtg-close-next', unplaced) : [];
  return (
    <section aria-labelledby="mtg-close-heading" className="rondom-part">
      <Heading2 id="mtg-close-heading">{t('meetings.close.title')}</Heading2>
      <Paragraph className="rondom-part__intro">{t('meetings.close.intro')}</Paragraph>
      <form noValidate onSubmit={handleSubmit(onValid)} className="rondom-form">
        <ErrorSummary items={items} message={failure} />
        <TextField
          id="mtg-close-next"
          type="date"
          label={label}
          description={t('meetings.close.nextHint')}
          required
          min={today}
          className="rondom-field--medium"
          error={errors.nextMeetingOn?.message}
          {...register('nextMeetingOn', {
            required: t('meetings.close.nextRequired'),
            validate: (x) => x > today || t('meetings.close.nextInPast'),
          })}
        />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={isSubmitting} disabled={isSubmitting}>
            {t('meetings.close.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** Calling a meeting off, with the reason; asked once more, since it cannot be undone. */
export function CancelSection({ m, onStatus }: { m: TMeeting; onStatus: (s: string) => void }) {
  const { t } = useTranslation();
  const saved = useMeetingSaved();
  const [open, setOpen] = useState(false);
  // back to the button that opened the form once it closes (saved or cancelled)
  const opener = useReturnFocus(open);
  const {
    register,
    handleSubmit,
    setFocus,
    setError,
    formState: { errors, submitCount },
  } = useForm<{ reason: string }>({ shouldFocusError: false, defaultValues: { reason: '' } });
  useEffect(() => {
    if (open) setFocus('reason');
  }, [open, setFocus]);
  const cancel = useConfirmAction(async (reason: string) => {
    saved(m.id, await api<unknown>(meetingApi(m.id, '/cancel'), { method: 'POST', body: { reason } }), m.pupil.id);
    onStatus(t('meetings.cancel.done'));
    // this section is gone once the meeting is off: the page's state line says so
    requestAnimationFrame(() => document.getElementById('mtg-state')?.focus());
  });
  // a refusal about the reason belongs next to the field, not in the dialog
  const { failure, cancel: closeDialog } = cancel;
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per new failure (closeDialog is new every render)
  useEffect(() => {
    const issue = (failure as { issues?: FieldIssue[] } | null)?.issues?.find((i) => i.field === 'reason');
    if (issue) {
      closeDialog();
      setError('reason', { type: 'server', message: issue.message });
    }
  }, [failure]);
  const label = t('meetings.cancel.reason');
  const items = submitCount ? summaryFor(errors, [{ name: 'reason', label }], () => 'mtg-cancel-reason', []) : [];
  return (
    <section aria-labelledby="mtg-cancel-heading" className="rondom-part">
      <Heading2 id="mtg-cancel-heading" ref={cancel.heading} tabIndex={-1} className="rondom-focus-target">
        {t('meetings.cancel.title')}
      </Heading2>
      {open ? (
        <form noValidate onSubmit={handleSubmit((v) => cancel.ask(v.reason.trim()))} className="rondom-form rondom-part__form">
          <ErrorSummary items={items} />
          <TextAreaField
            id="mtg-cancel-reason"
            label={label}
            description={t('meetings.cancel.reasonHint')}
            required
            rows={2}
            error={errors.reason?.message}
            {...register('reason', {
              validate: (x) => x.trim().length > 0 || t('validation.required'),
              maxLength: { value: 300, message: t('validation.too_long', { max: 300 }) },
            })}
          />
          <SaveCancel
            label={t('meetings.cancel.next')}
            busy={false}
            onCancel={() => {
              setOpen(false);
              }}
          />
        </form>
      ) : (
        <>
          <Paragraph className="rondom-part__intro">{t('meetings.cancel.intro')}</Paragraph>
          <Button ref={opener} appearance="secondary-action-button" hint="danger" onClick={() => setOpen(true)}>
            {t('meetings.cancel.open')}
          </Button>
        </>
      )}
      <ConfirmDialog
        open={cancel.target !== null}
        title={t('meetings.cancel.confirmTitle')}
        confirmLabel={t('meetings.cancel.confirm')}
        busy={cancel.busy}
        onConfirm={() => void cancel.confirm()}
        onCancel={cancel.cancel}
      >
        <Paragraph>{t('meetings.cancel.confirmBody')}</Paragraph>
        {cancel.target ? <Paragraph className="rondom-free-text">{t('meetings.cancel.confirmReason', { reason: cancel.target })}</Paragraph> : null}
        {cancel.failure ? <ErrorAlert error={cancel.failure} /> : null}
      </ConfirmDialog>
    </section>
  );
}
