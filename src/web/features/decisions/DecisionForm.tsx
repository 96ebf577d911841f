import { useQueryClient } from '@tanstack/react-query';
import { Alert, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TLV_CATEGORIES, TLV_MAX_YEARS, TLV_SCHOOL_TYPES, tlvValidUntil } from '../../../shared/support-request.js';
import { api, ApiError } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { RadioGroupField, TextAreaField } from '../../components/fields.js';
import { applyServerError, ErrorSummary, SaveCancel, SelectField, TextField, useServerIssues } from '../../components/forms.js';
import { formatDate, todayIso } from '../../format.js';
import { REQUESTS_KEY } from '../requests/keys.js';
import { summaryFor } from '../dossier/Goals.js';
import { CRITERIA_MAX, decisionKey, decisionPath, REASONS_MAX, type TDecision } from './data.js';

interface Values {
  outcome: '' | 'granted' | 'partly' | 'refused';
  reasons: string;
  criteria: string;
  sentOn: string;
  schoolType: string;
  category: string;
  validFrom: string;
  years: string;
}
const FIELDS = ['outcome', 'reasons', 'criteria', 'sentOn', 'schoolType', 'category', 'validFrom', 'years'] as const;
/** The server names TLV fields "tlv.schoolType"; the form has them flat. */
const flat = (field: string) => field.replace(/^tlv\./, '');

/**
 * The decision, taken once: outcome and reasons, and for a granted TLV its school type, category
 * (none for SBO), start and length, with the end date shown as it will be. A TLV cannot be granted
 * while the two advices are missing; the form says so before anyone tries.
 */
