import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { type FieldErrors, type FieldValues, get, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useReturnFocus } from '../../components/focus.js';
import { api, type FieldIssue } from '../../api.js';
import { applyServerError, ErrorSummary, SaveCancel, type SummaryItem, TextField, useServerIssues } from '../../components/forms.js';
import { ConflictNotice, useConflict } from './conflict.js';
import { EVALUATION_RESULTS, type TDossier, type TEvaluationResult, type TGoal, type TGoalStatus, dossierKey, dossierPath, isConflict } from './data.js';
import { todayIso } from '../../format.js';
import { RadioGroupField, TextAreaField } from '../../components/fields.js';
import { summaryLine } from './labels.js';
import { EmptyPart, GoalCard } from './views.js';

/**
 * The error summary's lines in the order of the fields, each with the label as shown (a legend's
 * "(verplicht)" mark is not part of it), and then the server's problems that belong to no field.
 */
export function summaryFor<T extends FieldValues>(
  errors: FieldErrors<T>,
  fields: readonly { name: string; label: string }[],
  idOf: (f: string) => string,
  extra: FieldIssue[],
): SummaryItem[] {
  const items: SummaryItem[] = [];
  for (const f of fields) {
    // a dotted name ("support.0.what") is a field in a list of lines
    const m = (get(errors, f.name) as { message?: unknown } | undefined)?.message;
    if (typeof m === 'string' && m) items.push({ fieldId: idOf(f.name), message: summaryLine(f.label, m) });
  }
  for (const i of extra) items.push({ fieldId: null, message: i.message });
  return items;
}

const SMART = ['specific', 'measurable', 'acceptable', 'realistic', 'timeBound'] as const;

/** "Hulp bij een SMART doel": one short line per letter, closed until someone asks for it. */
function SmartHelp() {
  const { t } = useTranslation();
  return (
    <details className="rondom-details">
      <summary>{t('dossier.goals.smart.title')}</summary>
      <dl className="rondom-smart">
        {SMART.map((k) => (
          <div key={k}>
            <dt>{t(`dossier.goals.smart.${k}.term`)}</dt>
            <dd>{t(`dossier.goals.smart.${k}.text`)}</dd>
          </div>
        ))}
      </dl>
      <Paragraph className="rondom-smart__example">
        <strong>{t('dossier.goals.exampleTitle')}</strong>
        <br />
        {t('dossier.goals.exampleGoal')}
        <br />
        {t('dossier.goals.exampleCriterion')}
      </Paragraph>
    </details>
  );
}

interface GoalValues {
  goal: string;
  criterion: string;
  targetDate: string;
}
const GOAL_FIELDS = ['goal', 'criterion', 'targetDate'] as const;

