import { fieldError } from '../../../platform/validation.js';
import { and, eq } from 'drizzle-orm';
import type { TAssignExpertInput } from '../../../../shared/schemas/decision.js';
import { CORE_EXPERT_KINDS, EXPERT_KINDS, type TExpertKind } from '../../../../shared/support-request.js';
import { requestExperts } from '../../../db/schema/support.js';
import type { TMemberActor } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db.js';
import { AppError } from '../../../platform/errors.js';
import type { TRequestRow } from '../../support-requests/relation.js';
import { earlierInvolvement, regionExperts } from '../queries.js';

/** The kinds the region accepts as a TLV advisor: always an orthopedagoog or psycholoog, plus its own choice (all when unset). */
export function allowedExpertKinds(actor: TMemberActor): TExpertKind[] {
  const region = actor.regionSettings?.expertKinds ?? EXPERT_KINDS;
  return EXPERT_KINDS.filter((k) => CORE_EXPERT_KINDS.includes(k) || region.includes(k));
}

/**
 * Assigns a deskundige to advise on the request. Refuses anyone who is not an expert of the region,
 * a kind the region does not accept, the same person twice, and — the impartiality rule — anyone
 * who appears on the child's earlier records, saying where.
 */
export async function assignExpert(tx: Tx, actor: TMemberActor, request: TRequestRow, input: TAssignExpertInput): Promise<string> {
  const [expert] = await regionExperts(tx, input.expertId);
  if (!expert) throw fieldError('expertId', 'expert_not_an_expert');
  if (!allowedExpertKinds(actor).includes(input.expertKind)) throw fieldError('expertKind', 'expert_kind_not_allowed');
  const [already] = await tx
    .select({ id: requestExperts.id })
    .from(requestExperts)
    .where(and(eq(requestExperts.requestId, request.id), eq(requestExperts.expertId, expert.id)));
  if (already) throw new AppError('conflict', 'errors.expert_already_assigned', undefined, { name: expert.name });
  const involved = await earlierInvolvement(tx, { pupilId: request.pupilId, requestId: request.id, userId: expert.id });
  if (involved) throw new AppError('conflict', `errors.expert_not_impartial_${involved}`, undefined, { name: expert.name });
  const [row] = await tx
    .insert(requestExperts)
    .values({
      regionId: request.regionId,
      requestId: request.id,
      pupilId: request.pupilId,
      expertId: expert.id,
      expertKind: input.expertKind,
      assignedBy: actor.userId,
    })
    .returning({ id: requestExperts.id });
  return row!.id;
}
