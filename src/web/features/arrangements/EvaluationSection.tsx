import { Button, Checkbox, FormLabel, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api.js';
import { AppLink } from '../../components/AppLink.js';
import { RadioGroupField, TextAreaField } from '../../components/fields.js';
import { applyServerError, ErrorSummary, SaveCancel, TextField, useServerIssues } from '../../components/forms.js';
import { formatDate, todayIso } from '../../format.js';
import { summaryFor } from '../dossier/Goals.js';
import { requestPage } from '../requests/keys.js';
import { arrangementApi, EVALUATION_OUTCOMES, GOALS_MET, SUMMARY_MAX, type TArrangement, type TEvaluationAnswer, useArrangementSaved } from './data.js';

interface Values {
  heldOn: string;
  goalsMet: string;
  outcome: string;
  summary: string;
  requestExtension: boolean;
}
const FIELDS = ['heldOn', 'goalsMet', 'outcome', 'summary', 'requestExtension'] as const;

function EvaluationForm({ a, onClose, onDone }: { a: TArrangement; onClose: () => void; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const saved = useArrangementSaved();
  const navigate = useNavigate();
  const { failure, unplaced, clear: clearServer, show: showServer } = useServerIssues();
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    watch,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<Values>({
    shouldFocusError: false,
    defaultValues: { heldOn: todayIso(), goalsMet: '', outcome: '', summary: '', requestExtension: false },
  });
  useEffect(() => setFocus('heldOn'), [setFocus]);
  const idOf = (f: string) => `arr-evaluation-${f}`;
  const labels = {
    heldOn: t('arrangements.evaluations.heldOn'),
    goalsMet: t('arrangements.evaluations.goalsMet'),
    outcome: t('arrangements.evaluations.outcome'),
    summary: t('arrangements.evaluations.summary'),
    requestExtension: t('arrangements.evaluations.requestExtension'),
  };
  const required = t('validation.required');
  const extend = watch('requestExtension');
  const onValid = async (v: Values) => {
    clearServer();
    try {
      const out = await api<TEvaluationAnswer>(arrangementApi(a.id, '/evaluations'), {
        method: 'POST',
        body: { heldOn: v.heldOn, goalsMet: v.goalsMet, outcome: v.outcome, summary: v.summary.trim(), ...(v.requestExtension ? { requestExtension: true } : {}) },
      });
      saved(out.arrangement);
      // the extension is a new draft request: the school fills it in on its own page
      if (out.extensionRequestId) {
        navigate(requestPage(out.extensionRequestId));
        return;
      }
      onDone(out.arrangement.status === 'stopped' ? t('arrangements.evaluations.savedStopped') : t('arrangements.evaluations.saved'));
      onClose();
    } catch (e) {
      showServer(applyServerError(e, setError, FIELDS));
    }
  };
  const items = submitCount ? summaryFor(errors, FIELDS.map((name) => ({ name, label: labels[name] })), idOf, unplaced) : [];
  return (
    <form noValidate onSubmit={handleSubmit(onValid)} className="rondom-form rondom-part__form" aria-labelledby="arr-evaluation-title">
      <Heading3 id="arr-evaluation-title">{t('arrangements.evaluations.formTitle')}</Heading3>
      <ErrorSummary items={items} message={failure} />
      <TextField
        id={idOf('heldOn')}
        type="date"
        label={labels.heldOn}
        required
        min={a.startOn}
        max={todayIso()}
        className="rondom-field--medium"
        error={errors.heldOn?.message}
        {...register('heldOn', {
          required,
          validate: (x) =>
            x < a.startOn ? t('errors.arrangement_held_before_start') : x > todayIso() ? t('errors.arrangement_held_in_future') : true,
        })}
      />
      <RadioGroupField
        id={idOf('goalsMet')}
        legend={labels.goalsMet}
        required
        error={errors.goalsMet?.message}
        options={GOALS_MET.map((g) => ({ value: g, label: t(`arrangements.goalsMet.${g}`) }))}
        inputProps={register('goalsMet', { required: t('arrangements.evaluations.chooseGoalsMet') })}
      />
      <RadioGroupField
        id={idOf('outcome')}
        legend={labels.outcome}
        description={t('arrangements.evaluations.outcomeHint')}
        required
        error={errors.outcome?.message}
        options={EVALUATION_OUTCOMES.map((o) => ({ value: o, label: t(`arrangements.outcome.${o}`) }))}
        inputProps={register('outcome', { required: t('arrangements.evaluations.chooseOutcome') })}
      />
      <TextAreaField
        id={idOf('summary')}
        label={labels.summary}
        description={t('arrangements.evaluations.summaryHint')}
        required
        rows={5}
        error={errors.summary?.message}
        {...register('summary', {
          validate: (x) => x.trim().length > 0 || required,
          maxLength: { value: SUMMARY_MAX, message: t('validation.too_long', { max: SUMMARY_MAX }) },
        })}
      />
      {a.policies.requestExtension ? (
        <div className="utrecht-form-field utrecht-form-field--checkbox rondom-checkbox">
          <Checkbox
            id={idOf('requestExtension')}
            aria-describedby={`${idOf('requestExtension')}-hint${errors.requestExtension ? ` ${idOf('requestExtension')}-error` : ''}`}
            invalid={!!errors.requestExtension}
            {...register('requestExtension', {
              validate: (x, all) => !x || all.outcome !== 'stop' || t('errors.arrangement_extension_with_stop'),
            })}
          />
          <span>
            <FormLabel htmlFor={idOf('requestExtension')} type="checkbox">
              {labels.requestExtension}
            </FormLabel>
            <span id={`${idOf('requestExtension')}-hint`} className="rondom-hint">
              {' '}
              {t('arrangements.evaluations.requestExtensionHint')}
            </span>
            {errors.requestExtension ? (
              <span id={`${idOf('requestExtension')}-error`} className="utrecht-form-field-error-message">
                {errors.requestExtension.message}
              </span>
            ) : null}
          </span>
        </div>
      ) : null}
      <SaveCancel label={extend ? t('arrangements.evaluations.saveAndExtend') : t('arrangements.evaluations.save')} busy={isSubmitting} onCancel={onClose} />
    </form>
  );
}

/** The evaluations: were the goals met, and does it go on, change or stop (and perhaps an extension). */
export function EvaluationSection({ a, forParent, onStatus }: { a: TArrangement; forParent: boolean; onStatus: (m: string) => void }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  return (
    <section aria-labelledby="arr-evaluations-heading" className="rondom-part">
      <div className="rondom-part__head">
        <Heading2 id="arr-evaluations-heading">{forParent ? t('arrangements.evaluations.titleParent') : t('arrangements.evaluations.title')}</Heading2>
        {a.policies.evaluate && !adding ? (
          <Button ref={opener} appearance="secondary-action-button" onClick={() => setAdding(true)}>
            {t('arrangements.evaluations.add')}
          </Button>
        ) : null}
      </div>
      {adding ? (
        <EvaluationForm
          a={a}
          onClose={() => {
            setAdding(false);
            requestAnimationFrame(() => opener.current?.focus());
          }}
          onDone={onStatus}
        />
      ) : null}
      {a.evaluations.length === 0 ? (
        <Paragraph className="rondom-empty">
          {a.nextEvaluationOn ? t('arrangements.evaluations.noneYet', { date: formatDate(a.nextEvaluationOn) }) : t('arrangements.evaluations.none')}
        </Paragraph>
      ) : (
        <ul className="rondom-evaluations">
          {a.evaluations.map((e) => (
            <li key={e.id} className="rondom-evaluation">
              <p className="rondom-evaluation__head">
                <strong>{formatDate(e.heldOn)}</strong>
                <span aria-hidden="true"> · </span>
                <span className="rondom-visually-hidden">, </span>
                {t('arrangements.evaluations.line', { goalsMet: t(`arrangements.goalsMet.${e.goalsMet}`), outcome: t(`arrangements.outcome.${e.outcome}`) })}
                {e.recordedByName ? <span className="rondom-hint"> ({t('arrangements.evaluations.recordedBy', { name: e.recordedByName })})</span> : null}
              </p>
              <div className="rondom-free-text">{e.summary}</div>
              {e.extensionRequestId && !forParent ? (
                <Paragraph>
                  <AppLink to={requestPage(e.extensionRequestId)}>{t('arrangements.evaluations.extensionLink')}</AppLink>
                </Paragraph>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
