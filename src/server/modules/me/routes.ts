import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZUuid } from '../../../shared/schemas/common.js';
import { ZMe } from '../../../shared/schemas/user.js';
import { needsSecondFactor, type TMembership } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';

const present = (m: TMembership) => ({
  id: m.id,
  role: m.role,
  regionId: m.regionId,
  regionName: m.regionName,
  organisationId: m.organisationId,
  organisationName: m.organisationName,
});

/** The signed-in person: their roles, the active one, and their preferences. No tenant data. */
export async function meRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.ctx;

  r.get('/api/v1/me', { schema: { tags: ['me'], response: { 200: ZMe } } }, async (req) => {
    const a = req.actor;
    if (!a) throw new AppError('unauthenticated');
    return {
      user: { id: a.userId, name: a.name, email: a.email, locale: a.locale === 'en' ? ('en' as const) : ('nl' as const) },
      activeMembership: a.membership ? present(a.membership) : null,
      memberships: a.memberships.map(present),
      secondFactor: { required: needsSecondFactor(a) || (!!a.regionSettings?.requireSecondFactorForStaff && a.twoFactorEnabled), enabled: a.twoFactorEnabled },
      // a region setting, not personal data: every member of the region may see where parents can turn to
      parentSupport: a.regionSettings?.parentSupport ?? null,
    };
  });

  r.put(
    '/api/v1/me/active-membership',
    { schema: { tags: ['me'], body: z.object({ membershipId: ZUuid }), response: { 204: z.null() } } },
    async (req, reply) => {
      const a = req.actor;
      if (!a) throw new AppError('unauthenticated');
      // only one of the user's own memberships; anything else looks like it does not exist
      if (!a.memberships.some((m) => m.id === req.body.membershipId)) throw new AppError('not_found');
      await database.raw('update sessions set active_membership_id = $1 where id = $2', [req.body.membershipId, a.sessionId]);
      return reply.status(204).send(null);
    },
  );

  r.put(
    '/api/v1/me/locale',
    { schema: { tags: ['me'], body: z.object({ locale: z.enum(['nl', 'en']) }), response: { 204: z.null() } } },
    async (req, reply) => {
      const a = req.actor;
      if (!a) throw new AppError('unauthenticated');
      await database.raw('update users set locale = $1, updated_at = now() where id = $2', [req.body.locale, a.userId]);
      return reply.status(204).send(null);
    },
  );
}
