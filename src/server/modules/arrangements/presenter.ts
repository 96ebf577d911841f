import type {
  TArrangement,
  TArrangementListItem,
  TArrangementPolicies,
  TArrangementType,
} from '../../../shared/schemas/arrangement.js';
import { arrangementTypes } from '../../db/schema/support.js';
import type { TMemberActor } from '../../platform/context.js';
import { arrangementPolicy, type TArrangementSubject } from '../../policies/arrangement.js';
import type { TChildRelation } from '../../policies/child-file.js';
import { supportRequestPolicy } from '../../policies/support-request.js';
import type { TArrangementDetail, TArrangementRow, TListRow } from './queries.js';

type TTypeRow = typeof arrangementTypes.$inferSelect;
const num = (v: number | string | null) => (v === null ? null : Number(v));

export function presentType(t: TTypeRow): TArrangementType {
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    typicalHours: num(t.typicalHours),
    typicalCostCents: t.typicalCostCents,
    executors: t.executors,
    active: t.active,
  };
}

export function totalsOf(budgetCents: number, spentCents: number, spentHours: number) {
  return {
    budgetCents,
    spentCents,
    spentHours: Math.round(spentHours * 10) / 10,
    remainingCents: budgetCents - spentCents,
    overBudget: spentCents > budgetCents,
  };
}

export function presentListItem(r: TListRow): TArrangementListItem {
  return {
    id: r.id,
    type: { id: r.type_id, name: r.type_name },
    status: r.status,
    executorKind: r.executor_kind,
    hours: Number(r.hours),
    startOn: r.start_on,
    endOn: r.end_on,
    nextEvaluationOn: r.next_evaluation_on,
    requestId: r.request_id,
    totals: totalsOf(r.budget_cents, Number(r.spent_cents), Number(r.spent_hours)),
  };
}

/**
 * What the actor may do with this arrangement now: the policy (who) and the arrangement's state
 * (when). Spend may be recorded after the end (bills come late), within the period.
 */
export function arrangementPolicies(actor: TMemberActor, a: TArrangementRow, subject: TArrangementSubject, rel: TChildRelation): TArrangementPolicies {
  const manage = arrangementPolicy.manage(actor, subject);
  const active = a.status === 'active';
  return {
    manage,
    recordSpend: manage,
    evaluate: manage && active,
    end: manage && active,
    // the extension is a new request: filed by the school where the child is now
    requestExtension: manage && active && supportRequestPolicy.create(actor, { schoolId: rel.schoolId }),
  };
}

/**
 * Parents see what was done and what it cost, not which staff member did or recorded it; the
 * executor's name is shown to them only for an external provider (an organisation, not a colleague).
 */
export function presentArrangement(a: TArrangementRow, d: TArrangementDetail, policies: TArrangementPolicies, forParent: boolean): TArrangement {
  const spentCents = d.spends.reduce((sum, s) => sum + s.amount_cents, 0);
  const spentHours = d.spends.reduce((sum, s) => sum + (num(s.hours) ?? 0), 0);
  return {
    id: a.id,
    pupil: d.pupil,
    school: d.school,
    requestId: a.requestId,
    type: d.type,
    goals: a.goals.map((g) => ({ goal: g.goal, criterion: g.criterion })),
    executor: { kind: a.executorKind, name: forParent && a.executorKind !== 'external' ? null : a.executorName },
    hours: Number(a.hours),
    startOn: a.startOn,
    endOn: a.endOn,
    evaluationDates: [...a.evaluationDates].sort(),
    nextEvaluationOn: d.nextEvaluationOn,
    status: a.status,
    spends: d.spends.map((s) => ({
      id: s.id,
      spentOn: s.spent_on,
      amountCents: s.amount_cents,
      hours: num(s.hours),
      description: s.description,
      recordedByName: forParent ? null : s.recorded_by_name,
    })),
    totals: totalsOf(a.budgetCents, spentCents, spentHours),
    evaluations: d.evaluations.map((e) => ({
      id: e.id,
      heldOn: e.held_on,
      goalsMet: e.goals_met,
      outcome: e.outcome,
      summary: e.summary,
      extensionRequestId: e.extension_request_id,
      recordedByName: forParent ? null : e.recorded_by_name,
    })),
    policies,
  };
}
