import { and, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZPaged, ZPageQuery, ZUuid } from '../../../shared/schemas/common.js';
import { ZInviteUser, ZMembershipInput, ZMembershipRef, ZUser } from '../../../shared/schemas/user.js';
import { memberships } from '../../db/schema/region.js';
import { query } from '../../platform/db.js';
import { inTenant, requireMember } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { authorizeAction, authorizeRecord } from '../../policies/index.js';
import { membershipPolicy, userPolicy } from '../../policies/user.js';
import { checkRoleOrganisation } from './commands/check-role-organisation.js';
import { inviteUser } from './commands/invite-user.js';
import { sendInvitation } from './invitation.js';
import { listUsers } from './queries.js';

const ZUserIdParams = z.object({ id: z.string().min(1).max(100) });

export async function userRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;

  r.get(
    '/api/v1/users',
    { schema: { tags: ['users'], querystring: ZPageQuery.extend({ q: z.string().trim().max(100).optional() }), response: { 200: ZPaged(ZUser) } } },
    async (req) => {
      const actor = requireMember(req);
      authorizeAction(userPolicy.list(actor));
      return inTenant(db, actor, async ({ tx }) => {
        const { items, total } = await listUsers(tx, req.query);
        return { items, total, page: req.query.page, pageSize: req.query.pageSize };
      });
    },
  );

  r.get('/api/v1/users/:id', { schema: { tags: ['users'], params: ZUserIdParams, response: { 200: ZUser } } }, async (req) => {
    const actor = requireMember(req);
    return inTenant(db, actor, async ({ tx }) => {
      const { items } = await listUsers(tx, { userId: req.params.id, page: 1, pageSize: 1 });
      return authorizeRecord(items[0], (u) => userPolicy.read(actor, u.id));
    });
  });

  r.post('/api/v1/users', { schema: { tags: ['users'], body: ZInviteUser, response: { 201: ZUser } } }, async (req, reply) => {
    const actor = requireMember(req);
    authorizeAction(userPolicy.invite(actor));
    const user = await inTenant(db, actor, async (scope) => {
      const { userId } = await inviteUser(scope, req.body);
      const { items } = await listUsers(scope.tx, { userId, page: 1, pageSize: 1 });
      return items[0]!;
    });
    // after commit: the mail goes only for an invitation that really exists
    await sendInvitation(app, user, actor.membership.regionName, req.log);
    return reply.status(201).send(user);
  });

  r.post(
    '/api/v1/users/:id/deactivate',
    { schema: { tags: ['users'], params: ZUserIdParams, response: { 200: ZUser } } },
    async (req) => {
      const actor = requireMember(req);
      return inTenant(db, actor, async ({ tx, audit }) => {
        const { items } = await listUsers(tx, { userId: req.params.id, page: 1, pageSize: 1 });
        authorizeRecord(items[0], () => userPolicy.list(actor));
        authorizeAction(userPolicy.deactivate(actor, req.params.id));
        await tx.update(memberships).set({ endedAt: new Date() }).where(and(eq(memberships.userId, req.params.id), isNull(memberships.endedAt)));
        const [res] = await query<{ closed: boolean }>(tx, sql`select rondom_end_user_access(${req.params.id}) as closed`);
        await audit({
          action: 'user.deactivate',
          subjectType: 'user',
          subjectId: req.params.id,
          details: { accountClosed: res?.closed },
        });
        return (await listUsers(tx, { userId: req.params.id, page: 1, pageSize: 1 })).items[0]!;
      });
    },
  );

  r.get(
    '/api/v1/memberships',
    { schema: { tags: ['memberships'], querystring: z.object({ userId: z.string().min(1).max(100) }), response: { 200: z.object({ items: z.array(ZMembershipRef) }) } } },
    async (req) => {
      const actor = requireMember(req);
      authorizeAction(membershipPolicy.list(actor));
      return inTenant(db, actor, async ({ tx }) => {
        const { items } = await listUsers(tx, { userId: req.query.userId, page: 1, pageSize: 1 });
        return { items: items[0]?.memberships ?? [] };
      });
    },
  );

  r.post(
    '/api/v1/memberships',
    { schema: { tags: ['memberships'], body: ZMembershipInput, response: { 201: ZMembershipRef } } },
    async (req, reply) => {
      const actor = requireMember(req);
      authorizeAction(membershipPolicy.create(actor));
      const b = req.body;
      const created = await inTenant(db, actor, async ({ tx, audit }) => {
        const { items } = await listUsers(tx, { userId: b.userId, page: 1, pageSize: 1 });
        // only people already known in this region; new people come in through an invitation
        if (!items[0]) throw new AppError('validation', 'errors.validation', [{ field: 'userId', rule: 'unknown_user', message: '' }]);
        const organisationId = await checkRoleOrganisation(tx, b.role, b.organisationId);
        const dup = await query(tx, sql`select 1 from memberships where user_id = ${b.userId} and role = ${b.role}
          and organisation_id is not distinct from ${organisationId} and ended_at is null`);
        if (dup.length) throw new AppError('conflict', 'errors.membership_exists');
        const [m] = await tx
          .insert(memberships)
          .values({ regionId: actor.membership.regionId, userId: b.userId, organisationId, role: b.role })
          .onConflictDoUpdate({
            target: [memberships.regionId, memberships.userId, memberships.organisationId, memberships.role],
            set: { endedAt: null },
          })
          .returning({ id: memberships.id });
        await audit({ action: 'membership.create', subjectType: 'membership', subjectId: m!.id, details: { userId: b.userId, role: b.role } });
        const after = await listUsers(tx, { userId: b.userId, page: 1, pageSize: 1 });
        return after.items[0]!.memberships.find((x) => x.id === m!.id)!;
      });
      return reply.status(201).send(created);
    },
  );

  r.delete(
    '/api/v1/memberships/:id',
    { schema: { tags: ['memberships'], params: z.object({ id: ZUuid }), response: { 204: z.null() } } },
    async (req, reply) => {
      const actor = requireMember(req);
      await inTenant(db, actor, async ({ tx, audit }) => {
        const [m] = await tx
          .select({ id: memberships.id, userId: memberships.userId })
          .from(memberships)
          .where(and(eq(memberships.id, req.params.id), isNull(memberships.endedAt)));
        authorizeRecord(m, () => membershipPolicy.list(actor));
        authorizeAction(membershipPolicy.end(actor, req.params.id));
        await tx.update(memberships).set({ endedAt: new Date() }).where(eq(memberships.id, req.params.id));
        // a role taken away ends the sessions that might be acting through it
        await tx.execute(sql`select rondom_end_user_access(${m!.userId})`);
        await audit({ action: 'membership.end', subjectType: 'membership', subjectId: req.params.id, details: { userId: m!.userId } });
      });
      return reply.status(204).send(null);
    },
  );
}
