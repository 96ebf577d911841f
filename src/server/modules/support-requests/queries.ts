import { type SQL, sql } from 'drizzle-orm';
import type { TRequestListQuery } from '../../../shared/schemas/support-request.js';
import type { TDecisionOutcome, TRequestStatus, TRequestType } from '../../../shared/support-request.js';
import type { TMemberActor } from '../../platform/context.js';
import { query, type Tx } from '../../platform/db.js';
import type { TRequestScope } from '../../policies/support-request.js';
import { guardianAccess } from '../pupils/relation.js';
import { checklistFactColumns, type TChecklistFacts } from './checklist.js';
import type { TRequestRow } from './relation.js';

/** The scope of `supportRequestPolicy.scope` as a condition on request `r`; drafts stay with their school. */
function scopeSql(scope: TRequestScope): SQL {
  switch (scope.kind) {
    case 'region':
      return sql`r.status <> 'draft'`;
    case 'school':
      return sql`r.school_id = ${scope.schoolId}`;
    case 'expert':
      return sql`r.status <> 'draft' and exists (select 1 from request_experts e
        where e.region_id = r.region_id and e.request_id = r.id and e.expert_id = ${scope.userId})`;
    case 'guardian':
      // from the parent's few children, not from every request of the region
      return sql`r.status <> 'draft' and r.pupil_id in (select p.id from guardians g0
        join pupils p on p.region_id = g0.region_id and p.id = g0.pupil_id
        where g0.user_id = ${scope.userId} and ${guardianAccess(scope.userId)})`;
    case 'none':
      return sql`false`;
  }
}

export interface TRequestListRow extends TChecklistFacts {
  id: string;
  pupil_id: string;
  first_name: string;
  name_prefix: string | null;
  last_name: string;
  school_id: string;
  school_name: string;
  type: TRequestType;
  status: TRequestStatus;
  consultant_id: string | null;
  consultant_name: string | null;
  created_at: Date | string;
  submitted_at: Date | string | null;
  completed_at: Date | string | null;
  decided_at: Date | string | null;
  outcome: TDecisionOutcome | null;
  received_to_complete: number | null;
  complete_to_decided: number | null;
  received_to_decided: number | null;
}

type TSummaryRow = {
  total: number;
  m_received_to_complete: number | null;
  m_complete_to_decided: number | null;
  m_received_to_decided: number | null;
} & Record<`n_${TRequestStatus}`, number>;

const STATUS_COUNTS = sql.raw(
  ['draft', 'submitted', 'complete', 'in_assessment', 'decided', 'closed', 'withdrawn']
    .map((s) => `count(*) filter (where f.status = '${s}')::int as n_${s}`)
    .join(', '),
);

/** Columns of one request `pg` for a list line: the child, the school, the consultant, the decision, the checklist facts. */
const LINE_COLUMNS = sql`pg.id, pg.pupil_id, p.first_name, p.name_prefix, p.last_name, pg.school_id, o.name as school_name,
  pg.type, pg.status, pg.consultant_id, u.name as consultant_name, pg.created_at, pg.submitted_at, pg.completed_at, pg.decided_at,
  d.outcome, pg.received_to_complete, pg.complete_to_decided, pg.received_to_decided, ${checklistFactColumns('pg')}`;
const LINE_JOINS = sql`left join pupils p on p.region_id = pg.region_id and p.id = pg.pupil_id
  left join organisations o on o.region_id = pg.region_id and o.id = pg.school_id
  left join users u on u.id = pg.consultant_id
  left join request_decisions d on d.region_id = pg.region_id and d.request_id = pg.id`;
/** Kept by the database as generated columns (schema/support.ts). */
const LEAD_TIMES = sql`r.received_to_complete, r.complete_to_decided, r.received_to_decided`;
const REQUEST_COLUMNS = sql`r.region_id, r.id, r.pupil_id, r.school_id, r.type, r.status, r.consultant_id, r.created_at, r.submitted_at,
  r.completed_at, r.decided_at, r.parents_informed_on, r.parents_signature_id`;

