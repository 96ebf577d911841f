import './opp.css';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, qs } from '../../api.js';
import { AppLink } from '../../components/AppLink.js';
import { Pagination } from '../../components/Pagination.js';
import { PageHeading } from '../../components/page.js';
import { SchoolFilter } from '../../components/SchoolFilter.js';
import { ErrorAlert, Loading, StatusMessage } from '../../components/Status.js';
import { formatDate, formatNumber } from '../../format.js';
import { useSession } from '../../session.js';
import type { Paged } from '../../types.js';
import { type TOppClockItem, oppPage } from './data.js';

const PAGE_SIZE = 25;

/** Where the item leads: the version it is about, else the child's plans (to start one). */
const linkOf = (i: TOppClockItem) => oppPage(i.pupil.id, i.oppId ?? undefined);

/**
 * /opp-overzicht — the OPP's legal clocks for the school (IB'er, director) or the region
 * (consultant): the earliest first, so what is late leads. "Te laat" is said in words.
 */
export default function OppClocksPage() {
  const { t } = useTranslation();
  const me = useSession();
  const regionWide = me.activeMembership?.role === 'swv_consultant';
  const [schoolId, setSchoolId] = useState('');
  const [page, setPage] = useState(1);
  const clocks = useQuery({
    queryKey: ['opp-clocks', { schoolId, page }],
    queryFn: () => api<Paged<TOppClockItem>>(`/api/v1/opp-clocks${qs({ schoolId, page, pageSize: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });
  const title = t('opp.clocks.title');
  const data = clocks.data;
  const overdueHere = data?.items.filter((i) => i.overdue).length ?? 0;
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Paragraph lead>{t(regionWide ? 'opp.clocks.introRegion' : 'opp.clocks.introSchool')}</Paragraph>
      {regionWide ? (
        <search aria-label={t('opp.clocks.filterLabel')}>
          <form className="rondom-filters" onSubmit={(e) => e.preventDefault()}>
            <SchoolFilter
              id="opp-clocks-school"
              label={t('opp.clocks.schoolFilter')}
              allLabel={t('opp.clocks.allSchools')}
              value={schoolId}
              onChange={(v) => {
                setSchoolId(v);
                setPage(1);
              }}
            />
          </form>
        </search>
      ) : null}
      <StatusMessage>
        {data && data.total > 0
          ? t('opp.clocks.count', { count: data.total, formatted: formatNumber(data.total) })
          : null}
      </StatusMessage>
      {clocks.isPending ? (
        <Loading />
      ) : clocks.isError ? (
        <ErrorAlert error={clocks.error} />
      ) : data && data.total === 0 ? (
        <Paragraph className="rondom-empty">
          <strong>{t('opp.clocks.emptyTitle')}</strong> {t('opp.clocks.emptyText')}
        </Paragraph>
      ) : data ? (
        <>
          {overdueHere ? (
            <Paragraph className="rondom-opp-clocks__overdue-count">
              {t('opp.clocks.overdueOnPage', { count: overdueHere })}
            </Paragraph>
          ) : null}
          <div className="rondom-table-wrap" role="region" aria-labelledby="opp-clocks-caption" tabIndex={0}>
            <Table className="rondom-table" aria-busy={clocks.isFetching || undefined}>
              <TableCaption id="opp-clocks-caption" className="rondom-visually-hidden">
                {title}
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('opp.clocks.columns.pupil')}</TableHeaderCell>
                  {regionWide ? <TableHeaderCell scope="col">{t('opp.clocks.columns.school')}</TableHeaderCell> : null}
                  <TableHeaderCell scope="col">{t('opp.clocks.columns.what')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('opp.clocks.columns.due')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.items.map((i) => (
                  <TableRow key={`${i.kind}-${i.pupil.id}-${i.assentId ?? i.oppId ?? ''}`} className={i.overdue ? 'rondom-opp-clock--overdue' : undefined}>
                    <TableHeaderCell scope="row">
                      <AppLink to={linkOf(i)}>{i.pupil.name}</AppLink>
                    </TableHeaderCell>
                    {regionWide ? <TableCell>{i.school.name}</TableCell> : null}
                    <TableCell>{t(`opp.clocks.kind.${i.kind}`, { date: formatDate(i.dueOn) })}</TableCell>
                    <TableCell className="rondom-nowrap">
                      {i.overdue ? (
                        <span className="rondom-opp-late">{t('opp.clocks.late')}</span>
                      ) : (
                        <span>{t('opp.clocks.onTime')}</span>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} label={t('opp.clocks.pagination')} />
        </>
      ) : null}
    </>
  );
}
