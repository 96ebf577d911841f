import type { FastifyRequest } from 'fastify';
import type { TRole } from '../../shared/roles.js';
import { type TActor, needsSecondFactor } from './actor.js';
import type { TAuditEvent } from './audit.js';
import { appendAudit } from './audit.js';
import type { Db, Tx } from './db.js';
import { AppError } from './errors.js';
import { withTenant } from './tenancy.js';

/** An actor acting through an active membership in a region. */
export type TMemberActor = TActor & { membership: NonNullable<TActor['membership']> };

export function requireMember(req: FastifyRequest, opts: { allowWithoutSecondFactor?: boolean } = {}): TMemberActor {
  const actor = req.actor;
  if (!actor) throw new AppError('unauthenticated');
  // no membership: the user exists but has no place anywhere; nothing to see
  if (!actor.membership) throw new AppError('forbidden');
  if (!opts.allowWithoutSecondFactor && needsSecondFactor(actor)) throw new AppError('second_factor_required');
  return actor as TMemberActor;
}

export function hasRole(actor: TMemberActor, ...roles: TRole[]): boolean {
  return roles.includes(actor.membership.role);
}

/** The request's tenant transaction and an audit writer bound to the actor. */
export interface TRequestScope {
  tx: Tx;
  actor: TMemberActor;
  audit(event: TAuditEvent): Promise<void>;
}

export async function inTenant<T>(db: Db, actor: TMemberActor, fn: (scope: TRequestScope) => Promise<T>): Promise<T> {
  const m = actor.membership;
  return withTenant(db, m.regionId, (tx) =>
    fn({
      tx,
      actor,
      audit: (event) =>
        appendAudit(
          tx,
          m.regionId,
          { userId: actor.userId, membershipId: m.id, role: m.role, organisationId: m.organisationId },
          event,
        ),
    }),
  );
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: TActor | null;
  }
}
