import { type SQL, sql } from 'drizzle-orm';
import type { TTlvClockKind } from '../../../shared/schemas/decision.js';
import { addDays, schoolYearOf, schoolYearStart } from '../../../shared/school-year.js';
import { TLV_REASSESS_NOTICE_DAYS, type TTlvSchoolType } from '../../../shared/support-request.js';
import { query, type Tx } from '../../platform/db.js';
import { TODAY } from '../pupils/relation.js';

/**
 * The TLV's clocks, computed from the records (never stored), like opps/clocks.ts; the task inbox
 * composes `tlvClockItemsSql`.
 *
 * - tlv_reassess: a new assessment must be under way in time; shows from TLV_REASSESS_NOTICE_DAYS
 *   before the TLV ends, due on its last valid day, unless a later TLV for the child exists;
 * - tlv_return_plan: in the TLV's last school year a plan for the return to regular education is
 *   written; shows from 1 August of that year, due on the TLV's last day, until the plan is there.
 *
 * An expired TLV stays on the list for a year and then drops off: by then the child has moved on
 * one way or another, and a list that never empties is a list nobody reads.
 */
export const EXPIRED_SHOWN_DAYS = 365;

/** From this day re-assessment shows up. */
export const reassessFrom = (validUntil: string) => addDays(validUntil, -TLV_REASSESS_NOTICE_DAYS);
/** The first day of the TLV's last school year: from here the return plan is due. */
export const returnPlanFrom = (validUntil: string) => schoolYearStart(schoolYearOf(validUntil));

export interface TTlvClockFacts {
  validUntil: string;
  hasReturnPlan: boolean;
  /** The child has a later TLV (a re-assessment that led to a new one). */
  hasLaterTlv: boolean;
}

/** The items one TLV gives on `today` (the pure rule the query below mirrors). */
export function tlvClocksOn(t: TTlvClockFacts, today: string): { kind: TTlvClockKind; dueOn: string; overdue: boolean }[] {
  if (t.hasLaterTlv || today > addDays(t.validUntil, EXPIRED_SHOWN_DAYS)) return [];
  const overdue = t.validUntil < today;
  const out: { kind: TTlvClockKind; dueOn: string; overdue: boolean }[] = [];
  if (today >= reassessFrom(t.validUntil)) out.push({ kind: 'tlv_reassess', dueOn: t.validUntil, overdue });
  if (!t.hasReturnPlan && today >= returnPlanFrom(t.validUntil)) out.push({ kind: 'tlv_return_plan', dueOn: t.validUntil, overdue });
  return out;
}

export interface TTlvClockRow {
  kind: TTlvClockKind;
  tlv_id: string;
  year: number;
  seq: number;
  school_type: TTlvSchoolType;
  valid_until: string;
  request_id: string;
  due_on: string;
  overdue: boolean;
  pupil_id: string;
  first_name: string;
  name_prefix: string | null;
  last_name: string;
  school_id: string;
  school_name: string;
}

/**
 * The TLV clock items as one SELECT (kind, the TLV's columns, the filing school_id) for the TLVs
 * whose request matches `scope` (a condition on `r`, the support_requests alias), on `today`. The
 * one place this arithmetic lives in SQL: the clock list below and the task inbox compose it.
 */
export function tlvClockItemsSql(scope: SQL, today: SQL = TODAY): SQL {
  // the arithmetic mirrors tlvClocksOn above
  return sql`select k.kind, live.* from (
      select t.*, r.school_id from tlvs t
        join support_requests r on r.region_id = t.region_id and r.id = t.request_id
       where ${scope}
         and ${today}::date <= t.valid_until + ${EXPIRED_SHOWN_DAYS}::int
         and not exists (select 1 from tlvs l where l.region_id = t.region_id and l.pupil_id = t.pupil_id
                          and (l.valid_until, l.created_at) > (t.valid_until, t.created_at))
    ) live
    cross join lateral (
      select 'tlv_reassess' as kind where ${today}::date >= live.valid_until - ${TLV_REASSESS_NOTICE_DAYS}::int
      union all
      select 'tlv_return_plan' where live.return_plan is null
         and ${today}::date >= make_date(extract(year from live.valid_until)::int - case when extract(month from live.valid_until) >= 8 then 0 else 1 end, 8, 1)
    ) k`;
}

/**
 * Due items for the TLVs whose request matches `scope` (a condition on `r`, the support_requests
 * alias: the school that filed it, or the region), the earliest due first so overdue items lead.
 * `today` is a parameter so tests can fix the date.
 */
export async function tlvClockItems(
  tx: Tx,
  scope: SQL,
  page: { page: number; pageSize: number },
  today: SQL = TODAY,
): Promise<{ rows: TTlvClockRow[]; total: number }> {
  const items = sql`with items as (${tlvClockItemsSql(scope, today)})`;
  const from = sql`from items i
      join pupils p on p.region_id = i.region_id and p.id = i.pupil_id
      join organisations s on s.region_id = i.region_id and s.id = i.school_id`;
  const rows = await query<TTlvClockRow & { total: string | number }>(
    tx,
    sql`${items}
    select i.kind, i.id as tlv_id, i.year, i.seq, i.school_type, i.valid_until::text as valid_until, i.request_id,
           i.valid_until::text as due_on, i.valid_until < ${today}::date as overdue,
           p.id as pupil_id, p.first_name, p.name_prefix, p.last_name, i.school_id, s.name as school_name, count(*) over () as total
      ${from}
     order by i.valid_until, i.kind, p.last_name, p.first_name, i.id
     limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`,
  );
  if (rows.length === 0 && page.page > 1) {
    // past the last page: still report the total so the UI can offer a way back
    const [c] = await query<{ total: string }>(tx, sql`${items} select count(*) as total ${from}`);
    return { rows: [], total: Number(c?.total ?? 0) };
  }
  return { rows: rows.map((r) => ({ ...r, year: Number(r.year), seq: Number(r.seq) })), total: rows[0] ? Number(rows[0].total) : 0 };
}
