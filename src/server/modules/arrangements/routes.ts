import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  type TArrangement,
  ZArrangement,
  ZArrangementEnd,
  ZArrangementEvaluationInput,
  ZArrangementInput,
  ZEvaluationAnswer,
  ZPupilArrangements,
  ZRequestArrangements,
  ZSpendInput,
  ZSpendParams,
} from '../../../shared/schemas/arrangement.js';
import { ZIdParams } from '../../../shared/schemas/common.js';
import { inTenant, requireMember, type TMemberActor } from '../../platform/context.js';
import type { Tx } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { arrangementPolicy } from '../../policies/arrangement.js';
import type { TChildRelation } from '../../policies/child-file.js';
import { authorizeAction, authorizeRecord } from '../../policies/index.js';
import { dutchDate } from '../opps/clocks.js';
import { loadChildRelation } from '../pupils/relation.js';
import { loadRequest } from '../support-requests/relation.js';
import { catalogueRoutes } from './catalogue-routes.js';
import { evaluateArrangement, closeArrangement, ensureActive } from './commands/evaluate-arrangement.js';
import { grantArrangement, isGrantable } from './commands/grant-arrangement.js';
import { deleteSpend, recordSpend } from './commands/spends.js';
import { costRoutes } from './cost-routes.js';

import { arrangementPolicies, presentArrangement, presentListItem } from './presenter.js';
import {
  decisionOutcome,
  listArrangements,
  loadArrangement,
  loadArrangementDetail,
  reloadArrangement,
  subjectOf,
  type TArrangementRow,
} from './queries.js';

/** One arrangement as the actor sees it, with what they may do next. */
async function answer(tx: Tx, actor: TMemberActor, a: TArrangementRow, rel: TChildRelation): Promise<TArrangement> {
  const detail = await loadArrangementDetail(tx, a);
  const policies = arrangementPolicies(actor, a, subjectOf(a, rel), rel);
  return presentArrangement(a, detail, policies, actor.membership.role === 'parent');
}

const audited = (action: string, a: TArrangementRow, details?: Record<string, unknown>) => ({
  action,
  subjectType: 'arrangement',
  subjectId: a.id,
  pupilId: a.pupilId,
  details,
});

