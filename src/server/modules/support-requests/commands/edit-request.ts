import { and, eq, sql } from 'drizzle-orm';
import type { TRequestPatch } from '../../../../shared/schemas/support-request.js';
import { supportRequests } from '../../../db/schema/support.js';
import type { Tx } from '../../../platform/db.js';
import { AppError } from '../../../platform/errors.js';
import type { TRequestRow } from '../relation.js';
import { normalised } from './rules.js';

/**
 * Saves the school's fields. Optimistic: the change applies only to the version the editor
 * loaded, so nobody silently overwrites a colleague's work (or a step taken meanwhile).
 */
export async function editRequest(tx: Tx, request: TRequestRow, patch: TRequestPatch): Promise<TRequestRow> {
  const { rowVersion, ...fields } = patch;
  if (rowVersion !== request.rowVersion) throw new AppError('conflict', 'errors.request_changed');
  const [row] = await tx
    .update(supportRequests)
    .set({ ...normalised(fields), rowVersion: sql`${supportRequests.rowVersion} + 1`, updatedAt: sql`now()` })
    .where(and(eq(supportRequests.id, request.id), eq(supportRequests.rowVersion, rowVersion)))
    .returning();
  if (!row) throw new AppError('conflict', 'errors.request_changed');
  return row;
}
