import { and, eq, sql } from 'drizzle-orm';
import { nextStatus, type TRequestAction, type TRequestStatus } from '../../../../shared/support-request.js';
import { supportRequestEvents, supportRequests } from '../../../db/schema/support.js';
import type { Tx } from '../../../platform/db.js';
import { AppError } from '../../../platform/errors.js';
import type { TRequestRow } from '../relation.js';

/** The column each status stamps when the request reaches it. */
const STAMP: Partial<Record<TRequestStatus, keyof TRequestRow>> = {
  submitted: 'submittedAt',
  complete: 'completedAt',
  in_assessment: 'assessmentStartedAt',
  decided: 'decidedAt',
  closed: 'closedAt',
  withdrawn: 'withdrawnAt',
};

/**
 * Takes one step of the request's life (the state machine in shared/support-request.ts): the new
 * status, its timestamp, a timeline event. The update is guarded by the status it was read in, so
 * two people taking steps at once cannot both succeed; the second is told the request changed.
 * Callers check the policy and any preconditions (checklist, advices) first.
 */
export async function transitionRequest(
  tx: Tx,
  request: TRequestRow,
  action: TRequestAction,
  o: { by: string; note?: string | null; set?: Partial<TRequestRow> },
): Promise<TRequestRow> {
  const to = nextStatus(request.status, action);
  if (!to) throw new AppError('conflict', 'errors.request_step_not_allowed');
  const stamp = STAMP[to];
  const [updated] = await tx
    .update(supportRequests)
    .set({
      ...o.set,
      status: to,
      ...(stamp ? { [stamp]: sql`now()` } : {}),
      rowVersion: sql`${supportRequests.rowVersion} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(supportRequests.id, request.id), eq(supportRequests.status, request.status)))
    .returning();
  if (!updated) throw new AppError('conflict', 'errors.request_changed');
  await tx.insert(supportRequestEvents).values({ regionId: request.regionId, requestId: request.id, status: to, note: o.note ?? null, by: o.by });
  return updated;
}
