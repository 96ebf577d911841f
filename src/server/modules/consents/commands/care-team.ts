import { sql } from 'drizzle-orm';
import { CARE_TEAM_ROLES } from '../../../../shared/schemas/consent.js';
import { careTeamMembers } from '../../../db/schema/consent.js';
import type { TRequestScope } from '../../../platform/context.js';
import { query } from '../../../platform/db.js';
import { AppError } from '../../../platform/errors.js';
import { fieldError } from '../../../platform/validation.js';
import type { TChildRelation } from '../../../policies/child-file.js';

/**
 * The organisation the person joins the kernteam for: that of their active membership in this
 * region. When they work for several, the caller must say which.
 */
async function organisationOf({ tx }: TRequestScope, userId: string, organisationId: string | null | undefined): Promise<string> {
  const ms = await query<{ organisation_id: string; role: string }>(
    tx,
    sql`select organisation_id, role from memberships where user_id = ${userId} and ended_at is null and organisation_id is not null`,
  );
  if (!ms.length) throw fieldError('userId', 'unknown_user');
  const fit = ms.filter((m) => (CARE_TEAM_ROLES as readonly string[]).includes(m.role));
  if (!fit.length) throw fieldError('userId', 'not_care_team_role');
  const orgs = [...new Set(fit.map((m) => m.organisation_id))];
  if (organisationId) {
    if (!orgs.includes(organisationId)) throw fieldError('organisationId', 'not_member_of_organisation');
    return organisationId;
  }
  if (orgs.length > 1) throw fieldError('organisationId', 'choose_organisation');
  return orgs[0]!;
}

export async function addCareTeamMember(
  scope: TRequestScope,
  rel: TChildRelation,
  input: { userId: string; organisationId?: string | null; task?: string | null },
): Promise<string> {
  const { tx, actor, audit } = scope;
  const organisationId = await organisationOf(scope, input.userId, input.organisationId);
  // one active entry per person per child: the schema has no partial unique index for it, so
  // concurrent adds of the same pair wait for each other until commit
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`care_team:${rel.pupilId}:${input.userId}`}, 0))`);
  const [dup] = await query(tx, sql`select 1 from care_team_members where pupil_id = ${rel.pupilId}
    and user_id = ${input.userId} and removed_at is null`);
  if (dup) throw new AppError('conflict', 'errors.care_team_member_exists');
  const [row] = await tx
    .insert(careTeamMembers)
    .values({
      regionId: actor.membership.regionId,
      pupilId: rel.pupilId,
      userId: input.userId,
      organisationId,
      task: input.task || null,
      addedBy: actor.userId,
    })
    .returning({ id: careTeamMembers.id });
  await audit({
    action: 'care_team.add',
    subjectType: 'care_team_member',
    subjectId: row!.id,
    pupilId: rel.pupilId,
    details: { userId: input.userId, organisationId },
  });
  return row!.id;
}

export async function removeCareTeamMember({ tx, audit }: TRequestScope, rel: TChildRelation, memberId: string): Promise<void> {
  const [row] = await query<{ user_id: string }>(
    tx,
    sql`update care_team_members set removed_at = now()
      where id = ${memberId} and pupil_id = ${rel.pupilId} and removed_at is null returning user_id`,
  );
  if (!row) throw new AppError('not_found');
  await audit({
    action: 'care_team.remove',
    subjectType: 'care_team_member',
    subjectId: memberId,
    pupilId: rel.pupilId,
    details: { userId: row.user_id },
  });
}