export async function arrangementRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const tags = ['arrangements'];
  await catalogueRoutes(app);
  await costRoutes(app);

  r.get(
    '/api/v1/support-requests/:id/arrangements',
    { schema: { tags, params: ZIdParams, response: { 200: ZRequestArrangements } } },
    async (req) => {
      const actor = requireMember(req);
      return inTenant(db, actor, async ({ tx, audit }) => {
        // whoever reads the request sees what was made of it; the items carry no staff names
        const { request } = await loadRequest(tx, actor, req.params.id);
        const outcome = await decisionOutcome(tx, request.id);
        const rows = await listArrangements(tx, sql`a.request_id = ${request.id}`);
        await audit({ action: 'arrangement.list', subjectType: 'support_request', subjectId: request.id, pupilId: request.pupilId });
        return { items: rows.map(presentListItem), policies: { create: arrangementPolicy.create(actor) && isGrantable(request, outcome) } };
      });
    },
  );

  r.post(
    '/api/v1/support-requests/:id/arrangements',
    { schema: { tags, params: ZIdParams, body: ZArrangementInput, response: { 201: ZArrangement } } },
    async (req, reply) => {
      const actor = requireMember(req);
      const created = await inTenant(db, actor, async ({ tx, audit }) => {
        const { request } = await loadRequest(tx, actor, req.params.id);
        authorizeAction(arrangementPolicy.create(actor));
        const row = await grantArrangement(tx, request, await decisionOutcome(tx, request.id), req.body, actor.userId);
        const rel = (await loadChildRelation(tx, actor, row.pupilId))!;
        const out = await answer(tx, actor, row, rel);
        await audit(audited('arrangement.create', row, { requestId: request.id, typeId: row.typeId }));
        return out;
      });
      return reply.status(201).send(created);
    },
  );

  r.get('/api/v1/pupils/:id/arrangements', { schema: { tags, params: ZIdParams, response: { 200: ZPupilArrangements } } }, async (req) => {
    const actor = requireMember(req);
    return inTenant(db, actor, async ({ tx, audit }) => {
      const rel = authorizeRecord(await loadChildRelation(tx, actor, req.params.id), (c) => arrangementPolicy.read(actor, c));
      const items = (await listArrangements(tx, sql`a.pupil_id = ${rel.pupilId}`)).map(presentListItem);
      await audit({ action: 'arrangement.list', subjectType: 'pupil', subjectId: rel.pupilId, pupilId: rel.pupilId });
      const sum = (f: (i: (typeof items)[number]) => number) => items.reduce((s, i) => s + f(i), 0);
      return {
        items,
        totals: {
          budgetCents: sum((i) => i.totals.budgetCents),
          spentCents: sum((i) => i.totals.spentCents),
          spentHours: Math.round(sum((i) => i.totals.spentHours) * 10) / 10,
        },
      };
    });
  });

  r.get('/api/v1/arrangements/:id', { schema: { tags, params: ZIdParams, response: { 200: ZArrangement } } }, async (req) => {
    const actor = requireMember(req);
    return inTenant(db, actor, async ({ tx, audit }) => {
      const { arrangement, rel } = await loadArrangement(tx, actor, req.params.id);
      const out = await answer(tx, actor, arrangement, rel);
      // last before commit: the append holds the region's audit lock until then
      await audit(audited('arrangement.read', arrangement));
      return out;
    });
  });

  r.post(
    '/api/v1/arrangements/:id/spends',
    { schema: { tags, params: ZIdParams, body: ZSpendInput, response: { 201: ZArrangement } } },
    async (req, reply) => {
      const actor = requireMember(req);
      const out = await inTenant(db, actor, async ({ tx, audit }) => {
        const { arrangement, rel, subject } = await loadArrangement(tx, actor, req.params.id);
        authorizeAction(arrangementPolicy.manage(actor, subject));
        const spendId = await recordSpend(tx, arrangement, req.body, actor.userId);
        const answered = await answer(tx, actor, arrangement, rel);
        await audit(audited('arrangement.spend', arrangement, { spendId, overBudget: answered.totals.overBudget }));
        return answered;
      });
      return reply.status(201).send(out);
    },
  );

  r.delete('/api/v1/arrangements/:id/spends/:spendId', { schema: { tags, params: ZSpendParams, response: { 200: ZArrangement } } }, async (req) => {
    const actor = requireMember(req);
    return inTenant(db, actor, async ({ tx, audit }) => {
      const { arrangement, rel, subject } = await loadArrangement(tx, actor, req.params.id);
      authorizeAction(arrangementPolicy.manage(actor, subject));
      await deleteSpend(tx, arrangement, req.params.spendId);
      const out = await answer(tx, actor, arrangement, rel);
      await audit(audited('arrangement.spend_delete', arrangement, { spendId: req.params.spendId }));
      return out;
    });
  });

  r.post(
    '/api/v1/arrangements/:id/evaluations',
    { schema: { tags, params: ZIdParams, body: ZArrangementEvaluationInput, response: { 201: ZEvaluationAnswer } } },
    async (req, reply) => {
      const actor = requireMember(req);
      const out = await inTenant(db, actor, async ({ tx, audit }) => {
        const { arrangement, rel, subject } = await loadArrangement(tx, actor, req.params.id);
        authorizeAction(arrangementPolicy.manage(actor, subject));
        const policies = arrangementPolicies(actor, arrangement, subject, rel);
        if (req.body.requestExtension && !policies.requestExtension) {
          ensureActive(arrangement);
          throw new AppError('forbidden', 'errors.arrangement_extension_not_allowed');
        }
        const done = await evaluateArrangement(tx, arrangement, req.body, {
          by: actor.userId,
          today: dutchDate(),
          extension: req.body.requestExtension ? { schoolId: rel.schoolId } : null,
        });
        // a stop changed the status: answer with the arrangement as it is now
        const answered = await answer(tx, actor, await reloadArrangement(tx, arrangement.id), rel);
        if (done.extensionRequestId) {
          await audit({
            action: 'request.create',
            subjectType: 'support_request',
            subjectId: done.extensionRequestId,
            pupilId: arrangement.pupilId,
            details: { type: 'arrangement', extendsArrangementId: arrangement.id },
          });
        }
        await audit(
          audited('arrangement.evaluate', arrangement, {
            evaluationId: done.evaluationId,
            outcome: req.body.outcome,
            extensionRequestId: done.extensionRequestId,
          }),
        );
        return { arrangement: answered, extensionRequestId: done.extensionRequestId };
      });
      return reply.status(201).send(out);
    },
  );

  r.post('/api/v1/arrangements/:id/end', { schema: { tags, params: ZIdParams, body: ZArrangementEnd, response: { 200: ZArrangement } } }, async (req) => {
    const actor = requireMember(req);
    return inTenant(db, actor, async ({ tx, audit }) => {
      const { arrangement, rel, subject } = await loadArrangement(tx, actor, req.params.id);
      authorizeAction(arrangementPolicy.manage(actor, subject));
      await closeArrangement(tx, arrangement, 'ended');
      const ended = await reloadArrangement(tx, arrangement.id);
      const out = await answer(tx, actor, ended, rel);
      await audit(audited('arrangement.end', ended));
      return out;
    });
  });
}
