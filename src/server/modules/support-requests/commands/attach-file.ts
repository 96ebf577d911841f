import { and, eq, sql } from 'drizzle-orm';
import { attachments } from '../../../db/schema/dossier.js';
import { supportRequestAttachments, supportRequests } from '../../../db/schema/support.js';
import type { Tx } from '../../../platform/db.js';
import type { TChecklistItem } from '../../../../shared/support-request.js';
import type { TRequestRow } from '../relation.js';

/**
 * Stores a file sent with the request (category 'request': read through the request, never the
 * dossier) and links it, for a checklist item when given. The parents' signed form also becomes
 * the request's signature.
 */
export async function attachFile(
  tx: Tx,
  request: TRequestRow,
  file: { fileName: string; contentType: string; data: Buffer },
  item: TChecklistItem | null,
  userId: string,
): Promise<string> {
  const [a] = await tx
    .insert(attachments)
    .values({
      regionId: request.regionId,
      pupilId: request.pupilId,
      category: 'request',
      fileName: file.fileName,
      contentType: file.contentType,
      sizeBytes: file.data.length,
      data: file.data,
      uploadedBy: userId,
    })
    .returning({ id: attachments.id });
  await tx.insert(supportRequestAttachments).values({ regionId: request.regionId, requestId: request.id, attachmentId: a!.id, checklistItemId: item?.id ?? null });
  await tx
    .update(supportRequests)
    .set({
      ...(item?.kind === 'parents_signed' ? { parentsSignatureId: a!.id, rowVersion: sql`${supportRequests.rowVersion} + 1` } : {}),
      updatedAt: sql`now()`,
    })
    .where(eq(supportRequests.id, request.id));
  return a!.id;
}

/** Unlinks a file and takes it out of use; when it was the parents' signature, the request no longer has one. */
export async function removeFile(tx: Tx, request: TRequestRow, attachmentId: string): Promise<boolean> {
  const gone = await tx
    .delete(supportRequestAttachments)
    .where(and(eq(supportRequestAttachments.requestId, request.id), eq(supportRequestAttachments.attachmentId, attachmentId)))
    .returning({ id: supportRequestAttachments.attachmentId });
  if (!gone.length) return false;
  await tx.update(attachments).set({ removedAt: sql`now()` }).where(and(eq(attachments.id, attachmentId), eq(attachments.category, 'request')));
  await tx
    .update(supportRequests)
    .set({
      ...(request.parentsSignatureId === attachmentId ? { parentsSignatureId: null, rowVersion: sql`${supportRequests.rowVersion} + 1` } : {}),
      updatedAt: sql`now()`,
    })
    .where(eq(supportRequests.id, request.id));
  return true;
}
