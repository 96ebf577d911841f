import { and, eq, sql } from 'drizzle-orm';
import { opps } from '../../../db/schema/opp.js';
import type { Tx } from '../../../platform/db.js';
import { AppError } from '../../../platform/errors.js';
import { isSubmittable, missingForSubmit, type TOppRow } from './state.js';

/** Puts a complete draft before the parents for their instemming. */
export async function submitOpp(tx: Tx, opp: TOppRow, rowVersion: number | undefined): Promise<TOppRow> {
  if (!isSubmittable(opp.status)) throw new AppError('conflict', 'errors.opp_not_submittable');
  if (rowVersion !== undefined && rowVersion !== opp.rowVersion) throw new AppError('conflict', 'errors.opp_changed_meanwhile');
  const missing = missingForSubmit(opp);
  if (missing.length) throw new AppError('validation', 'errors.opp_incomplete', missing);
  const [row] = await tx
    .update(opps)
    .set({ status: 'awaiting_assent', submittedAt: sql`now()`, rowVersion: sql`${opps.rowVersion} + 1`, updatedAt: sql`now()` })
    .where(and(eq(opps.id, opp.id), eq(opps.rowVersion, opp.rowVersion)))
    .returning();
  if (!row) throw new AppError('conflict', 'errors.opp_changed_meanwhile');
  return row;
}
