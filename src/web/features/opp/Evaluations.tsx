import { Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { applyServerError, ErrorSummary, SaveCancel, TextField, useServerIssues } from '../../components/forms.js';
import { formatDate } from '../../format.js';
import { todayIso } from '../../format.js';
import { RadioGroupField, TextAreaField } from '../../components/fields.js';
import { summaryFor } from '../dossier/Goals.js';
import { NOTE_MAX, type TOpp, oppPath, useOppSaved } from './data.js';
import type { Audience } from './parts.js';

interface EvaluationValues {
  heldOn: string;
  withParents: 'yes' | 'no' | '';
  summary: string;
}
const FIELDS = ['heldOn', 'withParents', 'summary'] as const;

function EvaluationForm({ opp, onClose, onDone }: { opp: TOpp; onClose: () => void; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const saved = useOppSaved(opp.pupil.id);
  const { failure, unplaced, clear: clearServer, show: showServer } = useServerIssues();
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<EvaluationValues>({ shouldFocusError: false, defaultValues: { heldOn: todayIso(), withParents: '', summary: '' } });
  useEffect(() => setFocus('heldOn'), [setFocus]);
  const idOf = (f: string) => `opp-evaluation-${f}`;
  const labels = {
    heldOn: t('opp.evaluations.heldOn'),
    withParents: t('opp.evaluations.withParents'),
    summary: t('opp.evaluations.summary'),
  };
  const required = t('validation.required');
  const onValid = async (v: EvaluationValues) => {
    clearServer();
    try {
      saved(
        await api<TOpp>(oppPath(opp.id, '/evaluations'), {
          method: 'POST',
          body: { heldOn: v.heldOn, withParents: v.withParents === 'yes', summary: v.summary.trim() },
        }),
      );
      onDone(t('opp.evaluations.saved'));
      onClose();
    } catch (e) {
      showServer(applyServerError(e, setError, FIELDS));
    }
  };
  const items = submitCount ? summaryFor(errors, FIELDS.map((name) => ({ name, label: labels[name] })), idOf, unplaced) : [];
  return (
    <form noValidate onSubmit={handleSubmit(onValid)} className="rondom-form rondom-part__form" aria-labelledby="opp-evaluation-title">
      <Heading3 id="opp-evaluation-title" className="rondom-form__title">
        {t('opp.evaluations.formTitle')}
      </Heading3>
      <ErrorSummary items={items} message={failure} />
      <TextField
        id={idOf('heldOn')}
        type="date"
        label={labels.heldOn}
        required
        max={todayIso()}
        className="rondom-field--medium"
        error={errors.heldOn?.message}
        {...register('heldOn', { required })}
      />
      <RadioGroupField
        id={idOf('withParents')}
        legend={labels.withParents}
        description={t('opp.evaluations.withParentsHint')}
        required
        error={errors.withParents?.message}
        options={[
          { value: 'yes', label: t('common.yes') },
          { value: 'no', label: t('common.no') },
        ]}
        inputProps={register('withParents', { required: t('opp.evaluations.chooseWithParents') })}
      />
      <TextAreaField
        id={idOf('summary')}
        label={labels.summary}
        description={t('opp.evaluations.summaryHint')}
        required
        rows={5}
        error={errors.summary?.message}
        {...register('summary', {
          validate: (x) => x.trim().length > 0 || required,
          maxLength: { value: NOTE_MAX, message: t('validation.too_long', { max: NOTE_MAX }) },
        })}
      />
      <SaveCancel label={t('opp.evaluations.save')} busy={isSubmitting} onCancel={onClose} />
    </form>
  );
}

/** "Evaluaties met ouders": at least once a school year on the plan in force. */
export function EvaluationsSection({ opp, audience, onStatus }: { opp: TOpp; audience: Audience; onStatus: (m: string) => void }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const canAdd = opp.policies.evaluate;
  return (
    <section aria-labelledby="opp-evaluations-heading" className="rondom-part" id="opp-evaluations">
      <div className="rondom-part__head">
        <Heading2 id="opp-evaluations-heading" tabIndex={-1} className="rondom-focus-target">
          {t('opp.evaluations.title')}
        </Heading2>
        {canAdd && !adding ? (
          <Button ref={opener} appearance="secondary-action-button" onClick={() => setAdding(true)}>
            {t('opp.evaluations.add')}
          </Button>
        ) : null}
      </div>
      <Paragraph className="rondom-hint rondom-part__intro">{t(`opp.evaluations.intro.${audience}`)}</Paragraph>
      {adding ? (
        <EvaluationForm
          opp={opp}
          onClose={() => {
            setAdding(false);
            requestAnimationFrame(() => opener.current?.focus());
          }}
          onDone={onStatus}
        />
      ) : null}
      {opp.evaluations.length === 0 ? (
        <Paragraph className="rondom-empty">{t('opp.evaluations.none')}</Paragraph>
      ) : (
        <ul className="rondom-evaluations">
          {opp.evaluations.map((e) => (
            <li key={e.id} className="rondom-evaluation">
              <p className="rondom-evaluation__head">
                <strong>{formatDate(e.heldOn)}</strong>
                <span aria-hidden="true"> · </span>
                <span className="rondom-visually-hidden">, </span>
                {e.withParents ? t('opp.evaluations.withParentsYes') : t('opp.evaluations.withParentsNo')}
                {audience === 'staff' && e.recordedByName ? (
                  <span className="rondom-hint"> ({t('opp.evaluations.recordedBy', { name: e.recordedByName })})</span>
                ) : null}
              </p>
              <div className="rondom-free-text">{e.summary}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
