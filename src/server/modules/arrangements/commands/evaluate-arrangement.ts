import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { TArrangementEvaluationInput } from '../../../../shared/schemas/arrangement.js';
import { arrangementEvaluations, arrangements } from '../../../db/schema/support.js';
import type { Tx } from '../../../platform/db.js';
import { AppError } from '../../../platform/errors.js';
import { createRequest } from '../../support-requests/commands/create-request.js';
import { arrangementProblem } from '../errors.js';
import type { TArrangementRow } from '../queries.js';

/** Only a running arrangement is evaluated, ended or stopped. */
export function ensureActive(a: TArrangementRow) {
  if (a.status !== 'active') throw new AppError('conflict', 'errors.arrangement_not_active');
}

/** Takes the arrangement out of 'active'; refused when someone else ended or stopped it meanwhile. */
export async function closeArrangement(tx: Tx, a: TArrangementRow, status: 'ended' | 'stopped'): Promise<void> {
  const done = await tx
    .update(arrangements)
    .set({ status, updatedAt: sql`now()`, rowVersion: sql`${arrangements.rowVersion} + 1` })
    .where(and(eq(arrangements.id, a.id), eq(arrangements.status, 'active')))
    .returning({ id: arrangements.id });
  if (!done.length) throw new AppError('conflict', 'errors.arrangement_not_active');
}

export interface TExtension {
  /** The school that files the extension: where the child is now. */
  schoolId: string;
}

/**
 * Records an evaluation. Outcome 'stop' ends the arrangement; with `extension` a draft request for
 * an extension is made (type arrangement, pointing at this arrangement) and the evaluation points
 * at it, so each can be found from the other.
 */
export async function evaluateArrangement(
  tx: Tx,
  a: TArrangementRow,
  input: TArrangementEvaluationInput,
  o: { by: string; today: string; extension: TExtension | null },
): Promise<{ evaluationId: string; extensionRequestId: string | null }> {
  ensureActive(a);
  if (input.heldOn < a.startOn) throw arrangementProblem('heldOn', 'held_before_start');
  if (input.heldOn > o.today) throw arrangementProblem('heldOn', 'held_in_future');
  if (o.extension && input.outcome === 'stop') throw arrangementProblem('requestExtension', 'extension_with_stop');
  const [evaluation] = await tx
    .insert(arrangementEvaluations)
    .values({
      regionId: a.regionId,
      arrangementId: a.id,
      pupilId: a.pupilId,
      heldOn: input.heldOn,
      goalsMet: input.goalsMet,
      outcome: input.outcome,
      summary: input.summary,
      recordedBy: o.by,
    })
    .returning({ id: arrangementEvaluations.id });
  const evaluationId = evaluation!.id;
  if (input.outcome === 'stop') await closeArrangement(tx, a, 'stopped');
  let extensionRequestId: string | null = null;
  if (o.extension) {
    const { request } = await createRequest(tx, {
      regionId: a.regionId,
      pupilId: a.pupilId,
      schoolId: o.extension.schoolId,
      type: 'arrangement',
      clientKey: randomUUID(),
      extendsArrangementId: a.id,
      createdBy: o.by,
    });
    extensionRequestId = request.id;
    await tx.update(arrangementEvaluations).set({ extensionRequestId }).where(eq(arrangementEvaluations.id, evaluationId));
  }
  return { evaluationId, extensionRequestId };
}
