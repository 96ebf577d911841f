import { Heading4, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { TextAreaField } from '../../components/fields.js';
import { applyServerError, ErrorSummary, SaveCancel, summaryItems, useServerIssues } from '../../components/forms.js';
import { CASE_NOTE_MAX, signalPlanApi, type TCase, type TSignalLevel, type TSignalStatus } from './data.js';

const FIELDS = ['note'] as const;

/**
 * Moves a plan to a new status. Starting it ("laten ingaan") asks why now — the others can then
 * follow the decision; closing or waiting again takes an optional note.
 */
export function SignalStatusForm({
  pupilId,
  level,
  target,
  onCancel,
  onSaved,
}: {
  pupilId: string;
  level: TSignalLevel;
  target: TSignalStatus;
  onCancel: () => void;
  onSaved: (answer: TCase) => Promise<void>;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const { failure, unplaced, clear: clearServer, show: showServer } = useServerIssues();
  const idOf = (f: string) => `plan-${level}-status-${f}`;
  const needsNote = target === 'activated';
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<{ note: string }>({ shouldFocusError: false, defaultValues: { note: '' } });
  useEffect(() => {
    heading.current?.focus();
  }, []);

  const onSubmit = async (v: { note: string }) => {
    clearServer();
    try {
      const answer = await api<TCase>(signalPlanApi(pupilId, level, '/status'), {
        method: 'POST',
        body: { status: target, note: v.note.trim() || null },
      });
      await onSaved(answer);
    } catch (e) {
      showServer(applyServerError(e, setError, FIELDS));
    }
  };

  const items = submitCount ? summaryItems(errors, FIELDS, idOf, unplaced) : [];
  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="rondom-form rondom-case-form" aria-labelledby={idOf('title')}>
      <Heading4 id={idOf('title')} ref={heading} tabIndex={-1} className="rondom-form__title">
        {t(`caseLeads.plans.to.${target}.title`, { level })}
      </Heading4>
      <Paragraph>{t(`caseLeads.plans.to.${target}.intro`, { level })}</Paragraph>
      <ErrorSummary items={items} message={failure} />
      <TextAreaField
        id={idOf('note')}
        label={needsNote ? t('caseLeads.plans.to.activated.note', { level }) : t('caseLeads.plans.statusNote')}
        required={needsNote}
        rows={3}
        error={errors.note?.message}
        {...register('note', {
          validate: (v) => !needsNote || v.trim() !== '' || t('validation.signal_activation_note_required'),
          maxLength: { value: CASE_NOTE_MAX, message: t('validation.too_long', { max: CASE_NOTE_MAX }) },
        })}
      />
      <SaveCancel label={t(`caseLeads.plans.to.${target}.submit`, { level })} busy={isSubmitting} onCancel={onCancel} />
    </form>
  );
}
