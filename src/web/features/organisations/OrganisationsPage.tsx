import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_KINDS } from '../../../shared/roles.js';
import { api, qs } from '../../api.js';
import { AppLink } from '../../components/AppLink.js';
import { SelectField, TextField } from '../../components/forms.js';
import { Pagination } from '../../components/Pagination.js';
import { PageHeading } from '../../components/page.js';
import { ErrorAlert, Loading, StatusMessage } from '../../components/Status.js';
import { useDebounced } from '../../format.js';
import type { Organisation, Paged } from '../../types.js';
import { brinOf, organisationType } from './labels.js';
import { OrganisationCreateForm } from './OrganisationForm.js';

const PAGE_SIZE = 25;

export default function OrganisationsPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [created, setCreated] = useState<Organisation | null>(null);
  const q = useDebounced(search.trim(), 300);
  const list = useQuery({
    queryKey: ['organisations', { kind, q, page }],
    queryFn: () => api<Paged<Organisation>>(`/api/v1/organisations${qs({ kind, q, page, pageSize: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });
  const filtered = !!kind || !!q;
  const data = list.data;
  return (
    <>
      <PageHeading>{t('organisations.title')}</PageHeading>
      <search aria-label={t('organisations.filterLabel')}>
        <form className="rondom-filters" onSubmit={(e) => e.preventDefault()}>
          <SelectField
            id="organisations-kind"
            label={t('organisations.kindFilter')}
            value={kind}
            onChange={(e) => {
              setKind(e.target.value);
              setPage(1);
            }}
            placeholder={t('organisations.allKinds')}
            options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`orgKinds.${k}`) }))}
          />
          <TextField
            id="organisations-search"
            label={t('organisations.search')}
            type="search"
            autoComplete="off"
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setPage(1);
            }}
          />
        </form>
      </search>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : data && data.items.length === 0 ? (
        <Paragraph className="rondom-empty">{filtered ? t('organisations.noResults') : t('organisations.empty')}</Paragraph>
      ) : data ? (
        <>
          <div className="rondom-table-wrap">
            <Table className="rondom-table" aria-busy={list.isFetching || undefined}>
              <TableCaption className="rondom-visually-hidden">{t('organisations.title')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('organisations.columns.name')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('organisations.columns.kind')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('organisations.columns.type')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('organisations.columns.brin')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('organisations.columns.gemeente')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.items.map((o) => (
                  <TableRow key={o.id}>
                    <TableHeaderCell scope="row">
                      <AppLink to={`/organisaties/${o.id}`}>{o.name}</AppLink>
                      {o.archived ? <span className="rondom-badge"> {t('organisations.archived')}</span> : null}
                    </TableHeaderCell>
                    <TableCell>{t(`orgKinds.${o.kind}`)}</TableCell>
                    <TableCell>{organisationType(o, t)}</TableCell>
                    <TableCell>{brinOf(o)}</TableCell>
                    <TableCell>{o.gemeenteName ?? ''}</TableCell>
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
            label={t('organisations.pagination')}
          />
        </>
      ) : null}
      <section aria-labelledby="organisation-create-heading" className="rondom-section">
        <Heading2 id="organisation-create-heading">{t('organisations.createTitle')}</Heading2>
        <StatusMessage>
          {created ? (
            <>
              {t('organisations.created')}{' '}
              <AppLink to={`/organisaties/${created.id}`}>{t('organisations.viewCreated', { name: created.name })}</AppLink>
            </>
          ) : null}
        </StatusMessage>
        <OrganisationCreateForm onCreated={setCreated} />
      </section>
    </>
  );
}
