import { eq, sql } from 'drizzle-orm';
import { supportRequests } from '../../../db/schema/support.js';
import type { Tx } from '../../../platform/db.js';
import type { TRequestRow } from '../relation.js';

/** Hands the request to a consultant (the caller checked they are one of the region's). */
export async function assignConsultant(tx: Tx, request: TRequestRow, consultantId: string): Promise<TRequestRow> {
  const [row] = await tx
    .update(supportRequests)
    .set({ consultantId, rowVersion: sql`${supportRequests.rowVersion} + 1`, updatedAt: sql`now()` })
    .where(eq(supportRequests.id, request.id))
    .returning();
  return row!;
}
