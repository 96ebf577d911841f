import { and, eq, ne, sql } from 'drizzle-orm';
import { attachments } from '../../../db/schema/dossier.js';
import { oppAssents, opps } from '../../../db/schema/opp.js';
import type { Tx } from '../../../platform/db.js';
import { AppError } from '../../../platform/errors.js';
import { awaitsAssent, type TOppRow } from './state.js';

export interface TAssentDecision {
  guardianId: string;
  decision: 'agree' | 'disagree';
  reason: string | null;
  via: 'portal' | 'paper';
  recordedBy: string;
  /** The signed form, when the decision was given on paper. */
  paper?: { fileName: string; contentType: string; data: Buffer };
}

/**
 * A guardian's decision on the handelingsdeel. "Agree" adopts this version and retires the
 * previously adopted one; "disagree" sends it back to the school, which then owes the parents a
 * conversation (the opp_disagreed clock). One transaction: the decision, the paper and the status
 * change stand or fall together.
 */
export async function decideAssent(tx: Tx, opp: TOppRow, d: TAssentDecision): Promise<{ opp: TOppRow; assentId: string; superseded: string[] }> {
  if (!awaitsAssent(opp.status)) throw new AppError('conflict', 'errors.opp_not_awaiting_assent');
  const agree = d.decision === 'agree';
  // guarded by status: of two decisions at the same moment only the first one counts
  const [moved] = await tx
    .update(opps)
    .set({
      status: agree ? 'adopted' : 'disagreed',
      ...(agree ? { adoptedAt: sql`now()` } : {}),
      rowVersion: sql`${opps.rowVersion} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(opps.id, opp.id), eq(opps.status, 'awaiting_assent')))
    .returning();
  if (!moved) throw new AppError('conflict', 'errors.opp_not_awaiting_assent');
  const superseded = agree
    ? (
        await tx
          .update(opps)
          .set({ status: 'superseded' })
          .where(and(eq(opps.pupilId, opp.pupilId), eq(opps.status, 'adopted'), ne(opps.id, opp.id)))
          .returning({ id: opps.id })
      ).map((r) => r.id)
    : [];
  let attachmentId: string | null = null;
  if (d.paper) {
    const [file] = await tx
      .insert(attachments)
      .values({
        regionId: opp.regionId,
        pupilId: opp.pupilId,
        category: 'opp',
        fileName: d.paper.fileName,
        contentType: d.paper.contentType,
        sizeBytes: d.paper.data.length,
        data: d.paper.data,
        uploadedBy: d.recordedBy,
      })
      .returning({ id: attachments.id });
    attachmentId = file!.id;
  }
  const [assent] = await tx
    .insert(oppAssents)
    .values({
      regionId: opp.regionId,
      oppId: opp.id,
      pupilId: opp.pupilId,
      guardianId: d.guardianId,
      decision: d.decision,
      reason: d.reason,
      via: d.via,
      recordedBy: d.recordedBy,
      attachmentId,
    })
    .returning({ id: oppAssents.id });
  return { opp: moved, assentId: assent!.id, superseded };
}
