import '../dossier/dossier.css';
import './requests.css';
import { Heading2, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../components/AppLink.js';
import { SelectField } from '../../components/forms.js';
import { Pagination } from '../../components/Pagination.js';
import { PageHeading } from '../../components/page.js';
import { useSchools } from '../../components/SchoolFilter.js';
import { ErrorAlert, Loading, StatusMessage } from '../../components/Status.js';
import { formatDay, formatNumber } from '../../format.js';
import { SWV_OFFICE } from '../../roles.js';
import { useSession } from '../../session.js';
import { checklistLabel, REQUEST_STATUSES, REQUEST_TYPES, type TRequestFilters, type TRequestListItem, useConsultants, useRequestList } from './data.js';
import { requestPage } from './keys.js';
import { Days, RequestStatusBadge } from './views.js';

type TView = 'office' | 'school' | 'expert';
const NO_FILTERS: TRequestFilters = { schoolId: '', type: '', status: '', consultantId: '', page: 1 };

/** The SWV office narrows the region's requests: school, type, status, consultant ("Mijn aanvragen" first). */
function FilterBar({ f, onChange, mine }: { f: TRequestFilters; onChange: (f: TRequestFilters) => void; mine: boolean }) {
  const { t } = useTranslation();
  const schools = useSchools();
  const consultants = useConsultants(true);
  const set = (k: keyof TRequestFilters) => (e: { target: { value: string } }) => onChange({ ...f, [k]: e.target.value, page: 1 });
  return (
    <search aria-label={t('requests.list.filterLabel')}>
      <form className="rondom-filters" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="requests-school"
          label={t('requests.list.school')}
          value={f.schoolId}
          onChange={set('schoolId')}
          placeholder={t('requests.list.allSchools')}
          options={(schools.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
        />
        <SelectField
          id="requests-type"
          label={t('requests.fields.type')}
          value={f.type}
          onChange={set('type')}
          placeholder={t('requests.list.allTypes')}
          options={REQUEST_TYPES.map((v) => ({ value: v, label: t(`requests.type.${v}`) }))}
        />
        <SelectField
          id="requests-status"
          label={t('requests.fields.status')}
          value={f.status}
          onChange={set('status')}
          placeholder={t('requests.list.allStatuses')}
          options={REQUEST_STATUSES.filter((s) => s !== 'draft').map((v) => ({ value: v, label: t(`requests.status.${v}`) }))}
        />
        <SelectField
          id="requests-consultant"
          label={t('requests.fields.consultant')}
          value={f.consultantId}
          onChange={set('consultantId')}
          placeholder={t('requests.list.allConsultants')}
          options={[
            ...(mine ? [{ value: 'me', label: t('requests.list.mine') }] : []),
            ...(consultants.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })),
          ]}
        />
      </form>
    </search>
  );
}

/** The SWV's key figures over everything the filters select, not just this page. */
function Medians({ m }: { m: { receivedToComplete: number | null; completeToDecided: number | null; receivedToDecided: number | null } }) {
  const { t } = useTranslation();
  const line = (key: string, v: number | null) => (
    <li key={key}>
      {t(`requests.medians.${key}`)}
      <strong>{v === null ? t('requests.medians.none') : t('requests.medians.value', { count: v, formatted: formatNumber(v) })}</strong>
    </li>
  );
  return (
    <section aria-labelledby="requests-medians-heading">
      <Heading2 id="requests-medians-heading">{t('requests.medians.title')}</Heading2>
      <ul className="rondom-request-medians">
        {line('receivedToComplete', m.receivedToComplete)}
        {line('completeToDecided', m.completeToDecided)}
        {line('receivedToDecided', m.receivedToDecided)}
      </ul>
    </section>
  );
}

function Missing({ item }: { item: TRequestListItem }) {
  const { t } = useTranslation();
  if (item.status !== 'draft' && item.status !== 'submitted') return null;
  if (!item.missing.length) return <>{t('requests.list.nothingMissing')}</>;
  return <>{item.missing.map((c) => checklistLabel(t, c)).join(', ')}</>;
}

function RequestsTable({ view, items, caption, busy }: { view: TView; items: TRequestListItem[]; caption: string; busy: boolean }) {
  const { t } = useTranslation();
  const cols = [
    t('requests.columns.pupil'),
    ...(view !== 'school' ? [t('requests.columns.school')] : []),
    t('requests.columns.type'),
    t('requests.columns.status'),
    ...(view === 'office' ? [t('requests.columns.consultant')] : []),
    t('requests.columns.received'),
    ...(view === 'school' ? [t('requests.columns.missing')] : []),
    ...(view === 'office' ? [t('requests.columns.toComplete'), t('requests.columns.toDecided')] : []),
  ];
  return (
    <div className="rondom-table-wrap" role="region" aria-labelledby="requests-caption" tabIndex={0}>
      <Table className="rondom-table" aria-busy={busy || undefined}>
        <TableCaption id="requests-caption" className="rondom-visually-hidden">
          {caption}
        </TableCaption>
        <TableHeader>
          <TableRow>
            {cols.map((c) => (
              <TableHeaderCell key={c} scope="col">
                {c}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((i) => (
            <TableRow key={i.id}>
              <TableHeaderCell scope="row">
                <AppLink to={requestPage(i.id)}>{i.pupil.name}</AppLink>
              </TableHeaderCell>
              {view !== 'school' ? <TableCell>{i.school.name}</TableCell> : null}
              <TableCell>{t(`requests.type.${i.type}`)}</TableCell>
              <TableCell>
                <RequestStatusBadge status={i.status} />
                {i.outcome ? <span className="rondom-hint"> {t(`requests.outcome.${i.outcome}`)}</span> : null}
              </TableCell>
              {view === 'office' ? <TableCell>{i.consultant?.name ?? <span className="rondom-hint">{t('requests.list.unassigned')}</span>}</TableCell> : null}
              <TableCell className="rondom-nowrap">
                {i.submittedAt ? formatDay(i.submittedAt) : <span className="rondom-hint">{t('requests.list.notSubmitted')}</span>}
              </TableCell>
              {view === 'school' ? (
                <TableCell>
                  <Missing item={i} />
                </TableCell>
              ) : null}
              {view === 'office' ? (
                <>
                  <TableCell className="rondom-nowrap">
                    <Days value={i.receivedToComplete} />
                  </TableCell>
                  <TableCell className="rondom-nowrap">
                    <Days value={i.receivedToDecided} />
                  </TableCell>
                </>
              ) : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/**
 * /aanvragen — the requests the person works on. The SWV office sees the region with filters, the
 * lead times and their medians; the school its own requests and what they still miss; an expert
 * the requests they advise on.
 */
export default function RequestsPage() {
  const { t } = useTranslation();
  const role = useSession().activeMembership?.role;
  const view: TView = role && SWV_OFFICE.includes(role) ? 'office' : role === 'swv_expert' ? 'expert' : 'school';
  const [f, setF] = useState<TRequestFilters>(NO_FILTERS);
  const list = useRequestList(f);
  const title = t(`requests.list.title.${view}`);
  const data = list.data;
  const filtered = f.schoolId || f.type || f.status || f.consultantId;
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Paragraph lead>{t(`requests.list.intro.${view}`)}</Paragraph>
      {view === 'office' ? <FilterBar f={f} onChange={setF} mine={role === 'swv_consultant'} /> : null}
      <StatusMessage>{data ? t('requests.list.count', { count: data.total, formatted: formatNumber(data.total) }) : null}</StatusMessage>
      {view === 'office' && data ? <Medians m={data.summary.medians} /> : null}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : data && data.total === 0 ? (
        <Paragraph className="rondom-empty">
          <strong>{t(filtered ? 'requests.list.emptyFiltered' : `requests.list.empty.${view}`)}</strong>
          {view === 'school' ? ` ${t('requests.list.emptySchoolHint')}` : null}
        </Paragraph>
      ) : data ? (
        <>
          {view === 'office' ? <Heading2 id="requests-table-heading">{t('requests.list.tableTitle')}</Heading2> : null}
          <RequestsTable view={view} items={data.items} caption={title} busy={list.isFetching} />
          <Pagination
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            onPage={(page) => setF({ ...f, page })}
            label={t('requests.list.pagination')}
          />
        </>
      ) : null}
    </>
  );
}
