import { useQueryClient } from '@tanstack/react-query';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { TextAreaField } from '../../components/fields.js';
import { applyServerError, ErrorSummary, useServerIssues } from '../../components/forms.js';
import { ConflictNotice, useConflict } from '../dossier/conflict.js';
import { isConflict } from '../dossier/data.js';
import { summaryFor } from '../dossier/Goals.js';
import { MEETING_TEXT_MAX, meetingApi, meetingKey, type TMeeting, useMeetingSaved } from './data.js';

/** The notes as written, or "no notes yet" in words. */
function NotesText({ notes }: { notes: string | null }) {
  const { t } = useTranslation();
  return notes ? <Paragraph className="rondom-free-text">{notes}</Paragraph> : <Paragraph className="rondom-empty">{t('meetings.notes.empty')}</Paragraph>;
}

/**
 * The notes of a held meeting, one text saved with the meeting's rowVersion. Other changes to the
 * meeting (a decision, an action) bump that version too, so the form builds on the newest one when
 * the notes themselves did not change since it opened; when they did, the server refuses and the
 * text typed stays in the form (as in the groeidocument).
 */
function NotesForm({ m, onStatus }: { m: TMeeting; onStatus: (s: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const saved = useMeetingSaved();
  const key = meetingKey(m.id);
  const conflict = useConflict<TMeeting>(m.pupil.id, { queryKey: key, queryFn: () => api<TMeeting>(meetingApi(m.id)) });
  const [start, setStart] = useState(() => ({ rowVersion: m.rowVersion, notes: m.notes }));
  const { failure, unplaced, clear: clearServer, show: showServer } = useServerIssues();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<{ notes: string }>({ shouldFocusError: false, defaultValues: { notes: m.notes ?? '' } });
  const label = t('meetings.notes.label');
  const onValid = async (v: { notes: string }) => {
    clearServer();
    conflict.clear();
    const now = queryClient.getQueryData<TMeeting>(key);
    const rowVersion = now && now.notes === start.notes ? now.rowVersion : start.rowVersion;
    try {
      const out = await api<TMeeting>(meetingApi(m.id, '/notes'), { method: 'PUT', body: { rowVersion, notes: v.notes.trim() } });
      saved(m.id, out, m.pupil.id);
      setStart({ rowVersion: out?.rowVersion ?? rowVersion + 1, notes: out?.notes ?? (v.notes.trim() || null) });
      onStatus(t('meetings.notes.saved'));
    } catch (e) {
      if (isConflict(e)) {
        conflict.clash(e.message);
        return;
      }
      showServer(applyServerError(e, setError, ['notes']));
    }
  };
  const reload = () =>
    void conflict.reload().then((d) => {
      if (d) setStart({ rowVersion: d.rowVersion, notes: d.notes });
    });
  const items = submitCount ? summaryFor(errors, [{ name: 'notes', label }], () => 'mtg-notes', unplaced) : [];
  const current = queryClient.getQueryData<TMeeting>(key)?.notes ?? null;
  return (
    <form noValidate onSubmit={handleSubmit(onValid)} className="rondom-form rondom-mtg-notes">
      <ErrorSummary items={items} message={conflict.message ?? failure} />
      <ConflictNotice conflict={conflict} onReload={reload} current={<NotesText notes={current} />} />
      <TextAreaField
        id="mtg-notes"
        label={label}
        description={t('meetings.notes.hint')}
        rows={10}
        error={errors.notes?.message}
        {...register('notes', { maxLength: { value: MEETING_TEXT_MAX, message: t('validation.too_long', { max: MEETING_TEXT_MAX }) } })}
      />
      <div>
        <Button type="submit" appearance="primary-action-button" busy={isSubmitting} disabled={isSubmitting}>
          {t('meetings.notes.save')}
        </Button>
      </div>
    </form>
  );
}

export function NotesSection({ m, onStatus }: { m: TMeeting; onStatus: (s: string) => void }) {
  const { t } = useTranslation();
  const editable = m.policies.manage && m.status === 'held';
  return (
    <section aria-labelledby="mtg-notes-heading" className="rondom-part">
      <Heading2 id="mtg-notes-heading" tabIndex={-1} className="rondom-focus-target">{t('meetings.notes.title')}</Heading2>
      {editable ? <NotesForm m={m} onStatus={onStatus} /> : <NotesText notes={m.notes} />}
    </section>
  );
}
