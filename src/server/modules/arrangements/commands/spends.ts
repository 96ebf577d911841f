import { and, eq, sql } from 'drizzle-orm';
import type { TSpendInput } from '../../../../shared/schemas/arrangement.js';
import { arrangementSpends, arrangements } from '../../../db/schema/support.js';
import type { Tx } from '../../../platform/db.js';
import { AppError } from '../../../platform/errors.js';
import { arrangementProblem } from '../errors.js';
import type { TArrangementRow } from '../queries.js';

/**
 * Spend is recorded as it happens, within the arrangement's period (also after it ended: bills
 * come late). Going over the budget is allowed; the answer shows it.
 */
export async function recordSpend(tx: Tx, a: TArrangementRow, input: TSpendInput, by: string): Promise<string> {
  if (input.spentOn < a.startOn || input.spentOn > a.endOn) throw arrangementProblem('spentOn', 'spend_outside_period');
  const [row] = await tx
    .insert(arrangementSpends)
    .values({
      regionId: a.regionId,
      arrangementId: a.id,
      pupilId: a.pupilId,
      schoolId: a.schoolId,
      spentOn: input.spentOn,
      amountCents: input.amountCents,
      hours: input.hours === null || input.hours === undefined ? null : input.hours.toFixed(1),
      description: input.description,
      recordedBy: by,
    })
    .returning({ id: arrangementSpends.id });
  await touch(tx, a.id);
  return row!.id;
}

/** A correction: a wrongly recorded spend is removed (the audit trail keeps that it was). */
export async function deleteSpend(tx: Tx, a: TArrangementRow, spendId: string): Promise<void> {
  const gone = await tx
    .delete(arrangementSpends)
    .where(and(eq(arrangementSpends.id, spendId), eq(arrangementSpends.arrangementId, a.id)))
    .returning({ id: arrangementSpends.id });
  if (!gone.length) throw new AppError('not_found');
  await touch(tx, a.id);
}

async function touch(tx: Tx, id: string) {
  await tx.update(arrangements).set({ updatedAt: sql`now()`, rowVersion: sql`${arrangements.rowVersion} + 1` }).where(eq(arrangements.id, id));
}
