import { desc, eq, inArray, and, sql } from 'drizzle-orm';
import { displayName } from '../../../shared/names.js';
import { opps } from '../../db/schema/opp.js';
import type { TMemberActor } from '../../platform/context.js';
import { query, type Tx } from '../../platform/db.js';
import { childFilePolicy, type TChildRelation } from '../../policies/child-file.js';
import { authorizeRecord } from '../../policies/index.js';
import { loadChildRelation } from '../pupils/relation.js';
import { OPEN_STATUSES, type TOppRow } from './commands/state.js';

/**
 * Loads by id under the request's RLS (another region's OPP is simply not there) and refuses, as a
 * 404, an OPP of a child whose plans the actor may not read.
 */
export async function loadReadableOpp(tx: Tx, actor: TMemberActor, id: string): Promise<{ opp: TOppRow; rel: TChildRelation }> {
  const [opp] = await tx.select().from(opps).where(eq(opps.id, id));
  const rel = opp ? await loadChildRelation(tx, actor, opp.pupilId) : null;
  authorizeRecord(rel, (r) => childFilePolicy.readOppVersion(actor, r, opp!.status));
  return { opp: opp!, rel: rel! };
}

/** The child's relation, refused (404) unless the actor may read the child's plans. */
export async function loadReadablePupil(tx: Tx, actor: TMemberActor, pupilId: string): Promise<TChildRelation> {
  return authorizeRecord(await loadChildRelation(tx, actor, pupilId), (r) => childFilePolicy.read(actor, r, 'opp'));
}

export async function listOpps(tx: Tx, pupilId: string): Promise<TOppRow[]> {
  return tx.select().from(opps).where(eq(opps.pupilId, pupilId)).orderBy(desc(opps.seq));
}

export async function hasOpenOpp(tx: Tx, pupilId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: opps.id })
    .from(opps)
    .where(and(eq(opps.pupilId, pupilId), inArray(opps.status, [...OPEN_STATUSES])))
    .limit(1);
  return rows.length > 0;
}

export interface TOppAssentRow {
  id: string;
  guardian_id: string;
  guardian_name: string;
  decision: 'agree' | 'disagree';
  reason: string | null;
  via: 'portal' | 'paper';
  decided_at: Date | string;
  recorded_by_name: string | null;
  attachment_id: string | null;
  followed_up_at: Date | string | null;
  follow_up_note: string | null;
}

export interface TOppEvaluationRow {
  id: string;
  held_on: string;
  with_parents: boolean;
  summary: string;
  recorded_by_name: string | null;
  created_at: Date | string;
}

export interface TOppDetail {
  pupil: { id: string; name: string };
  school: { id: string; name: string };
  updatedByName: string | null;
  assents: TOppAssentRow[];
  evaluations: TOppEvaluationRow[];
}

/** Everything shown with one version: the child, the school, the decisions and the evaluations. */
export async function loadOppDetail(tx: Tx, opp: TOppRow): Promise<TOppDetail> {
  const [head] = await query<{ first_name: string; name_prefix: string | null; last_name: string; school_id: string; school_name: string; updated_by_name: string | null }>(
    tx,
    sql`select p.first_name, p.name_prefix, p.last_name, p.school_id, s.name as school_name,
        (select u.name from users u where u.id = ${opp.updatedBy ?? opp.createdBy}) as updated_by_name
      from pupils p join organisations s on s.region_id = p.region_id and s.id = p.school_id
      where p.id = ${opp.pupilId}`,
  );
  const assents = await query<TOppAssentRow>(
    tx,
    sql`select a.id, a.guardian_id, g.name as guardian_name, a.decision, a.reason, a.via, a.decided_at,
        u.name as recorded_by_name, a.attachment_id, a.followed_up_at, a.follow_up_note
      from opp_assents a
      join guardians g on g.region_id = a.region_id and g.id = a.guardian_id
      left join users u on u.id = a.recorded_by
      where a.opp_id = ${opp.id} order by a.decided_at, a.id`,
  );
  const evaluations = await query<TOppEvaluationRow>(
    tx,
    sql`select e.id, e.held_on::text as held_on, e.with_parents, e.summary, u.name as recorded_by_name, e.created_at
      from opp_evaluations e left join users u on u.id = e.recorded_by
      where e.opp_id = ${opp.id} order by e.held_on desc, e.created_at desc`,
  );
  return {
    pupil: { id: opp.pupilId, name: head ? displayName({ firstName: head.first_name, namePrefix: head.name_prefix, lastName: head.last_name }) : '' },
    school: { id: head?.school_id ?? '', name: head?.school_name ?? '' },
    updatedByName: head?.updated_by_name ?? null,
    assents,
    evaluations,
  };
}

/** A guardian with gezag of this pupil (the paper form must be signed by one). */
export async function isGuardianWithGezag(tx: Tx, pupilId: string, guardianId: string): Promise<boolean> {
  const rows = await query(tx, sql`select 1 from guardians where id = ${guardianId} and pupil_id = ${pupilId} and has_gezag`);
  return rows.length > 0;
}
