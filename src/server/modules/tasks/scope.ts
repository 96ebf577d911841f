import { and, eq } from 'drizzle-orm';
import { organisations } from '../../db/schema/region.js';
import type { TMemberActor } from '../../platform/context.js';
import type { Tx } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { fieldError } from '../../platform/validation.js';
import type { TTaskScope } from './sources.js';

/**
 * The actor's own inbox in the active region: what waits on them by name, and what waits on the
 * IB'ers of each school where they hold that role in this region (from the memberships the session
 * already loaded, so the inbox stays one statement).
 */
export function inboxScope(actor: TMemberActor): TTaskScope {
  const regionId = actor.membership.regionId;
  const schoolIds = [
    ...new Set(
      actor.memberships
        .filter((m) => m.regionId === regionId && m.role === 'school_care_coordinator' && m.organisationId)
        .map((m) => m.organisationId as string),
    ),
  ];
  return { kind: 'owner', userId: actor.userId, schoolIds };
}

/**
 * Whose tasks a team view shows: a school's IB'er and director their own school's (asking for
 * another is refused); the SWV's consultants and board the region's, or one school of it that must
 * exist. Everyone else has no team view.
 */
export async function teamScope(
  tx: Tx,
  actor: TMemberActor,
  asked: string | undefined,
): Promise<{ scope: TTaskScope; schoolId: string | undefined; withTitle: boolean }> {
  const m = actor.membership;
  if ((m.role === 'school_care_coordinator' || m.role === 'school_director') && m.organisationId) {
    if (asked && asked !== m.organisationId) throw new AppError('forbidden');
    return { scope: { kind: 'school', schoolId: m.organisationId, swv: false }, schoolId: m.organisationId, withTitle: true };
  }
  if (m.role !== 'swv_consultant' && m.role !== 'swv_board') throw new AppError('forbidden');
  if (!asked) return { scope: { kind: 'region' }, schoolId: undefined, withTitle: false };
  const [school] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, asked), eq(organisations.kind, 'school')));
  if (!school) throw fieldError('schoolId', 'unknown_school');
  return { scope: { kind: 'school', schoolId: asked, swv: true }, schoolId: asked, withTitle: false };
}