/** A new goal, or (with `goal`) changing one; the server checks that it is measurable and (when new) ahead in time. */
export function GoalForm({
  dossier,
  goal,
  onClose,
  onSaved,
}: {
  dossier: TDossier;
  goal?: TGoal;
  onClose: () => void;
  onSaved: (d: TDossier) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const pupilId = dossier.pupil.id;
  const conflict = useConflict(pupilId);
  const [version, setVersion] = useState(goal?.version ?? 0);
  const { failure, unplaced, clear: clearServer, show: showServer } = useServerIssues();
  const prefix = goal ? `goal-${goal.id}-edit` : 'goal-new';
  const idOf = (f: string) => `${prefix}-${f}`;
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<GoalValues>({
    shouldFocusError: false,
    defaultValues: goal ? { goal: goal.goal, criterion: goal.criterion, targetDate: goal.targetDate } : { goal: '', criterion: '', targetDate: '' },
  });
  useEffect(() => setFocus('goal'), [setFocus]);
  const required = t('validation.required');
  const onSubmit = async (v: GoalValues) => {
    clearServer();
    conflict.clear();
    const body = { goal: v.goal.trim(), criterion: v.criterion.trim(), targetDate: v.targetDate };
    try {
      const d = goal
        ? await api<TDossier>(`${dossierPath(pupilId)}/goals/${encodeURIComponent(goal.id)}`, { method: 'PATCH', body: { ...body, version } })
        : await api<TDossier>(`${dossierPath(pupilId)}/goals`, { method: 'POST', body });
      queryClient.setQueryData(dossierKey(pupilId), d);
      onSaved(d);
      onClose();
    } catch (e) {
      if (isConflict(e)) {
        conflict.clash(e.message);
        return;
      }
      showServer(applyServerError(e, setError, GOAL_FIELDS));
    }
  };
  const labels = {
    goal: t('dossier.goals.fields.goal'),
    criterion: t('dossier.goals.fields.criterion'),
    targetDate: t('dossier.goals.fields.targetDate'),
  };
  const items = submitCount ? summaryFor(errors, GOAL_FIELDS.map((name) => ({ name, label: labels[name] })), idOf, unplaced) : [];
  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="rondom-form rondom-part__form" aria-labelledby={`${prefix}-title`}>
      <Heading3 id={`${prefix}-title`} className="rondom-form__title">
        {goal ? t('dossier.goals.editTitle') : t('dossier.goals.newTitle')}
      </Heading3>
      <ErrorSummary items={items} message={conflict.message ?? failure} />
      {goal ? (
        <ConflictNotice
          conflict={conflict}
          onReload={() =>
            void conflict.reload().then((d) => {
              const now = d?.goals.find((g) => g.id === goal.id);
              if (now) setVersion(now.version);
            })
          }
        />
      ) : null}
      <SmartHelp />
      <TextAreaField
        id={idOf('goal')}
        label={labels.goal}
        description={t('dossier.goals.fields.goalHint')}
        required
        rows={3}
        error={errors.goal?.message}
        {...register('goal', {
          required,
          validate: (x) => x.trim().length > 0 || required,
          maxLength: { value: 1000, message: t('validation.too_long', { max: 1000 }) },
        })}
      />
      <TextAreaField
        id={idOf('criterion')}
        label={labels.criterion}
        description={t('dossier.goals.fields.criterionHint')}
        required
        rows={2}
        error={errors.criterion?.message}
        {...register('criterion', {
          required,
          validate: (x) => x.trim().length > 0 || required,
          maxLength: { value: 1000, message: t('validation.too_long', { max: 1000 }) },
        })}
      />
      <TextField
        id={idOf('targetDate')}
        type="date"
        label={labels.targetDate}
        description={t('dossier.goals.fields.targetDateHint')}
        required
        className="rondom-field--medium"
        error={errors.targetDate?.message}
        {...register('targetDate', { required })}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={isSubmitting} disabled={isSubmitting}>
          {goal ? t('common.save') : t('dossier.goals.add')}
        </Button>
        <Button appearance="secondary-action-button" onClick={onClose} disabled={isSubmitting}>
          {t('common.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

interface EvaluationValues {
  evaluatedOn: string;
  result: TEvaluationResult | '';
  whatWorked: string;
  nextStep: string;
}
const EVALUATION_FIELDS = ['evaluatedOn', 'result', 'whatWorked', 'nextStep'] as const;

/** A short evaluation: when, did it work, what worked, what next. */
export function EvaluationForm({
  dossier,
  goal,
  onClose,
  onSaved,
}: {
  dossier: TDossier;
  goal: TGoal;
  onClose: () => void;
  onSaved: (result: TEvaluationResult) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const pupilId = dossier.pupil.id;
  const { failure, unplaced, clear: clearServer, show: showServer } = useServerIssues();
  const prefix = `goal-${goal.id}-evaluation`;
  const idOf = (f: string) => `${prefix}-${f}`;
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<EvaluationValues>({
    shouldFocusError: false,
    defaultValues: { evaluatedOn: todayIso(), result: '', whatWorked: '', nextStep: '' },
  });
  useEffect(() => setFocus('evaluatedOn'), [setFocus]);
  const required = t('validation.required');
  const onSubmit = async (v: EvaluationValues) => {
    clearServer();
    try {
      const d = await api<TDossier>(`${dossierPath(pupilId)}/goals/${encodeURIComponent(goal.id)}/evaluations`, {
        method: 'POST',
        body: { evaluatedOn: v.evaluatedOn, result: v.result, whatWorked: v.whatWorked.trim(), nextStep: v.nextStep.trim() },
      });
      queryClient.setQueryData(dossierKey(pupilId), d);
      onSaved(v.result as TEvaluationResult);
      onClose();
    } catch (e) {
      showServer(applyServerError(e, setError, EVALUATION_FIELDS));
    }
  };
  const labels = {
    evaluatedOn: t('dossier.evaluation.fields.evaluatedOn'),
    result: t('dossier.evaluation.fields.result'),
    whatWorked: t('dossier.evaluation.whatWorked'),
    nextStep: t('dossier.evaluation.nextStep'),
  };
  const items = submitCount
    ? summaryFor(errors, EVALUATION_FIELDS.map((name) => ({ name, label: labels[name] })), idOf, unplaced)
    : [];
  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="rondom-form rondom-part__form" aria-labelledby={`${prefix}-title`}>
      <Heading3 id={`${prefix}-title`} className="rondom-form__title">
        {t('dossier.evaluation.formTitle')}
      </Heading3>
      <Paragraph className="rondom-hint">{t('dossier.evaluation.intro')}</Paragraph>
      <ErrorSummary items={items} message={failure} />
      <TextField
        id={idOf('evaluatedOn')}
        type="date"
        label={labels.evaluatedOn}
        required
        className="rondom-field--medium"
        error={errors.evaluatedOn?.message}
        {...register('evaluatedOn', { required })}
      />
      <RadioGroupField
        id={idOf('result')}
        legend={labels.result}
        required
        error={errors.result?.message}
        options={EVALUATION_RESULTS.map((r) => ({ value: r, label: t(`dossier.evaluation.results.${r}`) }))}
        inputProps={register('result', { required: t('dossier.evaluation.chooseResult') })}
      />
      <TextAreaField
        id={idOf('whatWorked')}
        label={labels.whatWorked}
        description={t('dossier.evaluation.fields.whatWorkedHint')}
        required
        rows={3}
        error={errors.whatWorked?.message}
        {...register('whatWorked', {
          required,
          validate: (x) => x.trim().length > 0 || required,
          maxLength: { value: 2000, message: t('validation.too_long', { max: 2000 }) },
        })}
      />
      <TextAreaField
        id={idOf('nextStep')}
        label={labels.nextStep}
        description={t('dossier.evaluation.fields.nextStepHint')}
        required
        rows={3}
        error={errors.nextStep?.message}
        {...register('nextStep', {
          required,
          validate: (x) => x.trim().length > 0 || required,
          maxLength: { value: 2000, message: t('validation.too_long', { max: 2000 }) },
        })}
      />
      <SaveCancel label={t('dossier.evaluation.save')} busy={isSubmitting} onCancel={onClose} />
    </form>
  );
}

type Open = 'evaluate' | 'edit' | null;

/** One goal on the live page: its card, and for professionals the buttons to evaluate, change or close it. */
function GoalItem({
  dossier,
  goal,
  onStatus,
  afterStatusChange,
}: {
  dossier: TDossier;
  goal: TGoal;
  onStatus: (message: string) => void;
  afterStatusChange: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const pupilId = dossier.pupil.id;
  const [open, setOpen] = useState<Open>(null);
  const opener = useRef<HTMLElement | null>(null);
  const conflict = useConflict(pupilId);
  const canEdit = dossier.policies.edit;
  const setStatus = useMutation({
    mutationFn: (status: TGoalStatus) =>
      api<TDossier>(`${dossierPath(pupilId)}/goals/${encodeURIComponent(goal.id)}`, {
        method: 'PATCH',
        body: { version: goal.version, status },
      }),
    onMutate: () => conflict.clear(),
    onSuccess: (d, status) => {
      queryClient.setQueryData(dossierKey(pupilId), d);
      onStatus(t('dossier.goals.statusChanged', { status: t(`dossier.goals.status.${status}`) }));
      afterStatusChange();
    },
    onError: (e) => {
      if (isConflict(e)) conflict.clash(e.message);
    },
  });
  const openForm = (which: Open) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOpen(which);
  };
  const close = () => {
    setOpen(null);
    // back to the button that opened the form
    requestAnimationFrame(() => opener.current?.isConnected && opener.current.focus());
  };
  const title = goal.goal.length > 60 ? `${goal.goal.slice(0, 57)}…` : goal.goal;
  // the visible word first, then which goal: "Evalueren: Leest zelfstandig…"
  const named = (key: string) => ({ 'aria-label': t('dossier.goals.actionFor', { action: t(key), goal: title }) });
  const actions = canEdit ? (
    <ButtonGroup>
      {goal.status === 'active' ? (
        <>
          <Button appearance="secondary-action-button" onClick={() => openForm('evaluate')} aria-expanded={open === 'evaluate'} {...named('dossier.goals.evaluate')}>
            {t('dossier.goals.evaluate')}
          </Button>
          <Button appearance="subtle-button" onClick={() => openForm('edit')} aria-expanded={open === 'edit'} {...named('dossier.goals.edit')}>
            {t('dossier.goals.edit')}
          </Button>
          <Button appearance="subtle-button" busy={setStatus.isPending} disabled={setStatus.isPending} onClick={() => setStatus.mutate('achieved')} {...named('dossier.goals.markAchieved')}>
            {t('dossier.goals.markAchieved')}
          </Button>
          <Button appearance="subtle-button" busy={setStatus.isPending} disabled={setStatus.isPending} onClick={() => setStatus.mutate('stopped')} {...named('dossier.goals.markStopped')}>
            {t('dossier.goals.markStopped')}
          </Button>
        </>
      ) : (
        <Button appearance="subtle-button" busy={setStatus.isPending} disabled={setStatus.isPending} onClick={() => setStatus.mutate('active')} {...named('dossier.goals.markActive')}>
          {t('dossier.goals.markActive')}
        </Button>
      )}
    </ButtonGroup>
  ) : null;
  return (
    <GoalCard goal={goal} actions={actions}>
      {conflict.message ? (
        // someone else changed this goal: say so, and fetch the newest version with one button
        <Alert type="warning" role="alert">
          <Paragraph>{conflict.message}</Paragraph>
          <Button
            appearance="secondary-action-button"
            busy={conflict.reloading}
            disabled={conflict.reloading}
            onClick={() => void conflict.reload().then((d) => d && onStatus(t('dossier.conflict.reloadedShort')))}
          >
            {t('dossier.conflict.reload')}
          </Button>
        </Alert>
      ) : null}
      {setStatus.isError && !isConflict(setStatus.error) ? (
        <Alert type="error" role="alert">
          <Paragraph>{setStatus.error.message}</Paragraph>
        </Alert>
      ) : null}
      {open === 'evaluate' ? (
        <EvaluationForm
          dossier={dossier}
          goal={goal}
          onClose={close}
          onSaved={(result) => onStatus(result === 'achieved' ? t('dossier.evaluation.savedAchieved') : t('dossier.evaluation.saved'))}
        />
      ) : null}
      {open === 'edit' ? (
        <GoalForm dossier={dossier} goal={goal} onClose={close} onSaved={() => onStatus(t('dossier.goals.saved'))} />
      ) : null}
    </GoalCard>
  );
}

/** "Doelen": active goals first, finished ones folded away; a form for a new goal. */
export function GoalsSection({ dossier, onStatus }: { dossier: TDossier; onStatus: (message: string) => void }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const addButton = useReturnFocus(adding);
  const heading = useRef<HTMLHeadingElement>(null);
  const active = dossier.goals.filter((g) => g.status === 'active');
  const finished = dossier.goals.filter((g) => g.status !== 'active');
  const canEdit = dossier.policies.edit;
  // a goal that changes status moves between the lists: focus goes to the section heading, not into nowhere
  const afterStatusChange = () => requestAnimationFrame(() => heading.current?.focus());
  return (
    <section aria-labelledby="dossier-goals-heading" className="rondom-part" id="dossier-goals">
      <div className="rondom-part__head">
        <Heading2 id="dossier-goals-heading" ref={heading} tabIndex={-1} className="rondom-focus-target">
          {t('dossier.goals.title')}
        </Heading2>
        {canEdit && !adding ? (
          <Button ref={addButton} appearance="secondary-action-button" onClick={() => setAdding(true)}>
            {t('dossier.goals.new')}
          </Button>
        ) : null}
      </div>
      <Paragraph className="rondom-hint rondom-part__intro">{t('dossier.goals.intro')}</Paragraph>
      {adding ? (
        <GoalForm dossier={dossier} onClose={() => setAdding(false)} onSaved={() => onStatus(t('dossier.goals.added'))} />
      ) : null}
      {dossier.goals.length === 0 ? (
        <EmptyPart text={t('dossier.goals.empty')} hint={canEdit ? t('dossier.goals.emptyHint') : t('dossier.goals.emptyReader')} />
      ) : active.length === 0 ? (
        <Paragraph className="rondom-empty">{t('dossier.goals.noActive')}</Paragraph>
      ) : (
        <div className="rondom-goals">
          {active.map((g) => (
            <GoalItem key={g.id} dossier={dossier} goal={g} onStatus={onStatus} afterStatusChange={afterStatusChange} />
          ))}
        </div>
      )}
      {finished.length ? (
        <details className="rondom-details rondom-goals__finished">
          <summary>{t('dossier.goals.finished', { count: finished.length })}</summary>
          <div className="rondom-goals">
            {finished.map((g) => (
              <GoalItem key={g.id} dossier={dossier} goal={g} onStatus={onStatus} afterStatusChange={afterStatusChange} />
            ))}
          </div>
        </details>
      ) : null}
    </section>
  );
}
