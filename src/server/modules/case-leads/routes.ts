import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZCase, ZCaseCloseInput, ZCaseLeadInput, ZMyCases, ZMyCasesQuery } from '../../../shared/schemas/case-lead.js';
import { ZIdParams } from '../../../shared/schemas/common.js';
import { inTenant, requireMember } from '../../platform/context.js';
import { query } from '../../platform/db.js';
import { authorizeAction } from '../../policies/index.js';
import { caseLeadPolicy } from '../../policies/meeting.js';
import { loadChildRelation } from '../pupils/relation.js';
import { answerCase, loadCaseRelation } from './case.js';
import { closeCase } from './commands/close-case.js';
import { setCaseLead } from './commands/set-case-lead.js';
import { sendCaseLeadMail, type TCaseLeadMail } from './mail.js';
import { presentMyCase } from './presenter.js';
import { listMyCases, loadCaseLeads } from './queries.js';
import { signalPlanRoutes } from './signal-plan-routes.js';

export async function caseLeadRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const tags = ['case-leads'];
  await signalPlanRoutes(app);

  r.get('/api/v1/pupils/:id/case', { schema: { tags, params: ZIdParams, response: { 200: ZCase } } }, async (req) => {
    const actor = requireMember(req);
    return inTenant(db, actor, async ({ tx, audit }) => {
      const rel = await loadCaseRelation(tx, actor, req.params.id);
      const out = await answerCase(tx, actor, rel);
      await audit({ action: 'case.read', subjectType: 'pupil', subjectId: rel.pupilId, pupilId: rel.pupilId });
      return out;
    });
  });

  r.put(
    '/api/v1/pupils/:id/case-lead',
    { schema: { tags, params: ZIdParams, body: ZCaseLeadInput, response: { 200: ZCase } } },
    async (req) => {
      const actor = requireMember(req);
      let mail: TCaseLeadMail | null = null;
      const out = await inTenant(db, actor, async ({ tx, audit }) => {
        const rel = await loadCaseRelation(tx, actor, req.params.id);
        authorizeAction(caseLeadPolicy.set(actor, rel));
        const before = (await loadCaseLeads(tx, rel.pupilId)).find((l) => !l.ended_at);
        const done = await setCaseLead(tx, { userId: actor.userId, regionId: actor.membership.regionId }, rel.pupilId, req.body);
        await audit({
          action: 'case_lead.set',
          subjectType: 'case_lead',
          subjectId: done.id,
          pupilId: rel.pupilId,
          details: { fromUserId: before?.user_id ?? null, toUserId: req.body.userId, changed: done.changed },
        });
        if (done.changed && req.body.userId !== actor.userId) {
          const [u] = await query<{ email: string; name: string; locale: string | null }>(
            tx,
            sql`select email, name, locale from users where id = ${req.body.userId}`,
          );
          if (u) mail = { email: u.email, name: u.name, locale: u.locale, pupilId: rel.pupilId };
        }
        // the answer reads the relation again: the actor may have handed their own regie away
        return answerCase(tx, actor, (await loadChildRelation(tx, actor, rel.pupilId))!);
      });
      // after commit: only a handover that stands is announced
      if (mail) await sendCaseLeadMail(app, mail, req.log);
      return out;
    },
  );

  r.post(
    '/api/v1/pupils/:id/case/close',
    { schema: { tags, params: ZIdParams, body: ZCaseCloseInput, response: { 200: ZCase } } },
    async (req) => {
      const actor = requireMember(req);
      return inTenant(db, actor, async ({ tx, audit }) => {
        const rel = await loadCaseRelation(tx, actor, req.params.id);
        authorizeAction(caseLeadPolicy.set(actor, rel));
        const done = await closeCase(tx, actor, rel.pupilId, req.body.note);
        await audit({
          action: 'case.close',
          subjectType: 'case_lead',
          subjectId: done.caseLeadId,
          pupilId: rel.pupilId,
          details: { fromUserId: done.userId, closedPlans: done.closedPlans },
        });
        return answerCase(tx, actor, (await loadChildRelation(tx, actor, rel.pupilId))!);
      });
    },
  );

  r.get('/api/v1/case-leads/mine', { schema: { tags, querystring: ZMyCasesQuery, response: { 200: ZMyCases } } }, async (req) => {
    const actor = requireMember(req);
    authorizeAction(caseLeadPolicy.listOwn(actor));
    const { page, pageSize } = req.query;
    return inTenant(db, actor, async ({ tx, audit }) => {
      const { rows, total } = await listMyCases(tx, actor.userId, page, pageSize);
      await audit({ action: 'case_lead.list_mine', subjectType: 'case_lead', details: { results: rows.length, total } });
      return { items: rows.map(presentMyCase), page, pageSize, total };
    });
  });
}
