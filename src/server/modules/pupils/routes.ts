import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams, ZPaged } from '../../../shared/schemas/common.js';
import { ZPupil, ZPupilListItem, ZPupilListQuery } from '../../../shared/schemas/pupil.js';
import { inTenant, requireMember } from '../../platform/context.js';
import { authorizeRecord } from '../../policies/index.js';
import { childFilePolicy } from '../../policies/child-file.js';
import { absencePolicy } from '../../policies/absence.js';
import { caseLeadPolicy, meetingPolicy } from '../../policies/meeting.js';
import { arrangementPolicy } from '../../policies/arrangement.js';
import { supportRequestPolicy } from '../../policies/support-request.js';
import { pupilPolicy } from '../../policies/pupil.js';
import { presentPupil, presentPupilListItem } from './presenter.js';
import { listPupils, loadGuardians, loadPupil } from './queries.js';

export async function pupilRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;

  r.get(
    '/api/v1/pupils',
    { schema: { tags: ['pupils'], querystring: ZPupilListQuery, response: { 200: ZPaged(ZPupilListItem) } } },
    async (req) => {
      const actor = requireMember(req);
      return inTenant(db, actor, async ({ tx, audit }) => {
        const { rows, total } = await listPupils(tx, pupilPolicy.scope(actor), actor.membership.organisationId, req.query);
        // a search shows names: it is a read of personal data, logged without the search words
        await audit({ action: 'pupil.list', subjectType: 'pupil', details: { results: rows.length, searched: !!req.query.q } });
        return { items: rows.map(presentPupilListItem), page: req.query.page, pageSize: req.query.pageSize, total };
      });
    },
  );

  r.get(
    '/api/v1/pupils/:id',
    { schema: { tags: ['pupils'], params: ZIdParams, response: { 200: ZPupil } } },
    async (req) => {
      const actor = requireMember(req);
      return inTenant(db, actor, async ({ tx, audit }) => {
        const found = authorizeRecord(await loadPupil(tx, req.params.id, actor), (f) =>
          pupilPolicy.read(actor, f.subject),
        );
        const guardians = await loadGuardians(tx, req.params.id);
        // last before commit: the append holds the region's audit lock until then
        await audit({ action: 'pupil.read', subjectType: 'pupil', subjectId: req.params.id, pupilId: req.params.id });
        const rel = found.relation;
        return presentPupil(found.row, guardians, {
          update: pupilPolicy.update(actor, found.subject),
          // which parts of the child's file this person may open, for the file's navigation
          dossier: childFilePolicy.read(actor, rel, 'dossier'),
          opp: childFilePolicy.read(actor, rel, 'opp'),
          sharing: childFilePolicy.readConsents(actor, rel) || childFilePolicy.readCareTeam(actor, rel),
          accessLog: childFilePolicy.readAccessLog(actor, rel),
          breakGlass: childFilePolicy.breakGlass(actor, rel),
          requests: supportRequestPolicy.listForPupil(actor, rel),
          arrangements: arrangementPolicy.read(actor, rel),
          meetings: meetingPolicy.listForPupil(actor, rel),
          caseLead: caseLeadPolicy.read(actor, rel),
          // the case's owner reaches it through the case list and the inbox, not the file tab
          absence: absencePolicy.view(actor, { relation: rel, gemeenteId: found.subject.gemeenteId, isOwner: false }),
        });
      });
    },
  );
}
