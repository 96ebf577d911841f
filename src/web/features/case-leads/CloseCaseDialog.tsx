import { Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { TextAreaField } from '../../components/fields.js';
import { ErrorAlert } from '../../components/Status.js';
import { CASE_NOTE_MAX } from './data.js';

/**
 * "Casus afsluiten": the regie ends and plans still waiting are closed with it. Asked in a dialog
 * with the reason in it, since nobody will get a signal any more afterwards.
 */
export function CloseCaseDialog({
  open,
  leadName,
  onCancel,
  onClose,
}: {
  open: boolean;
  leadName: string;
  onCancel: () => void;
  onClose: (note: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) {
      setNote('');
      setError(undefined);
      setFailure(null);
    }
  }, [open]);

  const confirm = async () => {
    const text = note.trim();
    if (!text) {
      setError(t('caseLeads.close.noteRequired'));
      document.getElementById('case-close-note')?.focus();
      return;
    }
    if (text.length > CASE_NOTE_MAX) {
      setError(t('validation.too_long', { max: CASE_NOTE_MAX }));
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await onClose(text);
    } catch (e) {
      const issue = e instanceof ApiError ? e.issues?.find((i) => i.field === 'note') : undefined;
      if (issue) setError(issue.message);
      else setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <ConfirmDialog
      open={open}
      title={t('caseLeads.close.title')}
      confirmLabel={t('caseLeads.close.confirm')}
      busy={busy}
      onConfirm={() => void confirm()}
      onCancel={onCancel}
    >
      <Paragraph>{t('caseLeads.close.text', { name: leadName })}</Paragraph>
      <TextAreaField
        id="case-close-note"
        label={t('caseLeads.close.note')}
        description={t('caseLeads.close.noteHint')}
        required
        rows={3}
        value={note}
        error={error}
        onChange={(e) => {
          setNote(e.target.value);
          setError(undefined);
        }}
      />
      {failure ? <ErrorAlert error={failure} /> : null}
    </ConfirmDialog>
  );
}
