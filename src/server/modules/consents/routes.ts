import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams, ZPaged } from '../../../shared/schemas/common.js';
import {
  ZAccessLogEntry,
  ZAccessLogQuery,
  ZBreakGlass,
  ZBreakGlassInput,
  ZBreakGlassListQuery,
  ZBreakGlassOpened,
  ZBreakGlassReviewInput,
  CARE_TEAM_ROLES,
  ZCareTeam,
  ZCareTeamCandidateQuery,
  ZCareTeamCandidates,
  ZCareTeamInput,
  ZCareTeamMember,
  ZCareTeamParams,
  ZConsent,
  ZConsentInput,
  ZConsentList,
  ZParentsAccess,
  ZParentsAccessInput,
  ZSharing,
} from '../../../shared/schemas/consent.js';
import { inTenant, requireMember, type TMemberActor } from '../../platform/context.js';
import type { Tx } from '../../platform/db.js';
import { type TChildRelation, childFilePolicy } from '../../policies/child-file.js';
import { authorizeAction, authorizeRecord } from '../../policies/index.js';
import { loadChildRelation } from '../pupils/relation.js';
import { openBreakGlass, reviewBreakGlass } from './commands/break-glass.js';
import { addCareTeamMember, removeCareTeamMember } from './commands/care-team.js';
import { giveConsent } from './commands/give-consent.js';
import { setParentsAccess } from './commands/parents-access.js';
import { withdrawConsent } from './commands/withdraw-consent.js';
import {
  presentAccessLogEntry,
  presentBreakGlass,
  presentCareTeamMember,
  presentConsent,
  presentSharing,
} from './presenter.js';
import {
  careTeamOrganisations,
  isoOrNull,
  listAccessLog,
  listBreakGlass,
  listCareTeam,
  listCareTeamCandidates,
  listConsents,
  listConsentsInForce,
  loadConsent,
  loadParentsAccess,
  type TConsentRow,
} from './queries.js';

const P = '/api/v1/pupils/:id';

/**
 * The child as the actor stands to them. When the actor may open nothing of the file the child
 * is not theirs to know about: 404, as for a child of another region. `orAlso` widens that for
 * the one action open to someone without a relation (break-the-glass).
 */
async function childFile(tx: Tx, actor: TMemberActor, pupilId: string, orAlso?: (r: TChildRelation) => boolean) {
  return authorizeRecord(
    await loadChildRelation(tx, actor, pupilId),
    (r) => childFilePolicy.readable(actor, r).length > 0 || (orAlso?.(r) ?? false),
  );
}

/** Parents and pupils see that staff did something, not who. */
const forFamily = (a: TMemberActor) => a.membership.role === 'parent' || a.membership.role === 'pupil';

function consentOut(actor: TMemberActor, rel: TChildRelation, c: TConsentRow) {
  const mayEnd = childFilePolicy.withdrawConsent(actor, rel, { givenByKind: c.given_by_kind });
  return presentConsent(c, {
    forFamily: forFamily(actor),
    policies: { withdraw: mayEnd && (c.status === 'valid' || c.status === 'not_yet'), change: mayEnd && c.status === 'valid' },
  });
}

