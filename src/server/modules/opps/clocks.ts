import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { TOppClockKind } from '../../../shared/schemas/opp.js';
import type { TMemberActor } from '../../platform/context.js';
import { organisations } from '../../db/schema/region.js';
import { query, type Tx } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { fieldError } from '../../platform/validation.js';
import { TODAY } from '../pupils/relation.js';

/**
 * The OPP's legal clocks, computed from the records and never stored: a stored deadline would go
 * stale the moment someone edits an enrolment date. The task inbox composes `oppClockItemsSql`.
 *
 * - opp_due: an OPP is set at most 6 weeks after the child needs extra support (or enrolled, if later);
 * - opp_evaluation_due: evaluated with the parents at least once a year after adoption or the last evaluation;
 * - opp_disagreed: after a parent disagrees, the school holds a conversation within 2 weeks.
 */
export const OPP_DUE_DAYS = 42;
export const FOLLOW_UP_DAYS = 14;
export const EVALUATION_YEARS = 1;
/** A yearly evaluation shows up this long before it is due, so the school can plan the conversation. */
export const EVALUATION_NOTICE_DAYS = 42;

const DAY_MS = 86_400_000;
const parse = (d: string) => new Date(`${d}T00:00:00Z`);
const fmt = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  return fmt(new Date(parse(date).getTime() + days * DAY_MS));
}

/** Like PostgreSQL's `date + interval 'n years'`: 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const d = parse(date);
  const y = d.getUTCFullYear() + years;
  const m = d.getUTCMonth();
  const lastOfMonth = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return fmt(new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), lastOfMonth))));
}

const later = (a: string, b: string) => (a > b ? a : b);

/** opp_due: six weeks after the child needs extra support, or after enrolment if that came later. */
export const oppDueOn = (enrolledOn: string, extraSupportSince: string) => addDays(later(enrolledOn, extraSupportSince), OPP_DUE_DAYS);

/** opp_evaluation_due: a year after the last evaluation, or after adoption if that is more recent. */
export const evaluationDueOn = (adoptedOn: string, lastEvaluationOn: string | null) =>
  addYears(lastEvaluationOn ? later(adoptedOn, lastEvaluationOn) : adoptedOn, EVALUATION_YEARS);

/** opp_disagreed: the conversation is held within two weeks of the parent's "no". */
export const followUpDueOn = (decidedOn: string) => addDays(decidedOn, FOLLOW_UP_DAYS);

export const isOverdue = (due: string, today: string) => due < today;

/** The calendar date in the Netherlands, where a day ends at Dutch midnight. */
export function dutchDate(at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(at);
}

/** Who watches the clocks: the school's IB'er and director for their school, the SWV consultant for the region. */
export function clockScope(actor: TMemberActor): { kind: 'school'; schoolId: string } | { kind: 'region' } | null {
  const m = actor.membership;
  if ((m.role === 'school_care_coordinator' || m.role === 'school_director') && m.organisationId)
    return { kind: 'school', schoolId: m.organisationId };
  if (m.role === 'swv_consultant') return { kind: 'region' };
  return null;
}

/**
 * The school a clock list shows: a school lead's own (asking for another is refused), or for the
 * region's consultant an optional school that must exist. Shared by every clock list (OPP, TLV).
 */
export async function clockSchool(tx: Tx, actor: TMemberActor, asked: string | undefined): Promise<string | undefined> {
  const scope = clockScope(actor);
  if (!scope || (scope.kind === 'school' && asked && asked !== scope.schoolId)) throw new AppError('forbidden');
  if (scope.kind === 'school') return scope.schoolId;
  if (asked) {
    const [school] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.id, asked), eq(organisations.kind, 'school')));
    if (!school) throw fieldError('schoolId', 'unknown_school');
  }
  return asked;
}

export interface TOppClockRow {
  kind: TOppClockKind;
  pupil_id: string;
  opp_id: string | null;
  assent_id: string | null;
  due_on: string;
  overdue: boolean;
  first_name: string;
  name_prefix: string | null;
  last_name: string;
  school_id: string;
  school_name: string;
}

