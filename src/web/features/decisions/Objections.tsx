import { useQueryClient } from '@tanstack/react-query';
import { Button, Heading3, Heading4, Paragraph } from '@utrecht/component-library-react';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { TextAreaField } from '../../components/fields.js';
import { applyServerError, ErrorSummary, SaveCancel, SelectField, TextField, useServerIssues } from '../../components/forms.js';
import { formatDate, todayIso } from '../../format.js';
import { summaryFor } from '../dossier/Goals.js';
import {
  decisionKey,
  GROUNDS_MAX,
  LODGED_BY_MAX,
  objectionPath,
  objectionsPath,
  OUTCOME_NOTE_MAX,
  type TDecision,
  type TObjection,
} from './data.js';

/** An objection saved: put it into the decision shown, in the order of arrival. */
function useObjectionSaved(requestId: string) {
  const queryClient = useQueryClient();
  return (o: TObjection) =>
    queryClient.setQueryData<TDecision | null>(decisionKey(requestId), (d) =>
      d
        ? {
            ...d,
            objections: [...d.objections.filter((x) => x.id !== o.id), o].sort((a, b) =>
              a.receivedOn === b.receivedOn ? a.createdAt.localeCompare(b.createdAt) : a.receivedOn.localeCompare(b.receivedOn),
            ),
          }
        : d,
    );
}

interface RegisterValues {
  receivedOn: string;
  lodgedBy: string;
  grounds: string;
}
const REGISTER_FIELDS = ['receivedOn', 'lodgedBy', 'grounds'] as const;

