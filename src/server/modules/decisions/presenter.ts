import { displayName } from '../../../shared/names.js';
import {
  objectionNextStatuses,
  type TDecision,
  type TExperts,
  type TObjection,
  type TTlv,
  type TTlvClockItem,
} from '../../../shared/schemas/decision.js';
import { advicesSufficient, objectionDeadline, type TExpertKind, tlvNumber } from '../../../shared/support-request.js';
import type { TMemberActor } from '../../platform/context.js';
import { supportRequestPolicy, type TRequestSubject } from '../../policies/support-request.js';
import type { TTlvClockRow } from './clocks.js';
import { allowedExpertKinds } from './commands/assign-expert.js';
import type { TDecisionDetail, TExpertRow, TObjectionRow, TTlvRow } from './queries.js';

const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();
const isoOrNull = (v: Date | string | null) => (v === null ? null : iso(v));

/**
 * The experts and their advices as this reader may see them. An advice shows once it is submitted
 * (parents read every submitted advice). An expert sees the others' advices only after giving
 * their own, so each advice is formed independently.
 */
export function presentExperts(actor: TMemberActor, s: TRequestSubject, rows: TExpertRow[]): TExperts {
  const assign = supportRequestPolicy.assignExperts(actor, s);
  const writeAdvice = supportRequestPolicy.writeAdvice(actor, s);
  const isExpert = actor.membership.role === 'swv_expert';
  const mineSubmitted = rows.some((r) => r.expert_id === actor.userId && r.submitted_at !== null);
  return {
    items: rows.map((r) => {
      const submitted = r.submitted_at !== null;
      const visible = submitted && (!isExpert || r.expert_id === actor.userId || mineSubmitted);
      return {
        id: r.id,
        expert: { id: r.expert_id, name: r.expert_name },
        organisation: r.organisation,
        kind: r.expert_kind,
        assignedAt: iso(r.assigned_at),
        impartialityDeclaredAt: isoOrNull(r.impartiality_declared_at),
        advice: visible ? r.advice : null,
        recommendation: visible ? r.recommendation : null,
        submittedAt: isoOrNull(r.submitted_at),
        policies: { remove: assign && !submitted, writeAdvice: writeAdvice && r.expert_id === actor.userId && !submitted },
      };
    }),
    advicesSufficient: advicesSufficient(
      rows.map((r) => ({ expertId: r.expert_id, kind: r.expert_kind as TExpertKind, submitted: r.submitted_at !== null })),
    ),
    allowedKinds: allowedExpertKinds(actor),
    policies: { assign, decide: supportRequestPolicy.decide(actor, s) },
  };
}

export function presentTlv(t: TTlvRow): TTlv {
  return {
    id: t.id,
    number: tlvNumber(t.year, t.seq),
    schoolType: t.schoolType,
    category: t.category,
    validFrom: t.validFrom,
    validUntil: t.validUntil,
    returnPlan: t.returnPlan,
    returnPlanAt: isoOrNull(t.returnPlanAt),
  };
}

export function presentObjection(o: TObjectionRow, deadline: string, mayChange: boolean): TObjection {
  return {
    id: o.id,
    receivedOn: o.receivedOn,
    lodgedBy: o.lodgedBy,
    grounds: o.grounds,
    status: o.status,
    outcomeNote: o.outcomeNote,
    late: o.receivedOn > deadline,
    createdAt: iso(o.createdAt),
    updatedAt: iso(o.updatedAt),
    nextStatuses: mayChange ? objectionNextStatuses(o.status) : [],
  };
}

/** The decision with its objection clock (Dutch calendar days) and what the reader may do with it. */
export function presentDecision(actor: TMemberActor, s: TRequestSubject, d: TDecisionDetail, today: string): TDecision {
  const deadline = objectionDeadline(d.decision.sentOn);
  const registerObjection = supportRequestPolicy.registerObjection(actor, s);
  return {
    requestId: d.decision.requestId,
    outcome: d.decision.outcome,
    reasons: d.decision.reasons,
    criteria: d.decision.criteria,
    decidedBy: { name: d.decidedByName },
    decidedAt: iso(d.decision.decidedAt),
    sentOn: d.decision.sentOn,
    objectionDeadline: deadline,
    objectionOpen: today <= deadline,
    tlv: d.tlv ? presentTlv(d.tlv) : null,
    objections: d.objections.map((o) => presentObjection(o, deadline, registerObjection)),
    policies: {
      registerObjection,
      exportObjectionDossier: supportRequestPolicy.exportObjectionDossier(actor, s),
      editReturnPlan: d.tlv !== null && supportRequestPolicy.editReturnPlan(actor, s),
    },
  };
}

export function presentTlvClockItem(r: TTlvClockRow): TTlvClockItem {
  return {
    kind: r.kind,
    dueOn: r.due_on,
    overdue: r.overdue,
    tlv: { id: r.tlv_id, number: tlvNumber(r.year, r.seq), schoolType: r.school_type, validUntil: r.valid_until },
    requestId: r.request_id,
    pupil: { id: r.pupil_id, name: displayName({ firstName: r.first_name, namePrefix: r.name_prefix, lastName: r.last_name }) },
    school: { id: r.school_id, name: r.school_name },
  };
}