/**
 * The list and its key figures in ONE statement: the filtered set `f` (from the region/school/
 * consultant indexes of support_requests), its medians and counts per status, and only the page's
 * lines joined to names, decisions and checklist facts. The summary row comes back even past the last page.
 */
export async function listRequests(
  tx: Tx,
  actor: TMemberActor,
  scope: TRequestScope,
  q: TRequestListQuery & { consultantId?: string | undefined },
): Promise<{ rows: TRequestListRow[]; summary: TSummaryRow }> {
  const filters = [
    sql`r.region_id = ${actor.membership.regionId}`,
    scopeSql(scope),
    q.schoolId ? sql`r.school_id = ${q.schoolId}` : null,
    q.type ? sql`r.type = ${q.type}` : null,
    q.status ? sql`r.status = ${q.status}` : null,
    q.consultantId ? sql`r.consultant_id = ${q.consultantId}` : null,
  ].filter((x): x is SQL => x !== null);
  const rows = await query<Partial<TRequestListRow> & TSummaryRow>(
    tx,
    sql`with f as (
        select ${REQUEST_COLUMNS}, ${LEAD_TIMES} from support_requests r where ${sql.join(filters, sql` and `)}
      ), s as (
        select count(*)::int as total,
          percentile_cont(0.5) within group (order by f.received_to_complete) as m_received_to_complete,
          percentile_cont(0.5) within group (order by f.complete_to_decided) as m_complete_to_decided,
          percentile_cont(0.5) within group (order by f.received_to_decided) as m_received_to_decided,
          ${STATUS_COUNTS}
        from f
      ), pg as (
        select * from f order by coalesce(f.submitted_at, f.created_at) desc, f.id desc
        limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}
      )
      select s.*, ${LINE_COLUMNS}
      from s left join pg on true ${LINE_JOINS}
      order by coalesce(pg.submitted_at, pg.created_at) desc, pg.id desc`,
  );
  const summary = rows[0]!;
  return { rows: rows.filter((r) => r.id) as TRequestListRow[], summary };
}

/** One child's requests (all of them; the route keeps those the actor may read), newest first. */
export async function listPupilRequests(tx: Tx, pupilId: string): Promise<TRequestListRow[]> {
  return query<TRequestListRow>(
    tx,
    sql`with pg as (select ${REQUEST_COLUMNS}, ${LEAD_TIMES} from support_requests r where r.pupil_id = ${pupilId})
      select ${LINE_COLUMNS} from pg ${LINE_JOINS}
      order by coalesce(pg.submitted_at, pg.created_at) desc, pg.id desc`,
  );
}

/**
 * A person's place in the region for the timeline and the comments: the membership at the
 * request's school first, then any other active one.
 */
const personPlace = (userCol: string, roleFilter: SQL = sql`true`) =>
  sql`(select json_build_object('role', m.role, 'organisation', mo.name) from memberships m
    left join organisations mo on mo.region_id = m.region_id and mo.id = m.organisation_id
    where m.region_id = r.region_id and m.user_id = ${sql.raw(userCol)} and ${roleFilter}
    order by (m.organisation_id = r.school_id) desc, (m.ended_at is null) desc, m.created_at limit 1)`;

export interface TRequestDetail extends TChecklistFacts {
  pupilName: { first_name: string; name_prefix: string | null; last_name: string };
  schoolName: string;
  consultantName: string | null;
  outcome: TDecisionOutcome | null;
  leadTimes: { received_to_complete: number | null; complete_to_decided: number | null; received_to_decided: number | null };
  timeline: { status: TRequestStatus; at: Date | string; by_name: string | null; place: unknown; note: string | null }[];
  attachments: {
    id: string;
    file_name: string;
    content_type: string;
    size_bytes: number;
    created_at: Date | string;
    checklist_item_id: string | null;
    uploaded_by: string | null;
  }[];
}

