import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../shared/schemas/common.js';
import {
  ZConsultants,
  ZPupilRequestList,
  ZRequest,
  ZRequestClose,
  ZRequestConsultantInput,
  ZRequestCreate,
  ZRequestList,
  ZRequestListQuery,
  ZRequestPatch,
  ZRequestStep,
  ZRequestSubmit,
  ZRequestWithdraw,
} from '../../../shared/schemas/support-request.js';
import type { TRequestAction } from '../../../shared/support-request.js';
import { organisations } from '../../db/schema/region.js';
import { inTenant, requireMember, type TMemberActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { fieldError } from '../../platform/validation.js';
import { authorizeAction, authorizeRecord } from '../../policies/index.js';
import { supportRequestPolicy as policy, type TRequestSubject } from '../../policies/support-request.js';
import { loadChildRelation } from '../pupils/relation.js';
import { answer, audited } from './answer.js';
import { evaluateChecklist } from './checklist.js';
import { assignConsultant } from './commands/assign-consultant.js';
import { createRequest } from './commands/create-request.js';
import { editRequest } from './commands/edit-request.js';
import { fieldIssues, missingForSubmit } from './commands/rules.js';
import { transitionRequest } from './commands/transition.js';
import { checklistRoutes } from './checklist-routes.js';
import { conversationRoutes } from './conversation-routes.js';
import { checklistMissing, invalid } from './issues.js';
import { isFamily, presentListItem, presentSummary } from './presenter.js';
import { listConsultants, listPupilRequests, listRequests, loadRequestDetail } from './queries.js';
import { lockRequest } from './lock.js';
import { checklistFor, loadRequest, type TRequestRow } from './relation.js';

/** A step taken from a page that shows an older version is refused: the person sees the newest first. */
function assertVersion(request: TRequestRow, rowVersion: number | undefined) {
  if (rowVersion !== undefined && rowVersion !== request.rowVersion) throw new AppError('conflict', 'errors.request_changed');
}

export async function supportRequestRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const tags = ['support-requests'];

  r.get('/api/v1/support-requests', { schema: { tags, querystring: ZRequestListQuery, response: { 200: ZRequestList } } }, async (req) => {
    const actor = requireMember(req);
    const scope = policy.scope(actor);
    const q = req.query;
    if (scope.kind === 'none' || (scope.kind === 'school' && q.schoolId && q.schoolId !== scope.schoolId)) throw new AppError('forbidden');
    const consultantId = q.consultantId === 'me' ? actor.userId : q.consultantId;
    return inTenant(db, actor, async ({ tx, audit }) => {
      if (scope.kind === 'region' && q.schoolId) {
        const [school] = await tx
          .select({ id: organisations.id })
          .from(organisations)
          .where(and(eq(organisations.id, q.schoolId), eq(organisations.kind, 'school')));
        if (!school) throw fieldError('schoolId', 'unknown_school');
      }
      const { rows, summary } = await listRequests(tx, actor, scope, { ...q, consultantId });
      const family = isFamily(actor);
      // names of children with their requests: a read of personal data, logged as counts
      await audit({
        action: 'support_request.list',
        subjectType: 'support_request',
        details: { results: rows.length, total: summary.total, schoolId: q.schoolId ?? null, type: q.type ?? null, status: q.status ?? null, mine: q.consultantId === 'me' },
      });
      return {
        items: rows.map((row) => presentListItem(row, family ? null : checklistFor(actor, row.type))),
        page: q.page,
        pageSize: q.pageSize,
        total: summary.total,
        summary: presentSummary(summary),
      };
    });
  });

  r.get('/api/v1/pupils/:id/support-requests', { schema: { tags, params: ZIdParams, response: { 200: ZPupilRequestList } } }, async (req) => {
    const actor = requireMember(req);
    return inTenant(db, actor, async ({ tx, audit }) => {
      const rel = authorizeRecord(await loadChildRelation(tx, actor, req.params.id), (x) => policy.listForPupil(actor, x));
      const family = isFamily(actor);
      // each request by the same rule as opening it: a draft stays with its school, a request stays with the school that filed it
      const rows = (await listPupilRequests(tx, rel.pupilId)).filter((row) =>
        policy.read(actor, { pupilId: rel.pupilId, schoolId: row.school_id, type: row.type, status: row.status, consultantId: row.consultant_id, isExpert: false, isGuardian: rel.isGuardian }),
      );
      await audit({ action: 'support_request.list_for_pupil', subjectType: 'pupil', subjectId: rel.pupilId, pupilId: rel.pupilId, details: { results: rows.length } });
      return {
        items: rows.map((row) => presentListItem(row, family ? null : checklistFor(actor, row.type))),
        policies: { create: policy.create(actor, rel) },
      };
    });
  });

  r.post('/api/v1/pupils/:id/support-requests', { schema: { tags, params: ZIdParams, body: ZRequestCreate, response: { 200: ZRequest, 201: ZRequest } } }, async (req, reply) => {
    const actor = requireMember(req);
    const { created, out } = await inTenant(db, actor, async ({ tx, audit }) => {
      const rel = authorizeRecord(await loadChildRelation(tx, actor, req.params.id), (x) => policy.listForPupil(actor, x));
      authorizeAction(policy.create(actor, rel));
      const { clientKey, type, ...fields } = req.body;
      const issues = fieldIssues(type, fields);
      if (issues.length) throw invalid(issues);
      const made = await createRequest(tx, {
        ...fields,
        regionId: actor.membership.regionId,
        pupilId: rel.pupilId,
        schoolId: rel.schoolId,
        type,
        clientKey,
        createdBy: actor.userId,
      });
      const { request, subject } = await loadRequest(tx, actor, made.request.id);
      const answered = await answer(tx, actor, request, subject);
      await audit(audited(made.created ? 'support_request.create' : 'support_request.read', request, { type, replay: !made.created }));
      return { created: made.created, out: answered };
    });
    return reply.status(created ? 201 : 200).send(out);
  });

  r.get('/api/v1/support-requests/:id', { schema: { tags, params: ZIdParams, response: { 200: ZRequest } } }, async (req) => {
    const actor = requireMember(req);
    return inTenant(db, actor, async ({ tx, audit }) => {
      const { request, subject } = await loadRequest(tx, actor, req.params.id);
      const out = await answer(tx, actor, request, subject);
      // last before commit: the append holds the region's audit lock until then
      await audit(audited('support_request.read', request));
      return out;
    });
  });

  r.patch('/api/v1/support-requests/:id', { schema: { tags, params: ZIdParams, body: ZRequestPatch, response: { 200: ZRequest } } }, async (req) => {
    const actor = requireMember(req);
    return inTenant(db, actor, async ({ tx, audit }) => {
      await lockRequest(tx, req.params.id);
      const { request, subject } = await loadRequest(tx, actor, req.params.id);
      authorizeAction(policy.edit(actor, subject));
      const issues = fieldIssues(request.type, req.body);
      if (issues.length) throw invalid(issues);
      const saved = await editRequest(tx, request, req.body);
      const out = await answer(tx, actor, saved, subject);
      await audit(audited('support_request.update', saved, { fields: Object.keys(req.body).filter((k) => k !== 'rowVersion') }));
      return out;
    });
  });

  /** One status step of the state machine, after its own precondition. */
  const step = (
    action: TRequestAction,
    allowed: (a: TMemberActor, s: TRequestSubject) => boolean,
    run: (o: { req: FastifyRequest; request: TRequestRow; actor: TMemberActor; tx: Parameters<typeof answer>[0] }) => Promise<{ note?: string | null; set?: Partial<TRequestRow> }>,
  ) =>
    async (req: FastifyRequest<{ Params: { id: string }; Body: { rowVersion?: number | undefined } }>) => {
      const actor = requireMember(req);
      return inTenant(db, actor, async ({ tx, audit }) => {
        await lockRequest(tx, req.params.id);
        const { request, subject } = await loadRequest(tx, actor, req.params.id);
        assertVersion(request, req.body.rowVersion);
        authorizeAction(allowed(actor, subject));
        const o = await run({ req, request, actor, tx });
        const moved = await transitionRequest(tx, request, action, { by: actor.userId, ...o });
        const out = await answer(tx, actor, moved, subject);
        await audit(audited(`support_request.${action}`, moved, { from: request.status, to: moved.status }));
        return out;
      });
    };

  r.post('/api/v1/support-requests/:id/submit', { schema: { tags, params: ZIdParams, body: ZRequestSubmit, response: { 200: ZRequest } } },
    step('submit', policy.submit, async ({ req, request }) => {
      const missing = missingForSubmit(request);
      if (missing.length) throw invalid(missing);
      return {};
    }),
  );

  r.post('/api/v1/support-requests/:id/complete', { schema: { tags, params: ZIdParams, body: ZRequestStep, response: { 200: ZRequest } } },
    step('markComplete', policy.markComplete, async ({ req, request, actor, tx }) => {
      const missing = evaluateChecklist(checklistFor(actor, request.type), await loadRequestDetail(tx, request)).filter((c) => !c.met);
      if (missing.length) throw checklistMissing(missing);
      return {};
    }),
  );

  r.post('/api/v1/support-requests/:id/start-assessment', { schema: { tags, params: ZIdParams, body: ZRequestStep, response: { 200: ZRequest } } },
    // whoever starts the assessment of an unassigned request takes it
    step('startAssessment', policy.startAssessment, async ({ request, actor }) => ({ set: request.consultantId ? {} : { consultantId: actor.userId } })),
  );

  r.post('/api/v1/support-requests/:id/close', { schema: { tags, params: ZIdParams, body: ZRequestClose, response: { 200: ZRequest } } },
    step('close', policy.close, async ({ req }) => ({ note: (req.body as { note?: string | null }).note || null })),
  );

  r.post('/api/v1/support-requests/:id/withdraw', { schema: { tags, params: ZIdParams, body: ZRequestWithdraw, response: { 200: ZRequest } } },
    step('withdraw', policy.withdraw, async ({ req }) => {
      const reason = (req.body as { reason: string }).reason;
      return { note: reason, set: { withdrawnReason: reason } };
    }),
  );

  r.put('/api/v1/support-requests/:id/consultant', { schema: { tags, params: ZIdParams, body: ZRequestConsultantInput, response: { 200: ZRequest } } }, async (req) => {
    const actor = requireMember(req);
    return inTenant(db, actor, async ({ tx, audit }) => {
      await lockRequest(tx, req.params.id);
      const { request, subject } = await loadRequest(tx, actor, req.params.id);
      authorizeAction(policy.assignConsultant(actor, subject));
      const [consultant] = await listConsultants(tx, req.body.consultantId);
      if (!consultant) throw invalid([{ field: 'consultantId', rule: 'not_a_consultant' }]);
      const saved = await assignConsultant(tx, request, consultant.id);
      const out = await answer(tx, actor, saved, subject);
      await audit(audited('support_request.assign_consultant', saved, { consultantId: consultant.id, previous: request.consultantId }));
      return out;
    });
  });

  r.get('/api/v1/swv-consultants', { schema: { tags, response: { 200: ZConsultants } } }, async (req) => {
    const actor = requireMember(req);
    authorizeAction(policy.scope(actor).kind === 'region');
    return inTenant(db, actor, async ({ tx }) => ({ items: await listConsultants(tx) }));
  });

  await conversationRoutes(app);
  await checklistRoutes(app);
}
