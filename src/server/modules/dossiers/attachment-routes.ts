import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZAttachment, ZFileUpload } from '../../../shared/schemas/attachment.js';
import { ZIdParams } from '../../../shared/schemas/common.js';
import { ZAttachmentParams } from '../../../shared/schemas/dossier.js';
import { inTenant, requireMember } from '../../platform/context.js';
import { query } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { acceptFile, UPLOAD_BODY_LIMIT } from '../../platform/files.js';
import { authorizeAction, authorizeRecord } from '../../policies/index.js';
import { childFilePolicy } from '../../policies/child-file.js';
import { loadChildRelation } from '../pupils/relation.js';

/**
 * Files in a child's file. They live in the database and leave it only through here, after the
 * same policy as the rest of the file: reading needs the 'attachments' category (and 'opp' for a
 * plan's own papers), and every download is audited.
 */
export async function attachmentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;

  r.post(
    '/api/v1/pupils/:id/attachments',
    { bodyLimit: UPLOAD_BODY_LIMIT, schema: { tags: ['dossier'], params: ZIdParams, body: ZFileUpload, response: { 201: ZAttachment } } },
    async (req, reply) => {
      const actor = requireMember(req);
      const body = await inTenant(db, actor, async ({ tx, audit }) => {
        const rel = authorizeRecord(await loadChildRelation(tx, actor, req.params.id), (x) => childFilePolicy.read(actor, x, 'attachments'));
        authorizeAction(childFilePolicy.uploadAttachment(actor, rel));
        const file = acceptFile(req.body);
        const [row] = await query<{ id: string; created_at: string | Date }>(
          tx,
          sql`insert into attachments (region_id, pupil_id, category, file_name, content_type, size_bytes, data, uploaded_by)
            values (${actor.membership.regionId}, ${req.params.id}, 'dossier', ${file.fileName}, ${file.contentType},
              ${file.data.length}, ${file.data}, ${actor.userId})
            returning id, created_at`,
        );
        await audit({ action: 'attachment.add', subjectType: 'attachment', subjectId: row!.id, pupilId: req.params.id, details: { contentType: file.contentType, sizeBytes: file.data.length } });
        return { id: row!.id, fileName: file.fileName, contentType: file.contentType, sizeBytes: file.data.length, createdAt: new Date(row!.created_at).toISOString() };
      });
      return reply.status(201).send(body);
    },
  );

  r.get(
    '/api/v1/pupils/:id/attachments/:attachmentId',
    { schema: { tags: ['dossier'], params: ZAttachmentParams } },
    async (req, reply) => {
      const actor = requireMember(req);
      const file = await inTenant(db, actor, async ({ tx, audit }) => {
        const rel = authorizeRecord(await loadChildRelation(tx, actor, req.params.id), (x) => childFilePolicy.read(actor, x, 'attachments'));
        const [row] = await query<{ category: string; file_name: string; content_type: string; data: Uint8Array }>(
          tx,
          sql`select category, file_name, content_type, data from attachments
            where pupil_id = ${req.params.id} and id = ${req.params.attachmentId} and removed_at is null`,
        );
        // files sent with a support request are read through the request, whose readers differ
        const found = authorizeRecord(row, (a) => a.category === 'dossier' || (a.category === 'opp' && childFilePolicy.read(actor, rel, 'opp')));
        await audit({ action: 'attachment.read', subjectType: 'attachment', subjectId: req.params.attachmentId, pupilId: req.params.id });
        return found;
      });
      // the name is the uploader's; quote it safely and offer it as a download, never render it inline
      const ascii = file.file_name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      return reply
        .header('content-type', file.content_type)
        .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.file_name)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(file.data));
    },
  );

  r.delete(
    '/api/v1/pupils/:id/attachments/:attachmentId',
    { schema: { tags: ['dossier'], params: ZAttachmentParams } },
    async (req, reply) => {
      const actor = requireMember(req);
      await inTenant(db, actor, async ({ tx, audit }) => {
        const rel = authorizeRecord(await loadChildRelation(tx, actor, req.params.id), (x) => childFilePolicy.read(actor, x, 'attachments'));
        authorizeAction(childFilePolicy.uploadAttachment(actor, rel));
        // a plan's signed paper belongs to the plan: it is never removed from here
        const rows = await query(
          tx,
          sql`update attachments set removed_at = now()
            where pupil_id = ${req.params.id} and id = ${req.params.attachmentId} and removed_at is null and category = 'dossier'
            returning id`,
        );
        if (!rows.length) throw new AppError('not_found');
        await audit({ action: 'attachment.remove', subjectType: 'attachment', subjectId: req.params.attachmentId, pupilId: req.params.id });
      });
      return reply.status(204).send();
    },
  );
}
