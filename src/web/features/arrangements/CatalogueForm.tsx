import { useQueryClient } from '@tanstack/react-query';
import { Checkbox, FormLabel, Heading3 } from '@utrecht/component-library-react';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { TextAreaField } from '../../components/fields.js';
import { applyServerError, ErrorSummary, SaveCancel, TextField, useServerIssues } from '../../components/forms.js';
import { summaryFor } from '../dossier/Goals.js';
import { ARRANGEMENTS_KEY } from '../requests/keys.js';
import {
  BUDGET_MAX_CENTS,
  cataloguePath,
  centsToInput,
  EXECUTOR_KINDS,
  HOURS_MAX,
  hoursToInput,
  parseEuros,
  parseHours,
  type TArrangementType,
  type TExecutorKind,
  typePath,
} from './data.js';

interface Values {
  name: string;
  description: string;
  typicalHours: string;
  typicalCost: string;
  executors: string[] | string | false;
}
const FIELDS = ['name', 'description', 'typicalHours', 'typicalCost', 'executors'] as const;
/** The server names the money field in cents; the form asks for euros. */
const toFormField = (f: string) => (f === 'typicalCostCents' ? 'typicalCost' : f);

const toArray = (v: Values['executors']): string[] => (Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : []);

/** Adds a type to the catalogue, or changes one (functioneel beheer). */
export function CatalogueForm({
  type,
  onClose,
  onSaved,
  labelledBy,
}: {
  type?: TArrangementType;
  onClose: () => void;
  onSaved: (t: TArrangementType) => void;
  /** the heading that already names the form; without it the form shows its own */
  labelledBy?: string;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { failure, unplaced, clear: clearServer, show: showServer } = useServerIssues();
  const prefix = type ? `arr-type-${type.id}` : 'arr-type-new';
  const idOf = (f: string) => `${prefix}-${f}`;
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<Values>({
    shouldFocusError: false,
    defaultValues: {
      name: type?.name ?? '',
      description: type?.description ?? '',
      typicalHours: hoursToInput(type?.typicalHours),
      typicalCost: centsToInput(type?.typicalCostCents),
      executors: type?.executors ?? [],
    },
  });
  useEffect(() => setFocus('name'), [setFocus]);
  const required = t('validation.required');
  const labels: Record<(typeof FIELDS)[number], string> = {
    name: t('arrangements.catalogue.fields.name'),
    description: t('arrangements.catalogue.fields.description'),
    typicalHours: t('arrangements.catalogue.fields.typicalHours'),
    typicalCost: t('arrangements.catalogue.fields.typicalCost'),
    executors: t('arrangements.catalogue.fields.executors'),
  };
  const onValid = async (v: Values) => {
    clearServer();
    const body = {
      name: v.name.trim(),
      description: v.description.trim(),
      typicalHours: v.typicalHours.trim() ? parseHours(v.typicalHours) : null,
      typicalCostCents: v.typicalCost.trim() ? parseEuros(v.typicalCost) : null,
      executors: toArray(v.executors) as TExecutorKind[],
    };
    try {
      const saved = await api<TArrangementType>(type ? typePath(type.id) : cataloguePath, { method: type ? 'PATCH' : 'POST', body });
      await queryClient.invalidateQueries({ queryKey: ARRANGEMENTS_KEY });
      onSaved(saved);
    } catch (e) {
      showServer(applyServerError(e, (name, err) => setError(toFormField(name) as keyof Values, err), [...FIELDS, 'typicalCostCents']));
    }
  };
  const items = submitCount ? summaryFor(errors, FIELDS.map((name) => ({ name, label: labels[name] })), idOf, unplaced) : [];
  const executorsError = errors.executors?.message;
  return (
    <form noValidate onSubmit={handleSubmit(onValid)} className="rondom-form rondom-part__form" aria-labelledby={labelledBy ?? `${prefix}-title`}>
      {labelledBy ? null : (
        <Heading3 id={`${prefix}-title`}>{type ? t('arrangements.catalogue.editTitle', { name: type.name }) : t('arrangements.catalogue.addTitle')}</Heading3>
      )}
      <ErrorSummary items={items} message={failure} />
      <TextField
        id={idOf('name')}
        label={labels.name}
        required
        autoComplete="off"
        error={errors.name?.message}
        {...register('name', {
          validate: (x) => x.trim().length > 0 || required,
          maxLength: { value: 120, message: t('validation.too_long', { max: 120 }) },
        })}
      />
      <TextAreaField
        id={idOf('description')}
        label={labels.description}
        description={t('arrangements.catalogue.descriptionHint')}
        required
        rows={3}
        error={errors.description?.message}
        {...register('description', {
          validate: (x) => x.trim().length > 0 || required,
          maxLength: { value: 2000, message: t('validation.too_long', { max: 2000 }) },
        })}
      />
      <div className="rondom-form-row">
        <TextField
          id={idOf('typicalHours')}
          label={labels.typicalHours}
          description={t('arrangements.catalogue.hoursHint')}
          inputMode="decimal"
          autoComplete="off"
          className="rondom-field--short"
          error={errors.typicalHours?.message}
          {...register('typicalHours', {
            validate: (x) => {
              if (!x.trim()) return true;
              const h = parseHours(x);
              return (h !== null && h <= HOURS_MAX) || t('arrangements.form.hoursInvalid', { max: HOURS_MAX });
            },
          })}
        />
        <TextField
          id={idOf('typicalCost')}
          label={labels.typicalCost}
          description={t('arrangements.catalogue.costHint')}
          inputMode="decimal"
          autoComplete="off"
          className="rondom-field--medium"
          error={errors.typicalCost?.message}
          {...register('typicalCost', {
            validate: (x) => {
              if (!x.trim()) return true;
              const c = parseEuros(x);
              return (c !== null && c <= BUDGET_MAX_CENTS) || t('arrangements.form.euroInvalid');
            },
          })}
        />
      </div>
      <fieldset
        id={idOf('executors')}
        tabIndex={-1}
        className="rondom-fieldset"
        aria-describedby={executorsError ? `${idOf('executors')}-error` : undefined}
        aria-invalid={executorsError ? true : undefined}
      >
        <legend className="rondom-fieldset__legend">
          {labels.executors}
          <span className="rondom-required" aria-hidden="true">
            {' '}
            {t('form.requiredMark')}
          </span>
        </legend>
        {executorsError ? (
          <p id={`${idOf('executors')}-error`} className="utrecht-form-field-error-message">
            {executorsError}
          </p>
        ) : null}
        <ul className="rondom-checkbox-list">
          {EXECUTOR_KINDS.map((k) => (
            <li key={k} className="utrecht-form-field utrecht-form-field--checkbox rondom-checkbox">
              <Checkbox
                id={idOf(`executor-${k}`)}
                value={k}
                {...register('executors', { validate: (x) => toArray(x).length > 0 || t('arrangements.catalogue.executorsRequired') })}
              />
              <FormLabel htmlFor={idOf(`executor-${k}`)} type="checkbox">
                {t(`arrangements.executor.${k}`)}
              </FormLabel>
            </li>
          ))}
        </ul>
      </fieldset>
      <SaveCancel label={type ? t('common.save') : t('arrangements.catalogue.add')} busy={isSubmitting} onCancel={onClose} />
    </form>
  );
}
