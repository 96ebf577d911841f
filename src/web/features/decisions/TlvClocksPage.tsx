import './decisions.css';
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
import { requestPage } from '../requests/keys.js';
import type { TTlvClockItem } from './data.js';

const PAGE_SIZE = 25;

/**
 * /tlv-overzicht — TLVs that need action: a re-assessment before the TLV ends, a plan for the
 * return to regular education in its last school year. The earliest first, so what is late leads;
 * "te laat" is said in words.
 */
export default function TlvClocksPage() {
  const { t } = useTranslation();
  const me = useSession();
  const regionWide = me.activeMembership?.role === 'swv_consultant';
  const [schoolId, setSchoolId] = useState('');
  const [page, setPage] = useState(1);
  const clocks = useQuery({
    queryKey: ['tlv-clocks', { schoolId, page }],
    queryFn: () => api<Paged<TTlvClockItem>>(`/api/v1/tlv-clocks${qs({ schoolId, page, pageSize: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });
  const title = t('tlv.clocksTitle');
  const data = clocks.data;
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Paragraph lead>{t(regionWide ? 'tlv.clocks.introRegion' : 'tlv.clocks.introSchool')}</Paragraph>
      {regionWide ? (
        <search aria-label={t('tlv.clocks.filterLabel')}>
          <form className="rondom-filters" onSubmit={(e) => e.preventDefault()}>
            <SchoolFilter
              id="tlv-clocks-school"
              label={t('tlv.clocks.schoolFilter')}
              allLabel={t('tlv.clocks.allSchools')}
              value={schoolId}
              onChange={(v) => {
                setSchoolId(v);
                setPage(1);
              }}
            />
          </form>
        </search>
      ) : null}
      <StatusMessage>{data && data.total > 0 ? t('tlv.clocks.count', { count: data.total, formatted: formatNumber(data.total) }) : null}</StatusMessage>
      {clocks.isPending ? (
        <Loading />
      ) : clocks.isError ? (
        <ErrorAlert error={clocks.error} />
      ) : data && data.total === 0 ? (
        <Paragraph className="rondom-empty">
          <strong>{t('tlv.clocks.emptyTitle')}</strong> {t('tlv.clocks.emptyText')}
        </Paragraph>
      ) : data ? (
        <>
          <div className="rondom-table-wrap" role="region" aria-labelledby="tlv-clocks-caption" tabIndex={0}>
            <Table className="rondom-table" aria-busy={clocks.isFetching || undefined}>
              <TableCaption id="tlv-clocks-caption" className="rondom-visually-hidden">
                {title}
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('tlv.clocks.columns.pupil')}</TableHeaderCell>
                  {regionWide ? <TableHeaderCell scope="col">{t('tlv.clocks.columns.school')}</TableHeaderCell> : null}
                  <TableHeaderCell scope="col">{t('tlv.clocks.columns.tlv')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('tlv.clocks.columns.what')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('tlv.clocks.columns.due')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.items.map((i) => (
                  <TableRow key={`${i.kind}-${i.tlv.id}`} className={i.overdue ? 'rondom-tlv-clock--overdue' : undefined}>
                    <TableHeaderCell scope="row">
                      <AppLink to={requestPage(i.requestId)}>{i.pupil.name}</AppLink>
                    </TableHeaderCell>
                    {regionWide ? <TableCell>{i.school.name}</TableCell> : null}
                    <TableCell>
                      {i.tlv.number} ({t(`tlv.schoolType.${i.tlv.schoolType}`)})
                    </TableCell>
                    <TableCell>{t(`tlv.clocks.kind.${i.kind}`, { date: formatDate(i.dueOn) })}</TableCell>
                    <TableCell className="rondom-nowrap">
                      {i.overdue ? <span className="rondom-tlv-late">{t('tlv.clocks.late')}</span> : <span>{t('tlv.clocks.onTime')}</span>}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} label={t('tlv.clocks.pagination')} />
        </>
      ) : null}
    </>
  );
}
