import { sql } from 'drizzle-orm';
import { ABSENCE_KINDS, type TAbsenceKind } from '../../../shared/absence.js';
import type { TCsvCell } from '../../platform/csv-export.js';
import { query, type Tx } from '../../platform/db.js';
import { t, type TLocale } from '../../platform/i18n.js';
import type { TFiguresScope } from './figures.js';

export interface TInspectorateRow {
  kind: TAbsenceKind;
  openAtStart: number;
  started: number;
  ended: number;
  openAtEnd: number;
  /** Of those open at the end: how long they had lasted (to 3 months, 3–6, longer than 6). */
  upTo3Months: number;
  from3To6Months: number;
  over6Months: number;
  /** Median days the episodes open at the end had lasted; null when there are none. */
  medianDays: number | null;
}

/**
 * The periodic count for the inspectorate: per kind of absence, the episodes open when the
 * period began, begun and ended in it, and open after its last day, with how long those had
 * lasted (measured on the period's last day, or today when the period runs on). The balance
 * holds per kind: open at start + new − ended = open at end.
 */
export async function loadInspectorate(
  tx: Tx,
  o: { scope: TFiguresScope; from: string; to: string; today: string },
): Promise<TInspectorateRow[]> {
  const from = sql`${o.from}::date`;
  const to = sql`${o.to}::date`;
  const ref = sql`least(${to}, ${o.today}::date)`;
  const gemeente = o.scope.kind === 'gemeente' ? sql`and p.gemeente_id = ${o.scope.gemeenteId}::uuid` : sql``;
  const rows = await query<TInspectorateRow>(
    tx,
    sql`with ep as (
        select e.kind, e.started_on, e.ended_on, (e.ended_on is null or e.ended_on > ${to}) as open_at_end,
               greatest(0, ${ref} - e.started_on) as days
          from absence_episodes e
          join pupils p on p.region_id = e.region_id and p.id = e.pupil_id
         where e.started_on <= ${to} and (e.ended_on is null or e.ended_on >= ${from}) ${gemeente}
      )
      select kind,
             count(*) filter (where started_on < ${from})::int as "openAtStart",
             count(*) filter (where started_on >= ${from})::int as started,
             count(*) filter (where ended_on <= ${to})::int as ended,
             count(*) filter (where open_at_end)::int as "openAtEnd",
             count(*) filter (where open_at_end and started_on >= (${ref} - interval '3 months')::date)::int as "upTo3Months",
             count(*) filter (where open_at_end and started_on < (${ref} - interval '3 months')::date
                                and started_on >= (${ref} - interval '6 months')::date)::int as "from3To6Months",
             count(*) filter (where open_at_end and started_on < (${ref} - interval '6 months')::date)::int as "over6Months",
             percentile_disc(0.5) within group (order by days) filter (where open_at_end) as "medianDays"
        from ep group by kind`,
  );
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  // every category on its line, also when nothing happened in it
  return ABSENCE_KINDS.map(
    (kind) =>
      byKind.get(kind) ?? { kind, openAtStart: 0, started: 0, ended: 0, openAtEnd: 0, upTo3Months: 0, from3To6Months: 0, over6Months: 0, medianDays: null },
  );
}

export function inspectorateCsv(rows: readonly TInspectorateRow[], locale: TLocale): { header: string[]; rows: TCsvCell[][] } {
  const k = (key: string) => t(locale, `absence.export.inspectorate.${key}`);
  return {
    header: ['category', 'openAtStart', 'started', 'ended', 'openAtEnd', 'upTo3Months', 'from3To6Months', 'over6Months', 'medianDays'].map(k),
    rows: rows.map((r) => [
      t(locale, `absence.kind.${r.kind}`),
      r.openAtStart,
      r.started,
      r.ended,
      r.openAtEnd,
      r.upTo3Months,
      r.from3To6Months,
      r.over6Months,
      r.medianDays,
    ]),
  };
}
