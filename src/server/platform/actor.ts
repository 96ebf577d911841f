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

/**
 * Resolves a user's memberships across regions. This is platform code running as the owner:
 * it is the one place that looks across regions, and only at the user's own memberships.
 */
export async function loadMemberships(database: Database, userId: string): Promise<TMembership[]> {
  const rows = await database.raw<{
    id: string;
    region_id: string;
    region_name: string;
    role: TRole;
    organisation_id: string | null;
    organisation_name: string | null;
    organisation_kind: string | null;
    gemeente_id: string | null;
  }>(
    `select m.id, m.region_id, r.name as region_name, m.role, m.organisation_id,
            o.name as organisation_name, o.kind as organisation_kind,
            case when o.kind = 'gemeente' then o.id else o.gemeente_id end as gemeente_id
       from memberships m
       join regions r on r.id = m.region_id
       left join organisations o on o.region_id = m.region_id and o.id = m.organisation_id
      where m.user_id = $1 and m.ended_at is null
      order by r.name, m.created_at`,
    [userId],
  );
  return rows.map((r) => ({
    id: r.id,
    regionId: r.region_id,
    regionName: r.region_name,
    role: r.role,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    organisationKind: r.organisation_kind,
    gemeenteId: r.gemeente_id,
  }));
}

export async function loadRegionSettings(database: Database, regionId: string): Promise<TRegionSettings | null> {
  const [row] = await database.raw<{ settings: TRegionSettings }>('select settings from regions where id = $1', [
    regionId,
  ]);
  return row?.settings ?? null;
}

/** Staff in a region that requires it must have a second factor before touching data. */
export function needsSecondFactor(actor: TActor): boolean {
  const m = actor.membership;
  if (!m || !actor.regionSettings?.requireSecondFactorForStaff) return false;
  return STAFF_ROLES.includes(m.role) && !actor.twoFactorEnabled;
}
