import { useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Heading3,
  Paragraph,
} from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { type FieldValues, get, type UseFormSetError, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../components/ScrollTable.js';
import { ApiError, api, type FieldIssue } from '../../api.js';
import { applyServerError, TextField } from '../../components/forms.js';
import { formatDate } from '../../format.js';
import { useConflict } from '../dossier/conflict.js';
import { isConflict } from '../dossier/data.js';
import { RadioGroupField, TextAreaField } from '../../components/fields.js';
import { summaryFor } from '../dossier/Goals.js';
import { FormShell, PartSection } from '../dossier/parts.js';
import {
  OPP_DESTINATION_MAX,
  OPP_MAX_LINES,
  OPP_TEXT_MAX,
  OUTFLOW_PROFILES,
  type TOpp,
  type TOutflowProfile,
  oppKey,
  oppPath,
  useOppSaved,
} from './data.js';
import { Facts } from './views.js';

/** Who reads the plan: the words differ (parents "u", pupils "je"), never the rules. */
export type Audience = 'staff' | 'parent' | 'pupil';

/** The four parts of a version, in the order of the page and of the law. */
export const OPP_PARTS = ['perspective', 'oogo', 'actionPlan', 'hearing'] as const;
export type TOppPart = (typeof OPP_PARTS)[number];
export const partId = (part: TOppPart) => `opp-${part}`;

type TContentField = keyof Pick<
  TOpp,
  | 'outflowProfile'
  | 'outflowDestination'
  | 'reasoning'
  | 'promotingFactors'
  | 'hinderingFactors'
  | 'oogoDate'
  | 'oogoOutcome'
  | 'support'
  | 'deviations'
  | 'goals'
  | 'pupilHeard'
  | 'hearingDate'
  | 'hearingSummary'
  | 'notHeardReason'
>;

const FIELDS_OF: Record<TOppPart, readonly TContentField[]> = {
  perspective: ['outflowProfile', 'outflowDestination', 'reasoning', 'promotingFactors', 'hinderingFactors'],
  oogo: ['oogoDate', 'oogoOutcome'],
  actionPlan: ['support', 'deviations', 'goals'],
  hearing: ['pupilHeard', 'hearingDate', 'hearingSummary', 'notHeardReason'],
};

/** Which part a field of the plan (as the server names it) belongs to. */
export function partOfField(field: string): TOppPart | undefined {
  const top = field.split('.')[0] ?? field;
  return OPP_PARTS.find((p) => (FIELDS_OF[p] as readonly string[]).includes(top));
}

const valuesOf = (o: TOpp, fields: readonly TContentField[]) => JSON.stringify(fields.map((f) => o[f]));
const trimOrNull = (s: string) => s.trim() || null;

/**
 * Saving one part with the plan's rowVersion. A version has one rowVersion for all its parts, so a
 * form builds on the newest version when only other parts changed since it opened (usually the
 * person's own save of another part); when this part itself changed, the server refuses (409) and
 * the form keeps the text (conflict.tsx of the groeidocument).
 */
function usePartForm<T extends FieldValues>(opp: TOpp, part: TOppPart, setError: UseFormSetError<T>, names: () => string[]) {
  const queryClient = useQueryClient();
  const pupilId = opp.pupil.id;
  const key = oppKey(pupilId, opp.id);
  const fields = FIELDS_OF[part];
  const saved = useOppSaved(pupilId);
  const conflict = useConflict<TOpp>(pupilId, { queryKey: key, queryFn: () => api<TOpp>(oppPath(opp.id)) });
  const [start, setStart] = useState(() => ({ rowVersion: opp.rowVersion, values: valuesOf(opp, fields) }));
  const [failure, setFailure] = useState<string>();
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([]);
  /** `fieldName` maps a server field ("support.1.what") to the form's own, when they differ. */
  const submit = async (patch: Partial<Record<TContentField, unknown>>, done: () => void, fieldName = (f: string) => f) => {
    setFailure(undefined);
    setUnplaced([]);
    conflict.clear();
    const now = queryClient.getQueryData<TOpp>(key);
    const rowVersion = now && valuesOf(now, fields) === start.values ? now.rowVersion : start.rowVersion;
    try {
      saved(await api<TOpp>(oppPath(opp.id), { method: 'PATCH', body: { ...patch, rowVersion } }));
      done();
    } catch (e) {
      if (isConflict(e)) {
        conflict.clash(e.message);
        return;
      }
      const mapped =
        e instanceof ApiError && e.issues
          ? new ApiError(e.status, e.code, e.message, e.issues.map((i) => ({ ...i, field: fieldName(i.field) })))
          : e;
      const r = applyServerError(mapped, setError, names());
      setFailure(r.message || undefined);
      setUnplaced(r.unplaced);
    }
  };
  const reload = () =>
    void conflict.reload().then((d) => {
      if (d) setStart({ rowVersion: d.rowVersion, values: valuesOf(d, fields) });
    });
  return { submit, conflict, reload, failure, unplaced };
}

interface PartProps {
  opp: TOpp;
  audience: Audience;
  onSaved: (title: string, part: TOppPart) => void;
  /** fields the server missed at the last "Voorleggen" (all parts; each part shows its own) */
  missing: readonly string[];
}

/** The part's intro, and after a refused "Voorleggen" what this part still lacks, in words. */
function PartIntro({ part, intro, missing }: { part: TOppPart; intro: string; missing: readonly string[] }) {
  const { t } = useTranslation();
  const mine = missing.filter((f) => partOfField(f) === part);
  if (!mine.length) return <>{intro}</>;
  const names = mine.map((f) => t(`opp.fields.${f}`, { defaultValue: f })).join(', ');
  return (
    <>
      {intro}
      <br />
      <strong className="rondom-opp-missing">{t('opp.submit.missingHere', { fields: names })}</strong>
    </>
  );
}

/* ---------- Perspectief ---------- */

function PerspectiveView({ opp }: { opp: TOpp }) {
  const { t } = useTranslation();
  return (
    <Facts
      items={[
        { label: t('opp.fields.outflowProfile'), value: opp.outflowProfile ? t(`opp.profile.${opp.outflowProfile}`) : null },
        { label: t('opp.fields.outflowDestination'), value: opp.outflowDestination, text: true },
        { label: t('opp.fields.reasoning'), value: opp.reasoning, text: true },
        { label: t('opp.fields.promotingFactors'), value: opp.promotingFactors, text: true },
        { label: t('opp.fields.hinderingFactors'), value: opp.hinderingFactors, text: true },
      ]}
    />
  );
}

interface PerspectiveValues {
  outflowProfile: TOutflowProfile | '';
  outflowDestination: string;
  reasoning: string;
  promotingFactors: string;
  hinderingFactors: string;
}
const PERSPECTIVE_FIELDS = ['outflowProfile', 'outflowDestination', 'reasoning', 'promotingFactors', 'hinderingFactors'] as const;

function PerspectiveForm({ opp, onClose, onSaved }: { opp: TOpp; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<PerspectiveValues>({
    shouldFocusError: false,
    defaultValues: {
      outflowProfile: opp.outflowProfile ?? '',
      outflowDestination: opp.outflowDestination ?? '',
      reasoning: opp.reasoning ?? '',
      promotingFactors: opp.promotingFactors ?? '',
      hinderingFactors: opp.hinderingFactors ?? '',
    },
  });
  useEffect(() => setFocus('outflowDestination'), [setFocus]);
  const form = usePartForm(opp, 'perspective', setError, () => [...PERSPECTIVE_FIELDS]);
  const idOf = (f: string) => `opp-perspective-${f}`;
  const label = (f: string) => t(`opp.fields.${f}`);
  const long = { value: OPP_TEXT_MAX, message: t('validation.too_long', { max: OPP_TEXT_MAX }) };
  const items = submitCount
    ? summaryFor(errors, PERSPECTIVE_FIELDS.map((name) => ({ name, label: label(name) })), idOf, form.unplaced)
    : [];
  const onValid = (v: PerspectiveValues) =>
    form.submit(
      {
        outflowProfile: v.outflowProfile || null,
        outflowDestination: trimOrNull(v.outflowDestination),
        reasoning: trimOrNull(v.reasoning),
        promotingFactors: trimOrNull(v.promotingFactors),
        hinderingFactors: trimOrNull(v.hinderingFactors),
      },
      () => {
        onSaved();
        onClose();
      },
    );
  return (
    <FormShell
      id="opp-perspective-form"
      onCancel={onClose}
      busy={isSubmitting}
      items={items}
      failure={form.failure}
      conflict={form.conflict}
      onReload={form.reload}
      current={<PerspectiveView opp={opp} />}
      onSubmit={() => void handleSubmit(onValid)()}
    >
      <RadioGroupField
        id={idOf('outflowProfile')}
        legend={label('outflowProfile')}
        description={t('opp.perspective.profileHint')}
        error={errors.outflowProfile?.message}
        options={OUTFLOW_PROFILES.map((p) => ({ value: p, label: t(`opp.profile.${p}`) }))}
        inputProps={register('outflowProfile')}
      />
      <TextField
        id={idOf('outflowDestination')}
        label={label('outflowDestination')}
        description={t('opp.perspective.destinationHint')}
        error={errors.outflowDestination?.message}
        {...register('outflowDestination', {
          maxLength: { value: OPP_DESTINATION_MAX, message: t('validation.too_long', { max: OPP_DESTINATION_MAX }) },
        })}
      />
      <TextAreaField
        id={idOf('reasoning')}
        label={label('reasoning')}
        description={t('opp.perspective.reasoningHint')}
        rows={6}
        error={errors.reasoning?.message}
        {...register('reasoning', { maxLength: long })}
      />
      <TextAreaField
        id={idOf('promotingFactors')}
        label={label('promotingFactors')}
        description={t('opp.perspective.promotingHint')}
        rows={3}
        error={errors.promotingFactors?.message}
        {...register('promotingFactors', { maxLength: long })}
      />
      <TextAreaField
        id={idOf('hinderingFactors')}
        label={label('hinderingFactors')}
        description={t('opp.perspective.hinderingHint')}
        rows={3}
        error={errors.hinderingFactors?.message}
        {...register('hinderingFactors', { maxLength: long })}
      />
    </FormShell>
  );
}

export function PerspectivePart({ opp, audience, onSaved, missing }: PartProps) {
  const { t } = useTranslation();
  const title = t('opp.perspective.title');
  return (
    <PartSection
      id={partId('perspective')}
      title={title}
      intro={<PartIntro part="perspective" intro={t(`opp.perspective.intro.${audience}`)} missing={missing} />}
      canEdit={opp.policies.edit}
      view={<PerspectiveView opp={opp} />}
      form={(close) => <PerspectiveForm opp={opp} onClose={close} onSaved={() => onSaved(title, 'perspective')} />}
    />
  );
}

/* ---------- Gesprek met ouders (OOGO) ---------- */

function OogoView({ opp }: { opp: TOpp }) {
  const { t } = useTranslation();
  return (
    <Facts
      items={[
        { label: t('opp.fields.oogoDate'), value: opp.oogoDate ? formatDate(opp.oogoDate) : null },
        { label: t('opp.fields.oogoOutcome'), value: opp.oogoOutcome, text: true },
      ]}
    />
  );
}

interface OogoValues {
  oogoDate: string;
  oogoOutcome: string;
}
const OOGO_FIELDS = ['oogoDate', 'oogoOutcome'] as const;

function OogoForm({ opp, onClose, onSaved }: { opp: TOpp; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<OogoValues>({
    shouldFocusError: false,
    defaultValues: { oogoDate: opp.oogoDate ?? '', oogoOutcome: opp.oogoOutcome ?? '' },
  });
  useEffect(() => setFocus('oogoDate'), [setFocus]);
  const form = usePartForm(opp, 'oogo', setError, () => [...OOGO_FIELDS]);
  const idOf = (f: string) => `opp-oogo-${f}`;
  const label = (f: string) => t(`opp.fields.${f}`);
  const items = submitCount ? summaryFor(errors, OOGO_FIELDS.map((name) => ({ name, label: label(name) })), idOf, form.unplaced) : [];
  const onValid = (v: OogoValues) =>
    form.submit({ oogoDate: v.oogoDate || null, oogoOutcome: trimOrNull(v.oogoOutcome) }, () => {
      onSaved();
      onClose();
    });
  return (
    <FormShell
      id="opp-oogo-form"
      onCancel={onClose}
      busy={isSubmitting}
      items={items}
      failure={form.failure}
      conflict={form.conflict}
      onReload={form.reload}
      current={<OogoView opp={opp} />}
      onSubmit={() => void handleSubmit(onValid)()}
    >
      <TextField
        id={idOf('oogoDate')}
        type="date"
        label={label('oogoDate')}
        className="rondom-field--medium"
        error={errors.oogoDate?.message}
        {...register('oogoDate', { validate: (v) => !v || /^\d{4}-\d{2}-\d{2}$/.test(v) || t('validation.invalid_date') })}
      />
      <TextAreaField
        id={idOf('oogoOutcome')}
        label={label('oogoOutcome')}
        description={t('opp.oogo.outcomeHint')}
        rows={5}
        error={errors.oogoOutcome?.message}
        {...register('oogoOutcome', { maxLength: { value: OPP_TEXT_MAX, message: t('validation.too_long', { max: OPP_TEXT_MAX }) } })}
      />
    </FormShell>
  );
}

export function OogoPart({ opp, audience, onSaved, missing }: PartProps) {
  const { t } = useTranslation();
  const title = t('opp.oogo.title');
  return (
    <PartSection
      id={partId('oogo')}
      title={title}
      intro={<PartIntro part="oogo" intro={t(`opp.oogo.intro.${audience}`)} missing={missing} />}
      canEdit={opp.policies.edit}
      view={<OogoView opp={opp} />}
      form={(close) => <OogoForm opp={opp} onClose={close} onSaved={() => onSaved(title, 'oogo')} />}
    />
  );
}

/* ---------- Handelingsdeel ---------- */

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

export function ActionPlanPart({ opp, audience, onSaved, missing }: PartProps) {
  const { t } = useTranslation();
  const title = t('opp.actionPlan.title');
  return (
    <PartSection
      id={partId('actionPlan')}
      title={title}
      intro={<PartIntro part="actionPlan" intro={t(`opp.actionPlan.intro.${audience}`)} missing={missing} />}
      canEdit={opp.policies.edit}
      view={<ActionPlanView opp={opp} />}
      form={(close) => <ActionPlanForm opp={opp} onClose={close} onSaved={() => onSaved(title, 'actionPlan')} />}
    />
  );
}

/* ---------- Hoorrecht ---------- */

function HearingView({ opp }: { opp: TOpp }) {
  const { t } = useTranslation();
  if (opp.pupilHeard === null) return <Facts items={[{ label: t('opp.fields.pupilHeard'), value: null }]} />;
  if (opp.pupilHeard)
    return (
      <Facts
        items={[
          { label: t('opp.fields.pupilHeard'), value: t('opp.hearing.heardYes') },
          { label: t('opp.fields.hearingDate'), value: opp.hearingDate ? formatDate(opp.hearingDate) : null },
          { label: t('opp.fields.hearingSummary'), value: opp.hearingSummary, text: true },
        ]}
      />
    );
  return (
    <Facts
      items={[
        { label: t('opp.fields.pupilHeard'), value: t('opp.hearing.heardNo') },
        { label: t('opp.fields.notHeardReason'), value: opp.notHeardReason, text: true },
      ]}
    />
  );
}

interface HearingValues {
  pupilHeard: 'yes' | 'no' | '';
  hearingDate: string;
  hearingSummary: string;
  notHeardReason: string;
}
const HEARING_FIELDS = ['pupilHeard', 'hearingDate', 'hearingSummary', 'notHeardReason'] as const;

function HearingForm({ opp, onClose, onSaved }: { opp: TOpp; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    watch,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<HearingValues>({
    shouldFocusError: false,
    defaultValues: {
      pupilHeard: opp.pupilHeard === null ? '' : opp.pupilHeard ? 'yes' : 'no',
      hearingDate: opp.hearingDate ?? '',
      hearingSummary: opp.hearingSummary ?? '',
      notHeardReason: opp.notHeardReason ?? '',
    },
  });
  useEffect(() => setFocus('pupilHeard'), [setFocus]);
  const heard = watch('pupilHeard');
  const form = usePartForm(opp, 'hearing', setError, () => [...HEARING_FIELDS]);
  const idOf = (f: string) => `opp-hearing-${f}`;
  const label = (f: string) => t(`opp.fields.${f}`);
  const long = { value: OPP_TEXT_MAX, message: t('validation.too_long', { max: OPP_TEXT_MAX }) };
  const items = submitCount ? summaryFor(errors, HEARING_FIELDS.map((name) => ({ name, label: label(name) })), idOf, form.unplaced) : [];
  const onValid = (v: HearingValues) => {
    const done = () => {
      onSaved();
      onClose();
    };
    if (v.pupilHeard === '') return form.submit({ pupilHeard: null }, done);
    // only what belongs to the answer is kept: a date and words, or the reason why not
    return v.pupilHeard === 'yes'
      ? form.submit(
          { pupilHeard: true, hearingDate: v.hearingDate || null, hearingSummary: trimOrNull(v.hearingSummary), notHeardReason: null },
          done,
        )
      : form.submit({ pupilHeard: false, hearingDate: null, hearingSummary: null, notHeardReason: trimOrNull(v.notHeardReason) }, done);
  };
  return (
    <FormShell
      id="opp-hearing-form"
      onCancel={onClose}
      busy={isSubmitting}
      items={items}
      failure={form.failure}
      conflict={form.conflict}
      onReload={form.reload}
      current={<HearingView opp={opp} />}
      onSubmit={() => void handleSubmit(onValid)()}
    >
      <RadioGroupField
        id={idOf('pupilHeard')}
        legend={label('pupilHeard')}
        error={errors.pupilHeard?.message}
        options={[
          { value: 'yes', label: t('opp.hearing.optionYes') },
          { value: 'no', label: t('opp.hearing.optionNo') },
        ]}
        inputProps={register('pupilHeard')}
      />
      {heard === 'yes' ? (
        <>
          <TextField
            id={idOf('hearingDate')}
            type="date"
            label={label('hearingDate')}
            className="rondom-field--medium"
            error={errors.hearingDate?.message}
            {...register('hearingDate', { validate: (v) => !v || /^\d{4}-\d{2}-\d{2}$/.test(v) || t('validation.invalid_date') })}
          />
          <TextAreaField
            id={idOf('hearingSummary')}
            label={label('hearingSummary')}
            description={t('opp.hearing.summaryHint')}
            rows={4}
            error={errors.hearingSummary?.message}
            {...register('hearingSummary', { maxLength: long })}
          />
        </>
      ) : null}
      {heard === 'no' ? (
        <TextAreaField
          id={idOf('notHeardReason')}
          label={label('notHeardReason')}
          description={t('opp.hearing.notHeardHint')}
          rows={3}
          error={errors.notHeardReason?.message}
          {...register('notHeardReason', { maxLength: long })}
        />
      ) : null}
    </FormShell>
  );
}

export function HearingPart({ opp, audience, onSaved, missing }: PartProps) {
  const { t } = useTranslation();
  const title = t('opp.hearing.title');
  return (
    <PartSection
      id={partId('hearing')}
      title={title}
      intro={<PartIntro part="hearing" intro={t(`opp.hearing.intro.${audience}`)} missing={missing} />}
      canEdit={opp.policies.edit}
      view={<HearingView opp={opp} />}
      form={(close) => <HearingForm opp={opp} onClose={close} onSaved={() => onSaved(title, 'hearing')} />}
    />
  );
}
