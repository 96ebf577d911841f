import { useQueryClient } from '@tanstack/react-query';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { type ReactNode, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useReturnFocus } from '../../components/focus.js';
import { ApiError, api } from '../../api.js';
import { ErrorSummary, SaveCancel, TextField, type SummaryItem } from '../../components/forms.js';
import { formatDate } from '../../format.js';
import { ConflictNotice, useConflict } from './conflict.js';
import { type TDossier, type TDossierField, type TListField, dossierKey, dossierPath, isConflict } from './data.js';
import { TextAreaField } from '../../components/fields.js';
import { summaryLine } from './labels.js';
import { FreeText, StatementList } from './views.js';

const LIST_MAX_ITEMS = 30;
const LIST_MAX_LENGTH = 500;
const TEXT_MAX_LENGTH = 5000;

/**
 * One part of the groeidocument with its heading; those who may change it get a "Wijzigen"
 * button that opens a small form for this part only. Focus goes into the form when it opens and
 * back to the button when it closes.
 */
export function PartSection({
  id,
  title,
  intro,
  canEdit,
  view,
  form,
}: {
  id: string;
  title: string;
  intro?: ReactNode;
  canEdit: boolean;
  view: ReactNode;
  form: (close: () => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const button = useReturnFocus(editing);
  const headingId = `${id}-heading`;
  return (
    <section aria-labelledby={headingId} className="rondom-part" id={id}>
      <div className="rondom-part__head">
        {/* focusable, so an error summary elsewhere can take people to the part */}
        <Heading2 id={headingId} tabIndex={-1} className="rondom-focus-target">
          {title}
        </Heading2>
        {canEdit && !editing ? (
          <Button
            ref={button}
            appearance="secondary-action-button"
            aria-label={t('dossier.editPart', { part: title })}
            onClick={() => setEditing(true)}
          >
            {t('dossier.edit')}
          </Button>
        ) : null}
      </div>
      {intro ? <Paragraph className="rondom-hint rondom-part__intro">{intro}</Paragraph> : null}
      {editing ? form(() => setEditing(false)) : view}
    </section>
  );
}

/** Saves one part with the version the person started from; the page shows what the server returns. */
function useSavePart(pupilId: string) {
  const queryClient = useQueryClient();
  return async (baseVersion: number, patch: Partial<Record<TDossierField, unknown>>) => {
    const d = await api<TDossier>(dossierPath(pupilId), { method: 'PATCH', body: { baseVersion, ...patch } });
    queryClient.setQueryData(dossierKey(pupilId), d);
    return d;
  };
}

/** The server's problems with this part ("needs.3" is line 4 of the list) as one message for the field. */
function serverFieldMessage(e: unknown, field: string, t: (k: string, o?: Record<string, unknown>) => string): string | undefined {
  if (!(e instanceof ApiError) || !e.issues) return undefined;
  const mine = e.issues.filter((i) => i.field === field || i.field.startsWith(`${field}.`));
  if (!mine.length) return undefined;
  return mine
    .map((i) => {
      const line = /\.(\d+)$/.exec(i.field);
      return line ? t('dossier.list.lineProblem', { line: Number(line[1]) + 1, message: i.message }) : i.message;
    })
    .join(' ');
}

export interface FormShellProps {
  id: string;
  onCancel: () => void;
  busy: boolean;
  items: SummaryItem[];
  failure?: string | undefined;
  conflict: ReturnType<typeof useConflict>;
  onReload: () => void;
  current: ReactNode;
  onSubmit: () => void;
  children: ReactNode;
}

export function FormShell({ id, onCancel, busy, items, failure, conflict, onReload, current, onSubmit, children }: FormShellProps) {
  const { t } = useTranslation();
  return (
    <form
      noValidate
      id={id}
      className="rondom-form rondom-part__form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <ErrorSummary items={items} message={conflict.message ?? failure} />
      <ConflictNotice conflict={conflict} onReload={onReload} current={current} />
      {children}
      <SaveCancel label={t('common.save')} busy={busy} onCancel={onCancel} />
    </form>
  );
}

/**
 * One field of the dossier edited in place: the form state, saving with the version the person
 * started from, a clash kept as a notice (their text stays), and the server's message on the field.
 */
function usePartField(o: {
  dossier: TDossier;
  field: TDossierField;
  label: string;
  initial: string;
  toValue: (text: string) => unknown;
  onSaved: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const pupilId = o.dossier.pupil.id;
  const save = useSavePart(pupilId);
  const conflict = useConflict(pupilId);
  const [base, setBase] = useState(o.dossier.version);
  const [failure, setFailure] = useState<string>();
  const inputId = `dossier-${o.field}-input`;
  const form = useForm<{ text: string }>({ shouldFocusError: false, defaultValues: { text: o.initial } });
  const { setFocus, setError, handleSubmit, formState } = form;
  useEffect(() => setFocus('text'), [setFocus]);
  const submit = handleSubmit(async ({ text }) => {
    setFailure(undefined);
    conflict.clear();
    try {
      await save(base, { [o.field]: o.toValue(text) });
      o.onSaved();
      o.onClose();
    } catch (e) {
      if (isConflict(e)) conflict.clash(e.message);
      else {
        const m = serverFieldMessage(e, o.field, t);
        if (m) setError('text', { type: 'server', message: m });
        else setFailure(e instanceof Error ? e.message : String(e));
      }
    }
  });
  const error = formState.errors.text?.message;
  const items: SummaryItem[] = formState.submitCount && error ? [{ fieldId: inputId, message: summaryLine(o.label, error) }] : [];
  const shell = {
    id: `dossier-${o.field}-form`,
    onCancel: o.onClose,
    busy: formState.isSubmitting,
    items,
    failure,
    conflict,
    onReload: () => void conflict.reload().then((d) => d && setBase(d.version)),
    onSubmit: () => void submit(),
  };
  return { register: form.register, error, inputId, shell };
}

/**
 * A list of short statements, edited as lines of text: one statement per line. Empty lines are
 * dropped; each line may be at most 500 characters, and a list at most 30 lines.
 */
export function ListPartForm({
  dossier,
  field,
  label,
  description,
  onClose,
  onSaved,
}: {
  dossier: TDossier;
  field: TListField;
  label: string;
  description: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { register, error, inputId, shell } = usePartField({
    dossier,
    field,
    label,
    initial: dossier[field].join('\n'),
    toValue: (text) =>
      text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean),
    onSaved,
    onClose,
  });
  return (
    <FormShell
      {...shell}
      current={<StatementList items={dossier[field]} empty={<Paragraph>{t('dossier.conflict.nothingSaved')}</Paragraph>} />}
    >
      <TextAreaField
        id={inputId}
        label={label}
        description={description}
        rows={Math.min(14, Math.max(5, dossier[field].length + 2))}
        error={error}
        {...register('text', {
          validate: (v) => {
            const lines = v.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
            if (lines.length > LIST_MAX_ITEMS) return t('dossier.list.tooMany', { max: LIST_MAX_ITEMS });
            const long = lines.findIndex((l) => l.length > LIST_MAX_LENGTH);
            if (long >= 0) return t('dossier.list.lineTooLong', { line: long + 1, max: LIST_MAX_LENGTH });
            return true;
          },
        })}
      />
    </FormShell>
  );
}

/** The pupil's or the parents' own words. Emptying the field removes the text. */
export function TextPartForm({
  dossier,
  field,
  label,
  description,
  onClose,
  onSaved,
}: {
  dossier: TDossier;
  field: 'pupilView' | 'parentView';
  label: string;
  description: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { register, error, inputId, shell } = usePartField({
    dossier,
    field,
    label,
    initial: dossier[field] ?? '',
    toValue: (text) => text.trim() || null,
    onSaved,
    onClose,
  });
  return (
    <FormShell
      {...shell}
      current={<FreeText text={dossier[field]} empty={<Paragraph>{t('dossier.conflict.nothingSaved')}</Paragraph>} />}
    >
      <TextAreaField
        id={inputId}
        label={label}
        description={description}
        rows={7}
        error={error}
        {...register('text', {
          maxLength: { value: TEXT_MAX_LENGTH, message: t('validation.too_long', { max: TEXT_MAX_LENGTH }) },
        })}
      />
    </FormShell>
  );
}

/** "Extra ondersteuning sinds": a date, or empty when the child gets no extra support. */
export function DatePartForm({
  dossier,
  label,
  description,
  onClose,
  onSaved,
}: {
  dossier: TDossier;
  label: string;
  description: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { register, error, inputId, shell } = usePartField({
    dossier,
    field: 'extraSupportSince',
    label,
    initial: dossier.extraSupportSince ?? '',
    toValue: (date) => date || null,
    onSaved,
    onClose,
  });
  return (
    <FormShell
      {...shell}
      current={<Paragraph>{dossier.extraSupportSince ? formatDate(dossier.extraSupportSince) : t('dossier.conflict.nothingSaved')}</Paragraph>}
    >
      <TextField
        id={inputId}
        type="date"
        label={label}
        description={description}
        className="rondom-field--medium"
        error={error}
        {...register('text', {
          validate: (v) => !v || /^\d{4}-\d{2}-\d{2}$/.test(v) || t('validation.invalid_date'),
        })}
      />
    </FormShell>
  );
}

