import { displayName } from '../../../shared/names.js';
import type { TOpp, TOppClockItem, TOppListItem, TOppPolicies } from '../../../shared/schemas/opp.js';
import type { TMemberActor } from '../../platform/context.js';
import { childFilePolicy, type TChildRelation } from '../../policies/child-file.js';
import type { TOppClockRow } from './clocks.js';
import { awaitsAssent, hasPdf, isEditable, isEvaluable, isSubmittable, type TOppRow } from './commands/state.js';
import type { TOppDetail } from './queries.js';

const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();
const isoOrNull = (v: Date | string | null) => (v === null ? null : iso(v));

/**
 * What the actor may do with this version now: the child-file policy (who) combined with the
 * version's state (when), so the UI shows only buttons that will work.
 */
export function oppPolicies(
  actor: TMemberActor,
  rel: TChildRelation,
  opp: TOppRow,
  facts: { pupilHasOpenVersion: boolean; openFollowUp: boolean },
): TOppPolicies {
  const manage = childFilePolicy.manageOpp(actor, rel);
  return {
    edit: manage && isEditable(opp.status),
    submit: manage && isSubmittable(opp.status),
    assent: childFilePolicy.assent(actor, rel) && rel.guardianId !== null && awaitsAssent(opp.status),
    recordPaperAssent: manage && awaitsAssent(opp.status),
    followUp: manage && facts.openFollowUp,
    evaluate: manage && isEvaluable(opp.status),
    newVersion: manage && !facts.pupilHasOpenVersion,
    downloadPdf: childFilePolicy.read(actor, rel, 'opp') && hasPdf(opp.status),
  };
}

export function presentOppListItem(o: TOppRow): TOppListItem {
  return {
    id: o.id,
    seq: o.seq,
    status: o.status,
    basedOnId: o.basedOnId,
    createdAt: iso(o.createdAt),
    updatedAt: iso(o.updatedAt),
    submittedAt: isoOrNull(o.submittedAt),
    adoptedAt: isoOrNull(o.adoptedAt),
  };
}

export function presentOpp(o: TOppRow, d: TOppDetail, policies: TOppPolicies): TOpp {
  return {
    ...presentOppListItem(o),
    pupil: d.pupil,
    school: d.school,
    rowVersion: o.rowVersion,
    outflowProfile: o.outflowProfile,
    outflowDestination: o.outflowDestination,
    reasoning: o.reasoning,
    promotingFactors: o.promotingFactors,
    hinderingFactors: o.hinderingFactors,
    oogoDate: o.oogoDate,
    oogoOutcome: o.oogoOutcome,
    support: o.support.map((s) => ({ what: s.what, who: s.who, frequency: s.frequency })),
    deviations: o.deviations,
    goals: o.goals.map((g) => ({ goal: g.goal, criterion: g.criterion, targetDate: g.targetDate })),
    pupilHeard: o.pupilHeard,
    hearingDate: o.hearingDate,
    hearingSummary: o.hearingSummary,
    notHeardReason: o.notHeardReason,
    updatedByName: d.updatedByName,
    assents: d.assents.map((a) => ({
      id: a.id,
      guardian: { id: a.guardian_id, name: a.guardian_name },
      decision: a.decision,
      reason: a.reason,
      via: a.via,
      decidedAt: iso(a.decided_at),
      recordedByName: a.recorded_by_name,
      paperAttachmentId: a.attachment_id,
      followedUpAt: isoOrNull(a.followed_up_at),
      followUpNote: a.follow_up_note,
    })),
    evaluations: d.evaluations.map((e) => ({
      id: e.id,
      heldOn: e.held_on,
      withParents: e.with_parents,
      summary: e.summary,
      recordedByName: e.recorded_by_name,
      createdAt: iso(e.created_at),
    })),
    policies,
  };
}

export function presentClockItem(r: TOppClockRow): TOppClockItem {
  return {
    kind: r.kind,
    dueOn: r.due_on,
    overdue: r.overdue,
    pupil: { id: r.pupil_id, name: displayName({ firstName: r.first_name, namePrefix: r.name_prefix, lastName: r.last_name }) },
    school: { id: r.school_id, name: r.school_name },
    oppId: r.opp_id,
    assentId: r.assent_id,
  };
}
