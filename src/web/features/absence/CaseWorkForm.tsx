import { Button, ButtonGroup, DataList, DataListItem, DataListKey, DataListValue, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api.js';
import { TextAreaField } from '../../components/fields.js';
import { applyServerError, ErrorSummary, SelectField, summaryItems, TextField, useServerIssues } from '../../components/forms.js';
import { formatDate } from '../../format.js';
import { ABSENCE_TEXT_MAX, caseApi, PLAN_BY_MAX, type TAbsenceCase, type TOwnerCandidate, useOwnerCandidates } from './data.js';
import { NextDateText, OwnerText } from './CaseViews.js';

interface Values {
  ownerUserId: string;
  plan: string;
  planBy: string;
  nextDate: string;
  offerFrom: string;
}
const FIELDS = ['ownerUserId', 'plan', 'planBy', 'nextDate', 'offerFrom'] as const;
const idOf = (f: string) => `absence-work-${f}`;
const valuesOf = (c: TAbsenceCase): Values => ({
  ownerUserId: c.owner?.id ?? '',
  plan: c.plan ?? '',
  planBy: c.planBy ?? '',
  nextDate: c.nextDate ?? '',
  offerFrom: c.offerFrom ?? '',
});

/** "Naam — Organisatie (rol)": enough to tell two people with the same name apart. */
function candidateLabel(c: TOwnerCandidate, t: (k: string, o?: Record<string, unknown>) => string): string {
  return t('absence.case.work.candidate', { name: c.name, organisation: c.organisation, role: t(`roles.${c.role}`, { defaultValue: c.role }) });
}

/** Owner, plan and next date as they stand, for those who may only read them. */
export function CaseWorkFacts({ c }: { c: TAbsenceCase }) {
  const { t } = useTranslation();
  const open = c.status === 'open';
  return (
    <DataList>
      <DataListItem>
        <DataListKey>{t('absence.case.work.owner')}</DataListKey>
        <DataListValue>{open ? <OwnerText owner={c.owner} /> : (c.owner?.name ?? t('absence.case.none'))}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{t('absence.case.work.plan')}</DataListKey>
        <DataListValue multiline>{c.plan ?? t('absence.case.noPlan')}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{t('absence.case.work.planBy')}</DataListKey>
        <DataListValue>{c.planBy ?? t('absence.case.none')}</DataListValue>
      </DataListItem>
      {open ? (
        <DataListItem>
          <DataListKey>{t('absence.case.work.nextDate')}</DataListKey>
          <DataListValue>
            <NextDateText date={c.nextDate} passed={c.flags.includes('next_date_passed')} />
          </DataListValue>
        </DataListItem>
      ) : null}
      <DataListItem>
        <DataListKey>{t('absence.case.work.offerFrom')}</DataListKey>
        <DataListValue>{c.offerFrom ? formatDate(c.offerFrom) : t('absence.case.noOffer')}</DataListValue>
      </DataListItem>
    </DataList>
  );
}

/**
 * Owner, plan (what is done, by whom), next date and the day an education offer started: what
 * every open case must have. Saved with the case's version, so two people cannot overwrite each
 * other unnoticed; on a clash the person is told and can load the case again.
 */
export function CaseWorkForm({ c, onSaved, onReload }: { c: TAbsenceCase; onSaved: (answer: TAbsenceCase, message: string) => Promise<void>; onReload: () => void }) {
  const { t } = useTranslation();
  const candidates = useOwnerCandidates(c.id, true);
  const { failure, setFailure, unplaced, clear: clearServer, show: showServer } = useServerIssues();
  const [conflict, setConflict] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, submitCount, isSubmitting, isDirty },
  } = useForm<Values>({ shouldFocusError: false, defaultValues: valuesOf(c) });
  // a newer version of the case (saved here or loaded again): the form starts from it
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new version resets the form
  useEffect(() => {
    reset(valuesOf(c));
    setConflict(false);
  }, [c.rowVersion, c.id]);

  const options = (candidates.data?.items ?? []).map((o) => ({ value: o.id, label: candidateLabel(o, t) }));
  if (c.owner && !options.some((o) => o.value === c.owner?.id)) options.unshift({ value: c.owner.id, label: c.owner.name });

  const onSubmit = async (v: Values) => {
    clearServer();
    setConflict(false);
    try {
      const answer = await api<TAbsenceCase>(caseApi(c.id), {
        method: 'PUT',
        body: {
          ownerUserId: v.ownerUserId || null,
          plan: v.plan.trim() || null,
          planBy: v.planBy.trim() || null,
          nextDate: v.nextDate || null,
          offerFrom: v.offerFrom || null,
          rowVersion: c.rowVersion,
        },
      });
      await onSaved(answer, t('absence.case.work.saved'));
    } catch (e) {
      // someone else saved first: say so plainly, and offer to load their version
      if (e instanceof ApiError && e.code === 'conflict') {
        // a stale version gets our own words; another clash (closed meanwhile) the server's
        setConflict(true);
        const stale = !e.issues || e.issues.some((i) => i.field === 'rowVersion');
        return setFailure(stale ? t('absence.case.work.conflict') : e.message);
      }
      showServer(applyServerError(e, setError, FIELDS));
    }
  };

  const items = submitCount ? summaryItems(errors, FIELDS, idOf, unplaced) : [];
  const max = (n: number) => ({ maxLength: { value: n, message: t('validation.too_long', { max: n }) } });
  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="rondom-form rondom-absence-form" aria-labelledby="absence-work-heading">
      <Heading2 id="absence-work-heading">{t('absence.case.work.title')}</Heading2>
      <Paragraph>{t('absence.case.work.intro')}</Paragraph>
      <ErrorSummary items={items} message={failure} />
      {conflict ? (
        <ButtonGroup>
          <Button type="button" appearance="secondary-action-button" onClick={onReload}>
            {t('absence.case.work.reload')}
          </Button>
        </ButtonGroup>
      ) : null}
      <SelectField
        id={idOf('ownerUserId')}
        label={t('absence.case.work.owner')}
        description={t('absence.case.work.ownerHint')}
        placeholder={t('absence.case.work.noOwner')}
        options={options}
        error={errors.ownerUserId?.message}
        {...register('ownerUserId')}
      />
      <TextAreaField
        id={idOf('plan')}
        label={t('absence.case.work.plan')}
        description={t('absence.case.work.planHint')}
        rows={4}
        error={errors.plan?.message}
        {...register('plan', max(ABSENCE_TEXT_MAX))}
      />
      <TextField
        id={idOf('planBy')}
        label={t('absence.case.work.planBy')}
        description={t('absence.case.work.planByHint')}
        error={errors.planBy?.message}
        {...register('planBy', max(PLAN_BY_MAX))}
      />
      <div className="rondom-form-row">
        <TextField
          id={idOf('nextDate')}
          type="date"
          className="rondom-field--short"
          label={t('absence.case.work.nextDate')}
          description={t('absence.case.work.nextDateHint')}
          error={errors.nextDate?.message}
          {...register('nextDate')}
        />
        <TextField
          id={idOf('offerFrom')}
          type="date"
          className="rondom-field--short"
          label={t('absence.case.work.offerFrom')}
          description={t('absence.case.work.offerFromHint')}
          error={errors.offerFrom?.message}
          {...register('offerFrom')}
        />
      </div>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={isSubmitting} disabled={isSubmitting}>
          {t('absence.case.work.submit')}
        </Button>
        {isDirty ? (
          <Button type="button" appearance="secondary-action-button" onClick={() => reset(valuesOf(c))} disabled={isSubmitting}>
            {t('absence.case.work.undo')}
          </Button>
        ) : null}
      </ButtonGroup>
    </form>
  );
}
