import { and, eq } from 'drizzle-orm';
import type { TRequestType, TTlvSchoolType } from '../../../../shared/support-request.js';
import { supportRequestEvents, supportRequests } from '../../../db/schema/support.js';
import type { Tx } from '../../../platform/db.js';
import { AppError } from '../../../platform/errors.js';
import type { TRequestRow } from '../relation.js';

export interface TNewRequest {
  regionId: string;
  pupilId: string;
  schoolId: string;
  type: TRequestType;
  /** Made once by the form: sending the same form twice finds the first request. */
  clientKey: string;
  question?: string | null;
  tried?: string | null;
  tlvSchoolType?: TTlvSchoolType | null;
  parentsInformedOn?: string | null;
  parentsView?: string | null;
  extendsArrangementId?: string | null;
  createdBy: string;
}

/**
 * A new draft request. Idempotent on the client key (unique per region): a double submit
 * answers with the request the first one made, and `created` says which happened.
 */
export async function createRequest(tx: Tx, n: TNewRequest): Promise<{ request: TRequestRow; created: boolean }> {
  const [row] = await tx
    .insert(supportRequests)
    .values({
      regionId: n.regionId,
      pupilId: n.pupilId,
      schoolId: n.schoolId,
      type: n.type,
      clientKey: n.clientKey,
      question: n.question ?? null,
      tried: n.tried ?? null,
      tlvSchoolType: n.tlvSchoolType ?? null,
      parentsInformedOn: n.parentsInformedOn ?? null,
      parentsView: n.parentsView ?? null,
      extendsArrangementId: n.extendsArrangementId ?? null,
      createdBy: n.createdBy,
    })
    .onConflictDoNothing()
    .returning();
  if (row) {
    await tx.insert(supportRequestEvents).values({ regionId: n.regionId, requestId: row.id, status: 'draft', by: n.createdBy });
    return { request: row, created: true };
  }
  const [existing] = await tx.select().from(supportRequests).where(and(eq(supportRequests.clientKey, n.clientKey)));
  // the same key for another child or by someone else is not a double submit but a misuse
  if (!existing || existing.pupilId !== n.pupilId || existing.createdBy !== n.createdBy) throw new AppError('conflict', 'errors.request_key_used');
  return { request: existing, created: false };
}
