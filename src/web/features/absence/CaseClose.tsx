import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api, type FieldIssue } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { RadioGroupField, TextAreaField } from '../../components/fields.js';
import { applyServerError, ErrorSummary, SaveCancel, summaryItems, TextField } from '../../components/forms.js';
import { ErrorAlert } from '../../components/Status.js';
import { formatDate, todayIso } from '../../format.js';
import { useReturnFocus } from '../../components/focus.js';
import { ABSENCE_CLOSE_REASONS, ABSENCE_TEXT_MAX, closeCaseApi, type TAbsenceCase, type TAbsenceCloseReason } from './data.js';

interface Values {
  reason: '' | TAbsenceCloseReason;
  closedOn: string;
  note: string;
}
const FIELDS = ['reason', 'closedOn', 'note'] as const;
const idOf = (f: string) => `absence-close-${f}`;

/** How and when a closed case ended. */
export function CaseClosedFacts({ c }: { c: TAbsenceCase }) {
  const { t } = useTranslation();
  return (
    <div className="rondom-absence-closed">
      <Paragraph>
        <strong>
          {t('absence.case.close.closedOn', {
            date: formatDate(c.closedOn),
            reason: c.closeReason ? t(`absence.closeReason.${c.closeReason}`) : '',
          })}
        </strong>
      </Paragraph>
      {c.closeNote ? <Paragraph>{c.closeNote}</Paragraph> : null}
    </div>
  );
}

/**
 * "Zaak afsluiten": the reason, the day and (for "anders") a note, then a question before it is
 * done, since a closed case leaves the lists and the count.
 */
export function CaseClose({ c, onSaved }: { c: TAbsenceCase; onSaved: (answer: TAbsenceCase, message: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const opener = useReturnFocus(open);
  const heading = useRef<HTMLHeadingElement>(null);
  const [pending, setPending] = useState<Values | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [message, setMessage] = useState<string>();
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    watch,
    reset,
    formState: { errors, submitCount },
  } = useForm<Values>({ shouldFocusError: false, defaultValues: { reason: '', closedOn: todayIso(), note: '' } });
  useEffect(() => {
    if (open) heading.current?.focus();
  }, [open]);
  const reason = watch('reason');

  const send = async () => {
    if (!pending) return;
    setBusy(true);
    setFailure(null);
    try {
      const answer = await api<TAbsenceCase>(closeCaseApi(c.id), {
        method: 'POST',
        body: { reason: pending.reason, closedOn: pending.closedOn, note: pending.note.trim() || null },
      });
      setPending(null);
      reset();
      await onSaved(answer, t('absence.case.close.done'));
    } catch (e) {
      const r = applyServerError(e, setError, FIELDS);
      // problems with a field go back to the form; anything else stays in the dialog
      if (r.message && !r.unplaced.length) setFailure(e);
      else {
        setPending(null);
        setMessage(r.message || undefined);
        setUnplaced(r.unplaced);
      }
    } finally {
      setBusy(false);
    }
  };

  if (!open) {
    return (
      <section aria-labelledby="absence-close-heading" className="rondom-section">
        <Heading2 id="absence-close-heading">{t('absence.case.close.title')}</Heading2>
        <Paragraph>{t('absence.case.close.intro')}</Paragraph>
        <ButtonGroup>
          <Button ref={opener} appearance="secondary-action-button" onClick={() => setOpen(true)}>
            {t('absence.case.close.open')}
          </Button>
        </ButtonGroup>
      </section>
    );
  }

  const items = submitCount ? summaryItems(errors, FIELDS, idOf, unplaced) : [];
  return (
    <section aria-labelledby="absence-close-heading" className="rondom-section">
      <form
        noValidate
        className="rondom-form rondom-absence-form"
        aria-labelledby="absence-close-heading"
        onSubmit={handleSubmit((v) => {
          setMessage(undefined);
          setUnplaced([]);
          setFailure(null);
          setPending(v);
        })}
      >
        <Heading2 id="absence-close-heading" ref={heading} tabIndex={-1}>
          {t('absence.case.close.title')}
        </Heading2>
        <ErrorSummary items={items} message={message} />
        <RadioGroupField
          id={idOf('reason')}
          legend={t('absence.case.close.reason')}
          required
          options={ABSENCE_CLOSE_REASONS.map((r) => ({ value: r, label: t(`absence.closeReason.${r}`) }))}
          error={errors.reason?.message}
          inputProps={register('reason', { validate: (x) => x !== '' || t('absence.case.close.reasonRequired') })}
        />
        <TextField
          id={idOf('closedOn')}
          type="date"
          className="rondom-field--short"
          label={t('absence.case.close.date')}
          required
          error={errors.closedOn?.message}
          {...register('closedOn', { required: t('validation.required') })}
        />
        <TextAreaField
          id={idOf('note')}
          label={t('absence.case.close.note')}
          description={reason === 'other' ? t('absence.case.close.noteHintOther') : t('absence.case.close.noteHint')}
          required={reason === 'other'}
          rows={3}
          error={errors.note?.message}
          {...register('note', {
            validate: (x, all) => all.reason !== 'other' || x.trim() !== '' || t('absence.case.close.noteRequired'),
            maxLength: { value: ABSENCE_TEXT_MAX, message: t('validation.too_long', { max: ABSENCE_TEXT_MAX }) },
          })}
        />
        <SaveCancel label={t('absence.case.close.submit')} busy={busy} onCancel={() => setOpen(false)} />
      </form>
      <ConfirmDialog
        open={!!pending}
        title={t('absence.case.close.confirmTitle', { name: c.pupil.name })}
        confirmLabel={t('absence.case.close.confirm')}
        busy={busy}
        onConfirm={() => void send()}
        onCancel={() => setPending(null)}
      >
        <Paragraph>
          {t('absence.case.close.confirmText', {
            reason: pending?.reason ? t(`absence.closeReason.${pending.reason}`) : '',
            date: formatDate(pending?.closedOn),
          })}
        </Paragraph>
        {failure ? <ErrorAlert error={failure} /> : null}
      </ConfirmDialog>
    </section>
  );
}
