import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZAbsenceCase,
  ZAbsenceCaseList,
  ZCaseCloseInput,
  ZCaseListQuery,
  ZCaseUpdateInput,
  ZEpisodeEndInput,
  ZEpisodeInput,
  ZEpisodeParams,
  ZOwnerCandidates,
  ZPupilAbsence,
} from '../../../shared/schemas/absence.js';
import { ZIdParams } from '../../../shared/schemas/common.js';
import { inTenant, requireMember } from '../../platform/context.js';
import { query } from '../../platform/db.js';
import { absencePolicy } from '../../policies/absence.js';
import { authorizeAction, authorizeRecord } from '../../policies/index.js';
import { dutchDate } from '../opps/clocks.js';
import { answerCase, loadCase, settingsOf } from './case.js';
import { ownerCandidates } from './candidates.js';
import { closeCase } from './commands/close-case.js';
import { endEpisode } from './commands/end-episode.js';
import { registerEpisode } from './commands/register-episode.js';
import { updateCase } from './commands/update-case.js';
import { sendOwnerMail, type TOwnerMail } from './mail.js';
import { presentItem } from './presenter.js';
import { listCaseItems, loadPupilSubject, scopeSql } from './queries.js';

const audited = (action: string, caseId: string | null, pupilId: string, details?: Record<string, unknown>) => ({
  action,
  subjectType: 'absence_case',
  subjectId: caseId,
  pupilId,
  details,
});

