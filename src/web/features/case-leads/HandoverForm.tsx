import { Button, ButtonGroup, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api, type FieldIssue } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { applyServerError, ErrorSummary, SaveCancel, SelectField, summaryItems } from '../../components/forms.js';
import { TextAreaField } from '../../components/fields.js';
import { ErrorAlert } from '../../components/Status.js';
import { CASE_NOTE_MAX, caseLeadApi, type TCase, type TCaseLeadCandidate } from './data.js';

interface Values {
  userId: string;
  note: string;
}
const FIELDS = ['userId', 'note'] as const;
const idOf = (f: string) => `case-lead-${f}`;

/** "Naam — Organisatie (taak of rol)": enough to tell two people with the same name apart. */
function candidateLabel(c: TCaseLeadCandidate, t: (k: string, o?: Record<string, unknown>) => string): string {
  const what = c.task || t(`roles.${c.role}`, { defaultValue: c.role });
  return t('caseLeads.handover.candidate', { name: c.name, organisation: c.organisation.name, what });
}

/**
 * Names the regievoerder (when there is none) or hands the regie over. The choice is confirmed
 * first: the new person gets an e-mail and the child appears on their "Mijn regie".
 */
export function HandoverForm({
  pupilId,
  theCase,
  onCancel,
  onDone,
}: {
  pupilId: string;
  theCase: TCase;
  /** Absent while nobody leads: the form is then the section's way forward, not a side step. */
  onCancel: (() => void) | undefined;
  onDone: (result: { answer: TCase; message: string }) => void;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const current = theCase.caseLead;
  const candidates = theCase.candidates.filter((c) => c.userId !== current?.person.id);
  const [pending, setPending] = useState<Values | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [message, setMessage] = useState<string>();
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, submitCount },
  } = useForm<Values>({ shouldFocusError: false, defaultValues: { userId: '', note: '' } });
  useEffect(() => {
    // opened on purpose (a handover): start at its heading; the empty state's form waits its turn
    if (current) heading.current?.focus();
  }, [current]);
  const chosen = pending ? candidates.find((c) => c.userId === pending.userId) : undefined;

  const send = async () => {
    if (!pending) return;
    setBusy(true);
    setFailure(null);
    try {
      const answer = await api<TCase>(caseLeadApi(pupilId), {
        method: 'PUT',
        body: { userId: pending.userId, note: pending.note.trim() || null },
      });
      setPending(null);
      reset();
      onDone({ answer, message: t('caseLeads.handover.done', { name: chosen?.name ?? '' }) });
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

  const items = submitCount ? summaryItems(errors, FIELDS, idOf, unplaced) : [];
  const title = current ? t('caseLeads.handover.title') : t('caseLeads.handover.titleFirst');
  return (
    <>
    <form
      noValidate
      className="rondom-form rondom-case-form"
      aria-labelledby="case-lead-form-title"
      onSubmit={handleSubmit((v) => {
        setMessage(undefined);
        setUnplaced([]);
        setPending(v);
      })}
    >
      <Heading3 id="case-lead-form-title" ref={heading} tabIndex={-1} className="rondom-form__title">
        {title}
      </Heading3>
      <Paragraph>{t('caseLeads.handover.intro')}</Paragraph>
      <ErrorSummary items={items} message={message} />
      <SelectField
        id={idOf('userId')}
        label={t('caseLeads.handover.who')}
        description={t('caseLeads.handover.whoHint')}
        placeholder={candidates.length ? t('caseLeads.handover.choose') : t('caseLeads.handover.noCandidates')}
        options={candidates.map((c) => ({ value: c.userId, label: candidateLabel(c, t) }))}
        required
        error={errors.userId?.message}
        {...register('userId', { validate: (v) => v !== '' || t('caseLeads.handover.chooseRequired') })}
      />
      <TextAreaField
        id={idOf('note')}
        label={t('caseLeads.handover.note')}
        description={t('caseLeads.handover.noteHint')}
        rows={3}
        error={errors.note?.message}
        {...register('note', { maxLength: { value: CASE_NOTE_MAX, message: t('validation.too_long', { max: CASE_NOTE_MAX }) } })}
      />
      {onCancel ? (
        <SaveCancel label={t('caseLeads.handover.submit')} busy={busy} onCancel={onCancel} />
      ) : (
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('caseLeads.handover.submitFirst')}
          </Button>
        </ButtonGroup>
      )}
    </form>
      <ConfirmDialog
        open={!!pending}
        tone="neutral"
        title={current ? t('caseLeads.handover.confirmTitle', { name: chosen?.name ?? '' }) : t('caseLeads.handover.confirmTitleFirst', { name: chosen?.name ?? '' })}
        confirmLabel={current ? t('caseLeads.handover.confirm') : t('caseLeads.handover.confirmFirst')}
        busy={busy}
        onConfirm={() => void send()}
        onCancel={() => setPending(null)}
      >
        <Paragraph>
          {current?.isMe
            ? t('caseLeads.handover.confirmTextMine', { name: chosen?.name ?? '' })
            : t('caseLeads.handover.confirmText', { name: chosen?.name ?? '', organisation: chosen?.organisation.name ?? '' })}
        </Paragraph>
        {failure ? <ErrorAlert error={failure} /> : null}
      </ConfirmDialog>
    </>
  );
}
