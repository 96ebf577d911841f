import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SEARCH_MIN_LENGTH } from '../../../shared/limits.js';
import { api, qs } from '../../api.js';
import { AppLink } from '../../components/AppLink.js';
import { TextField } from '../../components/forms.js';
import { Pagination } from '../../components/Pagination.js';
import { PageHeading } from '../../components/page.js';
import { SchoolFilter } from '../../components/SchoolFilter.js';
import { ErrorAlert, Loading, StatusMessage } from '../../components/Status.js';
import { formatDate, formatNumber, useDebounced } from '../../format.js';
import { useSession } from '../../session.js';
import type { Paged, PupilListItem } from '../../types.js';

const PAGE_SIZE = 25;

export default function PupilsPage({ mode = 'pupils' }: { mode?: 'pupils' | 'children' }) {
  const { t } = useTranslation();
  const me = useSession();
  const children = mode === 'children';
  const [search, setSearch] = useState('');
  const [schoolId, setSchoolId] = useState('');
  const [page, setPage] = useState(1);
  const debounced = useDebounced(search.trim(), 300);
  const q = debounced.length >= SEARCH_MIN_LENGTH ? debounced : '';
  const pupils = useQuery({
    queryKey: ['pupils', { q, schoolId, page }],
    queryFn: () => api<Paged<PupilListItem>>(`/api/v1/pupils${qs({ q, schoolId, page, pageSize: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });
  const title = children ? t('pupils.childrenTitle') : t('pupils.title');
  const data = pupils.data;
  const isAdmin = me.activeMembership?.role === 'swv_admin';
  const tooShort = search.trim().length > 0 && search.trim().length < SEARCH_MIN_LENGTH;

  return (
    <>
      <PageHeading>{title}</PageHeading>
      {children ? <Paragraph>{t('pupils.childrenIntro')}</Paragraph> : null}
      {children ? null : (
        <search aria-label={t('pupils.searchLabel')}>
          <form className="rondom-filters" onSubmit={(e) => e.preventDefault()}>
            <TextField
              id="pupils-search"
              label={t('pupils.search')}
              description={t('pupils.searchHint', { min: SEARCH_MIN_LENGTH })}
              type="search"
              autoComplete="off"
              spellCheck={false}
              value={search}
              onChange={(e) => {
                setSearch(e.target.value);
                setPage(1);
              }}
            />
            {isAdmin ? (
              <SchoolFilter
                id="pupils-school"
                label={t('pupils.schoolFilter')}
                allLabel={t('pupils.allSchools')}
                value={schoolId}
                onChange={(v) => {
                  setSchoolId(v);
                  setPage(1);
                }}
              />
            ) : null}
          </form>
        </search>
      )}
      <StatusMessage>
        {data && !tooShort && q ? t('pupils.found', { count: data.total, formatted: formatNumber(data.total) }) : null}
      </StatusMessage>
      {pupils.isPending ? (
        <Loading />
      ) : pupils.isError ? (
        <ErrorAlert error={pupils.error} />
      ) : data && data.items.length === 0 ? (
        <Paragraph className="rondom-empty">
          {q ? t('pupils.noResults', { q }) : children ? t('pupils.noChildren') : t('pupils.empty')}
        </Paragraph>
      ) : data ? (
        <>
          <div className="rondom-table-wrap">
            <Table className="rondom-table" aria-busy={pupils.isFetching || undefined}>
              <TableCaption className="rondom-visually-hidden">{q ? t('pupils.captionSearch', { q }) : title}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('pupils.columns.name')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('pupils.columns.dateOfBirth')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('pupils.columns.school')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('pupils.columns.group')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.items.map((p) => (
                  <TableRow key={p.id}>
                    <TableHeaderCell scope="row">
                      <AppLink to={`/leerlingen/${p.id}`}>{p.displayName}</AppLink>
                    </TableHeaderCell>
                    <TableCell>{formatDate(p.dateOfBirth)}</TableCell>
                    <TableCell>{p.school.name}</TableCell>
                    <TableCell>{p.group?.name ?? t('pupils.noGroup')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <Pagination
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            onPage={setPage}
            label={t('pupils.pagination')}
          />
        </>
      ) : null}
    </>
  );
}
