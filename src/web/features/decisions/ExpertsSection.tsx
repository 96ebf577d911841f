import './decisions.css';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, FormLabel, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { TextAreaField } from '../../components/fields.js';
import { applyServerError, ErrorSummary, SaveCancel, SelectField, TextField, useServerIssues } from '../../components/forms.js';
import { ErrorAlert, Loading, StatusMessage } from '../../components/Status.js';
import { formatDay } from '../../format.js';
import { useSession } from '../../session.js';
import { summaryFor } from '../dossier/Goals.js';
import { useConfirmAction } from '../sharing/confirm.js';
import { requestKey } from '../requests/keys.js';
import {
  ADVICE_MAX,
  expertsKey,
  expertsPath,
  RECOMMENDATION_MAX,
  type TExpertAdvice,
  type TExperts,
  useExperts,
  useSwvExperts,
} from './data.js';
import type { TRequestPartProps } from './RequestDecisionParts.js';

/** After a change the server answers with the experts as they are now; the request (its timeline) reloads too. */
function useExpertsSaved(requestId: string) {
  const queryClient = useQueryClient();
  return (e: TExperts) => {
    queryClient.setQueryData(expertsKey(requestId), e);
    void queryClient.invalidateQueries({ queryKey: requestKey(requestId), predicate: (q) => q.queryKey[2] !== 'experts' });
  };
}

interface AssignValues {
  expertId: string;
  expertKind: string;
}
const ASSIGN_FIELDS = ['expertId', 'expertKind'] as const;

