import { Button, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect } from 'react';
import { get, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../components/ScrollTable.js';
import { TextField } from '../../components/forms.js';
import { formatDate } from '../../format.js';
import { TextAreaField } from '../../components/fields.js';
import { summaryFor } from '../dossier/Goals.js';
import { FormShell } from '../dossier/parts.js';
import { OPP_MAX_LINES, OPP_TEXT_MAX, type TOpp } from './data.js';
import { OppPart, type PartProps, trimOrNull, usePartForm } from './parts.js';

/* The handelingsdeel of an OPP: the support lines, deviations from the programme and the goals. */

function ActionPlanView({ opp }: { opp: TOpp }) {
  const { t } = useTranslation();
  return (
    <>
      <Heading3 className="rondom-opp-subheading">{t('opp.actionPlan.supportTitle')}</Heading3>
      {opp.support.length === 0 ? (
        <Paragraph className="rondom-opp-facts__empty">{t('opp.actionPlan.noSupport')}</Paragraph>
      ) : (
        <ScrollTable
          id={`opp-${opp.id}-support`}
          caption={t('opp.actionPlan.supportCaption', { name: opp.pupil.name })}
          columns={[t('opp.fields.what'), t('opp.fields.who'), t('opp.fields.frequency')]}
          rows={opp.support.map((s) => [s.what, s.who, s.frequency])}
          cellClassName={() => 'rondom-opp-cell'}
        />
      )}
      <Heading3 className="rondom-opp-subheading">{t('opp.fields.deviations')}</Heading3>
      {opp.deviations ? (
        <div className="rondom-free-text">{opp.deviations}</div>
      ) : (
        <Paragraph className="rondom-opp-facts__empty">{t('opp.actionPlan.noDeviations')}</Paragraph>
      )}
      <Heading3 className="rondom-opp-subheading">{t('opp.actionPlan.goalsTitle')}</Heading3>
      {opp.goals.length === 0 ? (
        <Paragraph className="rondom-opp-facts__empty">{t('opp.actionPlan.noGoals')}</Paragraph>
      ) : (
        <ScrollTable
          id={`opp-${opp.id}-goals`}
          caption={t('opp.actionPlan.goalsCaption', { name: opp.pupil.name })}
          columns={[t('opp.fields.goal'), t('opp.fields.criterion'), t('opp.fields.targetDate')]}
          rows={opp.goals.map((g) => [g.goal, g.criterion, formatDate(g.targetDate)])}
          cellClassName={(c) => (c === 2 ? 'rondom-nowrap' : 'rondom-opp-cell')}
        />
      )}
    </>
  );
}

interface ActionPlanValues {
  support: { what: string; who: string; frequency: string }[];
  deviations: string;
  goals: { goal: string; criterion: string; targetDate: string }[];
}
const SUPPORT_KEYS = ['what', 'who', 'frequency'] as const;
const GOAL_KEYS = ['goal', 'criterion', 'targetDate'] as const;
const SUPPORT_MAX = { what: 500, who: 200, frequency: 200 } as const;
const GOAL_TEXT_MAX = 1000;

const isBlank = (line: Record<string, string>) => Object.values(line).every((v) => !v.trim());

function ActionPlanForm({ opp, onClose, onSaved }: { opp: TOpp; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const {
    control,
    register,
    handleSubmit,
    setError,
    setFocus,
    getValues,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<ActionPlanValues>({
    shouldFocusError: false,
    defaultValues: {
      support: opp.support.length ? opp.support.map((s) => ({ ...s })) : [{ what: '', who: '', frequency: '' }],
      deviations: opp.deviations ?? '',
      goals: opp.goals.map((g) => ({ ...g })),
    },
  });
  const support = useFieldArray({ control, name: 'support' });
  const goals = useFieldArray({ control, name: 'goals' });
  useEffect(() => setFocus('support.0.what'), [setFocus]);
  const required = t('validation.required');
  // a line that is partly filled in needs all of it; an empty line is left out when saving
  const lineRule = (list: 'support' | 'goals', i: number) => (v: string) => {
    const line = getValues(list)[i] as Record<string, string> | undefined;
    return !line || isBlank(line) || v.trim().length > 0 || required;
  };
  const supportNames = () => support.fields.flatMap((_f, i) => SUPPORT_KEYS.map((k) => `support.${i}.${k}`));
  const goalNames = () => goals.fields.flatMap((_f, i) => GOAL_KEYS.map((k) => `goals.${i}.${k}`));
  const form = usePartForm(opp, 'actionPlan', setError, () => ['support', ...supportNames(), 'deviations', 'goals', ...goalNames()]);
  const idOf = (name: string) => `opp-actionPlan-${name.replace(/\./g, '-')}`;
  const supportLine = (i: number) => t('opp.actionPlan.supportLine', { n: i + 1 });
  const goalLine = (i: number) => t('opp.actionPlan.goalLine', { n: i + 1 });
  const fieldLabel = (k: string) => t(`opp.fields.${k}`);
  const summaryFields = [
    ...support.fields.flatMap((_f, i) =>
      SUPPORT_KEYS.map((k) => ({ name: `support.${i}.${k}`, label: t('opp.actionPlan.lineField', { line: supportLine(i), field: fieldLabel(k) }) })),
    ),
    { name: 'deviations', label: fieldLabel('deviations') },
    ...goals.fields.flatMap((_f, i) =>
      GOAL_KEYS.map((k) => ({ name: `goals.${i}.${k}`, label: t('opp.actionPlan.lineField', { line: goalLine(i), field: fieldLabel(k) }) })),
    ),
  ];
  const items = submitCount ? summaryFor(errors, summaryFields, idOf, form.unplaced) : [];
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
  const onValid = (v: ActionPlanValues) => {
    // which form line each sent line came from, so the server's "support.1.who" lands on the right field
    const sentSupport = v.support.map((l, i) => ({ l, i })).filter(({ l }) => !isBlank(l));
    const sentGoals = v.goals.map((l, i) => ({ l, i })).filter(({ l }) => !isBlank(l));
    const toForm = (field: string) => {
      const m = /^(support|goals)\.(\d+)(\..+)?$/.exec(field);
      if (!m) return field;
      const from = (m[1] === 'support' ? sentSupport : sentGoals)[Number(m[2])];
      return from ? `${m[1]}.${from.i}${m[3] ?? ''}` : field;
    };
    return form.submit(
      {
        support: sentSupport.map(({ l }) => ({ what: l.what.trim(), who: l.who.trim(), frequency: l.frequency.trim() })),
        deviations: trimOrNull(v.deviations),
        goals: sentGoals.map(({ l }) => ({ goal: l.goal.trim(), criterion: l.criterion.trim(), targetDate: l.targetDate })),
      },
      () => {
        onSaved();
        onClose();
      },
      toForm,
    );
  };
  const errorOf = (name: string) => (get(errors, name) as { message?: string } | undefined)?.message;
  return (
    <FormShell
      id="opp-actionPlan-form"
      onCancel={onClose}
      busy={isSubmitting}
      items={items}
      failure={form.failure}
      conflict={form.conflict}
      onReload={form.reload}
      current={<ActionPlanView opp={opp} />}
      onSubmit={() => void handleSubmit(onValid)()}
    >
      <fieldset className="rondom-fieldset rondom-opp-lines" id={idOf('support')} tabIndex={-1}>
        <legend className="rondom-fieldset__legend">{t('opp.actionPlan.supportTitle')}</legend>
        <p className="utrecht-form-field-description">{t('opp.actionPlan.supportHint')}</p>
        {support.fields.map((f, i) => (
          <fieldset key={f.id} className="rondom-fieldset rondom-opp-line">
            <legend className="rondom-fieldset__legend">{supportLine(i)}</legend>
            <div className="rondom-opp-line__fields">
              {SUPPORT_KEYS.map((k) => (
                <TextField
                  key={k}
                  id={idOf(`support.${i}.${k}`)}
                  label={fieldLabel(k)}
                  error={errorOf(`support.${i}.${k}`)}
                  {...register(`support.${i}.${k}` as const, {
                    validate: lineRule('support', i),
                    maxLength: { value: SUPPORT_MAX[k], message: t('validation.too_long', { max: SUPPORT_MAX[k] }) },
                  })}
                />
              ))}
            </div>
            <Button
              appearance="subtle-button"
              hint="danger"
              onClick={() => {
                support.remove(i);
                focusLater('opp-actionPlan-add-support');
              }}
            >
              {t('opp.actionPlan.removeLine', { line: supportLine(i) })}
            </Button>
          </fieldset>
        ))}
        {support.fields.length < OPP_MAX_LINES ? (
          <Button
            id="opp-actionPlan-add-support"
            appearance="secondary-action-button"
            onClick={() => support.append({ what: '', who: '', frequency: '' })}
          >
            {t('opp.actionPlan.addSupport')}
          </Button>
        ) : null}
      </fieldset>
      <TextAreaField
        id={idOf('deviations')}
        label={fieldLabel('deviations')}
        description={t('opp.actionPlan.deviationsHint')}
        rows={4}
        error={errors.deviations?.message}
        {...register('deviations', { maxLength: { value: OPP_TEXT_MAX, message: t('validation.too_long', { max: OPP_TEXT_MAX }) } })}
      />
      <fieldset className="rondom-fieldset rondom-opp-lines" id={idOf('goals')} tabIndex={-1}>
        <legend className="rondom-fieldset__legend">{t('opp.actionPlan.goalsTitle')}</legend>
        <p className="utrecht-form-field-description">{t('opp.actionPlan.goalsHint')}</p>
        {goals.fields.map((f, i) => (
          <fieldset key={f.id} className="rondom-fieldset rondom-opp-line">
            <legend className="rondom-fieldset__legend">{goalLine(i)}</legend>
            <TextAreaField
              id={idOf(`goals.${i}.goal`)}
              label={fieldLabel('goal')}
              rows={2}
              error={errorOf(`goals.${i}.goal`)}
              {...register(`goals.${i}.goal` as const, {
                validate: lineRule('goals', i),
                maxLength: { value: GOAL_TEXT_MAX, message: t('validation.too_long', { max: GOAL_TEXT_MAX }) },
              })}
            />
            <TextAreaField
              id={idOf(`goals.${i}.criterion`)}
              label={fieldLabel('criterion')}
              description={t('opp.actionPlan.criterionHint')}
              rows={2}
              error={errorOf(`goals.${i}.criterion`)}
              {...register(`goals.${i}.criterion` as const, {
                validate: lineRule('goals', i),
                maxLength: { value: GOAL_TEXT_MAX, message: t('validation.too_long', { max: GOAL_TEXT_MAX }) },
              })}
            />
            <TextField
              id={idOf(`goals.${i}.targetDate`)}
              type="date"
              label={fieldLabel('targetDate')}
              className="rondom-field--medium"
              error={errorOf(`goals.${i}.targetDate`)}
              {...register(`goals.${i}.targetDate` as const, { validate: lineRule('goals', i) })}
            />
            <Button
              appearance="subtle-button"
              hint="danger"
              onClick={() => {
                goals.remove(i);
                focusLater('opp-actionPlan-add-goal');
              }}
            >
              {t('opp.actionPlan.removeLine', { line: goalLine(i) })}
            </Button>
          </fieldset>
        ))}
        {goals.fields.length < OPP_MAX_LINES ? (
          <Button
            id="opp-actionPlan-add-goal"
            appearance="secondary-action-button"
            onClick={() => goals.append({ goal: '', criterion: '', targetDate: '' })}
          >
            {t('opp.actionPlan.addGoal')}
          </Button>
        ) : null}
      </fieldset>
    </FormShell>
  );
}

export const ActionPlanPart = (props: PartProps) => <OppPart part="actionPlan" View={ActionPlanView} Form={ActionPlanForm} {...props} />;
