import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../shared/schemas/common.js';
import {
  type TDecision,
  type TExperts,
  ZAdviceInput,
  ZAssignExpertInput,
  ZDecision,
  ZDecisionInput,
  ZExpertRowParams,
  ZExperts,
  ZObjection,
  ZObjectionInput,
  ZObjectionPatch,
  ZReturnPlanInput,
  ZSwvExperts,
  ZTlvClockQuery,
  ZTlvClocks,
} from '../../../shared/schemas/decision.js';
import { objectionDeadline, tlvNumber } from '../../../shared/support-request.js';
import { objections, tlvs } from '../../db/schema/support.js';
import { inTenant, requireMember, type TMemberActor } from '../../platform/context.js';
import type { Tx } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { authorizeAction, authorizeRecord } from '../../policies/index.js';
import { supportRequestPolicy, type TRequestSubject } from '../../policies/support-request.js';
import { clockSchool, dutchDate } from '../opps/clocks.js';
import { checklistFor, loadRequest, type TRequestRow } from '../support-requests/relation.js';
import { tlvClockItems } from './clocks.js';
import { loadAssignment, removeExpert, submitAdvice } from './commands/advice.js';
import { assignExpert } from './commands/assign-expert.js';
import { decide } from './commands/decide.js';
import { registerObjection, saveReturnPlan, updateObjection } from './commands/objections.js';
import { dossierDefinition } from './dossier-pdf.js';
import { letterDefinition } from './letter.js';
import { renderPdf } from './pdf.js';
import { presentDecision, presentExperts, presentObjection, presentTlvClockItem } from './presenter.js';
import {
  listExperts,
  loadAttachmentNames,
  loadDecision,
  loadRequestHead,
  loadTimeline,
  regionExperts,
  type TDecisionDetail,
} from './queries.js';

const audited = (action: string, r: TRequestRow, details?: Record<string, unknown>) => ({
  action,
  subjectType: 'support_request',
  subjectId: r.id,
  pupilId: r.pupilId,
  details,
});

async function expertsAnswer(tx: Tx, actor: TMemberActor, subject: TRequestSubject, requestId: string): Promise<TExperts> {
  return presentExperts(actor, subject, await listExperts(tx, requestId));
}

/** The decision of a request the actor may read, or 404 (also before it is decided). */
async function loadReadableDecision(tx: Tx, actor: TMemberActor, subject: TRequestSubject, requestId: string): Promise<TDecisionDetail> {
  const detail = supportRequestPolicy.readDecision(actor, subject) ? await loadDecision(tx, requestId) : null;
  return authorizeRecord(detail, () => true);
}

async function decisionAnswer(tx: Tx, actor: TMemberActor, subject: TRequestSubject, requestId: string): Promise<TDecision> {
  return presentDecision(actor, subject, await loadReadableDecision(tx, actor, subject, requestId), dutchDate());
}

const pdfReply = (reply: FastifyReply, pdf: Buffer, fileName: string) =>
  // no personal data in the file name: it ends up in download folders and mail attachments
  reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .send(pdf);

