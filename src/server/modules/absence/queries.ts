import { type SQL, sql } from 'drizzle-orm';
import type { TAbsenceCloseReason, TAbsenceKind, TThuiszitterDefinition } from '../../../shared/absence.js';
import type { TCaseListQuery } from '../../../shared/schemas/absence.js';
import type { TMemberActor } from '../../platform/context.js';
import { query, type Tx } from '../../platform/db.js';
import type { TAbsenceScope, TAbsenceSubject } from '../../policies/absence.js';
import { consentFor, inCareTeam, relationColumns, TODAY, toRelation } from '../pupils/relation.js';
import { countingSinceSql, daysWithoutEducationSql, isThuiszitterSql } from './counting.js';

type TRelationRow = Parameters<typeof toRelation>[1];

/** The facts of a case the presenter and the commands need, with the actor's relation to the child. */
export interface TCaseRow extends TRelationRow {
  id: string;
  pupil_id: string;
  first_name: string;
  name_prefix: string | null;
  last_name: string;
  school_name: string;
  gemeente_id: string | null;
  gemeente_name: string | null;
  opened_on: string;
  owner_user_id: string | null;
  owner_name: string | null;
  plan: string | null;
  plan_by: string | null;
  next_date: string | null;
  offer_from: string | null;
  closed_on: string | null;
  close_reason: TAbsenceCloseReason | null;
  close_note: string | null;
  row_version: number;
}

/** How the actor stands to the child of a case, for absencePolicy. */
export function subjectOf(actor: TMemberActor, row: TCaseRow): TAbsenceSubject {
  return { relation: toRelation(row.pupil_id, row), gemeenteId: row.gemeente_id, isOwner: row.owner_user_id === actor.userId };
}

/** One case with the child's school and gemeente, its owner, and the actor's relation; null when not in this region. */
export async function loadCaseRow(tx: Tx, actor: TMemberActor, caseId: string, lock = false): Promise<TCaseRow | null> {
  const [row] = await query<TCaseRow>(
    tx,
    sql`select c.id, c.pupil_id, p.first_name, p.name_prefix, p.last_name, s.name as school_name,
          p.gemeente_id, g.name as gemeente_name, c.opened_on::text as opened_on, c.owner_user_id, ou.name as owner_name,
          c.plan, c.plan_by, c.next_date::text as next_date, c.offer_from::text as offer_from, c.closed_on::text as closed_on,
          c.close_reason, c.close_note, c.row_version, ${relationColumns(actor)}
        from absence_cases c
        join pupils p on p.region_id = c.region_id and p.id = c.pupil_id
        join organisations s on s.region_id = p.region_id and s.id = p.school_id
        left join organisations g on g.region_id = p.region_id and g.id = p.gemeente_id
        left join users ou on ou.id = c.owner_user_id
        where c.id = ${caseId}
        ${lock ? sql`for update of c` : sql``}`,
  );
  return row ?? null;
}

export interface TPupilSubject {
  subject: TAbsenceSubject;
  pupilId: string;
  openCaseId: string | null;
}

/** The actor's relation to a pupil, the gemeente they live in, and their open case (if any). */
export async function loadPupilSubject(tx: Tx, actor: TMemberActor, pupilId: string): Promise<TPupilSubject | null> {
  const [row] = await query<TRelationRow & { gemeente_id: string | null; open_case_id: string | null; open_owner: string | null }>(
    tx,
    sql`select ${relationColumns(actor)}, p.gemeente_id, oc.id as open_case_id, oc.owner_user_id as open_owner
        from pupils p
        left join absence_cases oc on oc.region_id = p.region_id and oc.pupil_id = p.id and oc.closed_on is null
        where p.id = ${pupilId}`,
  );
  if (!row) return null;
  return {
    pupilId,
    openCaseId: row.open_case_id,
    subject: { relation: toRelation(pupilId, row), gemeenteId: row.gemeente_id, isOwner: !!row.open_owner && row.open_owner === actor.userId },
  };
}

export interface TEpisodeRow {
  id: string;
  kind: TAbsenceKind;
  started_on: string;
  ended_on: string | null;
  exemption_ends_on: string | null;
  reason_ids: string[];
  reason_note: string | null;
  created_by_name: string | null;
  created_at: unknown;
}

export async function loadEpisodes(tx: Tx, caseId: string): Promise<TEpisodeRow[]> {
  return query<TEpisodeRow>(
    tx,
    sql`select e.id, e.kind, e.started_on::text as started_on, e.ended_on::text as ended_on,
          e.exemption_ends_on::text as exemption_ends_on, e.reason_ids, e.reason_note, u.name as created_by_name, e.created_at
        from absence_episodes e left join users u on u.id = e.created_by
        where e.case_id = ${caseId}
        order by e.started_on, e.created_at, e.id`,
  );
}

export interface TNoticeRow {
  key: string;
  kind: 'escalation' | 'next_date_passed';
  due_on: string;
  sent_at: unknown;
  recipients: string[];
}

export async function loadNotices(tx: Tx, caseId: string): Promise<TNoticeRow[]> {
  return query<TNoticeRow>(
    tx,
    sql`select key, kind, due_on::text as due_on, sent_at, recipients from absence_notices where case_id = ${caseId} order by sent_at, key`,
  );
}

