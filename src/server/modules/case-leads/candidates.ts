import { sql } from 'drizzle-orm';
import { query, type Tx } from '../../platform/db.js';

export interface TCaseLeadCandidate {
  userId: string;
  name: string;
  organisationId: string;
  organisationName: string;
  /** The role they hold for this child: the school's IB'er, or their kernteam task. */
  role: string;
  task: string | null;
}

/**
 * Who may be named regievoerder of a child: the IB'ers of the child's school and the active
 * members of the kernteam (consultants and care partners are there already, with the consent that
 * lets them see the file). Someone outside these would lead a case they cannot open.
 */
export async function caseLeadCandidates(tx: Tx, pupilId: string): Promise<TCaseLeadCandidate[]> {
  const rows = await query<{ user_id: string; name: string; organisation_id: string; organisation_name: string; role: string; task: string | null }>(
    tx,
    sql`select distinct on (c.user_id) c.user_id, u.name, c.organisation_id, o.name as organisation_name, c.role, c.task
          from (
            select m.user_id, m.organisation_id, m.role, null::text as task, 0 as pref
              from pupils p join memberships m on m.region_id = p.region_id and m.organisation_id = p.school_id
             where p.id = ${pupilId} and m.role = 'school_care_coordinator' and m.ended_at is null
            union all
            select ct.user_id, ct.organisation_id, coalesce(m.role, 'care_partner'), ct.task, 1
              from care_team_members ct
              left join memberships m on m.region_id = ct.region_id and m.user_id = ct.user_id
                and m.organisation_id = ct.organisation_id and m.ended_at is null
             where ct.pupil_id = ${pupilId} and ct.removed_at is null
          ) c
          join users u on u.id = c.user_id and u.deactivated_at is null
          join organisations o on o.id = c.organisation_id
         order by c.user_id, c.pref`,
  );
  return rows
    .map((r) => ({ userId: r.user_id, name: r.name, organisationId: r.organisation_id, organisationName: r.organisation_name, role: r.role, task: r.task }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}
