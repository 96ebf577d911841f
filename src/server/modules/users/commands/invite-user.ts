import { sql } from 'drizzle-orm';
import type { TRole } from '../../../../shared/roles.js';
import { memberships } from '../../../db/schema/region.js';
import type { TRequestScope } from '../../../platform/context.js';
import { query } from '../../../platform/db.js';
import { AppError } from '../../../platform/errors.js';
import { checkRoleOrganisation } from './check-role-organisation.js';

export interface TInvite {
  name: string;
  email: string;
  role: TRole;
  organisationId?: string | null;
}

/**
 * Creates (or finds) the person and gives them a role in this region, in one transaction.
 */
export async function inviteUser({ tx, actor, audit }: TRequestScope, input: TInvite): Promise<{ userId: string }> {
  const organisationId = await checkRoleOrganisation(tx, input.role, input.organisationId);
  const [ensured] = await query<{ id: string }>(tx, sql`select rondom_ensure_user(${input.email}, ${input.name}) as id`);
  const userId = ensured!.id;
  const existing = await query(tx, sql`select 1 from memberships where user_id = ${userId}
      and role = ${input.role} and organisation_id is not distinct from ${organisationId} and ended_at is null`);
  if (existing.length) throw new AppError('conflict', 'errors.membership_exists');
  // an ended membership for the same role comes back to life rather than a duplicate row
  await tx
    .insert(memberships)
    .values({ regionId: actor.membership.regionId, userId, organisationId, role: input.role })
    .onConflictDoUpdate({
      target: [memberships.regionId, memberships.userId, memberships.organisationId, memberships.role],
      set: { endedAt: null },
    });
  await audit({ action: 'user.invite', subjectType: 'user', subjectId: userId, details: { role: input.role, organisationId } });
  return { userId };
}
