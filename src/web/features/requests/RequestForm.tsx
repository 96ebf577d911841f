import { FormLabel } from '@utrecht/component-library-react';
import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../../components/fields.js';
import { SelectField, TextField } from '../../components/forms.js';
import { todayIso } from '../../format.js';
import { REQUEST_TEXT_MAX, REQUEST_TYPES, TLV_SCHOOL_TYPES, type TRequest, type TRequestType } from './data.js';

/** The school's fields of a request, as the form holds them ('' for empty). */
export interface TRequestValues {
  type: TRequestType | '';
  question: string;
  tried: string;
  tlvSchoolType: string;
  parentsInformedOn: string;
  parentsView: string;
}
export const REQUEST_FORM_FIELDS = ['type', 'question', 'tried', 'tlvSchoolType', 'parentsInformedOn', 'parentsView'] as const;
export const requestFieldId = (f: string) => `request-${f}`;

export const valuesOf = (r: TRequest): TRequestValues => ({
  type: r.type,
  question: r.question ?? '',
  tried: r.tried ?? '',
  tlvSchoolType: r.tlvSchoolType ?? '',
  parentsInformedOn: r.parentsInformedOn ?? '',
  parentsView: r.parentsView ?? '',
});

/** What the API takes: '' becomes null, and the school type only goes with a TLV. */
export function bodyOf(v: TRequestValues): Record<string, string | null> {
  const text = (s: string) => s.trim() || null;
  return {
    question: text(v.question),
    tried: text(v.tried),
    tlvSchoolType: v.type === 'tlv' ? v.tlvSchoolType || null : null,
    parentsInformedOn: v.parentsInformedOn || null,
    parentsView: text(v.parentsView),
  };
}

/** The kind of request: a radio each, with one line on when to choose it. */
export function TypeChoice({ register, error }: { register: UseFormRegister<TRequestValues>; error?: string | undefined }) {
  const { t } = useTranslation();
  const id = requestFieldId('type');
  return (
    <fieldset id={id} role="radiogroup" tabIndex={-1} className="rondom-fieldset rondom-radio-group" aria-required aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="rondom-fieldset__legend">
        {t('requests.fields.type')}
        <span className="rondom-required" aria-hidden="true">
          {' '}
          {t('form.requiredMark')}
        </span>
      </legend>
      {error ? (
        <p id={`${id}-error`} className="utrecht-form-field-error-message">
          {error}
        </p>
      ) : null}
      <ul className="rondom-radio-list">
        {REQUEST_TYPES.map((v) => (
          <li key={v} className="utrecht-form-field utrecht-form-field--radio rondom-checkbox">
            <input
              id={`${id}-${v}`}
              type="radio"
              value={v}
              className="utrecht-radio-button utrecht-radio-button--html-input"
              aria-describedby={`${id}-${v}-hint`}
              {...register('type', { required: t('requests.form.chooseType') })}
            />
            <FormLabel htmlFor={`${id}-${v}`} type="radio">
              {t(`requests.type.${v}`)}
            </FormLabel>
            <span id={`${id}-${v}-hint`} className="rondom-hint rondom-radio-hint">
              {' '}
              {t(`requests.typeHint.${v}`)}
            </span>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** Question, what was tried, the school type (TLV), the parents informed and their view. Short on purpose. */
export function RequestFields({
  register,
  errors,
  type,
  forSubmit,
}: {
  register: UseFormRegister<TRequestValues>;
  errors: FieldErrors<TRequestValues>;
  type: TRequestType | '';
  /** marks what submitting will need */
  forSubmit?: boolean;
}) {
  const { t } = useTranslation();
  const max = { value: REQUEST_TEXT_MAX, message: t('validation.too_long', { max: REQUEST_TEXT_MAX }) };
  return (
    <>
      <TextAreaField
        id={requestFieldId('question')}
        label={t('requests.fields.question')}
        description={t('requests.form.questionHint')}
        required={forSubmit}
        error={errors.question?.message}
        {...register('question', { maxLength: max })}
      />
      <TextAreaField
        id={requestFieldId('tried')}
        label={t('requests.fields.tried')}
        description={t('requests.form.triedHint')}
        required={forSubmit}
        error={errors.tried?.message}
        {...register('tried', { maxLength: max })}
      />
      {type === 'tlv' ? (
        <SelectField
          id={requestFieldId('tlvSchoolType')}
          label={t('requests.fields.tlvSchoolType')}
          description={t('requests.form.tlvSchoolTypeHint')}
          required={forSubmit}
          placeholder={t('requests.form.chooseSchoolType')}
          options={TLV_SCHOOL_TYPES.map((v) => ({ value: v, label: t(`requests.tlvSchoolType.${v}`) }))}
          error={errors.tlvSchoolType?.message}
          {...register('tlvSchoolType')}
        />
      ) : null}
      <TextField
        id={requestFieldId('parentsInformedOn')}
        type="date"
        max={todayIso()}
        label={t('requests.fields.parentsInformedOn')}
        description={t('requests.form.parentsInformedOnHint')}
        className="rondom-field--short"
        error={errors.parentsInformedOn?.message}
        {...register('parentsInformedOn', { validate: (v) => !v || v <= todayIso() || t('requests.rules.date_in_future') })}
      />
      <TextAreaField
        id={requestFieldId('parentsView')}
        label={t('requests.fields.parentsView')}
        description={t('requests.form.parentsViewHint')}
        rows={3}
        error={errors.parentsView?.message}
        {...register('parentsView', { maxLength: max })}
      />
    </>
  );
}
