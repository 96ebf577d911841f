import { type SQL, sql } from 'drizzle-orm';
import { foldName } from '../../../shared/names.js';
import { query, type Tx } from '../../platform/db.js';
import type { TPupilScope, TPupilSubject } from '../../policies/pupil.js';
import type { TMemberActor } from '../../platform/context.js';
import type { TChildRelation } from '../../policies/child-file.js';
import { consentFor, guardianAccess, inCareTeam, relationColumns, toRelation } from './relation.js';

/** The policy's scope as a WHERE condition on `p` (pupils). */
export function scopeCondition(scope: TPupilScope, actorOrgId: string | null): SQL {
  switch (scope.kind) {
    case 'region':
      return sql`true`;
    case 'school':
      return sql`p.school_id = ${scope.schoolId}`;
    case 'teacher':
      return sql`p.school_id = ${actorOrgId} and exists (select 1 from group_teachers gt
        where gt.region_id = p.region_id and gt.group_id = p.group_id and gt.user_id = ${scope.userId})`;
    case 'gemeente':
      return sql`p.gemeente_id = ${scope.gemeenteId}`;
    case 'guardian':
      return guardianAccess(scope.userId);
    case 'careTeam':
      return sql`${inCareTeam(scope.userId)} and ${consentFor(scope.organisationId)}`;
    case 'self':
      return sql`p.user_id = ${scope.userId}`;
    case 'none':
      return sql`false`;
  }
}

export interface TPupilRow {
  id: string;
  first_name: string;
  name_prefix: string | null;
  last_name: string;
  date_of_birth: string;
  enrolled_on: string;
  school_id: string;
  school_name: string;
  group_id: string | null;
  group_name: string | null;
  gemeente_id: string | null;
  gemeente_name: string | null;
}

const COLUMNS = sql`p.id, p.first_name, p.name_prefix, p.last_name, p.date_of_birth::text as date_of_birth,
  p.enrolled_on::text as enrolled_on, p.school_id, s.name as school_name, p.group_id, g.name as group_name,
  p.gemeente_id, gm.name as gemeente_name`;
const FROM = sql`from pupils p
  join organisations s on s.region_id = p.region_id and s.id = p.school_id
  left join groups g on g.region_id = p.region_id and g.id = p.group_id
  left join organisations gm on gm.region_id = p.region_id and gm.id = p.gemeente_id`;

export async function listPupils(
  tx: Tx,
  scope: TPupilScope,
  actorOrgId: string | null,
  o: { q?: string; schoolId?: string; groupId?: string; page: number; pageSize: number },
): Promise<{ rows: TPupilRow[]; total: number }> {
  const conds: SQL[] = [scopeCondition(scope, actorOrgId)];
  if (o.schoolId) conds.push(sql`p.school_id = ${o.schoolId}`);
  if (o.groupId) conds.push(sql`p.group_id = ${o.groupId}`);
  const q = o.q ? foldName(o.q) : '';
  let order = sql`p.last_name, p.name_prefix, p.first_name, p.id`;
  if (q) {
    // every term matches a word of the name by substring or similarity, so typos still find the
    // child ("Jansen" → "Janssen"); candidates come from an index-backed function (ADR 007)
    conds.push(sql`p.id in (select id from rondom_pupil_search(${q}))`);
    order = sql`word_similarity(${q}, p.search_text) desc, similarity(${q}, p.search_text) desc, p.last_name, p.first_name, p.id`;
  }
  const rows = await query<TPupilRow & { total: string | number }>(tx, sql`select ${COLUMNS}, count(*) over () as total ${FROM}
    where ${sql.join(conds, sql` and `)} order by ${order}
    limit ${o.pageSize} offset ${(o.page - 1) * o.pageSize}`);
  if (rows.length === 0 && o.page > 1) {
    // past the last page: still report the total so the UI can offer a way back
    const [c] = await query<{ total: string }>(tx, sql`select count(*) as total ${FROM} where ${sql.join(conds, sql` and `)}`);
    return { rows: [], total: Number(c?.total ?? 0) };
  }
  return { rows, total: rows[0] ? Number(rows[0].total) : 0 };
}

/** One pupil with how the actor stands to them, in one query: the register's policy and the child-file policy both decide on it. */
export async function loadPupil(tx: Tx, id: string, actor: TMemberActor): Promise<{ row: TPupilRow; subject: TPupilSubject; relation: TChildRelation } | null> {
  const [r] = await query<TPupilRow & Parameters<typeof toRelation>[1]>(
    tx,
    sql`select ${COLUMNS}, ${relationColumns(actor)} ${FROM} where p.id = ${id}`,
  );
  if (!r) return null;
  const relation = toRelation(id, r);
  return {
    row: r,
    relation,
    subject: {
      schoolId: r.school_id,
      gemeenteId: r.gemeente_id,
      teachesGroup: relation.teachesGroup,
      isGuardianWithGezag: relation.isGuardian,
      isSelf: relation.isSelf,
      sharedByConsent: relation.inCareTeam && relation.consented.length > 0,
    },
  };
}

export async function loadGuardians(tx: Tx, pupilId: string) {
  return query<{ id: string; name: string; email: string | null; phone: string | null; has_gezag: boolean }>(
    tx,
    sql`select id, name, email, phone, has_gezag from guardians where pupil_id = ${pupilId} order by has_gezag desc, name`,
  );
}