/** Absence episodes and cases: register, read, owner/plan/next date, end, close. */
export async function absenceCaseRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const tags = ['absence'];

  r.get('/api/v1/pupils/:id/absence', { schema: { tags, params: ZIdParams, response: { 200: ZPupilAbsence } } }, async (req) => {
    const actor = requireMember(req);
    const today = dutchDate();
    return inTenant(db, actor, async ({ tx, audit }) => {
      const p = authorizeRecord(await loadPupilSubject(tx, actor, req.params.id), (s) =>
        absencePolicy.view(actor, s.subject) || absencePolicy.register(actor, s.subject),
      );
      const settings = settingsOf(actor);
      const closed = await listCaseItems(tx, {
        scope: sql`c.pupil_id = ${p.pupilId}`,
        filters: { status: 'closed' },
        def: settings.thuiszitter,
        page: 1,
        pageSize: 100,
      });
      const openCase = p.openCaseId ? await answerCase(tx, actor, p.openCaseId, today) : null;
      await audit(audited('absence.case.read', p.openCaseId, p.pupilId, { closedCases: closed.total }));
      return {
        openCase,
        closedCases: closed.rows.map((c) => presentItem(c, today)),
        reasons: settings.reasons.filter((x) => x.active).map(({ id, label }) => ({ id, label })),
        policies: { register: absencePolicy.register(actor, p.subject) },
      };
    });
  });

  r.post(
    '/api/v1/pupils/:id/absence/episodes',
    { schema: { tags, params: ZIdParams, body: ZEpisodeInput, response: { 201: ZAbsenceCase } } },
    async (req, reply) => {
      const actor = requireMember(req);
      const today = dutchDate();
      const out = await inTenant(db, actor, async ({ tx, audit }) => {
        const p = authorizeRecord(await loadPupilSubject(tx, actor, req.params.id), (s) =>
          absencePolicy.view(actor, s.subject) || absencePolicy.register(actor, s.subject),
        );
        authorizeAction(absencePolicy.register(actor, p.subject));
        const done = await registerEpisode(tx, { userId: actor.userId, regionId: actor.membership.regionId }, p.pupilId, req.body, settingsOf(actor), today);
        if (done.opened) await audit(audited('absence.case.open', done.caseId, p.pupilId, { openedOn: req.body.startedOn }));
        await audit(
          audited('absence.episode.create', done.caseId, p.pupilId, {
            episodeId: done.episodeId,
            kind: req.body.kind,
            startedOn: req.body.startedOn,
            endedOn: req.body.endedOn ?? null,
            reasonIds: req.body.reasonIds,
          }),
        );
        return answerCase(tx, actor, done.caseId, today);
      });
      return reply.status(201).send(out);
    },
  );

  r.get('/api/v1/absence/cases', { schema: { tags, querystring: ZCaseListQuery, response: { 200: ZAbsenceCaseList } } }, async (req) => {
    const actor = requireMember(req);
    authorizeAction(absencePolicy.list(actor));
    const today = dutchDate();
    const { page, pageSize, ...filters } = req.query;
    return inTenant(db, actor, async ({ tx, audit }) => {
      const out = await listCaseItems(tx, {
        scope: scopeSql(absencePolicy.scope(actor)),
        filters,
        def: settingsOf(actor).thuiszitter,
        page,
        pageSize,
      });
      await audit({ action: 'absence.case.list', subjectType: 'absence_case', details: { ...filters, results: out.rows.length, total: out.total } });
      return { items: out.rows.map((c) => presentItem(c, today)), page, pageSize, total: out.total, attentionCount: out.attentionCount };
    });
  });

  r.get('/api/v1/absence/cases/:id', { schema: { tags, params: ZIdParams, response: { 200: ZAbsenceCase } } }, async (req) => {
    const actor = requireMember(req);
    return inTenant(db, actor, async ({ tx, audit }) => {
      const { row } = await loadCase(tx, actor, req.params.id);
      const out = await answerCase(tx, actor, row.id, dutchDate(), row);
      await audit(audited('absence.case.read', row.id, row.pupil_id));
      return out;
    });
  });

  r.put(
    '/api/v1/absence/cases/:id',
    { schema: { tags, params: ZIdParams, body: ZCaseUpdateInput, response: { 200: ZAbsenceCase } } },
    async (req) => {
      const actor = requireMember(req);
      const today = dutchDate();
      let mail: TOwnerMail | null = null;
      const out = await inTenant(db, actor, async ({ tx, audit }) => {
        const { row } = await loadCase(tx, actor, req.params.id, { work: true });
        const done = await updateCase(tx, row, req.body, today);
        await audit(
          audited('absence.case.update', row.id, row.pupil_id, {
            changed: done.changed,
            ...(done.ownerChanged ? { fromUserId: row.owner_user_id, toUserId: req.body.ownerUserId } : {}),
          }),
        );
        const to = req.body.ownerUserId;
        if (done.ownerChanged && to && to !== actor.userId) {
          const [u] = await query<{ email: string; name: string; locale: string | null }>(tx, sql`select email, name, locale from users where id = ${to}`);
          if (u) mail = { email: u.email, name: u.name, locale: u.locale, caseId: row.id };
        }
        return answerCase(tx, actor, row.id, today);
      });
      // after the commit: only an owner that stands is told
      if (mail) await sendOwnerMail(app, mail, req.log);
      return out;
    },
  );

  r.get(
    '/api/v1/absence/cases/:id/owner-candidates',
    { schema: { tags, params: ZIdParams, response: { 200: ZOwnerCandidates } } },
    async (req) => {
      const actor = requireMember(req);
      return inTenant(db, actor, async ({ tx, audit }) => {
        const { row, subject } = await loadCase(tx, actor, req.params.id);
        authorizeAction(absencePolicy.work(actor, subject));
        const items = await ownerCandidates(tx, row.pupil_id);
        await audit(audited('absence.owner_candidates.read', row.id, row.pupil_id, { results: items.length }));
        return { items };
      });
    },
  );

  r.post(
    '/api/v1/absence/cases/:id/episodes/:episodeId/end',
    { schema: { tags, params: ZEpisodeParams, body: ZEpisodeEndInput, response: { 200: ZAbsenceCase } } },
    async (req) => {
      const actor = requireMember(req);
      const today = dutchDate();
      return inTenant(db, actor, async ({ tx, audit }) => {
        const { row } = await loadCase(tx, actor, req.params.id, { work: true });
        const done = await endEpisode(tx, row, req.params.episodeId, req.body.endedOn, today);
        await audit(audited('absence.episode.end', row.id, row.pupil_id, { episodeId: req.params.episodeId, kind: done.kind, endedOn: req.body.endedOn }));
        return answerCase(tx, actor, row.id, today);
      });
    },
  );

  r.post(
    '/api/v1/absence/cases/:id/close',
    { schema: { tags, params: ZIdParams, body: ZCaseCloseInput, response: { 200: ZAbsenceCase } } },
    async (req) => {
      const actor = requireMember(req);
      const today = dutchDate();
      return inTenant(db, actor, async ({ tx, audit }) => {
        const { row } = await loadCase(tx, actor, req.params.id, { work: true });
        const done = await closeCase(tx, actor, row, req.body, today);
        await audit(
          audited('absence.case.close', row.id, row.pupil_id, { reason: req.body.reason, closedOn: req.body.closedOn, endedEpisodes: done.endedEpisodes }),
        );
        return answerCase(tx, actor, row.id, today);
      });
    },
  );
}
