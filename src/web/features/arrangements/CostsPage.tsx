import '../dossier/dossier.css';
import './arrangements.css';
import {
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { schoolYearLabel, schoolYearOf } from '../../../shared/school-year.js';
import { SelectField } from '../../components/forms.js';
import { PageHeading } from '../../components/page.js';
import { ErrorAlert, Loading } from '../../components/Status.js';
import { todayIso } from '../../format.js';
import { costsApi, formatEuro, type TCostReport, useCosts } from './data.js';

type TView = TCostReport['view'];
type TFigures = TCostReport['total'];
const YEARS_BACK = 6;

/** "aug–dec 2026" for a half of the report. */
const halfLabel = (t: (k: string, o?: Record<string, unknown>) => string, p: { from: string }) =>
  t(p.from.slice(5, 7) === '08' ? 'arrangements.costs.augDec' : 'arrangements.costs.janJul', { year: p.from.slice(0, 4) });

function Cells({ f }: { f: TFigures }) {
  return (
    <>
      <TableCell className="rondom-num">{formatEuro(f.spentFirstCents)}</TableCell>
      <TableCell className="rondom-num">{formatEuro(f.spentSecondCents)}</TableCell>
      <TableCell className="rondom-num">
        <strong>{formatEuro(f.spentTotalCents)}</strong>
      </TableCell>
      <TableCell className="rondom-num">{formatEuro(f.budgetFirstCents)}</TableCell>
      <TableCell className="rondom-num">{formatEuro(f.budgetSecondCents)}</TableCell>
      <TableCell className="rondom-num">
        <strong>{formatEuro(f.budgetTotalCents)}</strong>
      </TableCell>
      <TableCell className="rondom-num">{f.arrangements}</TableCell>
    </>
  );
}

/** /kosten — spend and granted budget of arrangements per school, per school year or per calendar year. */
export default function CostsPage() {
  const { t } = useTranslation();
  const today = todayIso();
  const currentSchoolYear = schoolYearOf(today);
  const currentCalendarYear = Number(today.slice(0, 4));
  const [view, setView] = useState<TView>('schoolYear');
  const [year, setYear] = useState(currentSchoolYear);
  const query = view === 'schoolYear' ? { schoolYear: year } : { calendarYear: year };
  const report = useCosts(query);
  const latest = view === 'schoolYear' ? currentSchoolYear : currentCalendarYear;
  const years = Array.from({ length: YEARS_BACK + 2 }, (_, i) => latest + 1 - i);
  const label = (y: number) => (view === 'schoolYear' ? schoolYearLabel(y) : String(y));
  const data = report.data;
  const periodName = !data
    ? ''
    : data.view === 'schoolYear'
      ? t('arrangements.costs.schoolYearN', { year: schoolYearLabel(data.year) })
      : t('arrangements.costs.calendarYearN', { year: data.year });
  const [first, second] = data ? data.periods.map((p) => halfLabel(t, p)) : ['', ''];
  const empty = data ? data.total.arrangements === 0 && data.total.spentTotalCents === 0 : false;
  return (
    <div className="rondom-arr">
      <PageHeading>{t('arrangements.costsTitle')}</PageHeading>
      <Paragraph lead>{t('arrangements.costs.intro')}</Paragraph>
      <search aria-label={t('arrangements.costs.filterLabel')}>
        <form className="rondom-filters" onSubmit={(e) => e.preventDefault()}>
          <SelectField
            id="arr-costs-view"
            label={t('arrangements.costs.view')}
            value={view}
            onChange={(e) => {
              const next = e.target.value as TView;
              setView(next);
              setYear(next === 'schoolYear' ? currentSchoolYear : currentCalendarYear);
            }}
            options={[
              { value: 'schoolYear', label: t('arrangements.costs.bySchoolYear') },
              { value: 'calendarYear', label: t('arrangements.costs.byCalendarYear') },
            ]}
          />
          <SelectField
            id="arr-costs-year"
            label={view === 'schoolYear' ? t('arrangements.costs.schoolYear') : t('arrangements.costs.calendarYear')}
            value={String(year)}
            onChange={(e) => setYear(Number(e.target.value))}
            options={years.map((y) => ({ value: String(y), label: label(y) }))}
          />
        </form>
      </search>
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <ErrorAlert error={report.error} />
      ) : data ? (
        <section aria-labelledby="arr-costs-heading" className="rondom-part">
          <Heading2 id="arr-costs-heading">{periodName}</Heading2>
          <Paragraph className="rondom-hint">
            {data.view === 'schoolYear' ? t('arrangements.costs.splitSchoolYear') : t('arrangements.costs.splitCalendarYear')} {t('arrangements.costs.proRata')}
          </Paragraph>
          {empty ? <Paragraph className="rondom-empty">{t('arrangements.costs.empty', { period: periodName })}</Paragraph> : null}
          {data.rows.length === 0 ? null : (
            <div className="rondom-table-wrap" role="region" aria-labelledby="arr-costs-caption" tabIndex={0}>
              <Table className="rondom-table" aria-busy={report.isFetching || undefined}>
                <TableCaption id="arr-costs-caption" className="rondom-visually-hidden">
                  {t('arrangements.costs.caption', { period: periodName })}
                </TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('arrangements.costs.school')}</TableHeaderCell>
                    <TableHeaderCell scope="col" className="rondom-num">{t('arrangements.costs.spentIn', { period: first })}</TableHeaderCell>
                    <TableHeaderCell scope="col" className="rondom-num">{t('arrangements.costs.spentIn', { period: second })}</TableHeaderCell>
                    <TableHeaderCell scope="col" className="rondom-num">{t('arrangements.costs.spentTotal')}</TableHeaderCell>
                    <TableHeaderCell scope="col" className="rondom-num">{t('arrangements.costs.budgetIn', { period: first })}</TableHeaderCell>
                    <TableHeaderCell scope="col" className="rondom-num">{t('arrangements.costs.budgetIn', { period: second })}</TableHeaderCell>
                    <TableHeaderCell scope="col" className="rondom-num">{t('arrangements.costs.budgetTotal')}</TableHeaderCell>
                    <TableHeaderCell scope="col" className="rondom-num">{t('arrangements.costs.arrangements')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.rows.map((r) => (
                    <TableRow key={r.school.id}>
                      <TableHeaderCell scope="row">{r.school.name}</TableHeaderCell>
                      <Cells f={r} />
                    </TableRow>
                  ))}
                </TableBody>
                {data.rows.length > 1 ? (
                  <TableFooter>
                    <TableRow className="rondom-arr-total">
                      <TableHeaderCell scope="row">{t('arrangements.costs.total')}</TableHeaderCell>
                      <Cells f={data.total} />
                    </TableRow>
                  </TableFooter>
                ) : null}
              </Table>
            </div>
          )}
          <Paragraph>
            <a className="utrecht-link utrecht-link--html-a" href={costsApi(query, true)} download>
              {t('arrangements.costs.download')}
            </a>{' '}
            <span className="rondom-hint">{t('arrangements.costs.downloadHint')}</span>
          </Paragraph>
        </section>
      ) : null}
    </div>
  );
}
