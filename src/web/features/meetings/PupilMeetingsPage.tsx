import '../dossier/dossier.css';
import './meetings.css';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AppLink } from '../../components/AppLink.js';
import { ScrollTable } from '../../components/ScrollTable.js';
import { LoadError, Loading } from '../../components/Status.js';
import { formatDate, formatNumber } from '../../format.js';
import { currentLocale } from '../../i18n/index.js';
import { useSession } from '../../session.js';
import { PupilFileHeader } from '../pupils/PupilFileNav.js';
import { usePupil } from '../pupils/data.js';
import { audienceOf } from '../sharing/data.js';
import { formatMeetingStart, meetingPage, newMeetingPage, sortMeetings, usePupilMeetings } from './data.js';
import { ConsentBadge, MeetingStatusBadge } from './views.js';

/** /leerlingen/:id/overleg — the child's MDO's and ondersteuningsteams, the next one on top. */
export default function PupilMeetingsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useSession();
  const role = me.activeMembership?.role;
  const family = audienceOf(role) !== 'staff';
  const pupil = usePupil(id);
  const list = usePupilMeetings(id);
  if (list.isError) return <LoadError error={list.error} title={t('meetings.list.heading')} />;
  if (pupil.isError) return <LoadError error={pupil.error} title={t('meetings.list.heading')} />;
  if (pupil.isPending || list.isPending) return <Loading />;
  const p = pupil.data;
  const { items, policies, needsCaseLead } = list.data;
  const name = family ? p.firstName : p.displayName;
  const title = t('meetings.list.title', { name });
  const locale = currentLocale();
  const rows = sortMeetings(items).map((m) => [
    <AppLink key="when" to={meetingPage(m.id)}>
      {formatMeetingStart(m.startsAt, locale)}
    </AppLink>,
    t(`meetings.kind.${m.kind}`),
    <MeetingStatusBadge key="status" status={m.status} />,
    <ConsentBadge key="consent" consent={m.consent} />,
    formatNumber(m.participantCount),
    m.openActions > 0 ? formatNumber(m.openActions) : t('meetings.list.noOpenActions'),
    m.nextMeetingOn ? (
      formatDate(m.nextMeetingOn)
    ) : m.status === 'cancelled' ? null : (
      // a planned meeting sets the next date when it is closed
      <span className="rondom-hint">{m.status === 'scheduled' ? t('meetings.list.nextAfter') : t('meetings.list.noNext')}</span>
    ),
  ]);
  return (
    <div className="rondom-mtg">
      <PupilFileHeader pupil={p} title={title} />
      <Paragraph lead>{family ? t('meetings.list.introParent', { name }) : t('meetings.list.intro')}</Paragraph>
      {policies.schedule ? (
        <Paragraph>
          <Link to={newMeetingPage(p.id)} className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action">
            {t('meetings.list.plan')}
          </Link>
        </Paragraph>
      ) : null}
      {policies.schedule && needsCaseLead ? <Paragraph className="rondom-hint">{t('meetings.list.needsCaseLead')}</Paragraph> : null}
      {items.length === 0 ? (
        <section aria-labelledby="mtg-empty-heading" className="rondom-part">
          <Heading2 id="mtg-empty-heading">{t('meetings.list.emptyTitle')}</Heading2>
          <Paragraph className="rondom-empty">
            {family ? t('meetings.list.emptyParent', { name }) : policies.schedule ? t('meetings.list.emptyCanPlan') : t('meetings.list.empty')}
          </Paragraph>
        </section>
      ) : (
        <section aria-labelledby="mtg-list-heading" className="rondom-part">
          <Heading2 id="mtg-list-heading">{t('meetings.list.listTitle')}</Heading2>
          <ScrollTable
            id="mtg-list"
            caption={t('meetings.list.caption', { name })}
            columns={[
              t('meetings.columns.when'),
              t('meetings.columns.kind'),
              t('meetings.columns.status'),
              t('meetings.columns.consent'),
              t('meetings.columns.participants'),
              t('meetings.columns.openActions'),
              t('meetings.columns.next'),
            ]}
            rows={rows}
            cellClassName={(c) => (c === 6 ? 'rondom-nowrap' : undefined)}
          />
        </section>
      )}
    </div>
  );
}