/** Everything shown with one request besides its own row: names, facts, the timeline and the files. */
export async function loadRequestDetail(tx: Tx, request: TRequestRow): Promise<TRequestDetail> {
  const [head] = await query<Omit<TRequestDetail, 'pupilName' | 'leadTimes' | 'timeline' | 'attachments' | 'schoolName' | 'consultantName'> & {
    first_name: string;
    name_prefix: string | null;
    last_name: string;
    school_name: string;
    consultant_name: string | null;
    received_to_complete: number | null;
    complete_to_decided: number | null;
    received_to_decided: number | null;
  }>(
    tx,
    sql`select p.first_name, p.name_prefix, p.last_name, o.name as school_name, u.name as consultant_name, d.outcome, ${LEAD_TIMES},
        ${checklistFactColumns('r')}
      from support_requests r
      join pupils p on p.region_id = r.region_id and p.id = r.pupil_id
      join organisations o on o.region_id = r.region_id and o.id = r.school_id
      left join users u on u.id = r.consultant_id
      left join request_decisions d on d.region_id = r.region_id and d.request_id = r.id
      where r.id = ${request.id}`,
  );
  const timeline = await query<TRequestDetail['timeline'][number]>(
    tx,
    sql`select e.status, e.at, u.name as by_name, ${personPlace('e.by')} as place, e.note
      from support_request_events e
      join support_requests r on r.region_id = e.region_id and r.id = e.request_id
      left join users u on u.id = e.by
      where e.request_id = ${request.id} order by e.at, e.id`,
  );
  const attachments = await query<TRequestDetail['attachments'][number]>(
    tx,
    sql`select a.id, a.file_name, a.content_type, a.size_bytes, a.created_at, sa.checklist_item_id, u.name as uploaded_by
      from support_request_attachments sa
      join attachments a on a.region_id = sa.region_id and a.id = sa.attachment_id and a.removed_at is null
      left join users u on u.id = a.uploaded_by
      where sa.request_id = ${request.id} order by a.created_at desc, a.id`,
  );
  const h = head!;
  return {
    pupilName: { first_name: h.first_name, name_prefix: h.name_prefix, last_name: h.last_name },
    schoolName: h.school_name,
    consultantName: h.consultant_name,
    outcome: h.outcome,
    leadTimes: { received_to_complete: h.received_to_complete, complete_to_decided: h.complete_to_decided, received_to_decided: h.received_to_decided },
    opp_adopted: h.opp_adopted,
    dossier_present: h.dossier_present,
    parents_informed: h.parents_informed,
    parents_signed: h.parents_signed,
    documents: h.documents,
    timeline,
    attachments,
  };
}

export interface TCommentRow {
  id: string;
  body: string;
  author_name: string | null;
  author_role: string;
  organisation: string | null;
  created_at: Date | string;
}

export async function listComments(tx: Tx, requestId: string): Promise<TCommentRow[]> {
  return query<TCommentRow>(
    tx,
    sql`select c.id, c.body, u.name as author_name, c.author_role,
        (${personPlace('c.author_id', sql`m.role = c.author_role`)})->>'organisation' as organisation, c.created_at
      from support_request_comments c
      join support_requests r on r.region_id = c.region_id and r.id = c.request_id
      left join users u on u.id = c.author_id
      where c.request_id = ${requestId} order by c.created_at, c.id`,
  );
}

/** The region's consultants with an active membership and account: who a request can be assigned to. */
export async function listConsultants(tx: Tx, onlyUserId?: string): Promise<{ id: string; name: string }[]> {
  return query<{ id: string; name: string }>(
    tx,
    sql`select distinct u.id, u.name from memberships m join users u on u.id = m.user_id
      where m.role = 'swv_consultant' and m.ended_at is null and u.deactivated_at is null
        ${onlyUserId ? sql`and u.id = ${onlyUserId}` : sql``}
      order by u.name, u.id`,
  );
}

/** A file of this request (not one removed), with its bytes. */
export async function loadRequestFile(tx: Tx, requestId: string, attachmentId: string) {
  const [row] = await query<{ content_type: string; data: Uint8Array; checklist_item_id: string | null }>(
    tx,
    sql`select a.content_type, a.data, sa.checklist_item_id from support_request_attachments sa
      join attachments a on a.region_id = sa.region_id and a.id = sa.attachment_id and a.removed_at is null
      where sa.request_id = ${requestId} and sa.attachment_id = ${attachmentId}`,
  );
  return row ?? null;
}
