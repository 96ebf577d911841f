import { displayName } from '../../../shared/names.js';
import type { TCase, TCaseLeadPeriod, TMyCase, TSignalPlan } from '../../../shared/schemas/case-lead.js';
import { isSignalTriggered } from '../../../shared/signal-plan.js';
import type { TCaseLeadCandidate } from './candidates.js';
import { iso, type TCaseLeadRow, type TMyCaseRow, type TSignalPlanRow } from './queries.js';

const ref = (id: string, name: string | null) => ({ id, name: name ?? '' });

export function presentPlan(p: TSignalPlanRow, today: string): TSignalPlan {
  return {
    id: p.id,
    level: p.level,
    trigger: p.trigger,
    triggerOn: p.trigger_on,
    action: p.action,
    actorName: p.actor_name,
    status: p.status,
    statusNote: p.status_note,
    triggered: isSignalTriggered({ status: p.status, triggerOn: p.trigger_on }, today),
    rowVersion: p.row_version,
    updatedAt: iso(p.updated_at),
  };
}

function presentPeriod(r: TCaseLeadRow): TCaseLeadPeriod {
  return {
    id: r.id,
    person: ref(r.user_id, r.user_name),
    organisation: ref(r.organisation_id, r.organisation_name),
    from: iso(r.started_at),
    until: r.ended_at ? iso(r.ended_at) : null,
    endReason: r.end_reason,
    endNote: r.end_note,
    note: r.note,
    namedBy: ref(r.started_by, r.started_by_name),
    endedBy: r.ended_by ? ref(r.ended_by, r.ended_by_name) : null,
  };
}

/**
 * The case as the actor may see it. The family sees one contact and the plan, not the staff's
 * notes or the history of who handed over to whom.
 */
export function presentCase(o: {
  leads: TCaseLeadRow[];
  plans: TSignalPlanRow[];
  candidates: TCaseLeadCandidate[];
  policies: TCase['policies'];
  forFamily: boolean;
  actorUserId: string;
  today: string;
}): TCase {
  const active = o.leads.find((r) => !r.ended_at) ?? null;
  return {
    caseLead: active
      ? {
          id: active.id,
          person: ref(active.user_id, active.user_name),
          email: active.user_email,
          organisation: ref(active.organisation_id, active.organisation_name),
          since: iso(active.started_at),
          note: o.forFamily ? null : active.note,
          isMe: active.user_id === o.actorUserId,
        }
      : null,
    history: o.policies.readHistory ? o.leads.map(presentPeriod) : [],
    candidates: o.policies.setCaseLead
      ? o.candidates.map((c) => ({
          userId: c.userId,
          name: c.name,
          organisation: { id: c.organisationId, name: c.organisationName },
          role: c.role,
          task: c.task,
        }))
      : [],
    signalPlans: o.policies.readSignalPlan ? o.plans.map((p) => presentPlan(p, o.today)) : [],
    today: o.today,
    policies: o.policies,
  };
}

export function presentMyCase(r: TMyCaseRow): TMyCase {
  return {
    pupil: { id: r.pupil_id!, name: displayName({ firstName: r.first_name, namePrefix: r.name_prefix, lastName: r.last_name }) },
    school: { id: r.school_id, name: r.school_name },
    since: iso(r.started_at),
    nextMeeting: r.next_meeting_id ? { id: r.next_meeting_id, startsAt: iso(r.next_meeting_at) } : null,
    agreedNextOn: r.agreed_next_on,
    openActions: Number(r.open_actions),
    triggeredPlans: Number(r.triggered),
  };
}
