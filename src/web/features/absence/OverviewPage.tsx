import './figures.css';
import { Alert, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AppLink } from '../../components/AppLink.js';
import { PageHeading } from '../../components/page.js';
import { ErrorAlert, Loading } from '../../components/Status.js';
import { formatDate, todayIso } from '../../format.js';
import { currentLocale } from '../../i18n/index.js';
import { canOpen } from '../../roles.js';
import { useSession } from '../../session.js';
import { FiguresCards } from './FiguresCards.js';
import { FiguresChart } from './FiguresChart.js';
import { FiguresPeriodForm } from './FiguresPeriodForm.js';
import {
  countText,
  countValue,
  defaultPeriod,
  inspectorateCsv,
  overviewCsv,
  periodProblem,
  type TAbsenceOverview,
  type TChartProps,
  type TCount,
  type TCountRow,
  type TPeriod,
  topWithRest,
  useAbsenceOverview,
} from './figures-data.js';

const TOP_SCHOOLS = 15;
type TT = (k: string, o?: Record<string, unknown>) => string;

const isEmpty = (d: TAbsenceOverview) =>
  d.open.total === 0 && d.closed.total === 0 && d.trend.every((m) => m.opened === 0 && m.closed === 0 && m.openAtEnd === 0);

/** One bar chart: a row per category, its count in words for the label and the table. */
function bars(rows: TCountRow[], seriesName: string, t: TT): TChartProps {
  const label = (r: TCountRow) => (r.atLeast ? t('absence.figures.atLeast', { n: countText(r.count) }) : countText(r.count));
  return {
    type: 'bar',
    categories: rows.map((r) => r.label),
    series: [{ name: seriesName, values: rows.map((r) => countValue(r.count)), labels: rows.map(label) }],
  };
}

/** "2026-03" → "mrt 2026" */
function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(currentLocale() === 'en' ? 'en-GB' : 'nl-NL', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}

function trend(d: TAbsenceOverview, t: TT): TChartProps {
  const series = (key: 'opened' | 'closed' | 'openAtEnd') => ({
    name: t(`absence.figures.trend.${key}`),
    values: d.trend.map((m) => countValue(m[key] as TCount)),
    labels: d.trend.map((m) => countText(m[key] as TCount)),
  });
  return { type: 'line', categories: d.trend.map((m) => monthLabel(m.month)), series: [series('opened'), series('closed'), series('openAtEnd')] };
}

