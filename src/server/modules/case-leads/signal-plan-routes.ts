import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZCase, ZSignalPlanInput, ZSignalPlanParams, ZSignalStatusInput } from '../../../shared/schemas/case-lead.js';
import { inTenant, requireMember } from '../../platform/context.js';
import { authorizeAction } from '../../policies/index.js';
import { caseLeadPolicy } from '../../policies/meeting.js';
import { saveSignalPlan, setSignalStatus } from './commands/signal-plans.js';
import { answerCase, loadCaseRelation } from './case.js';

/** The action recorded for each new status: starting a plan is the decision others look for. */
const STATUS_ACTION = { activated: 'signal_plan.activate', closed: 'signal_plan.close', waiting: 'signal_plan.wait' } as const;

export async function signalPlanRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const tags = ['case-leads'];

  r.put(
    '/api/v1/pupils/:id/signal-plans/:level',
    { schema: { tags, params: ZSignalPlanParams, body: ZSignalPlanInput, response: { 200: ZCase } } },
    async (req) => {
      const actor = requireMember(req);
      return inTenant(db, actor, async ({ tx, audit }) => {
        const rel = await loadCaseRelation(tx, actor, req.params.id);
        authorizeAction(caseLeadPolicy.editSignalPlan(actor, rel));
        const { plan, created } = await saveSignalPlan(
          tx,
          { userId: actor.userId, regionId: actor.membership.regionId },
          rel.pupilId,
          req.params.level,
          req.body,
        );
        await audit({
          action: created ? 'signal_plan.create' : 'signal_plan.update',
          subjectType: 'signal_plan',
          subjectId: plan.id,
          pupilId: rel.pupilId,
          details: { level: plan.level, triggerOn: plan.trigger_on },
        });
        return answerCase(tx, actor, rel);
      });
    },
  );

  r.post(
    '/api/v1/pupils/:id/signal-plans/:level/status',
    { schema: { tags, params: ZSignalPlanParams, body: ZSignalStatusInput, response: { 200: ZCase } } },
    async (req) => {
      const actor = requireMember(req);
      return inTenant(db, actor, async ({ tx, audit }) => {
        const rel = await loadCaseRelation(tx, actor, req.params.id);
        authorizeAction(caseLeadPolicy.editSignalPlan(actor, rel));
        const { plan, from } = await setSignalStatus(tx, actor, rel.pupilId, req.params.level, req.body);
        await audit({
          action: STATUS_ACTION[plan.status],
          subjectType: 'signal_plan',
          subjectId: plan.id,
          pupilId: rel.pupilId,
          details: { level: plan.level, from, to: plan.status },
        });
        return answerCase(tx, actor, rel);
      });
    },
  );
}
