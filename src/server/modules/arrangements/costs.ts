import { type SQL, sql } from 'drizzle-orm';
import type { TCostFigures, TCostReport } from '../../../shared/schemas/arrangement.js';
import { query, type Tx } from '../../platform/db.js';

export type TCostView = TCostReport['view'];
export type TCostPeriods = TCostReport['periods'];

/**
 * The two halves of a report. A school year (2026 = 2026/27) is Aug–Dec 2026 then Jan–Jul 2027;
 * a calendar year 2026 is Jan–Jul (school year 2025/26) then Aug–Dec (school year 2026/27).
 * The halves touch, so together they cover the year without gap or overlap.
 */
export function costPeriods(view: TCostView, year: number): TCostPeriods {
  if (view === 'schoolYear') {
    return [
      { from: `${year}-08-01`, to: `${year}-12-31`, schoolYear: year },
      { from: `${year + 1}-01-01`, to: `${year + 1}-07-31`, schoolYear: year },
    ];
  }
  return [
    { from: `${year}-01-01`, to: `${year}-07-31`, schoolYear: year - 1 },
    { from: `${year}-08-01`, to: `${year}-12-31`, schoolYear: year },
  ];
}

interface TCostRow {
  school_id: string | null;
  school_name: string | null;
  is_total: boolean;
  spent_first: string | number;
  spent_second: string | number;
  budget_first: string | number;
  budget_second: string | number;
  arrangements: string | number;
}

const figures = (r: TCostRow): TCostFigures => {
  const n = (v: string | number) => Number(v);
  return {
    spentFirstCents: n(r.spent_first),
    spentSecondCents: n(r.spent_second),
    spentTotalCents: n(r.spent_first) + n(r.spent_second),
    budgetFirstCents: n(r.budget_first),
    budgetSecondCents: n(r.budget_second),
    budgetTotalCents: n(r.budget_first) + n(r.budget_second),
    arrangements: n(r.arrangements),
  };
};

/**
 * Spend and granted budget per school over the two halves, with the region total, in one
 * statement. Spend counts on the day it was made. An arrangement's budget is spread over its
 * days (start and end included): each half gets its share of the days, rounded to whole cents so
 * that the two halves add up to the rounded share of the whole report period.
 */
export async function costReport(tx: Tx, periods: TCostPeriods, schoolId: string | null): Promise<Omit<TCostReport, 'view' | 'year'>> {
  const [p1, p2] = periods;
  const only = (col: SQL) => (schoolId ? sql`${col} = ${schoolId}::uuid` : sql`true`);
  const rows = await query<TCostRow>(
    tx,
    sql`with spend as (
        select s.school_id,
          coalesce(sum(s.amount_cents) filter (where s.spent_on <= ${p1.to}::date), 0) as first,
          coalesce(sum(s.amount_cents) filter (where s.spent_on >= ${p2.from}::date), 0) as second
        from arrangement_spends s
        where s.spent_on between ${p1.from}::date and ${p2.to}::date and ${only(sql`s.school_id`)}
        group by s.school_id
      ), share as (
        select a.school_id,
          a.budget_cents::numeric / (a.end_on - a.start_on + 1) as per_day,
          greatest(0, least(a.end_on, ${p1.to}::date) - greatest(a.start_on, ${p1.from}::date) + 1) as d1,
          greatest(0, least(a.end_on, ${p2.to}::date) - greatest(a.start_on, ${p2.from}::date) + 1) as d2
        from arrangements a
        where a.start_on <= ${p2.to}::date and a.end_on >= ${p1.from}::date and ${only(sql`a.school_id`)}
      ), budget as (
        select school_id, count(*) as n, sum(round(per_day * d1)) as first, sum(round(per_day * (d1 + d2)) - round(per_day * d1)) as second
        from share group by school_id
      ), schools as (
        select o.id, o.name from organisations o
        where o.kind = 'school' and ${only(sql`o.id`)}
          and (o.archived_at is null or o.id in (select school_id from spend union select school_id from budget))
      )
      select sc.id as school_id, sc.name as school_name, grouping(sc.id, sc.name) = 3 as is_total,
        coalesce(sum(sp.first), 0) as spent_first, coalesce(sum(sp.second), 0) as spent_second,
        coalesce(sum(b.first), 0) as budget_first, coalesce(sum(b.second), 0) as budget_second,
        coalesce(sum(b.n), 0) as arrangements
      from schools sc
      left join spend sp on sp.school_id = sc.id
      left join budget b on b.school_id = sc.id
      group by grouping sets ((sc.id, sc.name), ())
      order by grouping(sc.id, sc.name), sc.name, sc.id`,
  );
  const total = rows.find((r) => r.is_total);
  const zero: TCostRow = { school_id: null, school_name: null, is_total: true, spent_first: 0, spent_second: 0, budget_first: 0, budget_second: 0, arrangements: 0 };
  return {
    periods,
    rows: rows.filter((r) => !r.is_total).map((r) => ({ school: { id: r.school_id!, name: r.school_name! }, ...figures(r) })),
    total: figures(total ?? zero),
  };
}
