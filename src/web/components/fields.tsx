import {
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  RadioButton,
  Textarea,
} from '@utrecht/component-library-react';
import { forwardRef, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

const describedBy = (...ids: (string | false | null | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

function RequiredMark({ required }: { required?: boolean | undefined }) {
  const { t } = useTranslation();
  // outside the label, as in components/forms.tsx: the accessible name stays the label itself
  return required ? (
    <span className="rondom-required" aria-hidden="true">
      {' '}
      {t('form.requiredMark')}
    </span>
  ) : null;
}

type TextAreaFieldProps = {
  id: string;
  label: ReactNode;
  error?: string | undefined;
  description?: ReactNode;
  required?: boolean;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'required'>;

/** A labelled multi-line text field, wired like TextField in components/forms.tsx. */
export const TextAreaField = forwardRef<HTMLTextAreaElement, TextAreaFieldProps>(function TextAreaField(
  { id, label, error, description, required, className, rows = 4, ...rest },
  ref,
) {
  const errId = `${id}-error`;
  const descId = `${id}-description`;
  return (
    <FormField
      className={className}
      invalid={!!error}
      type="textarea"
      label={
        <>
          <FormLabel htmlFor={id}>{label}</FormLabel>
          <RequiredMark required={required} />
        </>
      }
      description={description ? <FormFieldDescription id={descId}>{description}</FormFieldDescription> : null}
      errorMessage={error ? <FormFieldErrorMessage id={errId}>{error}</FormFieldErrorMessage> : null}
      input={
        <Textarea
          ref={ref}
          id={id}
          rows={rows}
          invalid={!!error}
          required={required}
          aria-describedby={describedBy(description ? descId : null, error ? errId : null)}
          className="rondom-textarea"
          {...rest}
        />
      }
    />
  );
});

type RadioProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type' | 'value'>;

/** A group of radio buttons in a fieldset with a legend; the fieldset takes the id (for the error summary). */
export function RadioGroupField({
  id,
  legend,
  options,
  error,
  description,
  required,
  inputProps,
}: {
  id: string;
  legend: ReactNode;
  options: { value: string; label: string }[];
  error?: string | undefined;
  description?: ReactNode;
  required?: boolean;
  /** the register() result, given to every radio button */
  inputProps: RadioProps;
}) {
  const errId = `${id}-error`;
  const descId = `${id}-description`;
  return (
    <fieldset
      id={id}
      // a radiogroup may say it is required and invalid; a plain group may not
      role="radiogroup"
      tabIndex={-1}
      className="rondom-fieldset rondom-radio-group"
      aria-describedby={describedBy(description ? descId : null, error ? errId : null)}
      aria-invalid={error ? true : undefined}
      aria-required={required || undefined}
    >
      <legend className="rondom-fieldset__legend">
        {legend}
        <RequiredMark required={required} />
      </legend>
      {description ? (
        <p id={descId} className="utrecht-form-field-description">
          {description}
        </p>
      ) : null}
      {error ? (
        <p id={errId} className="utrecht-form-field-error-message">
          {error}
        </p>
      ) : null}
      <ul className="rondom-radio-list">
        {options.map((o) => (
          <li key={o.value} className="utrecht-form-field utrecht-form-field--radio rondom-checkbox">
            <RadioButton id={`${id}-${o.value}`} value={o.value} invalid={!!error} {...inputProps} />
            <FormLabel htmlFor={`${id}-${o.value}`} type="radio">
              {o.label}
            </FormLabel>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/**
 * A group of fields (checkboxes, lines) in a fieldset with a legend; the fieldset takes the id so
 * the error summary can move focus to it.
 */
export function FieldGroup({
  id,
  legend,
  description,
  error,
  children,
  className,
}: {
  id: string;
  legend: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  children: ReactNode;
  className?: string;
}) {
  const errId = `${id}-error`;
  const descId = `${id}-description`;
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={['rondom-fieldset', className].filter(Boolean).join(' ')}
      aria-describedby={describedBy(description ? descId : null, error ? errId : null)}
      aria-invalid={error ? true : undefined}
    >
      <legend className="rondom-fieldset__legend">{legend}</legend>
      {description ? (
        <p id={descId} className="utrecht-form-field-description">
          {description}
        </p>
      ) : null}
      {error ? (
        <p id={errId} className="utrecht-form-field-error-message">
          {error}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}
