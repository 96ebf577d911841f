import { type SQL, sql } from 'drizzle-orm';
import type { TTaskKind } from '../../../shared/meeting.js';
import { query, queryPrepared, type Tx } from '../../platform/db.js';
import { TODAY } from '../pupils/relation.js';
import { taskSources, type TTaskScope } from './sources.js';

export type { TTaskScope } from './sources.js';

export interface TTaskRow {
  kind: TTaskKind;
  due_on: string;
  days: number;
  overdue: boolean;
  pupil_id: string;
  school_id: string;
  owner_user_id: string | null;
  owner_school_id: string | null;
  opp_id: string | null;
  request_id: string | null;
  arrangement_id: string | null;
  meeting_id: string | null;
  subject_id: string;
  title: string | null;
  detail: string | null;
  first_name: string;
  name_prefix: string | null;
  last_name: string;
  school_name: string;
  owner_name: string | null;
  owner_school_name: string | null;
}

/** Narrowing a list: one kind, one owner (a person, `school:<id>` for a school's IB'ers, `none`). */
export interface TTaskFilter {
  kind?: TTaskKind;
  ownerId?: string;
}

function filterSql(f: TTaskFilter, withOwner = true, alias = 't'): SQL {
  const a = sql.raw(alias);
  const parts: SQL[] = [sql`true`];
  if (f.kind) parts.push(sql`${a}.kind = ${f.kind}`);
  if (withOwner && f.ownerId) {
    if (f.ownerId === 'none') parts.push(sql`${a}.owner_user_id is null and ${a}.owner_school_id is null`);
    else if (f.ownerId.startsWith('school:')) parts.push(sql`${a}.owner_school_id = ${f.ownerId.slice(7)}::uuid`);
    else parts.push(sql`${a}.owner_user_id = ${f.ownerId}`);
  }
  return sql.join(parts, sql` and `);
}

/**
 * One page of tasks in `scope`, the earliest due first (so what is late leads), with the totals:
 * one statement. The page is cut from the union before names are joined, so a person with
 * thousands of open tasks costs a sort of small rows, not thousands of lookups. `withOwners` adds
 * who each task waits on (the team view). `today` is a parameter so tests can fix the date.
 */
export async function listTasks(
  tx: Tx,
  scope: TTaskScope,
  o: { page: number; pageSize: number; filter?: TTaskFilter; withOwners?: boolean; today?: SQL },
): Promise<{ rows: TTaskRow[]; total: number; overdue: number }> {
  const today = sql`${o.today ?? TODAY}::date`;
  const tasks = sql`with t as materialized (select * from (${taskSources(scope, o.today ?? TODAY)}) u where ${filterSql(o.filter ?? {}, true, 'u')})`;
  const owners = o.withOwners
    ? sql`left join users u on u.id = pick.owner_user_id left join organisations os on os.id = pick.owner_school_id`
    : sql``;
  const ownerCols = o.withOwners ? sql`u.name as owner_name, os.name as owner_school_name` : sql`null as owner_name, null as owner_school_name`;
  const order = sql`due_on, kind, subject_id, owner_user_id, owner_school_id`;
  const rows = await queryPrepared<TTaskRow & { total: string | number; overdue_total: string | number }>(
    tx,
    sql`${tasks},
    totals as (select count(*) as total, count(*) filter (where due_on < ${today}) as overdue_total from t),
    pick as (select * from t order by ${order} limit ${o.pageSize} offset ${(o.page - 1) * o.pageSize})
    select pick.kind, pick.due_on::text as due_on, pick.due_on - ${today} as days, pick.due_on < ${today} as overdue,
           pick.pupil_id, coalesce(pick.school_id, p.school_id) as school_id, pick.owner_user_id, pick.owner_school_id, pick.opp_id, pick.request_id, pick.arrangement_id,
           pick.meeting_id, pick.subject_id, pick.title, pick.detail, p.first_name, p.name_prefix, p.last_name, s.name as school_name,
           ${ownerCols}, totals.total, totals.overdue_total
      from totals
      left join pick on true
      left join pupils p on p.id = pick.pupil_id
      left join organisations s on s.id = coalesce(pick.school_id, p.school_id)
      ${owners}
     order by pick.due_on, pick.kind, pick.subject_id, pick.owner_user_id, pick.owner_school_id`,
  );
  // one row with the totals and no task when the page is past the end (or nothing is open)
  const total = Number(rows[0]?.total ?? 0);
  const overdue = Number(rows[0]?.overdue_total ?? 0);
  return { rows: rows.filter((r) => r.kind !== null).map((r) => ({ ...r, days: Number(r.days) })), total, overdue };
}

export interface TOwnerSummaryRow {
  owner_user_id: string | null;
  owner_school_id: string | null;
  owner_name: string | null;
  owner_school_name: string | null;
  open: number;
  overdue: number;
}

/** Per owner in `scope`: open and overdue tasks, the most overdue first (the kind filter applies). */
export async function summariseOwners(tx: Tx, scope: TTaskScope, o: { filter?: TTaskFilter; today?: SQL } = {}): Promise<TOwnerSummaryRow[]> {
  const today = sql`${o.today ?? TODAY}::date`;
  const rows = await query<TOwnerSummaryRow>(
    tx,
    sql`with t as (${taskSources(scope, o.today ?? TODAY)})
    select t.owner_user_id, t.owner_school_id, u.name as owner_name, os.name as owner_school_name,
           count(*) as open, count(*) filter (where t.due_on < ${today}) as overdue
      from t
      left join users u on u.id = t.owner_user_id
      left join organisations os on os.id = t.owner_school_id
     where ${filterSql(o.filter ?? {}, false)}
     group by t.owner_user_id, t.owner_school_id, u.name, os.name
     order by overdue desc, open desc, coalesce(u.name, os.name), t.owner_user_id, t.owner_school_id`,
  );
  return rows.map((r) => ({ ...r, open: Number(r.open), overdue: Number(r.overdue) }));
}

/** How many tasks of each kind, and how many of them late: what the digest mail says. */
export async function countTasksByKind(
  tx: Tx,
  scope: TTaskScope,
  today: SQL = TODAY,
): Promise<{ kind: TTaskKind; open: number; overdue: number }[]> {
  const rows = await query<{ kind: TTaskKind; open: string | number; overdue: string | number }>(
    tx,
    sql`with t as (${taskSources(scope, today)})
    select t.kind, count(*) as open, count(*) filter (where t.due_on < ${today}::date) as overdue
      from t group by t.kind order by overdue desc, open desc, t.kind`,
  );
  return rows.map((r) => ({ kind: r.kind, open: Number(r.open), overdue: Number(r.overdue) }));
}

/** A person's inbox in the current region: their own tasks and those of the schools where they are an IB'er. */
export async function ownerScope(tx: Tx, userId: string): Promise<TTaskScope> {
  const rows = await query<{ organisation_id: string }>(
    tx,
    sql`select distinct organisation_id from memberships
         where user_id = ${userId} and role = 'school_care_coordinator' and ended_at is null and organisation_id is not null`,
  );
  return { kind: 'owner', userId, schoolIds: rows.map((r) => r.organisation_id) };
}
