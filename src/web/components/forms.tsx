import {
  Alert,
  Button,
  ButtonGroup,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading2,
  Paragraph,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import { forwardRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, useEffect, useRef, useState } from 'react';
import type { FieldErrors, FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldIssue } from '../api.js';

function describedBy(...ids: (string | false | undefined | null)[]): string | undefined {
  const s = ids.filter(Boolean).join(' ');
  return s || undefined;
}

interface BaseFieldProps {
  id: string;
  label: ReactNode;
  error?: string | undefined;
  description?: ReactNode;
  /** shows "(verplicht)" after the label and sets aria-required */
  required?: boolean;
}

function Label({ id, label, required }: { id: string; label: ReactNode; required?: boolean | undefined }) {
  const { t } = useTranslation();
  // the mark stays outside the label so the field's accessible name is just its label;
  // assistive tech hears "required" from aria-required on the input
  return (
    <>
      <FormLabel htmlFor={id}>{label}</FormLabel>
      {required ? (
        <span className="rondom-required" aria-hidden="true">
          {' '}
          {t('form.requiredMark')}
        </span>
      ) : null}
    </>
  );
}

type TextFieldProps = BaseFieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'required'>;

/** A labelled text input with its description and error message wired up for assistive tech. */
export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { id, label, error, description, required, className, ...inputProps },
  ref,
) {
  const errId = `${id}-error`;
  const descId = `${id}-description`;
  return (
    <FormField
      className={className}
      invalid={!!error}
      type="text"
      label={<Label id={id} label={label} required={required} />}
      description={description ? <FormFieldDescription id={descId}>{description}</FormFieldDescription> : null}
      errorMessage={error ? <FormFieldErrorMessage id={errId}>{error}</FormFieldErrorMessage> : null}
      input={
        <Textbox
          ref={ref}
          id={id}
          invalid={!!error}
          required={required}
          aria-describedby={describedBy(description ? descId : null, error ? errId : null)}
          {...inputProps}
        />
      }
    />
  );
});

type SelectFieldProps = BaseFieldProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'required'> & {
    options: { value: string; label: string }[];
    /** a first, empty option such as "Kies een rol" */
    placeholder?: string;
    busy?: boolean;
  };

export const SelectField = forwardRef<HTMLSelectElement, SelectFieldProps>(function SelectField(
  { id, label, error, description, required, options, placeholder, className, ...selectProps },
  ref,
) {
  const errId = `${id}-error`;
  const descId = `${id}-description`;
  return (
    <FormField
      className={className}
      invalid={!!error}
      type="select"
      label={<Label id={id} label={label} required={required} />}
      description={description ? <FormFieldDescription id={descId}>{description}</FormFieldDescription> : null}
      errorMessage={error ? <FormFieldErrorMessage id={errId}>{error}</FormFieldErrorMessage> : null}
      input={
        <Select
          ref={ref}
          id={id}
          invalid={!!error}
          required={required}
          aria-describedby={describedBy(description ? descId : null, error ? errId : null)}
          {...selectProps}
        >
          {placeholder !== undefined ? <SelectOption value="">{placeholder}</SelectOption> : null}
          {options.map((o) => (
            <SelectOption key={o.value} value={o.value}>
              {o.label}
            </SelectOption>
          ))}
        </Select>
      }
    />
  );
});

export interface SummaryItem {
  /** the id of the input to jump to, or null for a problem that belongs to no field */
  fieldId: string | null;
  message: string;
}

/**
 * The list of problems at the top of a form. It takes focus when it appears, so people hear
 * right away what went wrong, and each line links to its field.
 */