export async function consentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const tags = ['consents'];

  // ---- consents ----------------------------------------------------------------------------

  r.get(`${P}/consents`, { schema: { tags, params: ZIdParams, response: { 200: ZConsentList } } }, async (req) => {
    const actor = requireMember(req);
    return inTenant(db, actor, async ({ tx, audit }) => {
      const rel = await childFile(tx, actor, req.params.id);
      authorizeAction(childFilePolicy.readConsents(actor, rel));
      const rows = await listConsents(tx, rel.pupilId);
      await audit({ action: 'consent.list', subjectType: 'pupil', subjectId: rel.pupilId, pupilId: rel.pupilId });
      return { items: rows.map((c) => consentOut(actor, rel, c)), policies: { give: childFilePolicy.giveConsent(actor, rel) } };
    });
  });

  r.post(
    `${P}/consents`,
    { schema: { tags, params: ZIdParams, body: ZConsentInput, response: { 201: ZConsent } } },
    async (req, reply) => {
      const actor = requireMember(req);
      const out = await inTenant(db, actor, async (scope) => {
        const rel = await childFile(scope.tx, actor, req.params.id);
        const id = await giveConsent(scope, rel, req.body);
        return consentOut(actor, rel, (await loadConsent(scope.tx, id))!);
      });
      return reply.status(201).send(out);
    },
  );

  r.post('/api/v1/consents/:id/withdraw', { schema: { tags, params: ZIdParams, response: { 200: ZConsent } } }, async (req) => {
    const actor = requireMember(req);
    return inTenant(db, actor, async (scope) => {
      const found = await loadConsent(scope.tx, req.params.id);
      // a consent is as visible as the child's consent list
      const rel = authorizeRecord(found && (await loadChildRelation(scope.tx, actor, found.pupil_id)), (x) =>
        childFilePolicy.readConsents(actor, x),
      );
      await withdrawConsent(scope, rel, req.params.id);
      return consentOut(actor, rel, (await loadConsent(scope.tx, req.params.id))!);
    });
  });

  // ---- kernteam ----------------------------------------------------------------------------

  r.get(`${P}/care-team`, { schema: { tags, params: ZIdParams, response: { 200: ZCareTeam } } }, async (req) => {
    const actor = requireMember(req);
    return inTenant(db, actor, async ({ tx, audit }) => {
      const rel = await childFile(tx, actor, req.params.id);
      authorizeAction(childFilePolicy.readCareTeam(actor, rel));
      const manage = childFilePolicy.manageCareTeam(actor, rel);
      const rows = await listCareTeam(tx, rel.pupilId);
      await audit({ action: 'care_team.read', subjectType: 'pupil', subjectId: rel.pupilId, pupilId: rel.pupilId });
      return { items: rows.map((m) => presentCareTeamMember(m, { remove: manage })), policies: { add: manage } };
    });
  });

  r.get(
    `${P}/care-team/candidates`,
    { schema: { tags, params: ZIdParams, querystring: ZCareTeamCandidateQuery, response: { 200: ZCareTeamCandidates } } },
    async (req) => {
      const actor = requireMember(req);
      return inTenant(db, actor, async ({ tx }) => {
        const rel = await childFile(tx, actor, req.params.id);
        authorizeAction(childFilePolicy.manageCareTeam(actor, rel));
        return { items: await listCareTeamCandidates(tx, rel.pupilId, req.query.q, CARE_TEAM_ROLES) };
      });
    },
  );

  r.post(
    `${P}/care-team`,
    { schema: { tags, params: ZIdParams, body: ZCareTeamInput, response: { 201: ZCareTeamMember } } },
    async (req, reply) => {
      const actor = requireMember(req);
      const out = await inTenant(db, actor, async (scope) => {
        const rel = await childFile(scope.tx, actor, req.params.id);
        authorizeAction(childFilePolicy.manageCareTeam(actor, rel));
        const id = await addCareTeamMember(scope, rel, req.body);
        return presentCareTeamMember((await listCareTeam(scope.tx, rel.pupilId, id))[0]!, { remove: true });
      });
      return reply.status(201).send(out);
    },
  );

  r.delete(
    `${P}/care-team/:memberId`,
    { schema: { tags, params: ZCareTeamParams, response: { 204: z.null() } } },
    async (req, reply) => {
      const actor = requireMember(req);
      await inTenant(db, actor, async (scope) => {
        const rel = await childFile(scope.tx, actor, req.params.id);
        authorizeAction(childFilePolicy.manageCareTeam(actor, rel));
        await removeCareTeamMember(scope, rel, req.params.memberId);
      });
      return reply.status(204).send(null);
    },
  );

  // ---- break-the-glass ---------------------------------------------------------------------

  r.post(
    `${P}/break-glass`,
    { schema: { tags, params: ZIdParams, body: ZBreakGlassInput, response: { 201: ZBreakGlassOpened } } },
    async (req, reply) => {
      const actor = requireMember(req);
      const out = await inTenant(db, actor, async (scope) => {
        const rel = await childFile(scope.tx, actor, req.params.id, (x) => childFilePolicy.breakGlass(actor, x));
        authorizeAction(childFilePolicy.breakGlass(actor, rel));
        const row = await openBreakGlass(scope, rel.pupilId, req.body.reason);
        return { id: row.id, pupilId: rel.pupilId, startedAt: isoOrNull(row.started_at)!, expiresAt: isoOrNull(row.expires_at)! };
      });
      return reply.status(201).send(out);
    },
  );

  r.get(
    '/api/v1/break-glass',
    { schema: { tags, querystring: ZBreakGlassListQuery, response: { 200: ZPaged(ZBreakGlass) } } },
    async (req) => {
      const actor = requireMember(req);
      authorizeAction(childFilePolicy.reviewBreakGlass(actor));
      const q = req.query;
      return inTenant(db, actor, async ({ tx, audit }) => {
        const reviewed = q.reviewed === undefined ? undefined : q.reviewed === 'true';
        const { rows, total } = await listBreakGlass(tx, { reviewed, page: q.page, pageSize: q.pageSize });
        // names and reasons of several children: a read of personal data
        await audit({ action: 'break_glass.list', subjectType: 'break_glass', details: { results: rows.length } });
        const items = rows.map((b) => presentBreakGlass(b, { review: b.reviewed_at === null }));
        return { items, page: q.page, pageSize: q.pageSize, total };
      });
    },
  );

  r.post(
    '/api/v1/break-glass/:id/review',
    { schema: { tags, params: ZIdParams, body: ZBreakGlassReviewInput, response: { 200: ZBreakGlass } } },
    async (req) => {
      const actor = requireMember(req);
      return inTenant(db, actor, async (scope) => {
        const find = () => listBreakGlass(scope.tx, { id: req.params.id, page: 1, pageSize: 1 });
        authorizeRecord((await find()).rows[0], () => childFilePolicy.reviewBreakGlass(actor));
        await reviewBreakGlass(scope, req.params.id, req.body.note);
        return presentBreakGlass((await find()).rows[0]!, { review: false });
      });
    },
  );

  // ---- what the family sees: access log, sharing, parents' access -------------------------

  r.get(
    `${P}/access-log`,
    { schema: { tags, params: ZIdParams, querystring: ZAccessLogQuery, response: { 200: ZPaged(ZAccessLogEntry) } } },
    async (req) => {
      const actor = requireMember(req);
      const { page, pageSize, includeOwn } = req.query;
      return inTenant(db, actor, async ({ tx, audit }) => {
        const rel = await childFile(tx, actor, req.params.id);
        authorizeAction(childFilePolicy.readAccessLog(actor, rel));
        const { rows, total } = await listAccessLog(tx, actor.membership.regionId, rel.pupilId, page, pageSize, includeOwn ? null : actor.userId);
        // looking at who looked is itself a look
        await audit({ action: 'access_log.read', subjectType: 'pupil', subjectId: rel.pupilId, pupilId: rel.pupilId });
        return { items: rows.map(presentAccessLogEntry), page, pageSize, total };
      });
    },
  );

  r.get(`${P}/sharing`, { schema: { tags, params: ZIdParams, response: { 200: ZSharing } } }, async (req) => {
    const actor = requireMember(req);
    return inTenant(db, actor, async ({ tx, audit }) => {
      const rel = await childFile(tx, actor, req.params.id);
      authorizeAction(childFilePolicy.readSharing(actor, rel));
      const consents = await listConsentsInForce(tx, rel.pupilId);
      const orgs = await careTeamOrganisations(tx, rel.pupilId);
      const pa = (await loadParentsAccess(tx, rel.pupilId))!;
      await audit({ action: 'sharing.read', subjectType: 'pupil', subjectId: rel.pupilId, pupilId: rel.pupilId });
      return presentSharing(
        consents,
        orgs,
        { keepAccess: pa.refused_at === null || pa.under_age, refusedAt: isoOrNull(pa.refused_at) },
        { setParentsAccess: childFilePolicy.setParentsAccess(actor, rel) },
      );
    });
  });

  r.put(
    `${P}/parents-access`,
    { schema: { tags, params: ZIdParams, body: ZParentsAccessInput, response: { 200: ZParentsAccess } } },
    async (req) => {
      const actor = requireMember(req);
      return inTenant(db, actor, async (scope) => {
        const rel = await childFile(scope.tx, actor, req.params.id);
        authorizeAction(childFilePolicy.setParentsAccess(actor, rel));
        const row = await setParentsAccess(scope, rel.pupilId, req.body.parentsKeepAccess);
        return { parentsKeepAccess: row.refused_at === null, refusedAt: isoOrNull(row.refused_at) };
      });
    },
  );
}
