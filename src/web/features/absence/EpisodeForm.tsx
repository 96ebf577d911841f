import { Button, ButtonGroup, Checkbox, FormLabel, Heading2, Heading3, Paragraph, RadioButton } from '@utrecht/component-library-react';
import { type Ref } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { FieldGroup, TextAreaField } from '../../components/fields.js';
import { applyServerError, ErrorSummary, SaveCancel, summaryItems, TextField, useServerIssues } from '../../components/forms.js';
import { todayIso } from '../../format.js';
import { ABSENCE_KINDS, ABSENCE_TEXT_MAX, episodesApi, isExemption, type TAbsenceCase, type TAbsenceKind } from './data.js';

interface Values {
  kind: '' | TAbsenceKind;
  startedOn: string;
  endedOn: string;
  exemptionEndsOn: string;
  reasonIds: string[] | string | false;
  reasonNote: string;
}
const FIELDS = ['kind', 'startedOn', 'endedOn', 'exemptionEndsOn', 'reasonIds', 'reasonNote'] as const;
const toArray = (v: Values['reasonIds']): string[] => (Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : []);

/**
 * "Verzuim melden" / "Nieuwe periode": one episode of absence for a child. The same form on the
 * child's page (the first report opens the case) and on the case (a next period). The kinds come
 * with a short hint, since the legal names alone say little; the exemption's end date only shows
 * for an exemption.
 */
