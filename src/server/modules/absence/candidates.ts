import { sql } from 'drizzle-orm';
import { query, type Tx } from '../../platform/db.js';
import { consentFor } from '../pupils/relation.js';

export interface TOwnerCandidate {
  id: string;
  name: string;
  organisation: string;
  role: string;
}

/**
 * Who may own a child's absence case: the active members who may work it anyway (absencePolicy):
 * the SWV's consultants, the IB'ers of the child's school, leerplicht of the gemeente the child
 * lives in, and care partners in the child's kernteam while a valid consent shares 'absence' with
 * their organisation. An owner outside these would own a case they cannot open. The one rule for
 * the candidates route and the check when an owner is named.
 */
export async function ownerCandidates(tx: Tx, pupilId: string): Promise<TOwnerCandidate[]> {
  const rows = await query<{ user_id: string; name: string; organisation_name: string; role: string }>(
    tx,
    sql`select distinct on (x.user_id) x.user_id, u.name, o.name as organisation_name, x.role
          from pupils p
          join lateral (
            select m.user_id, m.organisation_id, m.role, 0 as pref from memberships m
             where m.region_id = p.region_id and m.role = 'swv_consultant' and m.ended_at is null
            union all
            select m.user_id, m.organisation_id, m.role, 1 from memberships m
             where m.region_id = p.region_id and m.organisation_id = p.school_id and m.role = 'school_care_coordinator' and m.ended_at is null
            union all
            select m.user_id, m.organisation_id, m.role, 2 from memberships m
             where m.region_id = p.region_id and m.organisation_id = p.gemeente_id and m.role = 'attendance_officer' and m.ended_at is null
            union all
            select ct.user_id, ct.organisation_id, m.role, 3 from care_team_members ct
              join memberships m on m.region_id = ct.region_id and m.user_id = ct.user_id and m.organisation_id = ct.organisation_id
                and m.role = 'care_partner' and m.ended_at is null
             where ct.region_id = p.region_id and ct.pupil_id = p.id and ct.removed_at is null
               and ${consentFor(sql`ct.organisation_id`, 'absence')}
          ) x on true
          join users u on u.id = x.user_id and u.deactivated_at is null
          join organisations o on o.region_id = p.region_id and o.id = x.organisation_id
         where p.id = ${pupilId}
         order by x.user_id, x.pref`,
  );
  return rows
    .map((r) => ({ id: r.user_id, name: r.name, organisation: r.organisation_name, role: r.role }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}