const dutchDay = (ts: SQL) => sql`(${ts} at time zone 'Europe/Amsterdam')::date`;

/**
 * The OPP's clock items as one SELECT (kind, pupil_id, school_id, opp_id, assent_id, due_on) for the
 * pupils matching `scope` (a condition on `p`, the pupils alias), on `today`. An evaluation shows
 * from six weeks before it is due; the others from the start. The one place this arithmetic lives
 * in SQL: the clock list below and the task inbox (modules/tasks) compose it.
 */
export function oppClockItemsSql(scope: SQL, today: SQL = TODAY): SQL {
  // the arithmetic mirrors oppDueOn, evaluationDueOn and followUpDueOn above
  return sql`select * from (
      select 'opp_due' as kind, p.id as pupil_id, p.school_id, null::uuid as opp_id, null::uuid as assent_id,
             greatest(p.enrolled_on, d.extra_support_since) + ${OPP_DUE_DAYS}::int as due_on
        from dossiers d join pupils p on p.region_id = d.region_id and p.id = d.pupil_id
       where d.extra_support_since is not null and ${scope}
         and not exists (select 1 from opps o where o.region_id = p.region_id and o.pupil_id = p.id and o.status = 'adopted')
      union all
      select 'opp_evaluation_due', p.id, p.school_id, o.id, null,
             (greatest(${dutchDay(sql`o.adopted_at`)},
                (select max(e.held_on) from opp_evaluations e where e.region_id = o.region_id and e.pupil_id = o.pupil_id))
              + make_interval(years => ${EVALUATION_YEARS}::int))::date
        from opps o join pupils p on p.region_id = o.region_id and p.id = o.pupil_id
       where o.status = 'adopted' and ${scope}
      union all
      select 'opp_disagreed', p.id, p.school_id, a.opp_id, a.id, ${dutchDay(sql`a.decided_at`)} + ${FOLLOW_UP_DAYS}::int
        from opp_assents a
        join opps o on o.region_id = a.region_id and o.id = a.opp_id
        join pupils p on p.region_id = a.region_id and p.id = a.pupil_id
       -- once the plan is adopted after all, the disagreement is settled
       where a.decision = 'disagree' and a.followed_up_at is null and o.status not in ('adopted', 'superseded') and ${scope}
    ) c
    where c.kind <> 'opp_evaluation_due' or c.due_on <= ${today}::date + ${EVALUATION_NOTICE_DAYS}::int`;
}

/**
 * Due items for the pupils matching `scope` (a condition on `p`, the pupils alias), the earliest
 * due first, so overdue items lead. `today` is a parameter so tests can fix the date.
 */
export async function oppClockItems(
  tx: Tx,
  scope: SQL,
  page: { page: number; pageSize: number },
  today: SQL = TODAY,
): Promise<{ rows: TOppClockRow[]; total: number }> {
  const items = sql`with items as (${oppClockItemsSql(scope, today)})`;
  const from = sql`from items i
      join pupils p on p.id = i.pupil_id
      join organisations s on s.region_id = p.region_id and s.id = p.school_id`;
  const rows = await query<TOppClockRow & { total: string | number }>(
    tx,
    sql`${items}
    select i.kind, i.pupil_id, i.opp_id, i.assent_id, i.due_on::text as due_on, i.due_on < ${today}::date as overdue,
           p.first_name, p.name_prefix, p.last_name, p.school_id, s.name as school_name, count(*) over () as total
      ${from}
     order by i.due_on, i.kind, p.last_name, p.first_name, i.pupil_id, i.assent_id
     limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`,
  );
  if (rows.length === 0 && page.page > 1) {
    // past the last page: still report the total so the UI can offer a way back
    const [c] = await query<{ total: string }>(tx, sql`${items} select count(*) as total ${from}`);
    return { rows: [], total: Number(c?.total ?? 0) };
  }
  return { rows, total: rows[0] ? Number(rows[0].total) : 0 };
}
