import { useQueryClient } from '@tanstack/react-query';
import { Button, Heading2, Heading3 } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useForm, type UseFormGetValues, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api.js';
import { useReturnFocus } from '../../components/focus.js';
import { applyServerError, ErrorSummary, SaveCancel, useServerIssues } from '../../components/forms.js';
import { currentLocale } from '../../i18n/index.js';
import { isConflict } from '../dossier/data.js';
import { summaryFor } from '../dossier/Goals.js';
import { Facts } from '../opp/views.js';
import { DURATIONS, formatMeetingTime, meetingApi, meetingKey, splitStartsAt, type TMeeting, useMeetingSaved } from './data.js';
import { durationText } from './views.js';
import { type TWhenWhere, WHEN_WHERE_FIELDS, WhenWhereFields, whenWhereBody, whenWhereField } from './WhenWhereFields.js';

const idOf = (f: string) => `mtg-move-${f}`;

/** Moving the meeting or changing its place: only what changed is sent; participants get an updated invitation. */
function RescheduleForm({ m, onClose, onDone }: { m: TMeeting; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const saved = useMeetingSaved();
  const queryClient = useQueryClient();
  const { failure, unplaced, clear: clearServer, show: showServer } = useServerIssues();
  const start = splitStartsAt(m.startsAt);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    getValues,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<TWhenWhere>({
    shouldFocusError: false,
    defaultValues: { ...start, durationMinutes: String(m.durationMinutes), location: m.location ?? '', videoUrl: m.videoUrl ?? '' },
  });
  useEffect(() => setFocus('date'), [setFocus]);
  const labels: Record<string, string> = {
    date: t('meetings.fields.date'),
    time: t('meetings.fields.time'),
    durationMinutes: t('meetings.fields.duration'),
    location: t('meetings.fields.location'),
    videoUrl: t('meetings.fields.videoUrl'),
  };
  const onValid = async (v: TWhenWhere) => {
    clearServer();
    const next = whenWhereBody(v);
    const patch: Record<string, unknown> = {};
    if (new Date(next.startsAt).getTime() !== new Date(m.startsAt).getTime()) patch.startsAt = next.startsAt;
    if (next.durationMinutes !== m.durationMinutes) patch.durationMinutes = next.durationMinutes;
    if (next.location !== m.location) patch.location = next.location;
    if (next.videoUrl !== m.videoUrl) patch.videoUrl = next.videoUrl;
    if (Object.keys(patch).length === 0) {
      onDone(t('meetings.when.nothingChanged'));
      onClose();
      return;
    }
    try {
      saved(m.id, await api<unknown>(meetingApi(m.id), { method: 'PATCH', body: { rowVersion: m.rowVersion, ...patch } }), m.pupil.id);
      onDone(t('meetings.when.saved'));
      onClose();
    } catch (e) {
      // someone else changed the meeting: show it as it is now; what was typed stays in the form
      if (isConflict(e)) void queryClient.invalidateQueries({ queryKey: meetingKey(m.id) });
      const mapped =
        e instanceof ApiError && e.issues ? new ApiError(e.status, e.code, e.message, e.issues.map((i) => ({ ...i, field: whenWhereField(i.field) }))) : e;
      showServer(applyServerError(mapped, setError, WHEN_WHERE_FIELDS));
    }
  };
  const durations = DURATIONS.includes(m.durationMinutes as never) ? DURATIONS : [...DURATIONS, m.durationMinutes].sort((a, b) => a - b);
  const items = submitCount ? summaryFor(errors, WHEN_WHERE_FIELDS.map((name) => ({ name, label: labels[name] ?? name })), idOf, unplaced) : [];
  return (
    <form noValidate onSubmit={handleSubmit(onValid)} className="rondom-form rondom-part__form" aria-labelledby="mtg-move-title">
      <Heading3 id="mtg-move-title" className="rondom-form__title">
        {t('meetings.when.formTitle')}
      </Heading3>
      <ErrorSummary items={items} message={failure} />
      <WhenWhereFields
        idOf={idOf}
        register={register as UseFormRegister<TWhenWhere>}
        getValues={getValues as UseFormGetValues<TWhenWhere>}
        errors={errors}
        durations={durations}
      />
      <SaveCancel label={t('meetings.when.save')} busy={isSubmitting} onCancel={onClose} />
    </form>
  );
}

/** When and where, who organises it; whoever runs a planned meeting can move it here. */
export function WhenWhereSection({ m, onStatus }: { m: TMeeting; onStatus: (s: string) => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  // back to the button that opened the form once it closes (saved or cancelled)
  const opener = useReturnFocus(editing);
  const canMove = m.policies.manage && m.status === 'scheduled';
  return (
    <section aria-labelledby="mtg-when-heading" className="rondom-part">
      <div className="rondom-part__head">
        <Heading2 id="mtg-when-heading">{t('meetings.when.title')}</Heading2>
        {canMove && !editing ? (
          <Button ref={opener} appearance="secondary-action-button" onClick={() => setEditing(true)}>
            {t('meetings.when.edit')}
          </Button>
        ) : null}
      </div>
      {editing ? (
        <RescheduleForm
          m={m}
          onDone={onStatus}
          onClose={() => setEditing(false)}
        />
      ) : null}
      <Facts
        items={[
          { label: t('meetings.when.when'), value: formatMeetingTime(m.startsAt, m.durationMinutes, currentLocale()) },
          { label: t('meetings.when.duration'), value: durationText(t, m.durationMinutes) },
          ...(m.location || !m.videoUrl ? [{ label: t('meetings.fields.location'), value: m.location }] : []),
          ...(m.videoUrl
            ? [
                {
                  label: t('meetings.fields.videoUrl'),
                  value: (
                    <a className="utrecht-link utrecht-link--html-a rondom-mtg-url" href={m.videoUrl} target="_blank" rel="noopener noreferrer">
                      {m.videoUrl}
                      <span className="rondom-visually-hidden"> {t('meetings.when.newWindow')}</span>
                    </a>
                  ),
                },
              ]
            : []),
          { label: t('meetings.when.organiser'), value: m.organiser.name },
          { label: t('meetings.when.school'), value: m.school.name },
        ]}
      />
    </section>
  );
}