export function ErrorSummary({ items, message }: { items: SummaryItem[]; message?: string | undefined }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const signature = items.map((i) => `${i.fieldId}:${i.message}`).join('|') + (message ?? '');
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (!items.length && !message) return null;
  return (
    <div ref={ref} tabIndex={-1} className="rondom-error-summary">
      <Alert type="error">
        {items.length ? <Heading2 className="rondom-error-summary__heading">{t('form.summaryTitle')}</Heading2> : null}
        {message ? <Paragraph>{message}</Paragraph> : null}
        {items.length ? (
          <ul className="utrecht-unordered-list">
            {items.map((item, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the same message can appear twice; the list is rebuilt on each submit
              <li key={`${item.fieldId}-${i}`} className="utrecht-unordered-list__item">
                {item.fieldId ? (
                  <a
                    className="utrecht-link utrecht-link--html-a"
                    href={`#${item.fieldId}`}
                    onClick={(e) => {
                      e.preventDefault();
                      document.getElementById(item.fieldId ?? '')?.focus();
                    }}
                  >
                    {item.message}
                  </a>
                ) : (
                  item.message
                )}
              </li>
            ))}
          </ul>
        ) : null}
      </Alert>
    </div>
  );
}

/**
 * Puts the server's field issues on the matching form fields; returns the issues that belong to
 * no field in this form and the general message (for the summary).
 */
export function applyServerError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fieldNames: readonly string[],
): { message: string; unplaced: FieldIssue[] } {
  if (!(error instanceof ApiError)) {
    return { message: error instanceof Error ? error.message : String(error), unplaced: [] };
  }
  const unplaced: FieldIssue[] = [];
  let placed = 0;
  for (const issue of error.issues ?? []) {
    if (fieldNames.includes(issue.field)) {
      setError(issue.field as Path<T>, { type: 'server', message: issue.message });
      placed++;
    } else {
      unplaced.push(issue);
    }
  }
  return { message: placed || unplaced.length ? '' : error.message, unplaced };
}

/**
 * A form's refusal by the server, for its error summary: the general message and the issues that
 * belong to no field of the form. `clear` before sending; `show(applyServerError(…))` on failure.
 */
export function useServerIssues() {
  const [failure, setFailure] = useState<string>();
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([]);
  return {
    failure,
    setFailure,
    unplaced,
    setUnplaced,
    clear: () => {
      setFailure(undefined);
      setUnplaced([]);
    },
    show: (r: { message: string; unplaced: FieldIssue[] }) => {
      setFailure(r.message || undefined);
      setUnplaced(r.unplaced);
    },
  };
}

/** Turns react-hook-form errors into summary lines, in the order of the fields. */
export function summaryItems<T extends FieldValues>(
  errors: FieldErrors<T>,
  order: readonly string[],
  idOf: (field: string) => string,
  extra: FieldIssue[] = [],
): SummaryItem[] {
  const items: SummaryItem[] = [];
  for (const name of order) {
    const e = errors[name as keyof FieldErrors<T>] as { message?: unknown } | undefined;
    if (e && typeof e.message === 'string' && e.message) {
      // "Naam: Vul dit veld in." — the label is read from the page, so it is always the one shown
      const id = idOf(name);
      const label = labelText(id);
      items.push({ fieldId: id, message: label ? `${label}: ${e.message}` : e.message });
    }
  }
  for (const issue of extra) items.push({ fieldId: null, message: issue.message });
  return items;
}

function labelText(id: string): string {
  if (typeof document === 'undefined') return '';
  const el = document.getElementById(id);
  if (!el) return '';
  if (el instanceof HTMLFieldSetElement) return el.querySelector('legend')?.textContent?.trim() ?? '';
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`);
  return label?.textContent?.trim() ?? '';
}

export function errorText(e: unknown): string | undefined {
  if (e && typeof e === 'object' && 'message' in e && typeof (e as { message: unknown }).message === 'string') {
    return (e as { message: string }).message || undefined;
  }
  return undefined;
}

/** The end of a form: save (busy while sending) and cancel, which never submits. */
export function SaveCancel({ label, busy, onCancel }: { label: string; busy: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <ButtonGroup>
      <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
        {label}
      </Button>
      <Button type="button" appearance="secondary-action-button" onClick={onCancel} disabled={busy}>
        {t('common.cancel')}
      </Button>
    </ButtonGroup>
  );
}
