import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/forms.js';
import { formatDate } from '../../format.js';
import { RadioGroupField, TextAreaField } from '../../components/fields.js';
import { summaryFor } from '../dossier/Goals.js';
import { FormShell } from '../dossier/parts.js';
import { OPP_TEXT_MAX, type TOpp } from './data.js';
import { Facts } from './views.js';
import { OppPart, type PartProps, trimOrNull, usePartForm } from './parts.js';

/* The hoorrecht part of an OPP: was the pupil heard, when, and what did they say (or why not). */

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

export const HearingPart = (props: PartProps) => <OppPart part="hearing" View={HearingView} Form={HearingForm} {...props} />;
