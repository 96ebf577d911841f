import { Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api.js';
import { TextField } from '../../components/forms.js';
import { ScrollTable } from '../../components/ScrollTable.js';
import { ErrorAlert, Loading } from '../../components/Status.js';
import { formatDate, todayIso } from '../../format.js';
import { endEpisodeApi, type TAbsenceCase, type TAbsenceEpisode, usePupilAbsence } from './data.js';
import { EpisodeForm } from './EpisodeForm.js';

/** "Psychische klachten, Wachtlijst — en de toelichting", or a dash when nothing was given. */
function reasonsText(e: TAbsenceEpisode): string {
  return [e.reasons.map((r) => r.label).join(', '), e.reasonNote].filter(Boolean).join(' — ');
}

/** The last day of one open episode: a small form under the table, focused when it opens. */
function EpisodeEndForm({
  c,
  episode,
  onCancel,
  onSaved,
}: {
  c: TAbsenceCase;
  episode: TAbsenceEpisode;
  onCancel: () => void;
  onSaved: (answer: TAbsenceCase, message: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [endedOn, setEndedOn] = useState(todayIso());
  const [error, setError] = useState<string>();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.focus(), []);
  const what = `${t(`absence.kind.${episode.kind}`)} (${t('absence.case.episodes.since', { date: formatDate(episode.startedOn) })})`;

  const submit = async () => {
    setFailure(null);
    if (!endedOn) return setError(t('validation.required'));
    if (endedOn < episode.startedOn) return setError(t('absence.case.episodeForm.endBeforeStart'));
    setBusy(true);
    try {
      const answer = await api<TAbsenceCase>(endEpisodeApi(c.id, episode.id), { method: 'POST', body: { endedOn } });
      await onSaved(answer, t('absence.case.episodes.endedDone', { what }));
    } catch (e) {
      const issue = e instanceof ApiError ? e.issues?.find((i) => i.field === 'endedOn') : undefined;
      if (issue) setError(issue.message);
      else setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      noValidate
      className="rondom-form rondom-absence-form"
      aria-labelledby="absence-end-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Heading3 id="absence-end-heading">{t('absence.case.episodes.endTitle', { what })}</Heading3>
      <TextField
        ref={field}
        id="absence-end-endedOn"
        type="date"
        className="rondom-field--short"
        label={t('absence.case.episodes.endedOn')}
        description={t('absence.case.episodes.endedOnHint')}
        required
        value={endedOn}
        error={error}
        onChange={(e) => {
          setEndedOn(e.target.value);
          setError(undefined);
        }}
      />
      {failure ? <ErrorAlert error={failure} /> : null}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t('absence.case.episodes.endSubmit')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/**
 * The periods of absence on a case: what kind, from when to when, why. An open period can be
 * ended here, and a new period added (the same form as on the child's page).
 */
export function EpisodeList({
  c,
  onSaved,
}: {
  c: TAbsenceCase;
  onSaved: (answer: TAbsenceCase, message: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [ending, setEnding] = useState<TAbsenceEpisode | null>(null);
  const [adding, setAdding] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const addHeading = useRef<HTMLHeadingElement>(null);
  // the region's reasons come with the child's absence; the case carries only the ones it used
  const pupilAbsence = usePupilAbsence(c.pupil.id, adding);
  const canEnd = c.policies.endEpisode && c.status === 'open';
  const canAdd = c.policies.addEpisode && c.status === 'open';
  useEffect(() => {
    if (adding) addHeading.current?.focus();
  }, [adding]);
  const back = () => {
    setEnding(null);
    setAdding(false);
    heading.current?.focus();
  };

  const columns = [
    t('absence.case.episodes.kind'),
    t('absence.case.episodes.period'),
    t('absence.case.episodes.reasons'),
    ...(canEnd ? [t('absence.case.episodes.actions')] : []),
  ];
  const rows = c.episodes.map((e) => [
    t(`absence.kind.${e.kind}`),
    <>
      {e.endedOn
        ? t('absence.case.episodes.fromTo', { from: formatDate(e.startedOn), to: formatDate(e.endedOn) })
        : t('absence.case.episodes.fromOngoing', { from: formatDate(e.startedOn) })}
      {e.exemptionEndsOn ? <span className="rondom-cell-hint">{t('absence.case.episodes.exemptionEnds', { date: formatDate(e.exemptionEndsOn) })}</span> : null}
    </>,
    reasonsText(e) || '—',
    ...(canEnd
      ? [
          e.endedOn === null ? (
            <Button appearance="secondary-action-button" onClick={() => setEnding(e)} aria-label={t('absence.case.episodes.endLabel', { kind: t(`absence.kind.${e.kind}`) })}>
              {t('absence.case.episodes.end')}
            </Button>
          ) : (
            <span className="rondom-hint">{t('absence.case.episodes.ended')}</span>
          ),
        ]
      : []),
  ]);

  return (
    <section aria-labelledby="absence-episodes-heading" className="rondom-section">
      <Heading2 id="absence-episodes-heading" ref={heading} tabIndex={-1}>
        {t('absence.case.episodes.title')}
      </Heading2>
      {c.episodes.length ? (
        <ScrollTable id="absence-episodes" caption={t('absence.case.episodes.title')} columns={columns} rows={rows} />
      ) : (
        <Paragraph className="rondom-empty">{t('absence.case.episodes.empty')}</Paragraph>
      )}
      {ending ? (
        <EpisodeEndForm
          key={ending.id}
          c={c}
          episode={ending}
          onCancel={back}
          onSaved={async (answer, message) => {
            await onSaved(answer, message);
            back();
          }}
        />
      ) : null}
      {canAdd && !adding && !ending ? (
        <ButtonGroup>
          <Button appearance="secondary-action-button" onClick={() => setAdding(true)}>
            {t('absence.case.episodes.add')}
          </Button>
        </ButtonGroup>
      ) : null}
      {adding && pupilAbsence.isError ? <ErrorAlert error={pupilAbsence.error} /> : null}
      {adding && pupilAbsence.isPending ? <Loading /> : null}
      {adding && pupilAbsence.data ? (
        <EpisodeForm
          pupilId={c.pupil.id}
          reasons={pupilAbsence.data.reasons}
          level={3}
          idPrefix="absence-add"
          title={t('absence.case.episodes.addTitle')}
          intro={t('absence.case.episodes.addIntro')}
          headingRef={addHeading}
          onCancel={back}
          onSaved={async (answer) => {
            await onSaved(answer, t('absence.case.episodes.added'));
            back();
          }}
        />
      ) : null}
    </section>
  );
}
