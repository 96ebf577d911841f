import { and, asc, eq, ilike, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ORGANISATION_KINDS } from '../../../shared/roles.js';
import { ZIdParams, ZPaged, ZPageQuery } from '../../../shared/schemas/common.js';
import { ZOrganisation, ZOrganisationInput, ZOrganisationPatch } from '../../../shared/schemas/organisation.js';
import { organisations } from '../../db/schema/region.js';
import { inTenant, requireMember } from '../../platform/context.js';
import type { Tx } from '../../platform/db.js';
import { fieldError } from '../../platform/validation.js';
import { authorizeAction, authorizeRecord } from '../../policies/index.js';
import { organisationPolicy } from '../../policies/organisation.js';

const gemeente = alias(organisations, 'gemeente');

function selectOrganisations(tx: Tx) {
  return tx
    .select({
      id: organisations.id,
      kind: organisations.kind,
      name: organisations.name,
      brin: organisations.brin,
      vestiging: organisations.vestiging,
      schoolType: organisations.schoolType,
      schoolBoard: organisations.schoolBoard,
      gemeenteId: organisations.gemeenteId,
      gemeenteName: gemeente.name,
      partnerKind: organisations.partnerKind,
      archived: sql<boolean>`${organisations.archivedAt} is not null`,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(organisations)
    .leftJoin(gemeente, and(eq(gemeente.regionId, organisations.regionId), eq(gemeente.id, organisations.gemeenteId)));
}

async function assertGemeente(tx: Tx, gemeenteId: string | null | undefined) {
  if (!gemeenteId) return;
  const [g] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, gemeenteId), eq(organisations.kind, 'gemeente')));
  if (!g) throw fieldError('gemeenteId', 'unknown_gemeente');
}

export async function organisationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;

  r.get(
    '/api/v1/organisations',
    {
      schema: {
        tags: ['organisations'],
        querystring: ZPageQuery.extend({
          kind: z.enum(ORGANISATION_KINDS).optional(),
          q: z.string().trim().max(100).optional(),
          includeArchived: z.coerce.boolean().default(false),
        }),
        response: { 200: ZPaged(ZOrganisation) },
      },
    },
    async (req) => {
      const actor = requireMember(req);
      authorizeAction(organisationPolicy.list(actor));
      const { kind, q, page, pageSize, includeArchived } = req.query;
      return inTenant(db, actor, async ({ tx }) => {
        const rows = await selectOrganisations(tx)
          .where(
            and(
              kind ? eq(organisations.kind, kind) : undefined,
              q ? ilike(organisations.name, `%${q.replace(/[%_\\]/g, '\\$&')}%`) : undefined,
              includeArchived ? undefined : isNull(organisations.archivedAt),
            ),
          )
          .orderBy(asc(organisations.kind), asc(organisations.name))
          .limit(pageSize)
          .offset((page - 1) * pageSize);
        return { items: rows.map(({ total, ...o }) => o), page, pageSize, total: rows[0]?.total ?? 0 };
      });
    },
  );

  r.get(
    '/api/v1/organisations/:id',
    { schema: { tags: ['organisations'], params: ZIdParams, response: { 200: ZOrganisation } } },
    async (req) => {
      const actor = requireMember(req);
      return inTenant(db, actor, async ({ tx }) => {
        const [row] = await selectOrganisations(tx).where(eq(organisations.id, req.params.id));
        const { total, ...o } = authorizeRecord(row, () => organisationPolicy.read(actor));
        return o;
      });
    },
  );

  r.post(
    '/api/v1/organisations',
    { schema: { tags: ['organisations'], body: ZOrganisationInput, response: { 201: ZOrganisation } } },
    async (req, reply) => {
      const actor = requireMember(req);
      authorizeAction(organisationPolicy.create(actor));
      const b = req.body;
      const isSchool = b.kind === 'school';
      const created = await inTenant(db, actor, async ({ tx, audit }) => {
        await assertGemeente(tx, b.gemeenteId);
        if (isSchool) {
          const [dup] = await tx
            .select({ id: organisations.id })
            .from(organisations)
            .where(and(eq(organisations.brin, b.brin ?? ''), eq(organisations.vestiging, b.vestiging ?? '')));
          if (dup) throw fieldError('brin', 'duplicate_brin');
        }
        const [o] = await tx
          .insert(organisations)
          .values({
            regionId: actor.membership.regionId,
            kind: b.kind,
            name: b.name,
            brin: isSchool ? b.brin : null,
            vestiging: isSchool ? b.vestiging : null,
            schoolType: isSchool ? b.schoolType : null,
            schoolBoard: isSchool ? (b.schoolBoard ?? null) : null,
            gemeenteId: b.kind === 'gemeente' ? null : (b.gemeenteId ?? null),
            partnerKind: b.kind === 'partner' ? b.partnerKind : null,
          })
          .returning({ id: organisations.id });
        if (!o) throw new Error('insert returned nothing');
        await audit({ action: 'organisation.create', subjectType: 'organisation', subjectId: o.id, details: { kind: b.kind } });
        const [row] = await selectOrganisations(tx).where(eq(organisations.id, o.id));
        const { total, ...out } = row!;
        return out;
      });
      return reply.status(201).send(created);
    },
  );

  r.patch(
    '/api/v1/organisations/:id',
    { schema: { tags: ['organisations'], params: ZIdParams, body: ZOrganisationPatch, response: { 200: ZOrganisation } } },
    async (req) => {
      const actor = requireMember(req);
      return inTenant(db, actor, async ({ tx, audit }) => {
        const [existing] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, req.params.id));
        authorizeRecord(existing, () => organisationPolicy.read(actor));
        authorizeAction(organisationPolicy.update(actor));
        const b = req.body;
        const changes = {
          ...(b.name !== undefined ? { name: b.name } : {}),
          ...(b.schoolBoard !== undefined ? { schoolBoard: b.schoolBoard } : {}),
          ...(b.archived !== undefined ? { archivedAt: b.archived ? new Date() : null } : {}),
        };
        // an empty change is no change: nothing to write, nothing to audit
        if (Object.keys(changes).length === 0) {
          const [row] = await selectOrganisations(tx).where(eq(organisations.id, req.params.id));
          const { total, ...out } = row!;
          return out;
        }
        await tx.update(organisations).set(changes).where(eq(organisations.id, req.params.id));
        await audit({ action: 'organisation.update', subjectType: 'organisation', subjectId: req.params.id, details: { fields: Object.keys(b) } });
        const [row] = await selectOrganisations(tx).where(eq(organisations.id, req.params.id));
        const { total, ...out } = row!;
        return out;
      });
    },
  );
}