/** A list's scope as SQL over `absence_cases c` and `pupils p`: absencePolicy.scope, and always one's own cases. */
export function scopeSql(scope: TAbsenceScope): SQL {
  switch (scope.kind) {
    case 'region':
      return sql`true`;
    case 'school':
      return sql`(p.school_id = ${scope.schoolId} or c.owner_user_id = ${scope.userId})`;
    case 'gemeente':
      return sql`(p.gemeente_id = ${scope.gemeenteId} or c.owner_user_id = ${scope.userId})`;
    case 'careTeam':
      return sql`((${inCareTeam(scope.userId)} and ${consentFor(scope.organisationId, 'absence')}) or c.owner_user_id = ${scope.userId})`;
    case 'owner':
      return sql`c.owner_user_id = ${scope.userId}`;
  }
}

export interface TCaseItemRow {
  total: number;
  attention_count: number;
  id: string | null;
  pupil_id: string;
  first_name: string;
  name_prefix: string | null;
  last_name: string;
  school_id: string;
  school_name: string;
  gemeente_id: string | null;
  gemeente_name: string | null;
  kinds: TAbsenceKind[] | null;
  opened_on: string;
  days: number;
  thuiszitter: boolean;
  owner_user_id: string | null;
  owner_name: string | null;
  plan: string | null;
  next_date: string | null;
  offer_from: string | null;
  closed_on: string | null;
  close_reason: TAbsenceCloseReason | null;
}

type TListFilters = Pick<TCaseListQuery, 'status' | 'kind' | 'schoolId' | 'gemeenteId' | 'attention' | 'thuiszitter'>;

/**
 * Cases as list items in one statement: the day counter and thuiszitter from counting.ts (for a
 * closed case as they stood on its last day), the page, the total after the filters, and how many
 * open cases in `scope` need attention whatever the filters. Always one row, so the totals are
 * known past the last page. Open cases: those needing attention first, then the longest without
 * education; closed: the latest closed first.
 */
export async function listCaseItems(
  tx: Tx,
  o: { scope: SQL; filters: TListFilters; def: TThuiszitterDefinition; page: number; pageSize: number },
): Promise<{ rows: TCaseItemRow[]; total: number; attentionCount: number }> {
  const f = o.filters;
  const asOf = (a: string) => sql`coalesce(${sql.raw(a)}.closed_on, ${TODAY})`;
  const filters: SQL[] = [f.status === 'closed' ? sql`b.closed_on is not null` : sql`b.closed_on is null`];
  if (f.kind) filters.push(sql`exists (select 1 from absence_episodes e where e.region_id = b.region_id and e.case_id = b.id and e.kind = ${f.kind})`);
  if (f.schoolId) filters.push(sql`b.school_id = ${f.schoolId}`);
  if (f.gemeenteId) filters.push(sql`b.gemeente_id = ${f.gemeenteId}`);
  if (f.attention === 'true') filters.push(sql`b.attention`);
  if (f.thuiszitter === 'true') filters.push(sql`b.thuiszitter`);
  const order = f.status === 'closed' ? sql`b.closed_on desc, b.id` : sql`b.attention desc, b.days desc, b.opened_on, b.id`;
  const rows = await query<TCaseItemRow>(
    tx,
    sql`with base as (
          select c.region_id, c.id, c.pupil_id, c.opened_on, c.owner_user_id, c.plan, c.next_date, c.offer_from, c.closed_on, c.close_reason,
            p.first_name, p.name_prefix, p.last_name, p.school_id, p.gemeente_id,
            ${countingSinceSql('c', asOf('c'), o.def)} as since
          from absence_cases c
          join pupils p on p.region_id = c.region_id and p.id = c.pupil_id
          where ${o.scope}
        ), calc as (
          select b.*, ${daysWithoutEducationSql('b', sql`b.since`, asOf('b'))} as days,
            ${isThuiszitterSql(sql`b.since`, asOf('b'), o.def)} as thuiszitter,
            (b.closed_on is null and (b.owner_user_id is null or b.next_date < ${TODAY})) as attention
          from base b
        ), filtered as (
          select b.* from calc b where ${sql.join(filters, sql` and `)}
        ), shown as (
          select b.*, row_number() over (order by ${order}) as rn from filtered b
          order by ${order} limit ${o.pageSize} offset ${(o.page - 1) * o.pageSize}
        )
        select (select count(*) from filtered)::int as total,
          (select count(*) from calc where attention)::int as attention_count, x.*
        from (select 1) one
        left join lateral (
          select sh.id, sh.pupil_id, sh.first_name, sh.name_prefix, sh.last_name, sh.school_id, s.name as school_name,
            sh.gemeente_id, g.name as gemeente_name, sh.opened_on::text as opened_on, sh.days::int as days, sh.thuiszitter,
            sh.owner_user_id, u.name as owner_name, sh.plan, sh.next_date::text as next_date, sh.offer_from::text as offer_from,
            sh.closed_on::text as closed_on, sh.close_reason, sh.rn,
            coalesce(
              (select array_agg(distinct e.kind) from absence_episodes e where e.region_id = sh.region_id and e.case_id = sh.id
                and e.started_on <= coalesce(sh.closed_on, ${TODAY}) and (e.ended_on is null or e.ended_on >= coalesce(sh.closed_on, ${TODAY}))),
              (select array_agg(distinct e.kind) from absence_episodes e where e.region_id = sh.region_id and e.case_id = sh.id)
            ) as kinds
          from shown sh
          join organisations s on s.region_id = sh.region_id and s.id = sh.school_id
          left join organisations g on g.region_id = sh.region_id and g.id = sh.gemeente_id
          left join users u on u.id = sh.owner_user_id
        ) x on true
        order by x.rn`,
  );
  const first = rows[0];
  return {
    rows: rows.filter((r) => r.id !== null),
    total: first ? Number(first.total) : 0,
    attentionCount: first ? Number(first.attention_count) : 0,
  };
}
