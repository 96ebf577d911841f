import '../dossier/dossier.css';
import './absence.css';
import { Checkbox, FormLabel, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../components/AppLink.js';
import { SelectField } from '../../components/forms.js';
import { Pagination } from '../../components/Pagination.js';
import { PageHeading } from '../../components/page.js';
import { GemeenteFilter, SchoolFilter } from '../../components/SchoolFilter.js';
import { ScrollTable } from '../../components/ScrollTable.js';
import { ErrorAlert, Loading, StatusMessage } from '../../components/Status.js';
import { formatDate, formatNumber } from '../../format.js';
import { canOpen, SWV_OFFICE } from '../../roles.js';
import { useSession } from '../../session.js';
import { NextDateText, OwnerText, ThuiszitterCell } from './CaseViews.js';
import { ABSENCE_KINDS, absenceCasePage, NO_CASE_FILTERS, type TAbsenceCaseItem, type TCaseFilters, useCaseList } from './data.js';

function Filters({ f, onChange, schools }: { f: TCaseFilters; onChange: (f: TCaseFilters) => void; schools: boolean }) {
  const { t } = useTranslation();
  const set = (patch: Partial<TCaseFilters>) => onChange({ ...f, ...patch, page: 1 });
  const check = (id: string, key: 'attention' | 'thuiszitter', label: string) => (
    <div className="utrecht-form-field utrecht-form-field--checkbox rondom-checkbox">
      <Checkbox id={id} checked={f[key]} onChange={(e) => set({ [key]: e.target.checked })} />
      <FormLabel htmlFor={id} type="checkbox">
        {label}
      </FormLabel>
    </div>
  );
  return (
    <search aria-label={t('absence.list.filterLabel')}>
      <form className="rondom-filters rondom-absence-filters" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="absence-status"
          label={t('absence.list.status')}
          value={f.status}
          onChange={(e) => set({ status: e.target.value as TCaseFilters['status'], attention: false, thuiszitter: false })}
          options={[
            { value: 'open', label: t('absence.list.statusOpen') },
            { value: 'closed', label: t('absence.list.statusClosed') },
          ]}
        />
        <SelectField
          id="absence-kind"
          label={t('absence.list.kind')}
          value={f.kind}
          onChange={(e) => set({ kind: e.target.value as TCaseFilters['kind'] })}
          placeholder={t('absence.list.allKinds')}
          options={ABSENCE_KINDS.map((k) => ({ value: k, label: t(`absence.kind.${k}`) }))}
        />
        {schools ? (
          <SchoolFilter
            id="absence-school"
            label={t('absence.list.school')}
            allLabel={t('absence.list.allSchools')}
            value={f.schoolId}
            onChange={(schoolId) => set({ schoolId })}
          />
        ) : null}
        {schools ? (
          <GemeenteFilter
            id="absence-gemeente"
            label={t('absence.list.gemeente')}
            allLabel={t('absence.list.allGemeenten')}
            value={f.gemeenteId}
            onChange={(gemeenteId) => set({ gemeenteId })}
          />
        ) : null}
        {f.status === 'open' ? (
          <div className="rondom-absence-checks">
            {check('absence-attention', 'attention', t('absence.list.onlyAttention'))}
            {check('absence-thuiszitter', 'thuiszitter', t('absence.list.onlyThuiszitters'))}
          </div>
        ) : null}
      </form>
    </search>
  );
}

function CasesTable({ items, closed }: { items: TAbsenceCaseItem[]; closed: boolean }) {
  const { t } = useTranslation();
  const columns = [
    t('absence.list.columns.pupil'),
    t('absence.list.columns.school'),
    t('absence.list.columns.kinds'),
    t('absence.list.columns.days'),
    t('absence.list.columns.thuiszitter'),
    ...(closed ? [t('absence.list.columns.closed')] : [t('absence.list.columns.owner'), t('absence.list.columns.nextDate')]),
  ];
  return (
    <ScrollTable
      id="absence-cases"
      caption={t('absence.list.caption')}
      columns={columns}
      cellClassName={(c) => (c === 3 ? 'rondom-num' : undefined)}
      rows={items.map((i) => [
        <AppLink key="pupil" to={absenceCasePage(i.id)}>
          {i.pupil.name}
        </AppLink>,
        i.school.name,
        i.kinds.map((k) => t(`absence.kind.${k}`)).join(', ') || '—',
        formatNumber(i.daysWithoutEducation),
        <ThuiszitterCell key="tz" value={i.thuiszitter} />,
        ...(closed
          ? [
              <>
                {formatDate(i.closedOn)}
                {i.closeReason ? <span className="rondom-cell-hint">{t(`absence.closeReason.${i.closeReason}`)}</span> : null}
              </>,
            ]
          : [<OwnerText key="owner" owner={i.owner} />, <NextDateText key="next" date={i.nextDate} passed={i.flags.includes('next_date_passed')} />]),
      ])}
    />
  );
}

/**
 * /verzuim — the absence cases the person works: the SWV the region's, a school its own,
 * leerplicht its gemeente's (the server scopes the list). What needs someone now is counted on top
 * and said in words in the table: no owner, a next date that has passed.
 */
export default function CaseListPage() {
  const { t } = useTranslation();
  const role = useSession().activeMembership?.role;
  const [f, setF] = useState<TCaseFilters>(NO_CASE_FILTERS);
  const list = useCaseList(f);
  const data = list.data;
  const title = t('absence.list.title');
  const filtered = f.kind !== '' || f.schoolId !== '' || f.gemeenteId !== '' || f.attention || f.thuiszitter;
  return (
    <div className="rondom-absence">
      <PageHeading>{title}</PageHeading>
      <Paragraph lead>{t('absence.list.intro')}</Paragraph>
      {canOpen(role, 'absenceFigures') ? (
        <Paragraph>
          <AppLink to="/verzuim/cijfers">{t('absence.list.toFigures')}</AppLink>
        </Paragraph>
      ) : null}
      {data ? (
        <Paragraph className={data.attentionCount ? 'rondom-absence-attention rondom-absence-attention--red' : 'rondom-absence-attention'}>
          {data.attentionCount ? <span aria-hidden="true">⚠ </span> : null}
          {data.attentionCount
            ? t('absence.list.attention', { count: data.attentionCount, formatted: formatNumber(data.attentionCount) })
            : t('absence.list.attentionNone')}
        </Paragraph>
      ) : null}
      <Filters f={f} onChange={setF} schools={!!role && SWV_OFFICE.includes(role)} />
      <StatusMessage>{data ? t('absence.list.count', { count: data.total, formatted: formatNumber(data.total) }) : null}</StatusMessage>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : data && data.total === 0 ? (
        <Paragraph className="rondom-empty">
          {filtered ? t('absence.list.emptyFiltered') : f.status === 'closed' ? t('absence.list.emptyClosed') : t('absence.list.empty')}
        </Paragraph>
      ) : data ? (
        <>
          <CasesTable items={data.items} closed={f.status === 'closed'} />
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={(page) => setF({ ...f, page })} label={t('absence.list.pagination')} />
        </>
      ) : null}
    </div>
  );
}
