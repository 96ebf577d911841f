import { Button, Checkbox, FormLabel, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { applyServerError, ErrorSummary, SaveCancel, useServerIssues } from '../../components/forms.js';
import { todayIso } from '../../format.js';
import { meetingApi, splitStartsAt, type TMeeting, useMeetingSaved, whereFrom } from './data.js';
import { FieldGroup } from '../../components/fields.js';

const asArray = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' && v ? [v] : []);

/** After the meeting: who was there (everyone ticked to start with), then notes, decisions and actions open up. */
function HeldForm({ m, onClose, onDone }: { m: TMeeting; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const saved = useMeetingSaved();
  const { failure, unplaced, clear: clearServer, show: showServer } = useServerIssues();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<{ attended: string[] }>({ shouldFocusError: false, defaultValues: { attended: m.participants.map((p) => p.id) } });
  // the question comes first: its legend is read, then the ticked names
  useEffect(() => document.getElementById('mtg-held-attended')?.focus(), []);
  const onValid = async (v: { attended: string[] }) => {
    clearServer();
    try {
      saved(m.id, await api<unknown>(meetingApi(m.id, '/held'), { method: 'POST', body: { attendedParticipantIds: asArray(v.attended) } }), m.pupil.id);
      onDone(t('meetings.held.done'));
      onClose();
    } catch (e) {
      showServer(applyServerError(e, (_f, err) => setError('attended', err), ['attendedParticipantIds']));
    }
  };
  const items = [
    ...(errors.attended?.message ? [{ fieldId: 'mtg-held-attended', message: errors.attended.message }] : []),
    ...unplaced.map((i) => ({ fieldId: null, message: i.message })),
  ];
  return (
    <form noValidate onSubmit={handleSubmit(onValid)} className="rondom-form rondom-part__form">
      <ErrorSummary items={items} message={failure} />
      <FieldGroup id="mtg-held-attended" legend={t('meetings.held.legend')} description={t('meetings.held.legendHint')} error={errors.attended?.message}>
        <ul className="rondom-mtg-choices">
          {m.participants.map((p) => {
            const id = `mtg-held-${p.id}`;
            const from = whereFrom(p);
            return (
              <li key={p.id} className="utrecht-form-field utrecht-form-field--checkbox rondom-mtg-choice">
                <Checkbox id={id} value={p.id} aria-describedby={from ? `${id}-hint` : undefined} {...register('attended')} />
                <span className="rondom-mtg-choice__text">
                  <FormLabel htmlFor={id} type="checkbox">
                    {p.name}
                  </FormLabel>
                  {from ? (
                    <span id={`${id}-hint`} className="rondom-mtg-choice__hint">
                      {from}
                    </span>
                  ) : null}
                </span>
              </li>
            );
          })}
        </ul>
      </FieldGroup>
      <SaveCancel label={t('meetings.held.save')} busy={isSubmitting} onCancel={onClose} />
    </form>
  );
}

/** For whoever runs a planned meeting: mark it held once it has taken place. */
export function HeldSection({ m, onStatus }: { m: TMeeting; onStatus: (s: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // held from the meeting's day on (the server says the same)
  const started = splitStartsAt(m.startsAt).date <= todayIso();
  return (
    <section aria-labelledby="mtg-held-heading" className="rondom-part">
      <Heading2 id="mtg-held-heading" ref={heading} tabIndex={-1} className="rondom-focus-target">
        {t('meetings.held.title')}
      </Heading2>
      <Paragraph className="rondom-part__intro">{started ? t('meetings.held.intro') : t('meetings.held.introEarly')}</Paragraph>
      {!started ? null : open ? (
        <HeldForm
          m={m}
          onDone={onStatus}
          onClose={() => {
            setOpen(false);
            // after saving, the button is gone (the meeting is held): the notes come next
            requestAnimationFrame(() => (opener.current ?? document.getElementById('mtg-notes-heading') ?? heading.current)?.focus());
          }}
        />
      ) : (
        <Button ref={opener} appearance="primary-action-button" onClick={() => setOpen(true)}>
          {t('meetings.held.open')}
        </Button>
      )}
    </section>
  );
}
