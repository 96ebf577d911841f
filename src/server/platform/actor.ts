import { STAFF_ROLES, type TRole } from '../../shared/roles.js';
import type { TRegionSettings } from '../db/schema/region.js';
import type { Database } from './db.js';

export interface TMembership {
  id: string;
  regionId: string;
  regionName: string;
  role: TRole;
  organisationId: string | null;
  organisationName: string | null;
  organisationKind: string | null;
  /** For school and gemeente memberships: the gemeente the organisation belongs to / is. */
  gemeenteId: string | null;
}

/** Who is asking: the signed-in user acting through one membership (one region, one role). */
export interface TActor {
  userId: string;
  name: string;
  email: string;
  locale: string;
  sessionId: string;
  twoFactorEnabled: boolean;
  membership: TMembership | null;
  memberships: TMembership[];
  regionSettings: TRegionSettings | null;
}

type TMembershipRow = {
  id: string;
  region_id: string;
  region_name: string;
  role: TRole;
  organisation_id: string | null;
  organisation_name: string | null;
  organisation_kind: string | null;
  gemeente_id: string | null;
};

/**
 * A user's active memberships across regions, as one json array. Platform code running as the
 * owner: the one place that looks across regions, and only at the user's own memberships.
 */
function membershipsJson(userId: string): string {
  return `coalesce((select json_agg(json_build_object(
            'id', m.id, 'region_id', m.region_id, 'region_name', r.name, 'role', m.role,
            'organisation_id', m.organisation_id, 'organisation_name', o.name, 'organisation_kind', o.kind,
            'gemeente_id', case when o.kind = 'gemeente' then o.id else o.gemeente_id end)
            order by r.name, m.created_at)
       from memberships m
       join regions r on r.id = m.region_id
       left join organisations o on o.region_id = m.region_id and o.id = m.organisation_id
      where m.user_id = ${userId} and m.ended_at is null), '[]'::json)`;
}

function toMembership(r: TMembershipRow): TMembership {
  return {
    id: r.id,
    regionId: r.region_id,
    regionName: r.region_name,
    role: r.role,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    organisationKind: r.organisation_kind,
    gemeenteId: r.gemeente_id,
  };
}

export interface TSessionActor {
  actor: TActor;
  expiresAt: Date;
  createdAt: Date;
}

/**
 * Everything a request needs to know about who is asking, in one round trip: the live session by
 * its token, the user, their memberships and the active region's settings. Null when there is no
 * such live session or the account is closed.
 */
export async function loadSessionActor(database: Database, token: string): Promise<TSessionActor | null> {
  const [r] = await database.raw<{
    session_id: string;
    user_id: string;
    created_at: Date | string;
    expires_at: Date | string;
    active_membership_id: string | null;
    name: string;
    email: string;
    locale: string;
    two_factor_enabled: boolean;
    deactivated_at: Date | null;
    ms: TMembershipRow[];
    settings: Record<string, TRegionSettings>;
  }>(
    `select s.id as session_id, s.user_id, s.created_at, s.expires_at, s.active_membership_id,
            u.name, u.email, u.locale, u.two_factor_enabled, u.deactivated_at,
            ${membershipsJson('s.user_id')} as ms,
            coalesce((select json_object_agg(r.id, r.settings) from regions r
                       where r.id in (select m.region_id from memberships m where m.user_id = s.user_id and m.ended_at is null)),
                     '{}'::json) as settings
       from sessions s join users u on u.id = s.user_id
      where s.token = $1 and s.expires_at > now()`,
    [token],
  );
  if (!r || r.deactivated_at) return null;
  const memberships = r.ms.map(toMembership);
  const membership = memberships.find((m) => m.id === r.active_membership_id) ?? memberships[0] ?? null;
  return {
    createdAt: new Date(r.created_at),
    expiresAt: new Date(r.expires_at),
    actor: {
      userId: r.user_id,
      name: r.name,
      email: r.email,
      locale: r.locale,
      sessionId: r.session_id,
      twoFactorEnabled: r.two_factor_enabled,
      membership,
      memberships,
      regionSettings: membership ? (r.settings[membership.regionId] ?? null) : null,
    },
  };
}

/** Staff in a region that requires it must have a second factor before touching data. */
export function needsSecondFactor(actor: TActor): boolean {
  const m = actor.membership;
  if (!m || !actor.regionSettings?.requireSecondFactorForStaff) return false;
  return STAFF_ROLES.includes(m.role) && !actor.twoFactorEnabled;
}
