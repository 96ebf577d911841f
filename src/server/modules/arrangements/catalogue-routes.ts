import { and, asc, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZArrangementType,
  ZArrangementTypeInput,
  ZArrangementTypePatch,
  ZCatalogue,
  ZCatalogueQuery,
} from '../../../shared/schemas/arrangement.js';
import { ZIdParams } from '../../../shared/schemas/common.js';
import { arrangementTypes } from '../../db/schema/support.js';
import { inTenant, requireMember } from '../../platform/context.js';
import { arrangementPolicy } from '../../policies/arrangement.js';
import { authorizeAction } from '../../policies/index.js';
import { createArrangementType, updateArrangementType } from './commands/catalogue.js';

import { presentType } from './presenter.js';

const like = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`;

/** The region's catalogue of arrangement types ("welke arrangementen zijn er?"); functioneel beheer keeps it. */
export async function catalogueRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const tags = ['arrangements'];

  r.get('/api/v1/arrangement-types', { schema: { tags, querystring: ZCatalogueQuery, response: { 200: ZCatalogue } } }, async (req) => {
    const actor = requireMember(req);
    authorizeAction(arrangementPolicy.readCatalogue(actor));
    const manage = arrangementPolicy.manageCatalogue(actor);
    const { q, page, pageSize } = req.query;
    // deactivated types are history: only beheer, who may switch them on again, sees them
    const includeInactive = manage && req.query.includeInactive === true;
    return inTenant(db, actor, async ({ tx }) => {
      const where: SQL | undefined = and(
        includeInactive ? undefined : eq(arrangementTypes.active, true),
        q ? or(ilike(arrangementTypes.name, like(q)), ilike(arrangementTypes.description, like(q))) : undefined,
      );
      const [{ total } = { total: 0 }] = await tx.select({ total: count() }).from(arrangementTypes).where(where);
      const rows = await tx
        .select()
        .from(arrangementTypes)
        .where(where)
        .orderBy(desc(arrangementTypes.active), asc(arrangementTypes.name))
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      return { items: rows.map(presentType), page, pageSize, total, policies: { manage } };
    });
  });

  r.post('/api/v1/arrangement-types', { schema: { tags, body: ZArrangementTypeInput, response: { 201: ZArrangementType } } }, async (req, reply) => {
    const actor = requireMember(req);
    authorizeAction(arrangementPolicy.manageCatalogue(actor));
    const created = await inTenant(db, actor, async ({ tx, audit }) => {
      const row = await createArrangementType(tx, actor.membership.regionId, req.body);
      await audit({ action: 'arrangement_type.create', subjectType: 'arrangement_type', subjectId: row.id });
      return presentType(row);
    });
    return reply.status(201).send(created);
  });

  r.patch(
    '/api/v1/arrangement-types/:id',
    { schema: { tags, params: ZIdParams, body: ZArrangementTypePatch, response: { 200: ZArrangementType } } },
    async (req) => {
      const actor = requireMember(req);
      authorizeAction(arrangementPolicy.manageCatalogue(actor));
      return inTenant(db, actor, async ({ tx, audit }) => {
        const row = await updateArrangementType(tx, req.params.id, req.body);
        await audit({ action: 'arrangement_type.update', subjectType: 'arrangement_type', subjectId: row.id, details: { fields: Object.keys(req.body) } });
        return presentType(row);
      });
    },
  );
}
