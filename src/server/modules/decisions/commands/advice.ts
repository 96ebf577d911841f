import { and, eq, isNull, sql } from 'drizzle-orm';
import type { TAdviceInput } from '../../../../shared/schemas/decision.js';
import { requestExperts } from '../../../db/schema/support.js';
import type { TMemberActor } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db.js';
import { AppError } from '../../../platform/errors.js';
import { authorizeAction } from '../../../policies/index.js';
import { supportRequestPolicy, type TRequestSubject } from '../../../policies/support-request.js';
import type { TRequestRow } from '../../support-requests/relation.js';

export type TExpertAssignment = typeof requestExperts.$inferSelect;

/** One expert row of this request; another request's row is not found here. */
export async function loadAssignment(tx: Tx, requestId: string, rowId: string): Promise<TExpertAssignment> {
  const [row] = await tx
    .select()
    .from(requestExperts)
    .where(and(eq(requestExperts.id, rowId), eq(requestExperts.requestId, requestId)));
  if (!row) throw new AppError('not_found');
  return row;
}

/**
 * The expert's advice, with their declaration of impartiality, written once: the row is then
 * immutable (a database trigger), so a second submit is told it was already given.
 */
export async function submitAdvice(tx: Tx, actor: TMemberActor, subject: TRequestSubject, row: TExpertAssignment, input: TAdviceInput): Promise<void> {
  authorizeAction(supportRequestPolicy.writeAdvice(actor, subject) && row.expertId === actor.userId);
  if (row.submittedAt) throw new AppError('conflict', 'errors.expert_advice_already_submitted');
  const [saved] = await tx
    .update(requestExperts)
    .set({ impartialityDeclaredAt: sql`now()`, advice: input.advice, recommendation: input.recommendation, submittedAt: sql`now()` })
    .where(and(eq(requestExperts.id, row.id), isNull(requestExperts.submittedAt)))
    .returning({ id: requestExperts.id });
  if (!saved) throw new AppError('conflict', 'errors.expert_advice_already_submitted');
}

/** Takes an expert off the request, as long as their advice is not in: a given advice stays on record. */
export async function removeExpert(tx: Tx, actor: TMemberActor, subject: TRequestSubject, request: TRequestRow, row: TExpertAssignment): Promise<void> {
  authorizeAction(supportRequestPolicy.assignExperts(actor, subject));
  if (row.submittedAt) throw new AppError('conflict', 'errors.expert_advice_given_cannot_remove');
  await tx.delete(requestExperts).where(and(eq(requestExperts.id, row.id), eq(requestExperts.requestId, request.id), isNull(requestExperts.submittedAt)));
}
