import { Heading3 } from '@utrecht/component-library-react';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { TextAreaField } from '../../components/fields.js';
import { applyServerError, ErrorSummary, SaveCancel, useServerIssues } from '../../components/forms.js';
import { summaryFor } from '../dossier/Goals.js';
import { MEETING_LINE_MAX, meetingApi, type TMeeting, useMeetingSaved } from './data.js';

/**
 * One line of text added to a meeting (an agenda point, a decision): a labelled field, its
 * errors next to it and in the summary, save and cancel. The caller closes it and moves focus.
 */
export function LineForm({
  m,
  id,
  path,
  title,
  label,
  hint,
  saveLabel,
  onClose,
  onSaved,
}: {
  m: TMeeting;
  id: string;
  /** e.g. '/agenda' under the meeting */
  path: string;
  title: string;
  label: string;
  hint?: string;
  saveLabel: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const saved = useMeetingSaved();
  const { failure, unplaced, clear: clearServer, show: showServer } = useServerIssues();
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<{ text: string }>({ shouldFocusError: false, defaultValues: { text: '' } });
  useEffect(() => setFocus('text'), [setFocus]);
  const required = t('validation.required');
  const onValid = async (v: { text: string }) => {
    clearServer();
    try {
      saved(m.id, await api<unknown>(meetingApi(m.id, path), { method: 'POST', body: { text: v.text.trim() } }), m.pupil.id);
      onSaved();
      onClose();
    } catch (e) {
      showServer(applyServerError(e, setError, ['text']));
    }
  };
  const items = submitCount ? summaryFor(errors, [{ name: 'text', label }], () => `${id}-text`, unplaced) : [];
  return (
    <form noValidate onSubmit={handleSubmit(onValid)} className="rondom-form rondom-part__form" aria-labelledby={`${id}-title`}>
      <Heading3 id={`${id}-title`} className="rondom-form__title">
        {title}
      </Heading3>
      <ErrorSummary items={items} message={failure} />
      <TextAreaField
        id={`${id}-text`}
        label={label}
        description={hint}
        required
        rows={2}
        error={errors.text?.message}
        {...register('text', {
          validate: (x) => x.trim().length > 0 || required,
          maxLength: { value: MEETING_LINE_MAX, message: t('validation.too_long', { max: MEETING_LINE_MAX }) },
        })}
      />
      <SaveCancel label={saveLabel} busy={isSubmitting} onCancel={onClose} />
    </form>
  );
}
