import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../shared/schemas/common.js';
import {
  type TOpp,
  ZOpp,
  ZOppAssentInput,
  ZOppAssentParams,
  ZOppClockQuery,
  ZOppClocks,
  ZOppEvaluationInput,
  ZOppFollowUpInput,
  ZOppList,
  ZOppPaperAssentInput,
  ZOppPatch,
  ZOppSubmit,
} from '../../../shared/schemas/opp.js';
import { inTenant, requireMember, type TMemberActor } from '../../platform/context.js';
import type { Tx } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { acceptFile, UPLOAD_BODY_LIMIT } from '../../platform/files.js';
import { fieldError } from '../../platform/validation.js';
import { childFilePolicy, type TChildRelation } from '../../policies/child-file.js';
import { authorizeAction } from '../../policies/index.js';
import { clockSchool, oppClockItems } from './clocks.js';
import { addEvaluation } from './commands/add-evaluation.js';
import { decideAssent } from './commands/decide-assent.js';
import { editOpp } from './commands/edit-opp.js';
import { followUpAssent } from './commands/follow-up-assent.js';
import { startOpp } from './commands/start-opp.js';
import { hasPdf, isOpen, type TOppRow } from './commands/state.js';
import { submitOpp } from './commands/submit-opp.js';
import { renderOppPdf } from './pdf.js';
import { oppPolicies, presentClockItem, presentOpp, presentOppListItem } from './presenter.js';
import { hasOpenOpp, isGuardianWithGezag, listOpps, loadOppDetail, loadReadableOpp, loadReadablePupil } from './queries.js';

/** One version as the actor sees it, with what they may do next. */
async function answer(tx: Tx, actor: TMemberActor, rel: TChildRelation, opp: TOppRow): Promise<TOpp> {
  const detail = await loadOppDetail(tx, opp);
  const policies = oppPolicies(actor, rel, opp, {
    pupilHasOpenVersion: isOpen(opp.status) || (await hasOpenOpp(tx, opp.pupilId)),
    openFollowUp: detail.assents.some((a) => a.decision === 'disagree' && a.followed_up_at === null),
  });
  return presentOpp(opp, detail, policies);
}

const audited = (action: string, opp: TOppRow, details?: Record<string, unknown>) => ({
  action,
  subjectType: 'opp',
  subjectId: opp.id,
  pupilId: opp.pupilId,
  details,
});

