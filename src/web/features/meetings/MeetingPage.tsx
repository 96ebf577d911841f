import '../dossier/dossier.css';
import '../opp/opp.css';
import './meetings.css';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { AppLink } from '../../components/AppLink.js';
import { PageHeading } from '../../components/page.js';
import { LoadError, Loading, StatusMessage } from '../../components/Status.js';
import { formatDate, formatDay } from '../../format.js';
import { currentLocale } from '../../i18n/index.js';
import { useSession } from '../../session.js';
import { audienceOf } from '../sharing/data.js';
import { ActionsSection } from './ActionsSection.js';
import { AgendaSection } from './AgendaSection.js';
import { CancelSection, CloseSection } from './CloseSection.js';
import { ConsentSection } from './ConsentSection.js';
import { DecisionsSection } from './DecisionsSection.js';
import { formatMeetingTime, pupilMeetingsPage, pupilPage, type TMeeting, useMeeting } from './data.js';
import { HeldSection } from './HeldSection.js';
import { NotesSection } from './NotesSection.js';
import { ParticipantsSection } from './ParticipantsSection.js';
import { SummarySection } from './SummarySection.js';
import { MeetingStatusBadge } from './views.js';
import { WhenWhereSection } from './WhenWhereSection.js';

/** Where the meeting stands, in a sentence under the title (focus lands here after closing or calling it off). */
function StateLine({ m }: { m: TMeeting }) {
  return (
    <Paragraph className="rondom-subtitle rondom-focus-target" id="mtg-state" tabIndex={-1}>
      <MeetingStatusBadge status={m.status} /> {formatMeetingTime(m.startsAt, m.durationMinutes, currentLocale())}
    </Paragraph>
  );
}

/** What changed the whole page: called off, closed with the next date, or seen before the parents' consent. */
function Notices({ m, family }: { m: TMeeting; family: boolean }) {
  const { t } = useTranslation();
  if (m.status === 'cancelled') {
    return (
      <Alert type="warning">
        <Paragraph>
          <strong>{t('meetings.detail.cancelled', { date: formatDay(m.cancelledAt) })}</strong>
        </Paragraph>
        {m.cancelledReason ? <Paragraph className="rondom-free-text">{t('meetings.detail.cancelledReason', { reason: m.cancelledReason })}</Paragraph> : null}
      </Alert>
    );
  }
  if (m.status === 'closed') {
    return (
      <Alert type="info">
        <Paragraph>
          <strong>{t('meetings.detail.closed', { date: formatDate(m.nextMeetingOn) })}</strong>
        </Paragraph>
        {!family && m.pupil.name ? (
          <Paragraph>
            <AppLink to={pupilMeetingsPage(m.pupil.id)}>{t('meetings.detail.planNext')}</AppLink>
          </Paragraph>
        ) : null}
      </Alert>
    );
  }
  if (m.view === 'logistics') {
    return (
      <Alert type="info">
        <Paragraph>
          <strong>{t('meetings.detail.logisticsTitle')}</strong>
        </Paragraph>
        <Paragraph>{m.consent === 'refused' ? t('meetings.detail.logisticsRefused') : t('meetings.detail.logistics')}</Paragraph>
      </Alert>
    );
  }
  return null;
}

/**
 * /overleg/:id — one meeting. Everyone who may see it reads when, where and who; the family and
 * those who see the whole meeting also the consent, agenda, notes, decisions and actions; whoever
 * runs it moves it, invites, marks it held, writes it down, closes or calls it off.
 */
export default function MeetingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useSession();
  const audience = audienceOf(me.activeMembership?.role);
  const family = audience !== 'staff';
  const query = useMeeting(id);
  const [status, setStatus] = useState('');
  const location = useLocation();
  const announce = (location.state as { announce?: string } | null)?.announce;
  const announced = useRef<string | null>(null);
  // "Het overleg is gepland": written once the page is there, so the live region reads it out
  useEffect(() => {
    if (!announce || !query.isSuccess || announced.current === location.key) return;
    announced.current = location.key;
    setStatus(announce);
    // not again after a reload: the browser keeps the router's state in its history entry
    window.history.replaceState({ ...window.history.state, usr: null }, '');
    if (document.activeElement === document.body) document.querySelector<HTMLElement>('.rondom-page-heading')?.focus();
  }, [announce, query.isSuccess, location.key]);
  if (query.isError) return <LoadError error={query.error} title={t('meetings.detail.heading')} />;
  if (query.isPending) return <Loading />;
  const m = query.data;
  const kind = t(`meetings.kind.${m.kind}`);
  const title = m.pupil.name ? t('meetings.detail.title', { kind, name: m.pupil.name }) : t('meetings.detail.titleNoName', { kind });
  const full = m.view === 'full';
  const afterwards = m.status === 'held' || m.status === 'closed';
  return (
    <div className="rondom-mtg">
      {m.pupil.name ? (
        <Paragraph>
          <AppLink to={pupilMeetingsPage(m.pupil.id)}>{t('meetings.backToList', { name: m.pupil.name })}</AppLink>
        </Paragraph>
      ) : null}
      <PageHeading title={title}>{title}</PageHeading>
      <StateLine m={m} />
      {m.pupil.name ? (
        <Paragraph>
          {t('meetings.detail.pupil')} <AppLink to={pupilPage(m.pupil.id)}>{m.pupil.name}</AppLink>
        </Paragraph>
      ) : null}
      <StatusMessage>{status}</StatusMessage>
      <Notices m={m} family={family} />
      <WhenWhereSection m={m} onStatus={setStatus} />
      <ParticipantsSection m={m} family={family} onStatus={setStatus} />
      {full ? <ConsentSection m={m} audience={audience} onStatus={setStatus} /> : null}
      {full ? <AgendaSection m={m} family={family} onStatus={setStatus} /> : null}
      {m.policies.manage && m.status === 'scheduled' ? <HeldSection m={m} onStatus={setStatus} /> : null}
      {full && afterwards ? <NotesSection m={m} onStatus={setStatus} /> : null}
      {full && afterwards ? <DecisionsSection m={m} family={family} onStatus={setStatus} /> : null}
      {(full && afterwards) || m.actions.length > 0 ? <ActionsSection m={m} family={family} onStatus={setStatus} /> : null}
      {full ? <SummarySection m={m} family={family} /> : null}
      {m.policies.manage && m.status === 'held' ? <CloseSection m={m} onStatus={setStatus} /> : null}
      {m.policies.manage ? <CancelSection m={m} onStatus={setStatus} /> : null}
    </div>
  );
}