export function DecisionForm({
  requestId,
  isTlv,
  advicesSufficient,
  askedSchoolType,
  onClose,
  onDone,
}: {
  requestId: string;
  isTlv: boolean;
  advicesSufficient: boolean;
  askedSchoolType?: string | undefined;
  onClose: () => void;
  onDone: (m: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { failure, unplaced, setFailure, clear: clearServer, show: showServer } = useServerIssues();
  const [pending, setPending] = useState<Values | null>(null);
  const [busy, setBusy] = useState(false);
  const { register, handleSubmit, setError, watch, getValues, formState } = useForm<Values>({
    shouldFocusError: false,
    defaultValues: { outcome: '', reasons: '', criteria: '', sentOn: todayIso(), schoolType: askedSchoolType ?? '', category: '', validFrom: todayIso(), years: '1' },
  });
  const { errors, submitCount } = formState;
  const outcome = watch('outcome');
  const schoolType = watch('schoolType');
  const validFrom = watch('validFrom');
  const years = Number(watch('years'));
  const withTlv = isTlv && (outcome === 'granted' || outcome === 'partly');
  // a TLV is decided (granted or refused) only on two advices
  const blocked = isTlv && !advicesSufficient;
  const idOf = (f: string) => `decision-${f}`;
  const labels: Record<(typeof FIELDS)[number], string> = {
    outcome: t('decisions.form.outcome'),
    reasons: t('decisions.form.reasons'),
    criteria: t('decisions.form.criteria'),
    sentOn: t('decisions.form.sentOn'),
    schoolType: t('decisions.form.schoolType'),
    category: t('decisions.form.category'),
    validFrom: t('decisions.form.validFrom'),
    years: t('decisions.form.years'),
  };
  const required = t('validation.required');
  // the TLV fields only count while they are shown (a hidden field keeps its value in the form)
  const tlvNeeded = () => isTlv && (getValues('outcome') === 'granted' || getValues('outcome') === 'partly');
  const validPreview = withTlv && /^\d{4}-\d{2}-\d{2}$/.test(validFrom) && Number.isInteger(years) && years >= 1 && years <= TLV_MAX_YEARS;
  const send = async () => {
    if (!pending) return;
    setBusy(true);
    clearServer();
    const v = pending;
    const body = {
      outcome: v.outcome,
      reasons: v.reasons.trim(),
      criteria: v.criteria.trim() || null,
      sentOn: v.sentOn,
      ...(isTlv && (v.outcome === 'granted' || v.outcome === 'partly')
        ? { tlv: { schoolType: v.schoolType, category: v.schoolType === 'SBO' ? null : v.category, validFrom: v.validFrom, years: Number(v.years) } }
        : {}),
    };
    try {
      const d = await api<TDecision>(decisionPath(requestId), { method: 'POST', body });
      setPending(null);
      queryClient.setQueryData(decisionKey(requestId), d);
      // the request's status, its timeline and every list with it changed
      void queryClient.invalidateQueries({ queryKey: REQUESTS_KEY, predicate: (q) => !(q.queryKey[1] === requestId && q.queryKey[2] === 'decision') });
      onDone(t('decisions.form.saved'));
      onClose();
    } catch (e) {
      setPending(null);
      const mapped = e instanceof ApiError && e.issues ? new ApiError(e.status, e.code, e.message, e.issues.map((i) => ({ ...i, field: flat(i.field) }))) : e;
      showServer(applyServerError(mapped, setError, FIELDS));
    } finally {
      setBusy(false);
    }
  };
  const onValid = (v: Values) => {
    if (blocked) {
      setFailure(t('decisions.form.advicesMissing'));
      return;
    }
    setFailure(undefined);
    setPending(v);
  };
  const shown = FIELDS.filter((f) => withTlv || !['schoolType', 'category', 'validFrom', 'years'].includes(f));
  const items = submitCount ? summaryFor(errors, shown.map((name) => ({ name, label: labels[name] })), idOf, unplaced) : [];
  return (
    <form noValidate onSubmit={handleSubmit(onValid)} className="rondom-form rondom-decision-form" aria-labelledby="decision-form-title">
      <Heading3 id="decision-form-title">{t('decisions.form.title')}</Heading3>
      <ErrorSummary items={items} message={failure} />
      <RadioGroupField
        id={idOf('outcome')}
        legend={labels.outcome}
        required
        error={errors.outcome?.message}
        options={(['granted', 'partly', 'refused'] as const).map((o) => ({ value: o, label: t(`decisions.outcome.${o}`) }))}
        inputProps={register('outcome', { required: t('decisions.form.chooseOutcome') })}
      />
      {blocked ? (
        <Alert type="warning">
          <Paragraph>{t('decisions.form.advicesMissing')}</Paragraph>
        </Alert>
      ) : null}
      <TextAreaField
        id={idOf('reasons')}
        label={labels.reasons}
        description={t('decisions.form.reasonsHint')}
        required
        rows={6}
        error={errors.reasons?.message}
        {...register('reasons', {
          validate: (x) => x.trim().length > 0 || required,
          maxLength: { value: REASONS_MAX, message: t('validation.too_long', { max: REASONS_MAX }) },
        })}
      />
      <TextAreaField
        id={idOf('criteria')}
        label={labels.criteria}
        description={t('decisions.form.criteriaHint')}
        rows={3}
        error={errors.criteria?.message}
        {...register('criteria', { maxLength: { value: CRITERIA_MAX, message: t('validation.too_long', { max: CRITERIA_MAX }) } })}
      />
      <TextField
        id={idOf('sentOn')}
        type="date"
        label={labels.sentOn}
        description={t('decisions.form.sentOnHint')}
        required
        className="rondom-field--medium"
        error={errors.sentOn?.message}
        {...register('sentOn', { required })}
      />
      {withTlv ? (
        <fieldset className="rondom-fieldset rondom-decision-tlv">
          <legend className="rondom-fieldset__legend">{t('decisions.form.tlvLegend')}</legend>
          <SelectField
            id={idOf('schoolType')}
            label={labels.schoolType}
            required
            placeholder={t('decisions.form.chooseSchoolType')}
            options={TLV_SCHOOL_TYPES.map((s) => ({ value: s, label: t(`tlv.schoolType.${s}`) }))}
            error={errors.schoolType?.message}
            {...register('schoolType', { validate: (v) => !tlvNeeded() || !!v || t('decisions.form.chooseSchoolType') })}
          />
          {schoolType && schoolType !== 'SBO' ? (
            <SelectField
              id={idOf('category')}
              label={labels.category}
              description={t('decisions.form.categoryHint')}
              required
              placeholder={t('decisions.form.chooseCategory')}
              options={TLV_CATEGORIES.map((c) => ({ value: c, label: t(`tlv.category.${c}`) }))}
              error={errors.category?.message}
              {...register('category', { validate: (c) => !tlvNeeded() || getValues('schoolType') === 'SBO' || !!c || t('decisions.form.chooseCategory') })}
            />
          ) : null}
          <TextField
            id={idOf('validFrom')}
            type="date"
            label={labels.validFrom}
            required
            className="rondom-field--medium"
            error={errors.validFrom?.message}
            {...register('validFrom', { validate: (v) => !tlvNeeded() || !!v || required })}
          />
          <TextField
            id={idOf('years')}
            type="number"
            inputMode="numeric"
            min={1}
            max={TLV_MAX_YEARS}
            label={labels.years}
            description={t('decisions.form.yearsHint')}
            required
            className="rondom-field--short"
            error={errors.years?.message}
            {...register('years', {
              validate: (y) => {
                const n = Number(y);
                return !tlvNeeded() || (Number.isInteger(n) && n >= 1 && n <= TLV_MAX_YEARS) || t('decisions.form.yearsRange', { max: TLV_MAX_YEARS });
              },
            })}
          />
          <p className="rondom-decision-preview" aria-live="polite">
            {validPreview ? t('decisions.form.validUntilPreview', { date: formatDate(tlvValidUntil(validFrom, years)) }) : null}
          </p>
        </fieldset>
      ) : null}
      <SaveCancel label={t('decisions.form.save')} busy={busy} onCancel={onClose} />
      <ConfirmDialog
        open={pending !== null}
        title={t('decisions.form.confirmTitle')}
        confirmLabel={t('decisions.form.confirm')}
        tone="neutral"
        busy={busy}
        onConfirm={() => void send()}
        onCancel={() => setPending(null)}
      >
        {t('decisions.form.confirmText')}
      </ConfirmDialog>
    </form>
  );
}
