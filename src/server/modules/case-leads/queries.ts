import { type SQL, sql } from 'drizzle-orm';
import type { TCaseLeadEndReason, TSignalLevel, TSignalStatus } from '../../../shared/meeting.js';
import { query, type Tx } from '../../platform/db.js';
import { TODAY } from '../pupils/relation.js';

/** A moment from the driver (Date or text) as ISO text. */
export const iso = (v: unknown): string => new Date(v as string).toISOString();

export interface TCaseLeadRow {
  id: string;
  user_id: string;
  user_name: string | null;
  user_email: string | null;
  organisation_id: string;
  organisation_name: string;
  started_at: unknown;
  ended_at: unknown;
  end_reason: TCaseLeadEndReason | null;
  end_note: string | null;
  note: string | null;
  started_by: string;
  started_by_name: string | null;
  ended_by: string | null;
  ended_by_name: string | null;
}

/** Every period of the child's regie, newest first; the open one (if any) is the first without an end. */
export async function loadCaseLeads(tx: Tx, pupilId: string): Promise<TCaseLeadRow[]> {
  return query<TCaseLeadRow>(
    tx,
    sql`select cl.id, cl.user_id, u.name as user_name, u.email as user_email, cl.organisation_id, o.name as organisation_name,
          cl.started_at, cl.ended_at, cl.end_reason, cl.end_note, cl.note,
          cl.started_by, sb.name as started_by_name, cl.ended_by, eb.name as ended_by_name
        from case_leads cl
        join organisations o on o.region_id = cl.region_id and o.id = cl.organisation_id
        left join users u on u.id = cl.user_id
        left join users sb on sb.id = cl.started_by
        left join users eb on eb.id = cl.ended_by
        where cl.pupil_id = ${pupilId}
        order by cl.ended_at is null desc, cl.started_at desc, cl.id`,
  );
}

export interface TSignalPlanRow {
  id: string;
  level: TSignalLevel;
  trigger: string;
  trigger_on: string | null;
  action: string;
  actor_name: string;
  status: TSignalStatus;
  status_note: string | null;
  row_version: number;
  updated_at: unknown;
}

export async function loadSignalPlans(tx: Tx, pupilId: string, lock = false): Promise<TSignalPlanRow[]> {
  return query<TSignalPlanRow>(
    tx,
    sql`select id, level, trigger, trigger_on::text as trigger_on, action, actor_name, status, status_note, row_version, updated_at
          from signal_plans where pupil_id = ${pupilId} order by level ${lock ? sql`for update` : sql``}`,
  );
}

/**
 * A waiting plan whose trigger date has come, as SQL over `signal_plans s` — the same rule as
 * isSignalTriggered in shared/signal-plan.ts (the task inbox counts these for the case lead).
 */
export const signalTriggeredSql = (s: SQL = sql`s`): SQL => sql`${s}.status = 'waiting' and ${s}.trigger_on <= ${TODAY}`;

export interface TMyCaseRow {
  total: number;
  pupil_id: string | null;
  first_name: string;
  name_prefix: string | null;
  last_name: string;
  school_id: string;
  school_name: string;
  started_at: unknown;
  triggered: number;
  next_meeting_id: string | null;
  next_meeting_at: unknown;
  agreed_next_on: string | null;
  open_actions: number;
}

/**
 * "Mijn regie" in one statement: the children the user leads now (index case_leads_user_active_idx),
 * those with a plan that signals first, then by name; the counts and meetings only for the page
 * shown. Always one row at least, so the total is known even past the last page.
 */
export async function listMyCases(tx: Tx, userId: string, page: number, pageSize: number): Promise<{ rows: TMyCaseRow[]; total: number }> {
  const rows = await query<TMyCaseRow>(
    tx,
    sql`with mine as (
          select cl.region_id, cl.pupil_id, cl.started_at, p.first_name, p.name_prefix, p.last_name, p.school_id,
            (select count(*) from signal_plans s where s.region_id = cl.region_id and s.pupil_id = cl.pupil_id
               and ${signalTriggeredSql()})::int as triggered
          from case_leads cl
          join pupils p on p.region_id = cl.region_id and p.id = cl.pupil_id
          where cl.user_id = ${userId} and cl.ended_at is null
        ), shown as (
          select * from mine
          order by (triggered > 0) desc, last_name, name_prefix nulls first, first_name, pupil_id
          limit ${pageSize} offset ${(page - 1) * pageSize}
        )
        select (select count(*) from mine)::int as total, x.*
          from (select 1) one
          left join lateral (
            select sh.pupil_id, sh.first_name, sh.name_prefix, sh.last_name, sh.school_id, o.name as school_name, sh.started_at, sh.triggered,
              nm.id as next_meeting_id, nm.starts_at as next_meeting_at,
              (select m.next_meeting_on::text from meetings m where m.region_id = sh.region_id and m.pupil_id = sh.pupil_id
                 and m.status = 'closed' order by m.closed_at desc nulls last, m.starts_at desc limit 1) as agreed_next_on,
              (select count(*) from action_items a where a.region_id = sh.region_id and a.pupil_id = sh.pupil_id
                 and a.status = 'open')::int as open_actions
            from shown sh
            join organisations o on o.region_id = sh.region_id and o.id = sh.school_id
            left join lateral (
              select m.id, m.starts_at from meetings m where m.region_id = sh.region_id and m.pupil_id = sh.pupil_id
                and m.status = 'scheduled' and m.starts_at > now() order by m.starts_at limit 1
            ) nm on true
          ) x on true
        order by (x.triggered > 0) desc, x.last_name, x.name_prefix nulls first, x.first_name, x.pupil_id`,
  );
  const total = Number(rows[0]?.total ?? 0);
  return { rows: rows.filter((r) => r.pupil_id !== null), total };
}
