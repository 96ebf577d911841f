import { Button, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect } from 'react';
import { get, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { RadioGroupField, TextAreaField } from '../../components/fields.js';
import { applyServerError, ErrorSummary, SaveCancel, SelectField, TextField, useServerIssues } from '../../components/forms.js';
import { summaryFor } from '../dossier/Goals.js';
import {
  BUDGET_MAX_CENTS,
  centsToInput,
  EVALUATION_DATES_MAX,
  formatEuro,
  formatHours,
  GOALS_MAX,
  HOURS_MAX,
  hoursToInput,
  parseEuros,
  parseHours,
  requestArrangementsApi,
  type TArrangement,
  useArrangementSaved,
  useCatalogue,
} from './data.js';

interface Values {
  typeId: string;
  goals: { goal: string; criterion: string }[];
  executorKind: string;
  executorName: string;
  hours: string;
  budget: string;
  startOn: string;
  endOn: string;
  evaluationDates: { date: string }[];
}
const SCALARS = ['typeId', 'executorKind', 'executorName', 'hours', 'budget', 'startOn', 'endOn'] as const;
const TEXT_MAX = 1000;

/** The server's field names → this form's ("budgetCents" → "budget", "evaluationDates.1" → "evaluationDates.1.date"). */
function toFormField(f: string): string {
  if (f === 'budgetCents') return 'budget';
  if (/^evaluationDates\.\d+$/.test(f)) return `${f}.date`;
  return f;
}

/** The consultant grants an arrangement on a granted request: type, goals, executor, hours, money, period. */
export function GrantForm({ requestId, onClose, onDone }: { requestId: string; onClose: () => void; onDone: (a: TArrangement) => void }) {
  const { t } = useTranslation();
  const saved = useArrangementSaved();
  const catalogue = useCatalogue({ pageSize: 100 });
  const { failure, unplaced, clear: clearServer, show: showServer } = useServerIssues();
  const {
    control,
    register,
    handleSubmit,
    setError,
    setFocus,
    setValue,
    getValues,
    watch,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<Values>({
    shouldFocusError: false,
    defaultValues: {
      typeId: '',
      goals: [{ goal: '', criterion: '' }],
      executorKind: '',
      executorName: '',
      hours: '',
      budget: '',
      startOn: '',
      endOn: '',
      evaluationDates: [],
    },
  });
  const goals = useFieldArray({ control, name: 'goals' });
  const dates = useFieldArray({ control, name: 'evaluationDates' });
  useEffect(() => setFocus('typeId'), [setFocus]);
  const types = catalogue.data?.items ?? [];
  const type = types.find((x) => x.id === watch('typeId'));
  // the type's typical size as a starting point; what was typed stays
  useEffect(() => {
    if (!type) return;
    if (!getValues('hours') && type.typicalHours !== null) setValue('hours', hoursToInput(type.typicalHours));
    if (!getValues('budget') && type.typicalCostCents !== null) setValue('budget', centsToInput(type.typicalCostCents));
    if (type.executors.length === 1) setValue('executorKind', type.executors[0]!);
    else if (!type.executors.includes(getValues('executorKind') as never)) setValue('executorKind', '');
  }, [type, getValues, setValue]);
  const required = t('validation.required');
  const idOf = (name: string) => `arr-grant-${name.replace(/\./g, '-')}`;
  const label = (k: string) => t(`arrangements.grant.fields.${k}`);
  const goalLine = (i: number) => t('arrangements.grant.goalLine', { n: i + 1 });
  const dateLine = (i: number) => t('arrangements.grant.dateLine', { n: i + 1 });
  const summaryFields = [
    { name: 'typeId', label: label('typeId') },
    ...goals.fields.flatMap((_f, i) => [
      { name: `goals.${i}.goal`, label: `${goalLine(i)}: ${label('goal')}` },
      { name: `goals.${i}.criterion`, label: `${goalLine(i)}: ${label('criterion')}` },
    ]),
    ...SCALARS.filter((s) => s !== 'typeId').map((name) => ({ name, label: label(name) })),
    ...dates.fields.map((_f, i) => ({ name: `evaluationDates.${i}.date`, label: dateLine(i) })),
  ];
  const items = submitCount ? summaryFor(errors, summaryFields, idOf, unplaced) : [];
  const errorOf = (name: string) => (get(errors, name) as { message?: string } | undefined)?.message;
  const inPeriod = (x: string) => {
    const { startOn, endOn } = getValues();
    return !x || !startOn || !endOn || (x >= startOn && x <= endOn) || t('errors.arrangement_evaluation_outside_period');
  };
  const onValid = async (v: Values) => {
    clearServer();
    try {
      const out = await api<TArrangement>(requestArrangementsApi(requestId), {
        method: 'POST',
        body: {
          typeId: v.typeId,
          goals: v.goals.map((g) => ({ goal: g.goal.trim(), criterion: g.criterion.trim() })),
          executorKind: v.executorKind,
          executorName: v.executorName.trim() || null,
          hours: parseHours(v.hours),
          budgetCents: parseEuros(v.budget),
          startOn: v.startOn,
          endOn: v.endOn,
          evaluationDates: v.evaluationDates.map((d) => d.date).filter(Boolean),
        },
      });
      saved(out);
      onDone(out);
    } catch (e) {
      const names = summaryFields.map((f) => f.name);
      const serverNames = [...names, 'budgetCents', ...dates.fields.map((_f, i) => `evaluationDates.${i}`)];
      showServer(applyServerError(e, (name, err) => setError(toFormField(name) as keyof Values, err), serverNames));
    }
  };
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
  return (
    <form noValidate onSubmit={handleSubmit(onValid)} className="rondom-form rondom-part__form" aria-labelledby="arr-grant-title">
      <Heading3 id="arr-grant-title">{t('arrangements.grant.formTitle')}</Heading3>
      <ErrorSummary items={items} message={failure} />
      <SelectField
        id={idOf('typeId')}
        label={label('typeId')}
        required
        busy={catalogue.isPending}
        placeholder={t('arrangements.grant.chooseType')}
        description={catalogue.isSuccess && types.length === 0 ? t('arrangements.grant.noTypes') : undefined}
        options={types.map((x) => ({ value: x.id, label: x.name }))}
        error={errors.typeId?.message}
        {...register('typeId', { required })}
      />
      {type ? (
        <div className="rondom-hint" id={idOf('type-hint')} aria-live="polite">
          <Paragraph className="rondom-free-text">{type.description}</Paragraph>
          <Paragraph>
            {t('arrangements.grant.typical', {
              hours: type.typicalHours === null ? t('arrangements.catalogue.notSet') : t('arrangements.hoursPerWeek', { hours: formatHours(type.typicalHours) }),
              cost: type.typicalCostCents === null ? t('arrangements.catalogue.notSet') : formatEuro(type.typicalCostCents, { whole: true }),
              executors: type.executors.map((k) => t(`arrangements.executor.${k}`)).join(', '),
            })}
          </Paragraph>
        </div>
      ) : null}
      <fieldset className="rondom-fieldset rondom-opp-lines" id={idOf('goals')} tabIndex={-1}>
        <legend className="rondom-fieldset__legend">{t('arrangements.grant.goalsTitle')}</legend>
        <p className="utrecht-form-field-description">{t('arrangements.grant.goalsHint')}</p>
        {goals.fields.map((f, i) => (
          <fieldset key={f.id} className="rondom-fieldset rondom-opp-line">
            <legend className="rondom-fieldset__legend">{goalLine(i)}</legend>
            <TextAreaField
              id={idOf(`goals.${i}.goal`)}
              label={label('goal')}
              required
              rows={2}
              error={errorOf(`goals.${i}.goal`)}
              {...register(`goals.${i}.goal` as const, {
                validate: (x) => x.trim().length > 0 || required,
                maxLength: { value: TEXT_MAX, message: t('validation.too_long', { max: TEXT_MAX }) },
              })}
            />
            <TextField
              id={idOf(`goals.${i}.criterion`)}
              label={label('criterion')}
              description={t('arrangements.grant.criterionHint')}
              required
              error={errorOf(`goals.${i}.criterion`)}
              {...register(`goals.${i}.criterion` as const, {
                validate: (x) => x.trim().length > 0 || required,
                maxLength: { value: TEXT_MAX, message: t('validation.too_long', { max: TEXT_MAX }) },
              })}
            />
            {goals.fields.length > 1 ? (
              <Button
                appearance="subtle-button"
                hint="danger"
                onClick={() => {
                  goals.remove(i);
                  focusLater(idOf('add-goal'));
                }}
              >
                {t('arrangements.grant.removeLine', { line: goalLine(i) })}
              </Button>
            ) : null}
          </fieldset>
        ))}
        {goals.fields.length < GOALS_MAX ? (
          <Button id={idOf('add-goal')} appearance="secondary-action-button" onClick={() => goals.append({ goal: '', criterion: '' })}>
            {t('arrangements.grant.addGoal')}
          </Button>
        ) : null}
      </fieldset>
      {type ? (
        <RadioGroupField
          id={idOf('executorKind')}
          legend={label('executorKind')}
          description={t('arrangements.grant.executorHint')}
          required
          error={errors.executorKind?.message}
          options={type.executors.map((k) => ({ value: k, label: t(`arrangements.executor.${k}`) }))}
          inputProps={register('executorKind', { required: t('arrangements.grant.chooseExecutor') })}
        />
      ) : (
        <Paragraph className="rondom-hint" id={idOf('executorKind')} tabIndex={-1}>
          {t('arrangements.grant.chooseTypeFirst')}
          {errors.executorKind?.message ? <span className="utrecht-form-field-error-message"> {errors.executorKind.message}</span> : null}
        </Paragraph>
      )}
      <TextField
        id={idOf('executorName')}
        label={label('executorName')}
        description={t('arrangements.grant.executorNameHint')}
        autoComplete="off"
        error={errors.executorName?.message}
        {...register('executorName', { maxLength: { value: 200, message: t('validation.too_long', { max: 200 }) } })}
      />
      <div className="rondom-form-row">
        <TextField
          id={idOf('hours')}
          label={label('hours')}
          description={t('arrangements.catalogue.hoursHint')}
          required
          inputMode="decimal"
          autoComplete="off"
          className="rondom-field--short"
          error={errors.hours?.message}
          {...register('hours', {
            validate: (x) => {
              if (!x.trim()) return required;
              const h = parseHours(x);
              return (h !== null && h <= HOURS_MAX) || t('arrangements.form.hoursInvalid', { max: HOURS_MAX });
            },
          })}
        />
        <TextField
          id={idOf('budget')}
          label={label('budget')}
          description={t('arrangements.form.euroHint')}
          required
          inputMode="decimal"
          autoComplete="off"
          className="rondom-field--medium"
          error={errors.budget?.message}
          {...register('budget', {
            validate: (x) => {
              if (!x.trim()) return required;
              const c = parseEuros(x);
              return (c !== null && c <= BUDGET_MAX_CENTS) || t('arrangements.form.euroInvalid');
            },
          })}
        />
      </div>
      <div className="rondom-form-row">
        <TextField
          id={idOf('startOn')}
          type="date"
          label={label('startOn')}
          required
          className="rondom-field--medium"
          error={errors.startOn?.message}
          {...register('startOn', { required })}
        />
        <TextField
          id={idOf('endOn')}
          type="date"
          label={label('endOn')}
          required
          className="rondom-field--medium"
          error={errors.endOn?.message}
          {...register('endOn', {
            required,
            validate: (x) => !getValues('startOn') || x >= getValues('startOn') || t('errors.arrangement_end_before_start'),
          })}
        />
      </div>
      <fieldset className="rondom-fieldset rondom-opp-lines" id={idOf('evaluationDates')} tabIndex={-1}>
        <legend className="rondom-fieldset__legend">{t('arrangements.grant.datesTitle')}</legend>
        <p className="utrecht-form-field-description">{t('arrangements.grant.datesHint')}</p>
        {dates.fields.map((f, i) => (
          <div key={f.id} className="rondom-form-row">
            <TextField
              id={idOf(`evaluationDates.${i}.date`)}
              type="date"
              label={dateLine(i)}
              required
              className="rondom-field--medium"
              error={errorOf(`evaluationDates.${i}.date`)}
              {...register(`evaluationDates.${i}.date` as const, { required, validate: inPeriod })}
            />
            <Button
              appearance="subtle-button"
              hint="danger"
              onClick={() => {
                dates.remove(i);
                focusLater(idOf('add-date'));
              }}
            >
              {t('arrangements.grant.removeLine', { line: dateLine(i) })}
            </Button>
          </div>
        ))}
        {dates.fields.length < EVALUATION_DATES_MAX ? (
          <Button id={idOf('add-date')} appearance="secondary-action-button" onClick={() => dates.append({ date: '' })}>
            {t('arrangements.grant.addDate')}
          </Button>
        ) : null}
      </fieldset>
      <SaveCancel label={t('arrangements.grant.save')} busy={isSubmitting} onCancel={onClose} />
    </form>
  );
}