/** The consultant registers an objection as it came in; one after the deadline is registered too, and flagged. */
function RegisterForm({ requestId, onClose, onDone }: { requestId: string; onClose: () => void; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const saved = useObjectionSaved(requestId);
  const { failure, unplaced, setFailure, clear: clearServer, show: showServer } = useServerIssues();
  const { register, handleSubmit, setError, formState } = useForm<RegisterValues>({
    shouldFocusError: false,
    defaultValues: { receivedOn: todayIso(), lodgedBy: '', grounds: '' },
  });
  const { errors, isSubmitting, submitCount } = formState;
  const idOf = (f: string) => `objection-${f}`;
  const labels = { receivedOn: t('objections.receivedOn'), lodgedBy: t('objections.lodgedBy'), grounds: t('objections.grounds') };
  const required = t('validation.required');
  const onValid = async (v: RegisterValues) => {
    clearServer();
    try {
      const o = await api<TObjection>(objectionsPath(requestId), {
        method: 'POST',
        body: { receivedOn: v.receivedOn, lodgedBy: v.lodgedBy.trim(), grounds: v.grounds.trim() },
      });
      saved(o);
      onDone(t(o.late ? 'objections.registeredLate' : 'objections.registered'));
      onClose();
    } catch (e) {
      showServer(applyServerError(e, setError, REGISTER_FIELDS));
    }
  };
  const items = submitCount ? summaryFor(errors, REGISTER_FIELDS.map((name) => ({ name, label: labels[name] })), idOf, unplaced) : [];
  return (
    <form noValidate onSubmit={handleSubmit(onValid)} className="rondom-form rondom-decision-form" aria-labelledby="objection-form-title">
      <Heading4 id="objection-form-title">{t('objections.registerTitle')}</Heading4>
      <ErrorSummary items={items} message={failure} />
      <TextField
        id={idOf('receivedOn')}
        type="date"
        max={todayIso()}
        label={labels.receivedOn}
        required
        className="rondom-field--medium"
        error={errors.receivedOn?.message}
        {...register('receivedOn', { required })}
      />
      <TextField
        id={idOf('lodgedBy')}
        label={labels.lodgedBy}
        description={t('objections.lodgedByHint')}
        required
        error={errors.lodgedBy?.message}
        {...register('lodgedBy', {
          validate: (x) => x.trim().length > 0 || required,
          maxLength: { value: LODGED_BY_MAX, message: t('validation.too_long', { max: LODGED_BY_MAX }) },
        })}
      />
      <TextAreaField
        id={idOf('grounds')}
        label={labels.grounds}
        description={t('objections.groundsHint')}
        required
        rows={5}
        error={errors.grounds?.message}
        {...register('grounds', {
          validate: (x) => x.trim().length > 0 || required,
          maxLength: { value: GROUNDS_MAX, message: t('validation.too_long', { max: GROUNDS_MAX }) },
        })}
      />
      <SaveCancel label={t('objections.register')} busy={isSubmitting} onCancel={onClose} />
    </form>
  );
}

interface StatusValues {
  status: string;
  outcomeNote: string;
}

/** Moves an objection on (only forward): forwarded to the committee, its outcome, or withdrawn. */
function StatusForm({ requestId, objection, onClose, onDone }: { requestId: string; objection: TObjection; onClose: () => void; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const saved = useObjectionSaved(requestId);
  const [failure, setFailure] = useState<string>();
  const { register, handleSubmit, setError, formState } = useForm<StatusValues>({ shouldFocusError: false, defaultValues: { status: '', outcomeNote: objection.outcomeNote ?? '' } });
  const { errors, isSubmitting, submitCount } = formState;
  const idOf = (f: string) => `objection-${objection.id}-${f}`;
  const labels = { status: t('objections.newStatus'), outcomeNote: t('objections.outcomeNote') };
  const onValid = async (v: StatusValues) => {
    setFailure(undefined);
    try {
      const o = await api<TObjection>(objectionPath(objection.id), { method: 'PATCH', body: { status: v.status, outcomeNote: v.outcomeNote.trim() || null } });
      saved(o);
      onDone(t('objections.statusSaved', { status: t(`objections.status.${o.status}`) }));
      onClose();
    } catch (e) {
      setFailure(applyServerError(e, setError, ['status', 'outcomeNote']).message || undefined);
    }
  };
  const items = submitCount ? summaryFor(errors, (['status', 'outcomeNote'] as const).map((name) => ({ name, label: labels[name] })), idOf, []) : [];
  return (
    <form noValidate onSubmit={handleSubmit(onValid)} className="rondom-form rondom-decision-form" aria-label={t('objections.changeStatus')}>
      <ErrorSummary items={items} message={failure} />
      <SelectField
        id={idOf('status')}
        label={labels.status}
        required
        placeholder={t('objections.chooseStatus')}
        options={objection.nextStatuses.map((s) => ({ value: s, label: t(`objections.status.${s}`) }))}
        error={errors.status?.message}
        {...register('status', { required: t('objections.chooseStatus') })}
      />
      <TextAreaField
        id={idOf('outcomeNote')}
        label={labels.outcomeNote}
        rows={3}
        error={errors.outcomeNote?.message}
        {...register('outcomeNote', { maxLength: { value: OUTCOME_NOTE_MAX, message: t('validation.too_long', { max: OUTCOME_NOTE_MAX }) } })}
      />
      <SaveCancel label={t('common.save')} busy={isSubmitting} onCancel={onClose} />
    </form>
  );
}

/** "Bezwaren": the objections against the decision, with their state in words, and (for the consultant) registering and moving them on. */
export function Objections({ requestId, decision, onStatus }: { requestId: string; decision: TDecision; onStatus: (m: string) => void }) {
  const { t } = useTranslation();
  const [registering, setRegistering] = useState(false);
  const [changing, setChanging] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const canRegister = decision.policies.registerObjection;
  if (decision.objections.length === 0 && !canRegister) return null;
  return (
    <div className="rondom-decision-objections">
      <Heading3 id="decision-objections-heading" tabIndex={-1}>
        {t('objections.title')}
      </Heading3>
      {decision.objections.length === 0 ? (
        <Paragraph className="rondom-empty">{t('objections.none')}</Paragraph>
      ) : (
        <ul className="rondom-decision-cards">
          {decision.objections.map((o) => (
            <li key={o.id} className="rondom-decision-card">
              <Heading4 className="rondom-decision-card__title">{t('objections.receivedTitle', { date: formatDate(o.receivedOn) })}</Heading4>
              <dl className="rondom-decision-facts">
                <div>
                  <dt>{t('objections.lodgedBy')}</dt>
                  <dd>{o.lodgedBy}</dd>
                </div>
                <div>
                  <dt>{t('objections.statusLabel')}</dt>
                  <dd>
                    <span className={`rondom-decision-badge rondom-decision-badge--${o.status}`}>{t(`objections.status.${o.status}`)}</span>
                  </dd>
                </div>
                <div>
                  <dt>{t('objections.inTime')}</dt>
                  <dd>{o.late ? <strong>{t('objections.late')}</strong> : t('objections.onTime')}</dd>
                </div>
              </dl>
              <p className="rondom-decision-card__label">{t('objections.grounds')}</p>
              <div className="rondom-free-text">{o.grounds}</div>
              {o.outcomeNote ? (
                <>
                  <p className="rondom-decision-card__label">{t('objections.outcomeNote')}</p>
                  <div className="rondom-free-text">{o.outcomeNote}</div>
                </>
              ) : null}
              {changing === o.id ? (
                <StatusForm requestId={requestId} objection={o} onDone={onStatus} onClose={() => setChanging(null)} />
              ) : o.nextStatuses.length ? (
                <Button appearance="secondary-action-button" onClick={() => setChanging(o.id)}>
                  {t('objections.changeStatus')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canRegister ? (
        registering ? (
          <RegisterForm
            requestId={requestId}
            onDone={onStatus}
            onClose={() => {
              setRegistering(false);
              requestAnimationFrame(() => opener.current?.focus());
            }}
          />
        ) : (
          <Button ref={opener} appearance="secondary-action-button" onClick={() => setRegistering(true)}>
            {t('objections.registerOpen')}
          </Button>
        )
      ) : null}
    </div>
  );
}
