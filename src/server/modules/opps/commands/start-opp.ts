import { desc, eq } from 'drizzle-orm';
import { opps } from '../../../db/schema/opp.js';
import type { Tx } from '../../../platform/db.js';
import { AppError } from '../../../platform/errors.js';
import { isOpen, type TOppRow } from './state.js';

const pgCode = (err: unknown) => (err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code;

/**
 * A new version: the first one empty, a later one with the content of the last adopted version.
 * The OOGO and the hearing are not copied: each version is discussed with the parents and the
 * pupil anew, and a copied date would pass for a conversation about this version.
 */
export async function startOpp(tx: Tx, o: { regionId: string; pupilId: string; userId: string }): Promise<TOppRow> {
  const versions = await tx.select().from(opps).where(eq(opps.pupilId, o.pupilId)).orderBy(desc(opps.seq));
  if (versions.some((v) => isOpen(v.status))) throw new AppError('conflict', 'errors.opp_one_open');
  const from = versions.find((v) => v.status === 'adopted') ?? versions[0];
  const copied = from
    ? {
        outflowProfile: from.outflowProfile,
        outflowDestination: from.outflowDestination,
        reasoning: from.reasoning,
        promotingFactors: from.promotingFactors,
        hinderingFactors: from.hinderingFactors,
        support: from.support,
        deviations: from.deviations,
        goals: from.goals,
      }
    : {};
  try {
    const [row] = await tx
      .insert(opps)
      .values({
        regionId: o.regionId,
        pupilId: o.pupilId,
        seq: (versions[0]?.seq ?? 0) + 1,
        status: 'draft',
        basedOnId: from?.id ?? null,
        createdBy: o.userId,
        updatedBy: o.userId,
        ...copied,
      })
      .returning();
    return row!;
  } catch (err) {
    // two people starting a version at the same moment: the second one is told why
    if (pgCode(err) === '23505') throw new AppError('conflict', 'errors.opp_one_open');
    throw err;
  }
}
