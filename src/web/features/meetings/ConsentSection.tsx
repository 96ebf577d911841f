import { Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { RadioGroupField, TextAreaField } from '../../components/fields.js';
import { useReturnFocus } from '../../components/focus.js';
import { applyServerError, ErrorSummary, SaveCancel, useServerIssues } from '../../components/forms.js';
import { ErrorAlert } from '../../components/Status.js';
import { formatDay } from '../../format.js';
import type { Audience } from '../sharing/data.js';
import { summaryFor } from '../dossier/Goals.js';
import { meetingApi, type TMeeting, useMeetingSaved } from './data.js';
import { ConsentBadge } from './views.js';

type TAnswer = 'given' | 'refused';

/** A parent (or the pupil from 16) answers in the portal: the question, what it means, yes or no. */
function FamilyAnswer({ m, audience, onStatus }: { m: TMeeting; audience: Audience; onStatus: (s: string) => void }) {
  const { t } = useTranslation();
  const saved = useMeetingSaved();
  const [busy, setBusy] = useState<TAnswer | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const who = audience === 'pupil' ? 'Pupil' : 'Parent';
  const answer = async (consent: TAnswer) => {
    setBusy(consent);
    setFailure(null);
    try {
      saved(m.id, await api<unknown>(meetingApi(m.id, '/consent'), { method: 'POST', body: { consent } }), m.pupil.id);
      onStatus(t(`meetings.consentSection.answered${who}.${consent}`));
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(null);
    }
  };
  if (m.consent !== 'pending') {
    // answered (by them, the other parent, or staff writing it down): the state, and the way back
    const other: TAnswer = m.consent === 'given' ? 'refused' : 'given';
    return (
      <div className="rondom-mtg-ask">
        <Heading3 className="rondom-form__title">{t(`meetings.consentSection.question${who}`)}</Heading3>
        <Paragraph>
          <strong>{t(`meetings.consentSection.now.${m.consent}`)}</strong>
        </Paragraph>
        <Paragraph>{t(`meetings.consentSection.change${who}`)}</Paragraph>
        {failure ? <ErrorAlert error={failure} /> : null}
        <Button appearance="secondary-action-button" busy={busy === other} disabled={busy !== null} onClick={() => void answer(other)}>
          {t(`meetings.consentSection.switchTo.${other}`)}
        </Button>
      </div>
    );
  }
  return (
    <div className="rondom-mtg-ask">
      <Heading3 className="rondom-form__title">{t(`meetings.consentSection.question${who}`)}</Heading3>
      <Paragraph>{t(`meetings.consentSection.explain${who}`)}</Paragraph>
      {failure ? <ErrorAlert error={failure} /> : null}
      <ButtonGroup>
        <Button appearance="primary-action-button" busy={busy === 'given'} disabled={busy !== null} onClick={() => void answer('given')}>
          {t(`meetings.consentSection.yes${who}`)}
        </Button>
        <Button appearance="secondary-action-button" busy={busy === 'refused'} disabled={busy !== null} onClick={() => void answer('refused')}>
          {t(`meetings.consentSection.no${who}`)}
        </Button>
      </ButtonGroup>
    </div>
  );
}

/** Staff write down what the parents said (on the phone, at the door), with a short note. */
function RecordForm({ m, onStatus, onClose }: { m: TMeeting; onStatus: (s: string) => void; onClose?: () => void }) {
  const { t } = useTranslation();
  const saved = useMeetingSaved();
  const { failure, unplaced, setFailure, clear: clearServer, show: showServer } = useServerIssues();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<{ consent: TAnswer | ''; note: string }>({
    shouldFocusError: false,
    defaultValues: { consent: m.consent === 'pending' ? '' : m.consent, note: '' },
  });
  const labels = { consent: t('meetings.consentSection.recordLegend'), note: t('meetings.consentSection.note') };
  const onValid = async (v: { consent: TAnswer | ''; note: string }) => {
    clearServer();
    try {
      saved(m.id, await api<unknown>(meetingApi(m.id, '/consent'), { method: 'POST', body: { consent: v.consent, note: v.note.trim() || null } }), m.pupil.id);
      onStatus(t(`meetings.consentSection.recorded.${v.consent}`));
      onClose?.();
    } catch (e) {
      showServer(applyServerError(e, setError, ['consent', 'note']));
    }
  };
  const items = submitCount
    ? summaryFor(errors, (['consent', 'note'] as const).map((name) => ({ name, label: labels[name] })), (f) => `mtg-consent-${f}`, unplaced)
    : [];
  return (
    <form noValidate onSubmit={handleSubmit(onValid)} className="rondom-form rondom-part__form" aria-labelledby="mtg-consent-form-title">
      <Heading3 id="mtg-consent-form-title" className="rondom-form__title">
        {t('meetings.consentSection.recordTitle')}
      </Heading3>
      <ErrorSummary items={items} message={failure} />
      <RadioGroupField
        id="mtg-consent-consent"
        legend={labels.consent}
        required
        error={errors.consent?.message}
        options={[
          { value: 'given', label: t('meetings.consentSection.recordGiven') },
          { value: 'refused', label: t('meetings.consentSection.recordRefused') },
        ]}
        inputProps={register('consent', { required: t('meetings.consentSection.chooseAnswer') })}
      />
      <TextAreaField
        id="mtg-consent-note"
        label={labels.note}
        description={t('meetings.consentSection.noteHint')}
        rows={2}
        error={errors.note?.message}
        {...register('note', { maxLength: { value: 300, message: t('validation.too_long', { max: 300 }) } })}
      />
      {onClose ? (
        <SaveCancel label={t('meetings.consentSection.recordSave')} busy={isSubmitting} onCancel={onClose} />
      ) : (
        <div>
          <Button type="submit" appearance="primary-action-button" busy={isSubmitting} disabled={isSubmitting}>
            {t('meetings.consentSection.recordSave')}
          </Button>
        </div>
      )}
    </form>
  );
}

/** Once an answer is recorded the form stays closed; a changed answer is recorded on request. */
function StaffRecord({ m, onStatus }: { m: TMeeting; onStatus: (s: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // back to the button that opened the form once it closes (saved or cancelled)
  const opener = useReturnFocus(open);
  // the first answer replaces the form by this button: focus goes there, not to the page's top
  const wasPending = useRef(m.consent === 'pending');
  useEffect(() => {
    if (wasPending.current && m.consent !== 'pending') opener.current?.focus();
    wasPending.current = m.consent === 'pending';
  }, [m.consent, opener]);
  if (m.consent === 'pending') return <RecordForm m={m} onStatus={onStatus} />;
  if (!open) {
    return (
      <Button ref={opener} appearance="secondary-action-button" onClick={() => setOpen(true)}>
        {t('meetings.consentSection.change')}
      </Button>
    );
  }
  return (
    <RecordForm
      m={m}
      onStatus={onStatus}
      onClose={() => setOpen(false)}
    />
  );
}

/**
 * The parents' consent to hold this meeting with these participants. Until it is given, people
 * from outside the school and the SWV see only when and where it is and who comes.
 */
export function ConsentSection({ m, audience, onStatus }: { m: TMeeting; audience: Audience; onStatus: (s: string) => void }) {
  const { t } = useTranslation();
  const family = audience !== 'staff';
  const when = m.consentRecordedAt ? formatDay(m.consentRecordedAt) : '';
  return (
    <section aria-labelledby="mtg-consent-heading" className="rondom-part" id="mtg-consent">
      <Heading2 id="mtg-consent-heading">{t('meetings.consentSection.title')}</Heading2>
      <Paragraph>
        <ConsentBadge consent={m.consent} />
        {when ? ` ${t('meetings.consentSection.recordedOn', { date: when })}` : ''}
      </Paragraph>
      {m.consentNote ? (
        <Paragraph className="rondom-free-text">
          {t('meetings.consentSection.noteShown')} {m.consentNote}
        </Paragraph>
      ) : null}
      {family ? null : <Paragraph className="rondom-hint">{t('meetings.consentSection.meaning')}</Paragraph>}
      {m.policies.recordConsent ? family ? <FamilyAnswer m={m} audience={audience} onStatus={onStatus} /> : <StaffRecord m={m} onStatus={onStatus} /> : null}
    </section>
  );
}