export async function oppRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const tags = ['opps'];

  r.get('/api/v1/pupils/:id/opps', { schema: { tags, params: ZIdParams, response: { 200: ZOppList } } }, async (req) => {
    const actor = requireMember(req);
    return inTenant(db, actor, async ({ tx, audit }) => {
      const rel = await loadReadablePupil(tx, actor, req.params.id);
      const rows = (await listOpps(tx, rel.pupilId)).filter((o) => childFilePolicy.readOppVersion(actor, rel, o.status));
      await audit({ action: 'opp.list', subjectType: 'pupil', subjectId: rel.pupilId, pupilId: rel.pupilId });
      return {
        items: rows.map(presentOppListItem),
        policies: { create: childFilePolicy.manageOpp(actor, rel) && !rows.some((o) => isOpen(o.status)) },
      };
    });
  });

  r.post('/api/v1/pupils/:id/opps', { schema: { tags, params: ZIdParams, response: { 201: ZOpp } } }, async (req, reply) => {
    const actor = requireMember(req);
    const created = await inTenant(db, actor, async ({ tx, audit }) => {
      const rel = await loadReadablePupil(tx, actor, req.params.id);
      authorizeAction(childFilePolicy.manageOpp(actor, rel));
      const opp = await startOpp(tx, { regionId: actor.membership.regionId, pupilId: rel.pupilId, userId: actor.userId });
      const out = await answer(tx, actor, rel, opp);
      await audit(audited('opp.create', opp, { seq: opp.seq, basedOnId: opp.basedOnId }));
      return out;
    });
    return reply.status(201).send(created);
  });

  r.get('/api/v1/opps/:id', { schema: { tags, params: ZIdParams, response: { 200: ZOpp } } }, async (req) => {
    const actor = requireMember(req);
    return inTenant(db, actor, async ({ tx, audit }) => {
      const { opp, rel } = await loadReadableOpp(tx, actor, req.params.id);
      const out = await answer(tx, actor, rel, opp);
      // last before commit: the append holds the region's audit lock until then
      await audit(audited('opp.read', opp));
      return out;
    });
  });

  r.patch('/api/v1/opps/:id', { schema: { tags, params: ZIdParams, body: ZOppPatch, response: { 200: ZOpp } } }, async (req) => {
    const actor = requireMember(req);
    return inTenant(db, actor, async ({ tx, audit }) => {
      const { opp, rel } = await loadReadableOpp(tx, actor, req.params.id);
      authorizeAction(childFilePolicy.manageOpp(actor, rel));
      const saved = await editOpp(tx, opp, req.body, actor.userId);
      const out = await answer(tx, actor, rel, saved);
      const fields = Object.keys(req.body).filter((k) => k !== 'rowVersion');
      await audit(audited('opp.update', saved, { fields, reopened: opp.status === 'disagreed' }));
      return out;
    });
  });

  r.post('/api/v1/opps/:id/submit', { schema: { tags, params: ZIdParams, body: ZOppSubmit, response: { 200: ZOpp } } }, async (req) => {
    const actor = requireMember(req);
    return inTenant(db, actor, async ({ tx, audit }) => {
      const { opp, rel } = await loadReadableOpp(tx, actor, req.params.id);
      authorizeAction(childFilePolicy.manageOpp(actor, rel));
      const submitted = await submitOpp(tx, opp, req.body.rowVersion);
      const out = await answer(tx, actor, rel, submitted);
      await audit(audited('opp.submit', submitted));
      return out;
    });
  });

  r.post('/api/v1/opps/:id/assent', { schema: { tags, params: ZIdParams, body: ZOppAssentInput, response: { 200: ZOpp } } }, async (req) => {
    const actor = requireMember(req);
    return inTenant(db, actor, async ({ tx, audit }) => {
      const { opp, rel } = await loadReadableOpp(tx, actor, req.params.id);
      authorizeAction(childFilePolicy.assent(actor, rel) && rel.guardianId !== null);
      const decided = await decideAssent(tx, opp, {
        guardianId: rel.guardianId!,
        decision: req.body.decision,
        reason: req.body.reason || null,
        via: 'portal',
        recordedBy: actor.userId,
      });
      const out = await answer(tx, actor, rel, decided.opp);
      await audit(audited('opp.assent', opp, { decision: req.body.decision, via: 'portal', assentId: decided.assentId, superseded: decided.superseded }));
      return out;
    });
  });

  r.post(
    '/api/v1/opps/:id/assent/paper',
    { bodyLimit: UPLOAD_BODY_LIMIT, schema: { tags, params: ZIdParams, body: ZOppPaperAssentInput, response: { 200: ZOpp } } },
    async (req) => {
      const actor = requireMember(req);
      // checked before anything is read: a file that is not a PDF or image changes nothing
      const paper = acceptFile(req.body.file);
      return inTenant(db, actor, async ({ tx, audit }) => {
        const { opp, rel } = await loadReadableOpp(tx, actor, req.params.id);
        authorizeAction(childFilePolicy.manageOpp(actor, rel));
        if (!(await isGuardianWithGezag(tx, opp.pupilId, req.body.guardianId))) throw fieldError('guardianId', 'opp_not_a_guardian_with_gezag');
        const decided = await decideAssent(tx, opp, {
          guardianId: req.body.guardianId,
          decision: req.body.decision,
          reason: req.body.reason || null,
          via: 'paper',
          recordedBy: actor.userId,
          paper,
        });
        const out = await answer(tx, actor, rel, decided.opp);
        await audit(audited('opp.assent', opp, { decision: req.body.decision, via: 'paper', assentId: decided.assentId, superseded: decided.superseded }));
        return out;
      });
    },
  );

  r.post(
    '/api/v1/opps/:id/assents/:assentId/follow-up',
    { schema: { tags, params: ZOppAssentParams, body: ZOppFollowUpInput, response: { 200: ZOpp } } },
    async (req) => {
      const actor = requireMember(req);
      return inTenant(db, actor, async ({ tx, audit }) => {
        const { opp, rel } = await loadReadableOpp(tx, actor, req.params.id);
        authorizeAction(childFilePolicy.manageOpp(actor, rel));
        await followUpAssent(tx, opp, req.params.assentId, req.body.note);
        const out = await answer(tx, actor, rel, opp);
        await audit(audited('opp.follow_up', opp, { assentId: req.params.assentId }));
        return out;
      });
    },
  );

  r.post(
    '/api/v1/opps/:id/evaluations',
    { schema: { tags, params: ZIdParams, body: ZOppEvaluationInput, response: { 201: ZOpp } } },
    async (req, reply) => {
      const actor = requireMember(req);
      const out = await inTenant(db, actor, async ({ tx, audit }) => {
        const { opp, rel } = await loadReadableOpp(tx, actor, req.params.id);
        authorizeAction(childFilePolicy.manageOpp(actor, rel));
        const evaluationId = await addEvaluation(tx, opp, req.body, actor.userId);
        const answered = await answer(tx, actor, rel, opp);
        await audit(audited('opp.evaluate', opp, { evaluationId, withParents: req.body.withParents }));
        return answered;
      });
      return reply.status(201).send(out);
    },
  );

  r.get('/api/v1/opps/:id/pdf', { schema: { tags, params: ZIdParams } }, async (req, reply) => {
    const actor = requireMember(req);
    const { pdf, seq } = await inTenant(db, actor, async ({ tx, audit }) => {
      const { opp } = await loadReadableOpp(tx, actor, req.params.id);
      if (!hasPdf(opp.status)) throw new AppError('conflict', 'errors.opp_pdf_only_adopted');
      const rendered = await renderOppPdf(opp, await loadOppDetail(tx, opp));
      await audit(audited('opp.export', opp, { format: 'pdf' }));
      return { pdf: rendered, seq: opp.seq };
    });
    // no personal data in the file name: it ends up in download folders and mail attachments
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="opp-${seq}.pdf"`)
      .header('cache-control', 'no-store')
      .send(pdf);
  });

  r.get('/api/v1/opp-clocks', { schema: { tags, querystring: ZOppClockQuery, response: { 200: ZOppClocks } } }, async (req) => {
    const actor = requireMember(req);
    const { schoolId: asked, page, pageSize } = req.query;
    return inTenant(db, actor, async ({ tx, audit }) => {
      const schoolId = await clockSchool(tx, actor, asked);
      const { rows, total } = await oppClockItems(tx, schoolId ? sql`p.school_id = ${schoolId}` : sql`true`, { page, pageSize });
      // names of children with their deadlines: a read of personal data, logged as counts
      await audit({ action: 'opp_clock.list', subjectType: 'opp', details: { results: rows.length, schoolId: schoolId ?? null } });
      return { items: rows.map(presentClockItem), page, pageSize, total };
    });
  });
}
