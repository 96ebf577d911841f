import { and, eq, isNull, sql } from 'drizzle-orm';
import { oppAssents } from '../../../db/schema/opp.js';
import type { Tx } from '../../../platform/db.js';
import { AppError } from '../../../platform/errors.js';
import type { TOppRow } from './state.js';

/** The conversation after a parent disagreed was held: records what came of it (once). */
export async function followUpAssent(tx: Tx, opp: TOppRow, assentId: string, note: string): Promise<void> {
  const [a] = await tx
    .select({ decision: oppAssents.decision, followedUpAt: oppAssents.followedUpAt })
    .from(oppAssents)
    .where(and(eq(oppAssents.id, assentId), eq(oppAssents.oppId, opp.id)));
  if (!a) throw new AppError('not_found');
  if (a.decision !== 'disagree') throw new AppError('conflict', 'errors.opp_follow_up_only_disagree');
  const [done] = await tx
    .update(oppAssents)
    .set({ followedUpAt: sql`now()`, followUpNote: note })
    .where(and(eq(oppAssents.id, assentId), isNull(oppAssents.followedUpAt)))
    .returning({ id: oppAssents.id });
  if (!done) throw new AppError('conflict', 'errors.opp_already_followed_up');
}
