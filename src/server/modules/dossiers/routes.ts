import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams, ZPaged, ZPageQuery } from '../../../shared/schemas/common.js';
import {
  ZDossier,
  ZDossierPatch,
  ZDossierVersion,
  ZDossierVersionItem,
  ZEvaluationInput,
  ZGoalInput,
  ZGoalParams,
  ZGoalPatch,
  ZVersionParams,
} from '../../../shared/schemas/dossier.js';
import { inTenant, requireMember, type TRequestScope } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { authorizeAction, authorizeRecord } from '../../policies/index.js';
import { type TChildRelation, childFilePolicy } from '../../policies/child-file.js';
import { loadChildRelation } from '../pupils/relation.js';
import { addEvaluation, addGoal, updateGoal } from './commands/goals.js';
import { updateDossier } from './commands/update-dossier.js';
import { presentDossier, presentVersion } from './presenter.js';
import { listVersions, loadDossier, loadVersion } from './queries.js';

/** The child's file is theirs to open only when they may read its dossier part; anything else is a 404. */
export async function loadReadableDossier(scope: TRequestScope, pupilId: string): Promise<TChildRelation> {
  return authorizeRecord(await loadChildRelation(scope.tx, scope.actor, pupilId), (rel) =>
    childFilePolicy.read(scope.actor, rel, 'dossier'),
  );
}

export async function dossierRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;

  /** Reads the dossier after a write, as the writer now sees it. */
  const current = async (scope: TRequestScope, rel: TChildRelation) => {
    const d = await loadDossier(scope.tx, rel.pupilId, childFilePolicy.read(scope.actor, rel, 'attachments'));
    return presentDossier(scope.actor, rel, d!);
  };

  r.get('/api/v1/pupils/:id/dossier', { schema: { tags: ['dossier'], params: ZIdParams, response: { 200: ZDossier } } }, async (req) => {
    const actor = requireMember(req);
    return inTenant(db, actor, async (scope) => {
      const rel = await loadReadableDossier(scope, req.params.id);
      const body = await current(scope, rel);
      await scope.audit({ action: 'dossier.read', subjectType: 'dossier', subjectId: req.params.id, pupilId: req.params.id, details: { breakGlass: rel.breakGlass && !rel.inCareTeam } });
      return body;
    });
  });

  r.patch(
    '/api/v1/pupils/:id/dossier',
    { schema: { tags: ['dossier'], params: ZIdParams, body: ZDossierPatch, response: { 200: ZDossier } } },
    async (req) => {
      const actor = requireMember(req);
      return inTenant(db, actor, async (scope) => {
        const rel = await loadReadableDossier(scope, req.params.id);
        const b = req.body;
        // each part has its writers: the pupil their own view, the parents theirs, professionals the rest
        const professional = ['needs', 'promotingFactors', 'hinderingFactors', 'extraSupportSince'] as const;
        authorizeAction(
          (!professional.some((f) => b[f] !== undefined) || childFilePolicy.editDossier(actor, rel)) &&
            (b.pupilView === undefined || childFilePolicy.editPupilView(actor, rel)) &&
            (b.parentView === undefined || childFilePolicy.editParentView(actor, rel)),
        );
        const version = await updateDossier(scope, req.params.id, b);
        await scope.audit({ action: 'dossier.update', subjectType: 'dossier', subjectId: req.params.id, pupilId: req.params.id, details: { version } });
        return current(scope, rel);
      });
    },
  );

  r.get(
    '/api/v1/pupils/:id/dossier/versions',
    { schema: { tags: ['dossier'], params: ZIdParams, querystring: ZPageQuery, response: { 200: ZPaged(ZDossierVersionItem) } } },
    async (req) => {
      const actor = requireMember(req);
      return inTenant(db, actor, async (scope) => {
        await loadReadableDossier(scope, req.params.id);
        const { items, total } = await listVersions(scope.tx, req.params.id, req.query.page, req.query.pageSize);
        return { items: items.map((v) => presentVersion(actor, v)), total, page: req.query.page, pageSize: req.query.pageSize };
      });
    },
  );

  r.get(
    '/api/v1/pupils/:id/dossier/versions/:version',
    { schema: { tags: ['dossier'], params: ZVersionParams, response: { 200: ZDossierVersion } } },
    async (req) => {
      const actor = requireMember(req);
      return inTenant(db, actor, async (scope) => {
        await loadReadableDossier(scope, req.params.id);
        const v = await loadVersion(scope.tx, req.params.id, req.params.version);
        if (!v) throw new AppError('not_found');
        await scope.audit({ action: 'dossier.read_version', subjectType: 'dossier', subjectId: req.params.id, pupilId: req.params.id, details: { version: v.version } });
        return presentVersion(actor, v) as z.infer<typeof ZDossierVersion>;
      });
    },
  );

  r.post(
    '/api/v1/pupils/:id/dossier/goals',
    { schema: { tags: ['dossier'], params: ZIdParams, body: ZGoalInput, response: { 201: ZDossier } } },
    async (req, reply) => {
      const actor = requireMember(req);
      const body = await inTenant(db, actor, async (scope) => {
        const rel = await loadReadableDossier(scope, req.params.id);
        authorizeAction(childFilePolicy.editDossier(actor, rel));
        const goalId = await addGoal(scope, req.params.id, req.body);
        await scope.audit({ action: 'dossier.goal_add', subjectType: 'goal', subjectId: goalId, pupilId: req.params.id });
        return current(scope, rel);
      });
      return reply.status(201).send(body);
    },
  );

  r.patch(
    '/api/v1/pupils/:id/dossier/goals/:goalId',
    { schema: { tags: ['dossier'], params: ZGoalParams, body: ZGoalPatch, response: { 200: ZDossier } } },
    async (req) => {
      const actor = requireMember(req);
      return inTenant(db, actor, async (scope) => {
        const rel = await loadReadableDossier(scope, req.params.id);
        authorizeAction(childFilePolicy.editDossier(actor, rel));
        await updateGoal(scope, req.params.id, req.params.goalId, req.body);
        await scope.audit({ action: 'dossier.goal_update', subjectType: 'goal', subjectId: req.params.goalId, pupilId: req.params.id });
        return current(scope, rel);
      });
    },
  );

  r.post(
    '/api/v1/pupils/:id/dossier/goals/:goalId/evaluations',
    { schema: { tags: ['dossier'], params: ZGoalParams, body: ZEvaluationInput, response: { 201: ZDossier } } },
    async (req, reply) => {
      const actor = requireMember(req);
      const body = await inTenant(db, actor, async (scope) => {
        const rel = await loadReadableDossier(scope, req.params.id);
        authorizeAction(childFilePolicy.editDossier(actor, rel));
        const id = await addEvaluation(scope, req.params.id, req.params.goalId, req.body);
        await scope.audit({ action: 'dossier.goal_evaluate', subjectType: 'goal_evaluation', subjectId: id, pupilId: req.params.id });
        return current(scope, rel);
      });
      return reply.status(201).send(body);
    },
  );
}