function Figures({ data, period }: { data: TAbsenceOverview; period: TPeriod }) {
  const { t } = useTranslation();
  const rows = (list: { key: string; label: string | null; count: TCount }[], label: (key: string, l: string | null) => string) =>
    list.map((r) => ({ key: r.key, label: label(r.key, r.label), count: r.count }));
  const openCases = t('absence.figures.openCases');
  const periodText = t('absence.figures.periodText', { from: formatDate(data.period.from), to: formatDate(data.period.to) });
  const empty = isEmpty(data);
  return (
    <>
      <section aria-labelledby="absence-now" className="rondom-figure">
        <Heading2 id="absence-now">{t('absence.figures.nowTitle', { today: formatDate(data.today) })}</Heading2>
        <FiguresCards data={data} />
      </section>
      {empty ? (
        <Paragraph className="rondom-empty">{t('absence.figures.empty', { period: periodText })}</Paragraph>
      ) : (
        <>
          <FiguresChart
            id="absence-by-kind"
            title={t('absence.figures.byKind')}
            hint={t('absence.figures.byKindHint')}
            rowHeader={t('absence.figures.kind')}
            chart={bars(rows(data.open.byKind, (k) => t(`absence.kind.${k}`)), openCases, t)}
          />
          <FiguresChart
            id="absence-by-school"
            title={t('absence.figures.bySchool')}
            hint={data.open.bySchool.length > TOP_SCHOOLS + 1 ? t('absence.figures.bySchoolHint', { n: TOP_SCHOOLS }) : undefined}
            rowHeader={t('absence.figures.school')}
            chart={bars(topWithRest(rows(data.open.bySchool, (k, l) => l ?? k), TOP_SCHOOLS, t('absence.figures.otherSchools')), openCases, t)}
          />
          {data.scope.kind === 'region' ? (
            <FiguresChart
              id="absence-by-gemeente"
              title={t('absence.figures.byGemeente')}
              rowHeader={t('absence.figures.gemeente')}
              chart={bars(rows(data.open.byGemeente, (_k, l) => l ?? t('absence.figures.noGemeente')), openCases, t)}
            />
          ) : null}
          <FiguresChart
            id="absence-closed"
            title={t('absence.figures.closedTitle', { period: periodText })}
            hint={t('absence.figures.closedTotal', { n: countText(data.closed.total) })}
            rowHeader={t('absence.figures.closeReason')}
            chart={bars(rows(data.closed.byReason, (k) => t(`absence.closeReason.${k}`)), t('absence.figures.closedCases'), t)}
          />
          <FiguresChart
            id="absence-trend"
            title={t('absence.figures.trendTitle')}
            hint={t('absence.figures.trendHint')}
            rowHeader={t('absence.figures.month')}
            chart={trend(data, t)}
          />
        </>
      )}
      <section aria-labelledby="absence-downloads" className="rondom-figure">
        <Heading2 id="absence-downloads">{t('absence.figures.downloads')}</Heading2>
        <ul className="rondom-figure-downloads">
          <li>
            <a className="utrecht-link utrecht-link--html-a" href={overviewCsv(period)} download>
              {t('absence.figures.csv')}
            </a>{' '}
            <span className="rondom-hint">{t('absence.figures.csvHint', { period: periodText })}</span>
          </li>
          {/* the inspectorate count has durations, which the anonymised view does not show */}
          {data.anonymised ? null : (
            <li>
              <a className="utrecht-link utrecht-link--html-a" href={inspectorateCsv(period)} download>
                {t('absence.figures.inspectorateCsv')}
              </a>{' '}
              <span className="rondom-hint">{t('absence.figures.inspectorateHint')}</span>
            </li>
          )}
        </ul>
      </section>
    </>
  );
}

/** /verzuim/cijfers — the absence figures of the region (or the gemeente), with charts, tables and CSV. */
export default function OverviewPage() {
  const { t } = useTranslation();
  const role = useSession().activeMembership?.role;
  const [params, setParams] = useSearchParams();
  const fallback = defaultPeriod(todayIso());
  const period = { from: params.get('van') ?? fallback.from, to: params.get('tot') ?? fallback.to };
  const problem = periodProblem(period);
  const overview = useAbsenceOverview(period, !problem);
  const data = overview.data;
  return (
    <div className="rondom-figures">
      <PageHeading>{t('absence.figures.title')}</PageHeading>
      <Paragraph lead>{t('absence.figures.intro')}</Paragraph>
      {data ? (
        <Paragraph>
          <strong>{t(`absence.figures.scope.${data.scope.kind}`, { name: data.scope.name })}</strong>
        </Paragraph>
      ) : null}
      {canOpen(role, 'absence') || canOpen(role, 'absenceSettings') ? (
        <ul className="rondom-figure-links">
          {canOpen(role, 'absence') ? (
            <li>
              <AppLink to="/verzuim">{t('absence.figures.toCases')}</AppLink>
            </li>
          ) : null}
          {canOpen(role, 'absenceSettings') ? (
            <li>
              <AppLink to="/instellingen-verzuim">{t('absence.figures.toSettings')}</AppLink>
            </li>
          ) : null}
        </ul>
      ) : null}
      {data?.anonymised ? (
        <Alert type="info">
          <Paragraph>{t('absence.figures.anonymised')}</Paragraph>
          <Paragraph>{t('absence.figures.smallCounts')}</Paragraph>
        </Alert>
      ) : null}
      <FiguresPeriodForm period={period} onChange={(p) => setParams({ van: p.from, tot: p.to }, { replace: false })} />
      {problem ? null : overview.isPending ? (
        <Loading />
      ) : overview.isError ? (
        <ErrorAlert error={overview.error} />
      ) : data ? (
        <div aria-busy={overview.isFetching || undefined}>
          <Figures data={data} period={period} />
        </div>
      ) : null}
    </div>
  );
}
