import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../shared/schemas/common.js';
import {
  ZRequest,
  ZRequestAttachmentInput,
  ZRequestAttachmentParams,
  ZRequestCommentInput,
  ZRequestComments,
} from '../../../shared/schemas/support-request.js';
import { inTenant, requireMember } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { acceptFile, UPLOAD_BODY_LIMIT } from '../../platform/files.js';
import { authorizeAction, authorizeRecord } from '../../policies/index.js';
import { supportRequestPolicy as policy } from '../../policies/support-request.js';
import { answer, audited } from './answer.js';
import { takesFile } from './checklist.js';
import { addComment } from './commands/add-comment.js';
import { attachFile, removeFile } from './commands/attach-file.js';
import { invalid } from './issues.js';
import { presentComment } from './presenter.js';
import { listComments, loadRequestFile } from './queries.js';
import { lockRequest } from './lock.js';
import { checklistFor, loadRequest } from './relation.js';

const EXTENSION: Record<string, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };

/** The conversation between school and SWV on a request, and the files sent with it. Parents are not part of either. */
export async function conversationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const tags = ['support-requests'];

  r.get('/api/v1/support-requests/:id/comments', { schema: { tags, params: ZIdParams, response: { 200: ZRequestComments } } }, async (req) => {
    const actor = requireMember(req);
    return inTenant(db, actor, async ({ tx, audit }) => {
      const { request, subject } = await loadRequest(tx, actor, req.params.id);
      // parents read the request, not the school–SWV conversation about it
      authorizeAction(policy.readComments(actor, subject));
      const items = (await listComments(tx, request.id)).map(presentComment);
      await audit(audited('support_request.comments_read', request, { results: items.length }));
      return { items, policies: { comment: policy.comment(actor, subject) } };
    });
  });

  r.post(
    '/api/v1/support-requests/:id/comments',
    { schema: { tags, params: ZIdParams, body: ZRequestCommentInput, response: { 201: ZRequestComments } } },
    async (req, reply) => {
      const actor = requireMember(req);
      const out = await inTenant(db, actor, async ({ tx, audit }) => {
        const { request, subject } = await loadRequest(tx, actor, req.params.id);
        authorizeAction(policy.comment(actor, subject));
        const commentId = await addComment(tx, request, actor, req.body.body);
        const items = (await listComments(tx, request.id)).map(presentComment);
        await audit(audited('support_request.comment', request, { commentId }));
        return { items, policies: { comment: true } };
      });
      return reply.status(201).send(out);
    },
  );

  r.post(
    '/api/v1/support-requests/:id/attachments',
    { bodyLimit: UPLOAD_BODY_LIMIT, schema: { tags, params: ZIdParams, body: ZRequestAttachmentInput, response: { 201: ZRequest } } },
    async (req, reply) => {
      const actor = requireMember(req);
      // checked before anything is read: a file that is not a PDF or image changes nothing
      const file = acceptFile(req.body.file, 'file');
      const out = await inTenant(db, actor, async ({ tx, audit }) => {
        await lockRequest(tx, req.params.id);
        const { request, subject } = await loadRequest(tx, actor, req.params.id);
        authorizeAction(policy.edit(actor, subject));
        const itemId = req.body.checklistItemId || null;
        const item = itemId ? checklistFor(actor, request.type).find((i) => i.id === itemId && takesFile(i)) : null;
        if (itemId && !item) throw invalid([{ field: 'checklistItemId', rule: 'not_a_file_item' }]);
        const attachmentId = await attachFile(tx, request, file, item ?? null, actor.userId);
        const { request: now } = await loadRequest(tx, actor, request.id);
        const answered = await answer(tx, actor, now, subject);
        await audit(audited('support_request.attach', request, { attachmentId, checklistItemId: itemId, contentType: file.contentType, sizeBytes: file.data.length }));
        return answered;
      });
      return reply.status(201).send(out);
    },
  );

  r.get('/api/v1/support-requests/:id/attachments/:attachmentId', { schema: { tags, params: ZRequestAttachmentParams } }, async (req, reply) => {
    const actor = requireMember(req);
    const file = await inTenant(db, actor, async ({ tx, audit }) => {
      const { request, subject } = await loadRequest(tx, actor, req.params.id);
      authorizeAction(policy.readAttachments(actor, subject));
      const found = authorizeRecord(await loadRequestFile(tx, request.id, req.params.attachmentId), () => true);
      await audit({ action: 'attachment.read', subjectType: 'attachment', subjectId: req.params.attachmentId, pupilId: request.pupilId, details: { requestId: request.id } });
      return found;
    });
    // a neutral name: the uploader's may name the child, and it ends up in download folders
    const name = `aanvraag-bijlage-${req.params.attachmentId.slice(0, 8)}.${EXTENSION[file.content_type] ?? 'bin'}`;
    return reply
      .header('content-type', file.content_type)
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(Buffer.from(file.data));
  });

  r.delete(
    '/api/v1/support-requests/:id/attachments/:attachmentId',
    { schema: { tags, params: ZRequestAttachmentParams, response: { 200: ZRequest } } },
    async (req) => {
      const actor = requireMember(req);
      return inTenant(db, actor, async ({ tx, audit }) => {
        await lockRequest(tx, req.params.id);
        const { request, subject } = await loadRequest(tx, actor, req.params.id);
        authorizeAction(policy.edit(actor, subject));
        if (!(await removeFile(tx, request, req.params.attachmentId))) throw new AppError('not_found');
        const { request: now } = await loadRequest(tx, actor, request.id);
        const answered = await answer(tx, actor, now, subject);
        await audit(audited('support_request.detach', request, { attachmentId: req.params.attachmentId }));
        return answered;
      });
    },
  );
}
