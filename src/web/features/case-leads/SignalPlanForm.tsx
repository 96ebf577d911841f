import { Heading4, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api.js';
import { TextAreaField } from '../../components/fields.js';
import { applyServerError, ErrorSummary, SaveCancel, summaryItems, TextField, useServerIssues } from '../../components/forms.js';
import { ACTOR_NAME_MAX, PLAN_LINE_MAX, signalPlanApi, type TCase, type TSignalLevel, type TSignalPlan } from './data.js';

interface Values {
  trigger: string;
  triggerOn: string;
  action: string;
  actorName: string;
}
const FIELDS = ['trigger', 'triggerOn', 'action', 'actorName'] as const;

/**
 * Writes plan B, C or D: the signal in words, the day to look (optional), what then happens and
 * who acts. Sends the version it was opened on, so a change made meanwhile is not overwritten.
 */
export function SignalPlanForm({
  pupilId,
  level,
  plan,
  onCancel,
  onSaved,
}: {
  pupilId: string;
  level: TSignalLevel;
  plan: TSignalPlan | undefined;
  onCancel: () => void;
  onSaved: (answer: TCase) => Promise<void>;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const { failure, unplaced, setFailure, clear: clearServer, show: showServer } = useServerIssues();
  const idOf = (f: string) => `plan-${level}-${f}`;
  const required = { validate: (v: string) => v.trim() !== '' || t('validation.required') };
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<Values>({
    shouldFocusError: false,
    defaultValues: {
      trigger: plan?.trigger ?? '',
      triggerOn: plan?.triggerOn ?? '',
      action: plan?.action ?? '',
      actorName: plan?.actorName ?? '',
    },
  });
  useEffect(() => {
    heading.current?.focus();
  }, []);

  const onSubmit = async (v: Values) => {
    clearServer();
    try {
      const answer = await api<TCase>(signalPlanApi(pupilId, level), {
        method: 'PUT',
        body: {
          trigger: v.trigger.trim(),
          triggerOn: v.triggerOn || null,
          action: v.action.trim(),
          actorName: v.actorName.trim(),
          ...(plan ? { rowVersion: plan.rowVersion } : {}),
        },
      });
      await onSaved(answer);
    } catch (e) {
      // someone else saved first: say so plainly, the fields themselves are fine
      if (e instanceof ApiError && e.code === 'conflict') return setFailure(e.message);
      showServer(applyServerError(e, setError, FIELDS));
    }
  };

  const items = submitCount ? summaryItems(errors, FIELDS, idOf, unplaced) : [];
  const max = (n: number) => ({ maxLength: { value: n, message: t('validation.too_long', { max: n }) } });
  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="rondom-form rondom-case-form" aria-labelledby={idOf('title')}>
      <Heading4 id={idOf('title')} ref={heading} tabIndex={-1} className="rondom-form__title">
        {plan ? t('caseLeads.plans.editTitle', { level }) : t('caseLeads.plans.newTitle', { level })}
      </Heading4>
      {level !== 'B' && !plan ? <Paragraph>{t(`caseLeads.plans.newIntro${level}`)}</Paragraph> : null}
      <ErrorSummary items={items} message={failure} />
      <TextAreaField
        id={idOf('trigger')}
        label={t('caseLeads.plans.fields.trigger')}
        description={t('caseLeads.plans.fields.triggerHint')}
        required
        rows={2}
        error={errors.trigger?.message}
        {...register('trigger', { ...required, ...max(PLAN_LINE_MAX) })}
      />
      <TextField
        id={idOf('triggerOn')}
        type="date"
        className="rondom-field--short"
        label={t('caseLeads.plans.fields.triggerOn')}
        description={t('caseLeads.plans.fields.triggerOnHint')}
        error={errors.triggerOn?.message}
        {...register('triggerOn')}
      />
      <TextAreaField
        id={idOf('action')}
        label={t('caseLeads.plans.fields.action')}
        description={t('caseLeads.plans.fields.actionHint')}
        required
        rows={3}
        error={errors.action?.message}
        {...register('action', { ...required, ...max(PLAN_LINE_MAX) })}
      />
      <TextField
        id={idOf('actorName')}
        label={t('caseLeads.plans.fields.actorName')}
        description={t('caseLeads.plans.fields.actorNameHint')}
        required
        autoComplete="off"
        error={errors.actorName?.message}
        {...register('actorName', { ...required, ...max(ACTOR_NAME_MAX) })}
      />
      <SaveCancel label={t('caseLeads.plans.save', { level })} busy={isSubmitting} onCancel={onCancel} />
    </form>
  );
}
