import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { type FieldValues, type UseFormSetError, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api.js';
import { applyServerError, TextField, useServerIssues } from '../../components/forms.js';
import { formatDate } from '../../format.js';
import { useConflict } from '../dossier/conflict.js';
import { isConflict } from '../dossier/data.js';
import { RadioGroupField, TextAreaField } from '../../components/fields.js';
import { summaryFor } from '../dossier/Goals.js';
import { FormShell, PartSection } from '../dossier/parts.js';
import { OPP_DESTINATION_MAX, OPP_TEXT_MAX, OUTFLOW_PROFILES, type TOpp, type TOutflowProfile, oppKey, oppPath, useOppSaved } from './data.js';
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
export const trimOrNull = (s: string) => s.trim() || null;

/**
 * Saving one part with the plan's rowVersion. A version has one rowVersion for all its parts, so a
 * form builds on the newest version when only other parts changed since it opened (usually the
 * person's own save of another part); when this part itself changed, the server refuses (409) and
 * the form keeps the text (conflict.tsx of the groeidocument).
 */
export function usePartForm<T extends FieldValues>(opp: TOpp, part: TOppPart, setError: UseFormSetError<T>, names: () => string[]) {
  const queryClient = useQueryClient();
  const pupilId = opp.pupil.id;
  const key = oppKey(pupilId, opp.id);
  const fields = FIELDS_OF[part];
  const saved = useOppSaved(pupilId);
  const conflict = useConflict<TOpp>(pupilId, { queryKey: key, queryFn: () => api<TOpp>(oppPath(opp.id)) });
  const [start, setStart] = useState(() => ({ rowVersion: opp.rowVersion, values: valuesOf(opp, fields) }));
  const { failure, unplaced, clear: clearServer, show: showServer } = useServerIssues();
  /** `fieldName` maps a server field ("support.1.what") to the form's own, when they differ. */
  const submit = async (patch: Partial<Record<TContentField, unknown>>, done: () => void, fieldName = (f: string) => f) => {
    clearServer();
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
      showServer(applyServerError(mapped, setError, names()));
    }
  };
  const reload = () =>
    void conflict.reload().then((d) => {
      if (d) setStart({ rowVersion: d.rowVersion, values: valuesOf(d, fields) });
    });
  return { submit, conflict, reload, failure, unplaced };
}

export interface PartProps {
  opp: TOpp;
  audience: Audience;
  onSaved: (title: string, part: TOppPart) => void;
  /** fields the server missed at the last "Voorleggen" (all parts; each part shows its own) */
  missing: readonly string[];
}

type TPartForm = (p: { opp: TOpp; onClose: () => void; onSaved: () => void }) => ReactNode;

/** One part of the plan: its title and intro, what is written, and (for the school) its form in place. */
export function OppPart({ part, opp, audience, onSaved, missing, View, Form }: PartProps & { part: TOppPart; View: (p: { opp: TOpp }) => ReactNode; Form: TPartForm }) {
  const { t } = useTranslation();
  const title = t(`opp.${part}.title`);
  return (
    <PartSection
      id={partId(part)}
      title={title}
      intro={<PartIntro part={part} intro={t(`opp.${part}.intro.${audience}`)} missing={missing} />}
      canEdit={opp.policies.edit}
      view={<View opp={opp} />}
      form={(close) => <Form opp={opp} onClose={close} onSaved={() => onSaved(title, part)} />}
    />
  );
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

export const PerspectivePart = (props: PartProps) => <OppPart part="perspective" View={PerspectiveView} Form={PerspectiveForm} {...props} />;

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

export const OogoPart = (props: PartProps) => <OppPart part="oogo" View={OogoView} Form={OogoForm} {...props} />;