export async function decisionRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const tags = ['decisions'];

  // ---- experts and their advices ----

  r.get('/api/v1/support-requests/:id/experts', { schema: { tags, params: ZIdParams, response: { 200: ZExperts } } }, async (req) => {
    const actor = requireMember(req);
    return inTenant(db, actor, async ({ tx, audit }) => {
      const { request, subject } = await loadRequest(tx, actor, req.params.id);
      const out = await expertsAnswer(tx, actor, subject, request.id);
      await audit(audited('request_experts.read', request, { experts: out.items.length }));
      return out;
    });
  });

  r.get('/api/v1/swv-experts', { schema: { tags, response: { 200: ZSwvExperts } } }, async (req) => {
    const actor = requireMember(req);
    authorizeAction(supportRequestPolicy.chooseExperts(actor));
    return inTenant(db, actor, async ({ tx }) => ({ items: await regionExperts(tx) }));
  });

  r.post(
    '/api/v1/support-requests/:id/experts',
    { schema: { tags, params: ZIdParams, body: ZAssignExpertInput, response: { 201: ZExperts } } },
    async (req, reply) => {
      const actor = requireMember(req);
      const out = await inTenant(db, actor, async ({ tx, audit }) => {
        const { request, subject } = await loadRequest(tx, actor, req.params.id);
        authorizeAction(supportRequestPolicy.assignExperts(actor, subject));
        const rowId = await assignExpert(tx, actor, request, req.body);
        const answer = await expertsAnswer(tx, actor, subject, request.id);
        await audit(audited('request_experts.assign', request, { expertRowId: rowId, expertKind: req.body.expertKind }));
        return answer;
      });
      return reply.status(201).send(out);
    },
  );

  r.delete(
    '/api/v1/support-requests/:id/experts/:expertRowId',
    { schema: { tags, params: ZExpertRowParams, response: { 200: ZExperts } } },
    async (req) => {
      const actor = requireMember(req);
      return inTenant(db, actor, async ({ tx, audit }) => {
        const { request, subject } = await loadRequest(tx, actor, req.params.id);
        const row = await loadAssignment(tx, request.id, req.params.expertRowId);
        await removeExpert(tx, actor, subject, request, row);
        const answer = await expertsAnswer(tx, actor, subject, request.id);
        await audit(audited('request_experts.remove', request, { expertRowId: row.id }));
        return answer;
      });
    },
  );

  r.post(
    '/api/v1/support-requests/:id/experts/:expertRowId/advice',
    { schema: { tags, params: ZExpertRowParams, body: ZAdviceInput, response: { 200: ZExperts } } },
    async (req) => {
      const actor = requireMember(req);
      return inTenant(db, actor, async ({ tx, audit }) => {
        const { request, subject } = await loadRequest(tx, actor, req.params.id);
        const row = await loadAssignment(tx, request.id, req.params.expertRowId);
        await submitAdvice(tx, actor, subject, row, req.body);
        const answer = await expertsAnswer(tx, actor, subject, request.id);
        await audit(audited('request_experts.advise', request, { expertRowId: row.id }));
        return answer;
      });
    },
  );

  // ---- the decision ----

  r.get('/api/v1/support-requests/:id/decision', { schema: { tags, params: ZIdParams, response: { 200: ZDecision } } }, async (req) => {
    const actor = requireMember(req);
    return inTenant(db, actor, async ({ tx, audit }) => {
      const { request, subject } = await loadRequest(tx, actor, req.params.id);
      const out = await decisionAnswer(tx, actor, subject, request.id);
      await audit(audited('decision.read', request));
      return out;
    });
  });

  r.post(
    '/api/v1/support-requests/:id/decision',
    { schema: { tags, params: ZIdParams, body: ZDecisionInput, response: { 201: ZDecision } } },
    async (req, reply) => {
      const actor = requireMember(req);
      const out = await inTenant(db, actor, async ({ tx, audit }) => {
        const { request, subject } = await loadRequest(tx, actor, req.params.id);
        authorizeAction(supportRequestPolicy.decide(actor, subject));
        await decide(tx, actor, request, req.body, dutchDate());
        const decided: TRequestSubject = { ...subject, status: 'decided' };
        const answer = await decisionAnswer(tx, actor, decided, request.id);
        await audit(audited('decision.create', request, { outcome: req.body.outcome, tlvId: answer.tlv?.id ?? null }));
        return answer;
      });
      return reply.status(201).send(out);
    },
  );

  r.get('/api/v1/support-requests/:id/decision/letter', { schema: { tags, params: ZIdParams } }, async (req, reply) => {
    const actor = requireMember(req);
    const { pdf, name } = await inTenant(db, actor, async ({ tx, audit }) => {
      const { request, subject } = await loadRequest(tx, actor, req.params.id);
      const detail = await loadReadableDecision(tx, actor, subject, request.id);
      const rendered = await renderPdf(
        letterDefinition({
          request,
          head: await loadRequestHead(tx, request),
          detail,
          experts: await listExperts(tx, request.id),
          regionName: actor.membership.regionName,
          parentSupport: actor.regionSettings?.parentSupport,
        }),
      );
      await audit(audited('decision.export', request, { format: 'pdf', document: 'letter' }));
      return { pdf: rendered, name: detail.tlv ? `besluit-tlv-${tlvNumber(detail.tlv.year, detail.tlv.seq)}.pdf` : 'besluit.pdf' };
    });
    return pdfReply(reply, pdf, name);
  });

  // ---- objections ----

  r.post(
    '/api/v1/support-requests/:id/objections',
    { schema: { tags, params: ZIdParams, body: ZObjectionInput, response: { 201: ZObjection } } },
    async (req, reply) => {
      const actor = requireMember(req);
      const out = await inTenant(db, actor, async ({ tx, audit }) => {
        const { request, subject } = await loadRequest(tx, actor, req.params.id);
        authorizeAction(supportRequestPolicy.registerObjection(actor, subject));
        const { decision } = await loadReadableDecision(tx, actor, subject, request.id);
        const row = await registerObjection(tx, actor, request, decision, req.body, dutchDate());
        const answer = presentObjection(row, objectionDeadline(decision.sentOn), true);
        await audit(audited('objection.create', request, { objectionId: row.id, late: answer.late }));
        return answer;
      });
      return reply.status(201).send(out);
    },
  );

  r.patch('/api/v1/objections/:id', { schema: { tags, params: ZIdParams, body: ZObjectionPatch, response: { 200: ZObjection } } }, async (req) => {
    const actor = requireMember(req);
    return inTenant(db, actor, async ({ tx, audit }) => {
      const [row] = await tx.select().from(objections).where(eq(objections.id, req.params.id));
      if (!row) throw new AppError('not_found');
      const { request, subject } = await loadRequest(tx, actor, row.requestId);
      const { decision } = await loadReadableDecision(tx, actor, subject, request.id);
      authorizeAction(supportRequestPolicy.registerObjection(actor, subject));
      await updateObjection(tx, row, req.body);
      const [saved] = await tx.select().from(objections).where(eq(objections.id, row.id));
      await audit(audited('objection.update', request, { objectionId: row.id, from: row.status, to: req.body.status }));
      return presentObjection(saved!, objectionDeadline(decision.sentOn), true);
    });
  });

  r.get('/api/v1/support-requests/:id/objection-dossier', { schema: { tags, params: ZIdParams } }, async (req, reply) => {
    const actor = requireMember(req);
    const pdf = await inTenant(db, actor, async ({ tx, audit }) => {
      const { request, subject } = await loadRequest(tx, actor, req.params.id);
      const detail = await loadReadableDecision(tx, actor, subject, request.id);
      authorizeAction(supportRequestPolicy.exportObjectionDossier(actor, subject));
      const rendered = await renderPdf(
        dossierDefinition({
          request,
          head: await loadRequestHead(tx, request),
          detail,
          experts: await listExperts(tx, request.id),
          checklist: checklistFor(actor, request.type),
          timeline: await loadTimeline(tx, request.id),
          attachments: await loadAttachmentNames(tx, request.id),
          regionName: actor.membership.regionName,
        }),
      );
      await audit(audited('decision.export', request, { format: 'pdf', document: 'objection_dossier' }));
      return rendered;
    });
    return pdfReply(reply, pdf, 'bezwaardossier.pdf');
  });

  // ---- the TLV ----

  r.put('/api/v1/tlvs/:id/return-plan', { schema: { tags, params: ZIdParams, body: ZReturnPlanInput, response: { 200: ZDecision } } }, async (req) => {
    const actor = requireMember(req);
    return inTenant(db, actor, async ({ tx, audit }) => {
      const [tlv] = await tx.select({ id: tlvs.id, requestId: tlvs.requestId }).from(tlvs).where(eq(tlvs.id, req.params.id));
      if (!tlv) throw new AppError('not_found');
      const { request, subject } = await loadRequest(tx, actor, tlv.requestId);
      await loadReadableDecision(tx, actor, subject, request.id);
      authorizeAction(supportRequestPolicy.editReturnPlan(actor, subject));
      await saveReturnPlan(tx, tlv.id, req.body.returnPlan);
      const out = await decisionAnswer(tx, actor, subject, request.id);
      await audit(audited('tlv.return_plan', request, { tlvId: tlv.id }));
      return out;
    });
  });

  r.get('/api/v1/tlv-clocks', { schema: { tags, querystring: ZTlvClockQuery, response: { 200: ZTlvClocks } } }, async (req) => {
    const actor = requireMember(req);
    const { schoolId: asked, page, pageSize } = req.query;
    return inTenant(db, actor, async ({ tx, audit }) => {
      // the same watchers as the OPP's clocks: the school's IB'er and director, the region's consultant
      const schoolId = await clockSchool(tx, actor, asked);
      const { rows, total } = await tlvClockItems(tx, schoolId ? sql`r.school_id = ${schoolId}` : sql`true`, { page, pageSize });
      // names of children with their deadlines: a read of personal data, logged as counts
      await audit({ action: 'tlv_clock.list', subjectType: 'tlv', details: { results: rows.length, schoolId: schoolId ?? null } });
      return { items: rows.map(presentTlvClockItem), page, pageSize, total };
    });
  });
}
