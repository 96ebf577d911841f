import { asc, eq, sql } from 'drizzle-orm';
import { displayName } from '../../../shared/names.js';
import type { TExpertKind } from '../../../shared/support-request.js';
import { objections, requestDecisions, tlvs } from '../../db/schema/support.js';
import { query, type Tx } from '../../platform/db.js';

export type TDecisionRow = typeof requestDecisions.$inferSelect;
export type TTlvRow = typeof tlvs.$inferSelect;
export type TObjectionRow = typeof objections.$inferSelect;

export interface TExpertRow {
  id: string;
  expert_id: string;
  expert_name: string;
  organisation: string | null;
  expert_kind: TExpertKind;
  assigned_at: Date | string;
  impartiality_declared_at: Date | string | null;
  advice: string | null;
  recommendation: string | null;
  submitted_at: Date | string | null;
}

/** The experts of one request with their advices, in the order they were assigned. */
export async function listExperts(tx: Tx, requestId: string): Promise<TExpertRow[]> {
  return query<TExpertRow>(
    tx,
    sql`select e.id, e.expert_id, coalesce(u.name, '') as expert_name, e.expert_kind, e.assigned_at, e.impartiality_declared_at,
        e.advice, e.recommendation, e.submitted_at,
        (select o.name from memberships m join organisations o on o.region_id = m.region_id and o.id = m.organisation_id
          where m.user_id = e.expert_id and m.role = 'swv_expert' order by m.ended_at nulls first, m.created_at limit 1) as organisation
      from request_experts e left join users u on u.id = e.expert_id
      where e.request_id = ${requestId} order by e.assigned_at, e.id`,
  );
}

/** People with an active expert role in this region (RLS: memberships of this region only). */
export async function regionExperts(tx: Tx, userId?: string): Promise<{ id: string; name: string }[]> {
  return query<{ id: string; name: string }>(
    tx,
    sql`select distinct u.id, u.name from memberships m join users u on u.id = m.user_id
      where m.role = 'swv_expert' and m.ended_at is null and u.deactivated_at is null
        ${userId === undefined ? sql`` : sql`and u.id = ${userId}`}
      order by u.name, u.id`,
  );
}

export type TInvolvement = 'care_team' | 'dossier' | 'opp' | 'earlier_request';

/**
 * Where the person appears on the child's earlier records, if anywhere: the kernteam (also when
 * removed since), a version of the groeidocument, an OPP they wrote, or another request of the
 * child on which they advised or were the consultant. The first hit is enough to refuse.
 */
export async function earlierInvolvement(tx: Tx, o: { pupilId: string; requestId: string; userId: string }): Promise<TInvolvement | null> {
  const [row] = await query<{ kind: TInvolvement }>(
    tx,
    sql`select kind from (
        select 'care_team' as kind, 1 as ord where exists (select 1 from care_team_members c where c.pupil_id = ${o.pupilId} and c.user_id = ${o.userId})
        union all
        select 'dossier', 2 where exists (select 1 from dossier_versions v where v.pupil_id = ${o.pupilId} and v.changed_by = ${o.userId})
        union all
        select 'opp', 3 where exists (select 1 from opps p where p.pupil_id = ${o.pupilId} and (p.created_by = ${o.userId} or p.updated_by = ${o.userId}))
        union all
        select 'earlier_request', 4 where exists (
          select 1 from support_requests r where r.pupil_id = ${o.pupilId} and r.id <> ${o.requestId}
            and (r.consultant_id = ${o.userId}
              or exists (select 1 from request_experts e where e.request_id = r.id and e.expert_id = ${o.userId})))
      ) x order by ord limit 1`,
  );
  return row?.kind ?? null;
}

export interface TDecisionDetail {
  decision: TDecisionRow;
  decidedByName: string;
  tlv: TTlvRow | null;
  objections: TObjectionRow[];
}

/** The decision on a request with its TLV and objections, or null before it is decided. */
export async function loadDecision(tx: Tx, requestId: string): Promise<TDecisionDetail | null> {
  const [decision] = await tx.select().from(requestDecisions).where(eq(requestDecisions.requestId, requestId));
  if (!decision) return null;
  const [by] = await query<{ name: string }>(tx, sql`select name from users where id = ${decision.decidedBy}`);
  const [tlv] = await tx.select().from(tlvs).where(eq(tlvs.requestId, requestId));
  const objectionRows = await tx
    .select()
    .from(objections)
    .where(eq(objections.requestId, requestId))
    .orderBy(asc(objections.receivedOn), asc(objections.createdAt));
  return { decision, decidedByName: by?.name ?? '', tlv: tlv ?? null, objections: objectionRows };
}

export interface TRequestHead {
  pupilName: string;
  dateOfBirth: string | null;
  schoolName: string;
}

/** The child's name and the school that filed the request, for the letter and the dossier. */
export async function loadRequestHead(tx: Tx, r: { pupilId: string; schoolId: string }): Promise<TRequestHead> {
  const [row] = await query<{ first_name: string; name_prefix: string | null; last_name: string; date_of_birth: string | null; school_name: string }>(
    tx,
    sql`select p.first_name, p.name_prefix, p.last_name, p.date_of_birth::text as date_of_birth,
        (select s.name from organisations s where s.id = ${r.schoolId}) as school_name
      from pupils p where p.id = ${r.pupilId}`,
  );
  return {
    pupilName: row ? displayName({ firstName: row.first_name, namePrefix: row.name_prefix, lastName: row.last_name }) : '',
    dateOfBirth: row?.date_of_birth ?? null,
    schoolName: row?.school_name ?? '',
  };
}

export interface TTimelineRow {
  status: string;
  note: string | null;
  by_name: string | null;
  at: Date | string;
}

export async function loadTimeline(tx: Tx, requestId: string): Promise<TTimelineRow[]> {
  return query<TTimelineRow>(
    tx,
    sql`select ev.status, ev.note, u.name as by_name, ev.at from support_request_events ev left join users u on u.id = ev.by
      where ev.request_id = ${requestId} order by ev.at, ev.id`,
  );
}

/** The files sent with the request, by name only (the dossier lists them; it does not embed them). */
export async function loadAttachmentNames(tx: Tx, requestId: string): Promise<{ file_name: string; checklist_item_id: string | null }[]> {
  return query(
    tx,
    sql`select a.file_name, ra.checklist_item_id from support_request_attachments ra
      join attachments a on a.region_id = ra.region_id and a.id = ra.attachment_id
      where ra.request_id = ${requestId} order by a.created_at, a.id`,
  );
}
