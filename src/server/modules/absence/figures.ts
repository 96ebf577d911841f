import { type SQL, sql } from 'drizzle-orm';
import type { TAbsenceCloseReason, TAbsenceKind, TThuiszitterDefinition } from '../../../shared/absence.js';
import { query, type Tx } from '../../platform/db.js';
import { countingSinceSql, daysWithoutEducationSql, isThuiszitterSql } from './counting.js';

/** Whose children the figures count: the whole region, or the children living in one gemeente. */
export type TFiguresScope = { kind: 'region' } | { kind: 'gemeente'; gemeenteId: string };

export interface TFiguresInput {
  scope: TFiguresScope;
  def: TThuiszitterDefinition;
  /** The period for closed cases and the trend (inclusive days). */
  from: string;
  to: string;
  /** The Dutch calendar day "now" is measured on; a parameter so tests are deterministic. */
  today: string;
}

export interface TKeyCount {
  key: string;
  label: string | null;
  count: number;
}

/** The figures before any suppression: what the region and leerplicht see. */
export interface TFigures {
  pupils: number;
  open: {
    total: number;
    thuiszitters: number;
    noOwner: number;
    nextDatePassed: number;
    byKind: { key: TAbsenceKind; label: null; count: number }[];
    bySchool: TKeyCount[];
    byGemeente: TKeyCount[];
  };
  /** Days without education of the open thuiszitter cases; percentile_disc: each is a real case's count. */
  durations: { p50: number | null; p90: number | null; n: number };
  closed: { total: number; byReason: { key: TAbsenceCloseReason; label: null; count: number }[] };
  trend: { month: string; opened: number; closed: number; openAtEnd: number }[];
}

/** Cases without a known gemeente are counted under this key (the web names it). */
export const UNKNOWN_GEMEENTE = 'unknown';

const inScope = (s: TFiguresScope): SQL => (s.kind === 'gemeente' ? sql`and p.gemeente_id = ${s.gemeenteId}::uuid` : sql``);

/**
 * Every figure of the overview in one statement. `cs` holds the scope's cases that matter for
 * the period or today (a few hundred per region: ~0.4 % of pupils open, a few times that closed
 * over the years; RLS's region_id leads every absence index), each joined to its pupil by the pk
 * for school and gemeente; the counting start is computed only for the cases open today
 * (absence_episodes_case_idx). The pupils count is the one part that grows with the region (an
 * index-only scan of its pupils). Measured in `npm run bench` (bench/README.md).
 */
export async function loadFigures(tx: Tx, input: TFiguresInput): Promise<TFigures> {
  const today = sql`${input.today}::date`;
  const from = sql`${input.from}::date`;
  const to = sql`${input.to}::date`;
  const def = input.def;
  const isOpen = sql`c.opened_on <= ${today} and (c.closed_on is null or c.closed_on > ${today})`;
  const since = countingSinceSql('c', today, def);
  // a breakdown as [{key, label, count}], largest first
  const counted = (cte: string) =>
    sql`(select coalesce(json_agg(json_build_object('key', r.key, 'label', r.label, 'count', r.n) order by r.n desc, r.key), '[]'::json) from ${sql.raw(cte)} r)`;

  const [row] = await query<{ figures: TFigures }>(
    tx,
    sql`with cs as materialized (
        select c.id, c.opened_on, c.closed_on, c.close_reason, c.owner_user_id, c.next_date, c.offer_from,
               p.school_id, p.gemeente_id, (${isOpen}) as is_open,
               case when ${isOpen} then ${since} end as since
          from absence_cases c
          join pupils p on p.region_id = c.region_id and p.id = c.pupil_id
         where (c.closed_on is null or c.closed_on >= least(${from}, ${today}))
           and c.opened_on <= greatest(${to}, ${today}) ${inScope(input.scope)}
      ), open as materialized (
        select c.*, ${daysWithoutEducationSql('c', sql`c.since`, today)} as days,
               ${isThuiszitterSql(sql`c.since`, today, def)} as thuiszitter
          from cs c where c.is_open
      ), by_kind as (
        select e.kind as key, null::text as label, count(distinct e.case_id)::int as n
          from absence_episodes e join open o on o.id = e.case_id
         where e.started_on <= ${today} and (e.ended_on is null or e.ended_on >= ${today})
         group by e.kind
      ), by_school as (
        select o.school_id::text as key, org.name as label, count(*)::int as n
          from open o join organisations org on org.id = o.school_id group by o.school_id, org.name
      ), by_gemeente as (
        select coalesce(o.gemeente_id::text, ${UNKNOWN_GEMEENTE}) as key, org.name as label, count(*)::int as n
          from open o left join organisations org on org.id = o.gemeente_id group by o.gemeente_id, org.name
      ), by_reason as (
        select c.close_reason as key, null::text as label, count(*)::int as n
          from cs c where c.closed_on between ${from} and ${to} group by c.close_reason
      ), months as (
        select to_char(m, 'YYYY-MM') as month, greatest(m::date, ${from}) as start,
               least((m + interval '1 month' - interval '1 day')::date, ${to}) as stop
          from generate_series(date_trunc('month', ${from}::timestamp), date_trunc('month', ${to}::timestamp), interval '1 month') m
      )
      select json_build_object(
        'pupils', (select count(*) from pupils p where true ${inScope(input.scope)}),
        'open', json_build_object(
          'total', (select count(*) from open),
          'thuiszitters', (select count(*) from open where thuiszitter),
          'noOwner', (select count(*) from open where owner_user_id is null),
          'nextDatePassed', (select count(*) from open where next_date < ${today}),
          'byKind', ${counted('by_kind')},
          'bySchool', ${counted('by_school')},
          'byGemeente', ${counted('by_gemeente')}
        ),
        'durations', (select json_build_object(
            'p50', percentile_disc(0.5) within group (order by days),
            'p90', percentile_disc(0.9) within group (order by days),
            'n', count(*)) from open where thuiszitter),
        'closed', json_build_object(
          'total', (select count(*) from cs where closed_on between ${from} and ${to}),
          'byReason', ${counted('by_reason')}
        ),
        'trend', (select coalesce(json_agg(json_build_object(
            'month', m.month,
            'opened', (select count(*) from cs where opened_on between m.start and m.stop),
            'closed', (select count(*) from cs where closed_on between m.start and m.stop),
            'openAtEnd', (select count(*) from cs where opened_on <= m.stop and (closed_on is null or closed_on > m.stop))
          ) order by m.month), '[]'::json) from months m)
      ) as figures`,
  );
  return row!.figures;
}