export function EpisodeForm({
  pupilId,
  reasons,
  idPrefix,
  title,
  intro,
  headingRef,
  level = 2,
  onCancel,
  onSaved,
}: {
  pupilId: string;
  reasons: { id: string; label: string }[];
  idPrefix: string;
  title: string;
  intro?: string;
  headingRef?: Ref<HTMLHeadingElement>;
  /** 2 as the page's own form, 3 inside a section of the case */
  level?: 2 | 3;
  /** Absent when the form is the page's way forward, not a side step. */
  onCancel?: () => void;
  onSaved: (answer: TAbsenceCase) => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const idOf = (f: string) => `${idPrefix}-${f}`;
  const { failure, unplaced, clear: clearServer, show: showServer } = useServerIssues();
  const {
    register,
    handleSubmit,
    setError,
    watch,
    reset,
    getValues,
    formState: { errors, submitCount, isSubmitting },
  } = useForm<Values>({
    shouldFocusError: false,
    defaultValues: { kind: '', startedOn: todayIso(), endedOn: '', exemptionEndsOn: '', reasonIds: [], reasonNote: '' },
  });
  const Heading = level === 2 ? Heading2 : Heading3;
  const kind = watch('kind');
  const exemption = kind !== '' && isExemption(kind);
  const required = { required: t('validation.required') };

  const onSubmit = async (v: Values) => {
    clearServer();
    try {
      const answer = await api<TAbsenceCase>(episodesApi(pupilId), {
        method: 'POST',
        body: {
          kind: v.kind,
          startedOn: v.startedOn,
          endedOn: v.endedOn || null,
          exemptionEndsOn: isExemption(v.kind as TAbsenceKind) ? v.exemptionEndsOn || null : null,
          reasonIds: toArray(v.reasonIds),
          reasonNote: v.reasonNote.trim() || null,
        },
      });
      reset();
      await onSaved(answer);
    } catch (e) {
      showServer(applyServerError(e, setError, FIELDS));
    }
  };

  const items = submitCount ? summaryItems(errors, FIELDS, idOf, unplaced) : [];
  const kindError = errors.kind?.message;
  const kindErrId = `${idOf('kind')}-error`;
  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="rondom-form rondom-absence-form" aria-labelledby={idOf('title')}>
      <Heading id={idOf('title')} ref={headingRef} tabIndex={-1} className="rondom-form__title">
        {title}
      </Heading>
      {intro ? <Paragraph>{intro}</Paragraph> : null}
      <ErrorSummary items={items} message={failure} />
      <fieldset
        id={idOf('kind')}
        role="radiogroup"
        tabIndex={-1}
        className="rondom-fieldset"
        aria-describedby={kindError ? kindErrId : undefined}
        aria-invalid={kindError ? true : undefined}
        aria-required
      >
        <legend className="rondom-fieldset__legend">
          {t('absence.case.episodeForm.kind')}
          <span className="rondom-required" aria-hidden="true">
            {' '}
            {t('form.requiredMark')}
          </span>
        </legend>
        {kindError ? (
          <p id={kindErrId} className="utrecht-form-field-error-message">
            {kindError}
          </p>
        ) : null}
        <ul className="rondom-absence-kinds">
          {ABSENCE_KINDS.map((k) => (
            <li key={k} className="utrecht-form-field utrecht-form-field--radio rondom-absence-kind">
              <RadioButton
                id={idOf(`kind-${k}`)}
                value={k}
                invalid={!!kindError}
                aria-describedby={idOf(`kind-${k}-hint`)}
                {...register('kind', { validate: (x) => x !== '' || t('absence.case.episodeForm.kindRequired') })}
              />
              <span>
                <FormLabel htmlFor={idOf(`kind-${k}`)} type="radio">
                  {t(`absence.kind.${k}`)}
                </FormLabel>
                <span id={idOf(`kind-${k}-hint`)} className="rondom-absence-kind__hint">
                  {t(`absence.kindHint.${k}`)}
                </span>
              </span>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="rondom-form-row">
        <TextField
          id={idOf('startedOn')}
          type="date"
          className="rondom-field--short"
          label={t('absence.case.episodeForm.startedOn')}
          required
          error={errors.startedOn?.message}
          {...register('startedOn', required)}
        />
        <TextField
          id={idOf('endedOn')}
          type="date"
          className="rondom-field--short"
          label={t('absence.case.episodeForm.endedOn')}
          description={t('absence.case.episodeForm.endedOnHint')}
          error={errors.endedOn?.message}
          {...register('endedOn', {
            validate: (x) => !x || x >= getValues('startedOn') || t('absence.case.episodeForm.endBeforeStart'),
          })}
        />
      </div>
      {exemption ? (
        <TextField
          id={idOf('exemptionEndsOn')}
          type="date"
          className="rondom-field--short"
          label={t('absence.case.episodeForm.exemptionEndsOn')}
          description={t('absence.case.episodeForm.exemptionEndsOnHint')}
          required
          error={errors.exemptionEndsOn?.message}
          {...register('exemptionEndsOn', {
            validate: (x) =>
              !isExemption(getValues('kind') as TAbsenceKind) ||
              (!x ? t('absence.case.episodeForm.exemptionEndRequired') : x >= getValues('startedOn') || t('absence.case.episodeForm.endBeforeStart')),
          })}
        />
      ) : null}
      <FieldGroup id={idOf('reasonIds')} legend={t('absence.case.episodeForm.reasons')} description={t('absence.case.episodeForm.reasonsHint')} error={errors.reasonIds?.message}>
        <ul className="rondom-checkbox-list">
          {reasons.map((r) => (
            <li key={r.id} className="utrecht-form-field utrecht-form-field--checkbox rondom-checkbox">
              <Checkbox
                id={idOf(`reason-${r.id}`)}
                value={r.id}
                {...register('reasonIds', {
                  validate: (x) => toArray(x).length > 0 || getValues('reasonNote').trim() !== '' || t('absence.case.episodeForm.reasonRequired'),
                })}
              />
              <FormLabel htmlFor={idOf(`reason-${r.id}`)} type="checkbox">
                {r.label}
              </FormLabel>
            </li>
          ))}
        </ul>
      </FieldGroup>
      <TextAreaField
        id={idOf('reasonNote')}
        label={t('absence.case.episodeForm.reasonNote')}
        description={t('absence.case.episodeForm.reasonNoteHint')}
        rows={3}
        error={errors.reasonNote?.message}
        {...register('reasonNote', { maxLength: { value: ABSENCE_TEXT_MAX, message: t('validation.too_long', { max: ABSENCE_TEXT_MAX }) } })}
      />
      {onCancel ? (
        <SaveCancel label={t('absence.case.episodeForm.submit')} busy={isSubmitting} onCancel={onCancel} />
      ) : (
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={isSubmitting} disabled={isSubmitting}>
            {t('absence.case.episodeForm.submit')}
          </Button>
        </ButtonGroup>
      )}
    </form>
  );
}
