import { type SQL, eq, sql } from 'drizzle-orm';
import { displayName } from '../../../shared/names.js';
import { arrangements } from '../../db/schema/support.js';
import type { TMemberActor } from '../../platform/context.js';
import { query, type Tx } from '../../platform/db.js';
import { arrangementPolicy, type TArrangementSubject } from '../../policies/arrangement.js';
import { authorizeRecord } from '../../policies/index.js';
import type { TChildRelation } from '../../policies/child-file.js';
import { dutchDate } from '../opps/clocks.js';
import { loadChildRelation, TODAY } from '../pupils/relation.js';

export type TArrangementRow = typeof arrangements.$inferSelect;

/** How the actor stands to an arrangement: its own school (which carries it out) and the child relation. */
export const subjectOf = (a: TArrangementRow, rel: TChildRelation): TArrangementSubject => ({
  pupilId: a.pupilId,
  schoolId: a.schoolId,
  teachesGroup: rel.teachesGroup,
  isGuardian: rel.isGuardian,
});

/**
 * One arrangement under the request's RLS (another region's is simply not there), refused as a
 * 404 when the actor may not read it: its existence is not confirmed.
 */
export async function loadArrangement(
  tx: Tx,
  actor: TMemberActor,
  id: string,
): Promise<{ arrangement: TArrangementRow; rel: TChildRelation; subject: TArrangementSubject }> {
  const [arrangement] = await tx.select().from(arrangements).where(eq(arrangements.id, id));
  const rel = arrangement ? await loadChildRelation(tx, actor, arrangement.pupilId) : null;
  const subject = arrangement && rel ? subjectOf(arrangement, rel) : null;
  authorizeRecord(subject, (s) => arrangementPolicy.read(actor, s));
  return { arrangement: arrangement!, rel: rel!, subject: subject! };
}

/** The arrangement as a command left it (already authorised in this request). */
export async function reloadArrangement(tx: Tx, id: string): Promise<TArrangementRow> {
  const [row] = await tx.select().from(arrangements).where(eq(arrangements.id, id));
  return row!;
}

export interface TListRow {
  id: string;
  type_id: string;
  type_name: string;
  status: TArrangementRow['status'];
  executor_kind: TArrangementRow['executorKind'];
  hours: number | string;
  start_on: string;
  end_on: string;
  request_id: string | null;
  budget_cents: number;
  next_evaluation_on: string | null;
  spent_cents: number | string;
  spent_hours: number | string;
}

/** Arrangements with their spend so far, one row each, newest first. */
export async function listArrangements(tx: Tx, where: SQL): Promise<TListRow[]> {
  return query<TListRow>(
    tx,
    sql`select a.id, a.type_id, t.name as type_name, a.status, a.executor_kind, a.hours, a.start_on::text as start_on,
        a.end_on::text as end_on, a.request_id, a.budget_cents,
        (select min(d)::text from unnest(a.evaluation_dates) d where d >= ${TODAY}) as next_evaluation_on,
        coalesce(s.spent_cents, 0) as spent_cents, coalesce(s.spent_hours, 0) as spent_hours
      from arrangements a
      join arrangement_types t on t.region_id = a.region_id and t.id = a.type_id
      left join lateral (select sum(x.amount_cents) as spent_cents, sum(x.hours) as spent_hours from arrangement_spends x
        where x.region_id = a.region_id and x.arrangement_id = a.id) s on true
      where ${where}
      order by a.start_on desc, a.created_at desc`,
  );
}

export interface TSpendRow {
  id: string;
  spent_on: string;
  amount_cents: number;
  hours: string | number | null;
  description: string;
  recorded_by_name: string | null;
}

export interface TEvaluationRow {
  id: string;
  held_on: string;
  goals_met: 'yes' | 'partly' | 'no';
  outcome: 'continue' | 'change' | 'stop';
  summary: string;
  extension_request_id: string | null;
  recorded_by_name: string | null;
}

export interface TArrangementDetail {
  pupil: { id: string; name: string };
  school: { id: string; name: string };
  type: { id: string; name: string; description: string };
  /** The first evaluation date from today on: highlighted on the page. */
  nextEvaluationOn: string | null;
  spends: TSpendRow[];
  evaluations: TEvaluationRow[];
}

/** Everything shown with one arrangement: the child, the school, the type, the spend and the evaluations. */
export async function loadArrangementDetail(tx: Tx, a: TArrangementRow): Promise<TArrangementDetail> {
  const [head] = await query<{
    first_name: string;
    name_prefix: string | null;
    last_name: string;
    school_name: string;
    type_name: string;
    type_description: string;
  }>(
    tx,
    sql`select p.first_name, p.name_prefix, p.last_name, s.name as school_name, t.name as type_name, t.description as type_description
      from pupils p
      join organisations s on s.region_id = p.region_id and s.id = ${a.schoolId}
      join arrangement_types t on t.region_id = p.region_id and t.id = ${a.typeId}
      where p.id = ${a.pupilId}`,
  );
  const spends = await query<TSpendRow>(
    tx,
    sql`select s.id, s.spent_on::text as spent_on, s.amount_cents, s.hours, s.description, u.name as recorded_by_name
      from arrangement_spends s left join users u on u.id = s.recorded_by
      where s.arrangement_id = ${a.id} order by s.spent_on, s.created_at`,
  );
  const evaluations = await query<TEvaluationRow>(
    tx,
    sql`select e.id, e.held_on::text as held_on, e.goals_met, e.outcome, e.summary, e.extension_request_id, u.name as recorded_by_name
      from arrangement_evaluations e left join users u on u.id = e.recorded_by
      where e.arrangement_id = ${a.id} order by e.held_on desc, e.created_at desc`,
  );
  return {
    pupil: { id: a.pupilId, name: head ? displayName({ firstName: head.first_name, namePrefix: head.name_prefix, lastName: head.last_name }) : '' },
    school: { id: a.schoolId, name: head?.school_name ?? '' },
    type: { id: a.typeId, name: head?.type_name ?? '', description: head?.type_description ?? '' },
    nextEvaluationOn: nextEvaluation(a.evaluationDates),
    spends,
    evaluations,
  };
}

export const nextEvaluation = (dates: readonly string[], today = dutchDate()) => [...dates].sort().find((d) => d >= today) ?? null;

/** The outcome of the request's decision, if it has one. */
export async function decisionOutcome(tx: Tx, requestId: string): Promise<'granted' | 'partly' | 'refused' | null> {
  const [d] = await query<{ outcome: 'granted' | 'partly' | 'refused' }>(tx, sql`select outcome from request_decisions where request_id = ${requestId}`);
  return d?.outcome ?? null;
}
