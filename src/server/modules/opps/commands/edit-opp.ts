import { and, eq, inArray, sql } from 'drizzle-orm';
import type { TOppPatch } from '../../../../shared/schemas/opp.js';
import { opps } from '../../../db/schema/opp.js';
import type { Tx } from '../../../platform/db.js';
import { AppError } from '../../../platform/errors.js';
import { isEditable, type TOppRow } from './state.js';

/** Text a form sends as '' means "empty": stored as null so "filled in?" has one answer. */
const blankToNull = <T>(v: T): T | null => (typeof v === 'string' && v === '' ? null : v);

/**
 * Saves a draft (or reopens a disagreed version as a draft). Optimistic: the change applies only
 * to the version the editor loaded, so nobody silently overwrites a colleague's work.
 */
export async function editOpp(tx: Tx, opp: TOppRow, patch: TOppPatch, userId: string): Promise<TOppRow> {
  if (!isEditable(opp.status)) throw new AppError('conflict', 'errors.opp_not_editable');
  const { rowVersion, ...fields } = patch;
  if (rowVersion !== opp.rowVersion) throw new AppError('conflict', 'errors.opp_changed_meanwhile');
  const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined).map(([k, v]) => [k, blankToNull(v)]));
  const [row] = await tx
    .update(opps)
    .set({ ...set, status: 'draft', rowVersion: sql`${opps.rowVersion} + 1`, updatedBy: userId, updatedAt: sql`now()` })
    .where(and(eq(opps.id, opp.id), eq(opps.rowVersion, rowVersion), inArray(opps.status, ['draft', 'disagreed'])))
    .returning();
  if (!row) throw new AppError('conflict', 'errors.opp_changed_meanwhile');
  return row;
}
