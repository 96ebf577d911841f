import type { TCase } from '../../../shared/schemas/case-lead.js';
import type { TMemberActor } from '../../platform/context.js';
import type { Tx } from '../../platform/db.js';
import type { TChildRelation } from '../../policies/child-file.js';
import { authorizeRecord } from '../../policies/index.js';
import { caseLeadPolicy } from '../../policies/meeting.js';
import { dutchDate } from '../opps/clocks.js';
import { loadChildRelation } from '../pupils/relation.js';
import { caseLeadCandidates } from './candidates.js';
import { presentCase } from './presenter.js';
import { loadCaseLeads, loadSignalPlans } from './queries.js';

const isFamily = (a: TMemberActor) => a.membership.role === 'parent' || a.membership.role === 'pupil';

/**
 * The child's case as far as the actor may see any of it: who leads (read, or may name), the plan.
 * A case lead keeps their case even when their consent to read the file has lapsed ("we laten
 * niet los"): they may still see it and hand it over.
 */
export async function loadCaseRelation(tx: Tx, actor: TMemberActor, pupilId: string): Promise<TChildRelation> {
  return authorizeRecord(
    await loadChildRelation(tx, actor, pupilId),
    (r) => caseLeadPolicy.read(actor, r) || caseLeadPolicy.set(actor, r) || caseLeadPolicy.readSignalPlan(actor, r) || caseLeadPolicy.editSignalPlan(actor, r),
  );
}

/** The whole case as the actor sees it, with what they may do. */
export async function answerCase(tx: Tx, actor: TMemberActor, rel: TChildRelation): Promise<TCase> {
  const set = caseLeadPolicy.set(actor, rel);
  const edit = caseLeadPolicy.editSignalPlan(actor, rel);
  const leads = await loadCaseLeads(tx, rel.pupilId);
  const plans = await loadSignalPlans(tx, rel.pupilId);
  const candidates = set ? await caseLeadCandidates(tx, rel.pupilId) : [];
  const open = leads.some((l) => !l.ended_at);
  return presentCase({
    leads,
    plans,
    candidates,
    forFamily: isFamily(actor),
    actorUserId: actor.userId,
    today: dutchDate(),
    policies: {
      setCaseLead: set,
      close: set && open,
      readHistory: !isFamily(actor) && (caseLeadPolicy.read(actor, rel) || set),
      readSignalPlan: caseLeadPolicy.readSignalPlan(actor, rel) || edit,
      editSignalPlan: edit,
    },
  });
}
