import { useQueryClient } from '@tanstack/react-query';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { TextAreaField } from '../../components/fields.js';
import { ErrorSummary, SelectField } from '../../components/forms.js';
import { ErrorAlert } from '../../components/Status.js';
import { isConflict, REQUEST_REASON_MAX, type TRequest, useConsultants, useRequestSaved } from './data.js';
import { requestApi, requestKey } from './keys.js';

type TStep = 'submit' | 'complete' | 'start-assessment' | 'withdraw' | 'close' | 'consultant';
/** After a step the page changes under the person: focus goes to the status, once the dialog has closed. */
export function focusRequestState(frames = 10) {
  requestAnimationFrame(() => {
    if (frames > 0 && document.querySelector('dialog[open]')) focusRequestState(frames - 1);
    else document.getElementById('request-state')?.focus();
  });
}

/** The steps the person may take now, each asked first: they move the request on for everyone. */
export function RequestActions({ request, onStatus }: { request: TRequest; onStatus: (m: string) => void }) {
  const { t } = useTranslation();
  const saved = useRequestSaved();
  const queryClient = useQueryClient();
  const p = request.policies;
  const [asking, setAsking] = useState<TStep | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [text, setText] = useState('');
  const [textError, setTextError] = useState<string>();
  const [consultantId, setConsultantId] = useState(request.consultant?.id ?? '');
  const consultants = useConsultants(p.assignConsultant);
  const open = (s: TStep) => {
    setFailure(null);
    setText('');
    setTextError(undefined);
    setAsking(s);
  };
  const run = async () => {
    if (!asking) return;
    if (asking === 'withdraw' && !text.trim()) {
      setTextError(t('requests.actions.reasonRequired'));
      document.getElementById('request-step-text')?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    const body =
      asking === 'consultant'
        ? { consultantId }
        : { rowVersion: request.rowVersion, ...(asking === 'withdraw' ? { reason: text.trim() } : asking === 'close' && text.trim() ? { note: text.trim() } : {}) };
    try {
      const r = await api<TRequest>(requestApi(request.id, `/${asking}`), { method: asking === 'consultant' ? 'PUT' : 'POST', body });
      setAsking(null);
      saved(r);
      onStatus(t(`requests.actions.done.${asking}`));
      focusRequestState();
    } catch (e) {
      setAsking(null);
      setFailure(e);
      // someone else moved the request: show the newest state
      if (isConflict(e)) void queryClient.invalidateQueries({ queryKey: requestKey(request.id) });
    } finally {
      setBusy(false);
    }
  };
  const any = p.submit || p.markComplete || p.startAssessment || p.withdraw || p.close || p.assignConsultant;
  const waitingForChecklist = request.status === 'submitted' && !request.checklistMet && p.assignConsultant;
  if (!any && !waitingForChecklist) return null;
  const issues = failure instanceof ApiError ? (failure.issues ?? []) : [];
  // the submit's missing fields link to the form; the checklist's to the checklist
  const items = issues.map((i) => ({
    fieldId: i.field.startsWith('checklist.') ? 'request-checklist-heading' : i.field === 'consultantId' ? 'request-consultant' : 'request-details-heading',
    message: i.field.startsWith('checklist.') ? i.message : `${t(`requests.fields.${i.field}`, { defaultValue: i.field })}: ${i.message}`,
  }));
  const withText = asking === 'withdraw' || asking === 'close';
  return (
    <section aria-labelledby="request-actions-heading" className="rondom-part" id="request-actions">
      <Heading2 id="request-actions-heading">{t('requests.actions.title')}</Heading2>
      {issues.length ? <ErrorSummary items={items} message={failure instanceof Error ? failure.message : undefined} /> : failure ? <ErrorAlert error={failure} /> : null}
      {waitingForChecklist ? <Paragraph className="rondom-hint">{t('requests.actions.waitingForChecklist')}</Paragraph> : null}
      {p.assignConsultant ? (
        <div className="rondom-form rondom-form-row">
          <SelectField
            id="request-consultant"
            label={t('requests.fields.consultant')}
            value={consultantId}
            onChange={(e) => setConsultantId(e.target.value)}
            placeholder={t('requests.actions.chooseConsultant')}
            options={(consultants.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
          <Button appearance="secondary-action-button" disabled={!consultantId || consultantId === request.consultant?.id} onClick={() => open('consultant')}>
            {t('requests.actions.button.consultant')}
          </Button>
        </div>
      ) : null}
      <div className="rondom-request-actions">
        {p.submit ? <Button appearance="primary-action-button" onClick={() => open('submit')}>{t('requests.actions.button.submit')}</Button> : null}
        {p.markComplete ? <Button appearance="primary-action-button" onClick={() => open('complete')}>{t('requests.actions.button.complete')}</Button> : null}
        {p.startAssessment ? <Button appearance="primary-action-button" onClick={() => open('start-assessment')}>{t('requests.actions.button.start-assessment')}</Button> : null}
        {p.close ? <Button appearance="secondary-action-button" onClick={() => open('close')}>{t('requests.actions.button.close')}</Button> : null}
        {p.withdraw ? <Button appearance="secondary-action-button" hint="danger" onClick={() => open('withdraw')}>{t('requests.actions.button.withdraw')}</Button> : null}
      </div>
      <ConfirmDialog
        open={asking !== null}
        title={asking ? t(`requests.actions.confirm.${asking}.title`, { name: request.pupil.name, consultant: consultants.data?.items.find((c) => c.id === consultantId)?.name ?? '' }) : ''}
        confirmLabel={asking ? t(`requests.actions.button.${asking}`) : ''}
        tone={asking === 'withdraw' ? 'danger' : 'neutral'}
        busy={busy}
        onConfirm={() => void run()}
        onCancel={() => setAsking(null)}
      >
        <Paragraph>{asking ? t(`requests.actions.confirm.${asking}.text`) : ''}</Paragraph>
        {withText ? (
          <TextAreaField
            id="request-step-text"
            label={t(asking === 'withdraw' ? 'requests.actions.reason' : 'requests.actions.note')}
            required={asking === 'withdraw'}
            rows={3}
            maxLength={REQUEST_REASON_MAX}
            value={text}
            error={textError}
            onChange={(e) => {
              setText(e.target.value);
              setTextError(undefined);
            }}
          />
        ) : null}
      </ConfirmDialog>
    </section>
  );
}

