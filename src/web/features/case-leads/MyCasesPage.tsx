import './case-leads.css';
import { Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../components/AppLink.js';
import { Pagination } from '../../components/Pagination.js';
import { PageHeading } from '../../components/page.js';
import { ScrollTable } from '../../components/ScrollTable.js';
import { LoadError, Loading } from '../../components/Status.js';
import { formatDate, formatDateTime, formatDay, formatNumber } from '../../format.js';
import { casePage, meetingPage, type TMyCase, useMyCases } from './data.js';

/** The next meeting: planned (a link), else the date agreed last time, else "niets gepland" in words. */
function NextMeeting({ c }: { c: TMyCase }) {
  const { t } = useTranslation();
  if (c.nextMeeting) return <AppLink to={meetingPage(c.nextMeeting.id)}>{formatDateTime(c.nextMeeting.startsAt)}</AppLink>;
  if (c.agreedNextOn)
    return (
      <>
        {t('caseLeads.mine.agreed', { date: formatDate(c.agreedNextOn) })}
        <span className="rondom-cell-hint">{t('caseLeads.mine.agreedHint')}</span>
      </>
    );
  return <strong>{t('caseLeads.mine.nothingPlanned')}</strong>;
}

function Signals({ c }: { c: TMyCase }) {
  const { t } = useTranslation();
  if (!c.triggeredPlans) return <>{t('caseLeads.mine.noSignals')}</>;
  return (
    <strong className="rondom-case-signal-count">
      <span aria-hidden="true">⚠ </span>
      {t('caseLeads.mine.signals', { count: c.triggeredPlans })}
    </strong>
  );
}

/** /mijn-regie — every child I lead now: signalling ones first, then by name. */
export default function MyCasesPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useMyCases(page);
  const title = t('caseLeads.mine.title');
  if (list.isError) return <LoadError error={list.error} title={title} />;
  if (list.isPending) return <Loading />;
  const { items, total, pageSize } = list.data;
  return (
    <div className="rondom-case">
      <PageHeading>{title}</PageHeading>
      <Paragraph lead>{t('caseLeads.mine.intro')}</Paragraph>
      {total === 0 ? (
        <Paragraph className="rondom-empty">{t('caseLeads.mine.empty')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('caseLeads.mine.count', { count: total, formatted: formatNumber(total) })}</Paragraph>
          <ScrollTable
            id="my-cases"
            caption={t('caseLeads.mine.caption')}
            columns={[
              t('caseLeads.mine.columns.pupil'),
              t('caseLeads.mine.columns.signals'),
              t('caseLeads.mine.columns.nextMeeting'),
              t('caseLeads.mine.columns.openActions'),
              t('caseLeads.mine.columns.since'),
            ]}
            cellClassName={(c) => (c === 3 ? 'rondom-num' : c === 4 ? 'rondom-nowrap' : undefined)}
            rows={items.map((c) => [
              <>
                <AppLink to={casePage(c.pupil.id)}>{c.pupil.name}</AppLink>
                <span className="rondom-cell-hint">{c.school.name}</span>
              </>,
              <Signals key="signals" c={c} />,
              <NextMeeting key="next" c={c} />,
              formatNumber(c.openActions),
              formatDay(c.since),
            ])}
          />
          <Pagination page={page} pageSize={pageSize} total={total} onPage={setPage} label={t('caseLeads.mine.pagination')} />
        </>
      )}
    </div>
  );
}
