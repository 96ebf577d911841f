import { eq, sql } from 'drizzle-orm';
import { objectionNextStatuses, type TObjectionInput, type TObjectionPatch } from '../../../../shared/schemas/decision.js';
import { objections, tlvs } from '../../../db/schema/support.js';
import type { TMemberActor } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db.js';
import { AppError } from '../../../platform/errors.js';
import { fieldError } from '../../../platform/validation.js';
import type { TRequestRow } from '../../support-requests/relation.js';
import type { TDecisionRow, TObjectionRow } from '../queries.js';

/**
 * Registers a bezwaar as it came in. One that came after the deadline is still registered: the
 * committee decides whether it is admissible (Awb 6:11, an excusable delay).
 */
export async function registerObjection(
  tx: Tx,
  actor: TMemberActor,
  request: TRequestRow,
  decision: TDecisionRow,
  input: TObjectionInput,
  today: string,
): Promise<TObjectionRow> {
  if (input.receivedOn > today) throw fieldError('receivedOn', 'date_in_future');
  if (input.receivedOn < decision.sentOn) throw fieldError('receivedOn', 'objection_before_decision');
  const [row] = await tx
    .insert(objections)
    .values({
      regionId: request.regionId,
      requestId: request.id,
      pupilId: request.pupilId,
      receivedOn: input.receivedOn,
      lodgedBy: input.lodgedBy,
      grounds: input.grounds,
      registeredBy: actor.userId,
    })
    .returning();
  return row!;
}

/** Moves an objection forward (received → forwarded → upheld / rejected, or withdrawn); never back. */
export async function updateObjection(tx: Tx, row: TObjectionRow, input: TObjectionPatch): Promise<void> {
  if (!objectionNextStatuses(row.status).includes(input.status)) throw new AppError('conflict', 'errors.objection_step_not_allowed');
  const [saved] = await tx
    .update(objections)
    .set({
      status: input.status,
      ...(input.outcomeNote !== undefined ? { outcomeNote: input.outcomeNote || null } : {}),
      updatedAt: sql`now()`,
    })
    // guarded by the status it was read in: two people moving it at once cannot both succeed
    .where(sql`${objections.id} = ${row.id} and ${objections.status} = ${row.status}`)
    .returning({ id: objections.id });
  if (!saved) throw new AppError('conflict', 'errors.objection_changed');
}

export async function saveReturnPlan(tx: Tx, tlvId: string, returnPlan: string): Promise<void> {
  await tx.update(tlvs).set({ returnPlan, returnPlanAt: sql`now()` }).where(eq(tlvs.id, tlvId));
}