/** The consultant asks an expert to advise; an expert who was involved with the child before is refused, and the form says why. */
function AssignForm({ requestId, experts, onClose, onDone }: { requestId: string; experts: TExperts; onClose: () => void; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const saved = useExpertsSaved(requestId);
  const people = useSwvExperts(true);
  const { failure, unplaced, clear: clearServer, show: showServer } = useServerIssues();
  const { register, handleSubmit, setError, formState } = useForm<AssignValues>({ shouldFocusError: false, defaultValues: { expertId: '', expertKind: '' } });
  const { errors, isSubmitting, submitCount } = formState;
  const idOf = (f: string) => `decisions-assign-${f}`;
  const labels = { expertId: t('decisions.experts.expert'), expertKind: t('decisions.experts.kind') };
  const assigned = new Set(experts.items.map((i) => i.expert.id));
  const onValid = async (v: AssignValues) => {
    clearServer();
    try {
      saved(await api<TExperts>(expertsPath(requestId), { method: 'POST', body: v }));
      const name = people.data?.items.find((p) => p.id === v.expertId)?.name ?? '';
      onDone(t('decisions.experts.assigned', { name }));
      onClose();
    } catch (e) {
      showServer(applyServerError(e, setError, ASSIGN_FIELDS));
    }
  };
  const items = submitCount ? summaryFor(errors, ASSIGN_FIELDS.map((name) => ({ name, label: labels[name] })), idOf, unplaced) : [];
  return (
    <form noValidate onSubmit={handleSubmit(onValid)} className="rondom-form rondom-decision-form" aria-labelledby="decisions-assign-title">
      <Heading3 id="decisions-assign-title">{t('decisions.experts.assignTitle')}</Heading3>
      <Paragraph className="rondom-hint">{t('decisions.experts.assignHint')}</Paragraph>
      <ErrorSummary items={items} message={failure} />
      <SelectField
        id={idOf('expertId')}
        label={labels.expertId}
        required
        busy={people.isPending}
        placeholder={t('decisions.experts.chooseExpert')}
        options={(people.data?.items ?? []).filter((p) => !assigned.has(p.id)).map((p) => ({ value: p.id, label: p.name }))}
        error={errors.expertId?.message}
        {...register('expertId', { required: t('decisions.experts.chooseExpert') })}
      />
      <SelectField
        id={idOf('expertKind')}
        label={labels.expertKind}
        description={t('decisions.experts.kindHint')}
        required
        placeholder={t('decisions.experts.chooseKind')}
        options={experts.allowedKinds.map((k) => ({ value: k, label: t(`decisions.kind.${k}`) }))}
        error={errors.expertKind?.message}
        {...register('expertKind', { required: t('decisions.experts.chooseKind') })}
      />
      <SaveCancel label={t('decisions.experts.assign')} busy={isSubmitting} onCancel={onClose} />
    </form>
  );
}

interface AdviceValues {
  advice: string;
  recommendation: string;
  impartial: boolean;
}
const ADVICE_FIELDS = ['impartial', 'advice', 'recommendation'] as const;

/** The expert's own advice, given once: a declaration of impartiality first, a confirmation before sending. */
function AdviceForm({ requestId, row, onClose, onDone }: { requestId: string; row: TExpertAdvice; onClose: () => void; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const saved = useExpertsSaved(requestId);
  const { failure, unplaced, clear: clearServer, show: showServer } = useServerIssues();
  const [pending, setPending] = useState<AdviceValues | null>(null);
  const [busy, setBusy] = useState(false);
  const { register, handleSubmit, setError, formState } = useForm<AdviceValues>({
    shouldFocusError: false,
    defaultValues: { advice: '', recommendation: '', impartial: false },
  });
  const { errors, submitCount } = formState;
  const idOf = (f: string) => `decisions-advice-${f}`;
  const labels = { impartial: t('decisions.advice.impartial'), advice: t('decisions.advice.advice'), recommendation: t('decisions.advice.recommendation') };
  const required = t('validation.required');
  const send = async () => {
    if (!pending) return;
    setBusy(true);
    clearServer();
    try {
      const body = { impartial: true, advice: pending.advice.trim(), recommendation: pending.recommendation.trim() };
      saved(await api<TExperts>(expertsPath(requestId, `/${encodeURIComponent(row.id)}/advice`), { method: 'POST', body }));
      setPending(null);
      onDone(t('decisions.advice.sent'));
      onClose();
    } catch (e) {
      setPending(null);
      showServer(applyServerError(e, setError, ADVICE_FIELDS));
    } finally {
      setBusy(false);
    }
  };
  const items = submitCount ? summaryFor(errors, ADVICE_FIELDS.map((name) => ({ name, label: labels[name] })), idOf, unplaced) : [];
  const impartialError = errors.impartial?.message;
  return (
    <form noValidate onSubmit={handleSubmit((v) => setPending(v))} className="rondom-form rondom-decision-form" aria-labelledby="decisions-advice-title">
      <Heading3 id="decisions-advice-title">{t('decisions.advice.title')}</Heading3>
      <ErrorSummary items={items} message={failure} />
      <div className="utrecht-form-field utrecht-form-field--checkbox rondom-checkbox rondom-decision-declaration">
        <Checkbox
          id={idOf('impartial')}
          invalid={!!impartialError}
          aria-required="true"
          aria-describedby={[`${idOf('impartial')}-hint`, impartialError ? `${idOf('impartial')}-error` : ''].filter(Boolean).join(' ')}
          {...register('impartial', { validate: (v) => v || t('decisions.advice.impartialRequired') })}
        />
        <div>
          <FormLabel htmlFor={idOf('impartial')} type="checkbox">
            {labels.impartial}
          </FormLabel>
          <p id={`${idOf('impartial')}-hint`} className="utrecht-form-field-description">
            {t('decisions.advice.impartialHint')}
          </p>
          {impartialError ? (
            <p id={`${idOf('impartial')}-error`} className="utrecht-form-field-error-message">
              {impartialError}
            </p>
          ) : null}
        </div>
      </div>
      <TextAreaField
        id={idOf('advice')}
        label={labels.advice}
        description={t('decisions.advice.adviceHint')}
        required
        rows={8}
        error={errors.advice?.message}
        {...register('advice', {
          validate: (x) => x.trim().length > 0 || required,
          maxLength: { value: ADVICE_MAX, message: t('validation.too_long', { max: ADVICE_MAX }) },
        })}
      />
      <TextField
        id={idOf('recommendation')}
        label={labels.recommendation}
        description={t('decisions.advice.recommendationHint')}
        required
        error={errors.recommendation?.message}
        {...register('recommendation', {
          validate: (x) => x.trim().length > 0 || required,
          maxLength: { value: RECOMMENDATION_MAX, message: t('validation.too_long', { max: RECOMMENDATION_MAX }) },
        })}
      />
      <SaveCancel label={t('decisions.advice.send')} busy={busy} onCancel={onClose} />
      <ConfirmDialog
        open={pending !== null}
        title={t('decisions.advice.confirmTitle')}
        confirmLabel={t('decisions.advice.confirm')}
        tone="neutral"
        busy={busy}
        onConfirm={() => void send()}
        onCancel={() => setPending(null)}
      >
        {t('decisions.advice.confirmText')}
      </ConfirmDialog>
    </form>
  );
}

/** One expert with their advice, as this reader may see it. */
function ExpertItem({ row, parent, onRemove, onWrite }: { row: TExpertAdvice; parent: boolean; onRemove: () => void; onWrite: () => void }) {
  const { t } = useTranslation();
  return (
    <li className="rondom-decision-card">
      <Heading3 className="rondom-decision-card__title">
        {row.expert.name}
        <span className="rondom-hint"> — {t(`decisions.kind.${row.kind}`)}</span>
      </Heading3>
      <dl className="rondom-decision-facts">
        {row.organisation ? (
          <div>
            <dt>{t('decisions.experts.organisation')}</dt>
            <dd>{row.organisation}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('decisions.experts.assignedAt')}</dt>
          <dd>{formatDay(row.assignedAt)}</dd>
        </div>
        <div>
          <dt>{t('decisions.experts.impartiality')}</dt>
          <dd>{row.impartialityDeclaredAt && row.submittedAt ? t('decisions.experts.declaredOn', { date: formatDay(row.impartialityDeclaredAt) }) : t('decisions.experts.notYet')}</dd>
        </div>
      </dl>
      {row.submittedAt && row.advice !== null ? (
        <>
          <p className="rondom-decision-card__label">{t(parent ? 'decisions.experts.adviceParent' : 'decisions.experts.advice', { date: formatDay(row.submittedAt) })}</p>
          <div className="rondom-free-text">{row.advice}</div>
          <p className="rondom-decision-card__label">{t('decisions.experts.recommendation')}</p>
          <div className="rondom-free-text">{row.recommendation}</div>
        </>
      ) : row.submittedAt ? (
        <Paragraph className="rondom-hint">{t('decisions.experts.adviceHidden', { date: formatDay(row.submittedAt) })}</Paragraph>
      ) : (
        <Paragraph className="rondom-hint">{t('decisions.experts.noAdviceYet')}</Paragraph>
      )}
      {row.policies.writeAdvice || row.policies.remove ? (
        <div className="rondom-decision-actions">
          {row.policies.writeAdvice ? (
            <Button appearance="primary-action-button" onClick={onWrite}>
              {t('decisions.advice.write')}
            </Button>
          ) : null}
          {row.policies.remove ? (
            <Button appearance="secondary-action-button" onClick={onRemove}>
              {t('decisions.experts.remove', { name: row.expert.name })}
            </Button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

/** "Adviezen van deskundigen": who advises on the request and what they advise. Mounted by the request page. */
export function ExpertsSection({ requestId, type }: TRequestPartProps) {
  const { t } = useTranslation();
  const me = useSession();
  const parent = me.activeMembership?.role === 'parent';
  const experts = useExperts(requestId);
  const saved = useExpertsSaved(requestId);
  const [assigning, setAssigning] = useState(false);
  const [writing, setWriting] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const opener = useRef<HTMLButtonElement>(null);
  const remove = useConfirmAction<TExpertAdvice>(async (row) => {
    saved(await api<TExperts>(expertsPath(requestId, `/${encodeURIComponent(row.id)}`), { method: 'DELETE' }));
    setMessage(t('decisions.experts.removed', { name: row.expert.name }));
  });
  const data = experts.data;
  if (experts.isPending) return <Loading />;
  if (experts.isError) return <ErrorAlert error={experts.error} />;
  if (!data || (data.items.length === 0 && !data.policies.assign)) return null;
  const focusHeading = () => requestAnimationFrame(() => document.getElementById('decisions-experts-heading')?.focus());
  return (
    <section aria-labelledby="decisions-experts-heading" className="rondom-decision-part">
      <div className="rondom-decision-part__head">
        <Heading2 id="decisions-experts-heading" ref={remove.heading} tabIndex={-1} className="rondom-focus-target">
          {t('decisions.experts.title')}
        </Heading2>
        {data.policies.assign && !assigning ? (
          <Button ref={opener} appearance="secondary-action-button" onClick={() => setAssigning(true)}>
            {t('decisions.experts.assignOpen')}
          </Button>
        ) : null}
      </div>
      <Paragraph className="rondom-hint">{t(parent ? 'decisions.experts.introParent' : 'decisions.experts.intro')}</Paragraph>
      {type === 'tlv' && !parent ? (
        <Paragraph>{t(data.advicesSufficient ? 'decisions.experts.tlvEnough' : 'decisions.experts.tlvNeeds')}</Paragraph>
      ) : null}
      <StatusMessage>{message}</StatusMessage>
      {assigning ? (
        <AssignForm
          requestId={requestId}
          experts={data}
          onDone={setMessage}
          onClose={() => {
            setAssigning(false);
            requestAnimationFrame(() => opener.current?.focus());
          }}
        />
      ) : null}
      {data.items.length === 0 ? (
        <Paragraph className="rondom-empty">{t('decisions.experts.none')}</Paragraph>
      ) : (
        <ul className="rondom-decision-cards">
          {data.items.map((row) =>
            writing === row.id ? (
              <li key={row.id} className="rondom-decision-card">
                <AdviceForm
                  requestId={requestId}
                  row={row}
                  onDone={setMessage}
                  onClose={() => {
                    setWriting(null);
                    focusHeading();
                  }}
                />
              </li>
            ) : (
              <ExpertItem key={row.id} row={row} parent={parent} onRemove={() => remove.ask(row)} onWrite={() => setWriting(row.id)} />
            ),
          )}
        </ul>
      )}
      <ConfirmDialog
        open={remove.target !== null}
        title={t('decisions.experts.removeTitle', { name: remove.target?.expert.name ?? '' })}
        confirmLabel={t('decisions.experts.removeConfirm')}
        busy={remove.busy}
        onConfirm={() => void remove.confirm()}
        onCancel={remove.cancel}
      >
        <Paragraph>{t('decisions.experts.removeText')}</Paragraph>
        {remove.failure ? (
          <Alert type="error" role="alert">
            <Paragraph>{remove.failure instanceof Error ? remove.failure.message : t('errors.internal')}</Paragraph>
          </Alert>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}
