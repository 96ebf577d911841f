import { sql } from 'drizzle-orm';
import type { TParticipantKind } from '../../../shared/meeting.js';
import type { TParticipantCandidate } from '../../../shared/schemas/meeting.js';
import { query, type Tx } from '../../platform/db.js';
import { t } from '../../platform/i18n.js';
import { caseLeadCandidates } from '../case-leads/candidates.js';
import { TODAY } from '../pupils/relation.js';

/** How someone takes part, from the role they hold: decides wording and who needs the parents' consent. */
export function participantKindOf(role: string): TParticipantKind {
  if (role.startsWith('swv_')) return 'swv';
  if (role === 'school_care_coordinator' || role === 'school_director' || role === 'teacher') return 'school';
  if (role === 'care_partner') return 'care_partner';
  if (role === 'parent') return 'parent';
  if (role === 'pupil') return 'pupil';
  return 'other';
}

/**
 * The role in words, as invitations and the summary print it (documents are Dutch whatever the
 * reader's language; the kernteam task, "CJG-coach", says more than the role when there is one).
 */
export const roleLabelOf = (role: string, task: string | null) => task?.trim() || t('nl', `roles.${role}`);

type TRow = {
  user_id: string;
  name: string;
  organisation_id: string | null;
  organisation_name: string | null;
  role: string;
  task: string | null;
};

/**
 * Who can be invited to a meeting about the child: the IB'ers and director of the child's school,
 * the teachers of the child's group, the active kernteam, the region's consultants, the guardians
 * with gezag who have an account (not once a pupil of 16 or older refused them), and the pupil's
 * own account from 12. One row per person; the kernteam row wins (it carries their task).
 */
export async function meetingCandidates(tx: Tx, pupilId: string): Promise<TParticipantCandidate[]> {
  const rows = await query<TRow>(
    tx,
    sql`with c as (
          select p.id, p.school_id, p.group_id, p.user_id, p.parents_access_refused_at,
                 extract(year from age(${TODAY}, p.date_of_birth))::int as age
            from pupils p where p.id = ${pupilId}
        )
        select distinct on (x.user_id) x.user_id, u.name, x.organisation_id, o.name as organisation_name, x.role, x.task
          from (
            select ct.user_id, ct.organisation_id, coalesce(m.role, 'care_partner') as role, ct.task, 0 as pref
              from c join care_team_members ct on ct.pupil_id = c.id and ct.removed_at is null
              left join memberships m on m.user_id = ct.user_id and m.organisation_id = ct.organisation_id and m.ended_at is null
            union all
            select m.user_id, m.organisation_id, m.role, null, 1
              from c join memberships m on m.organisation_id = c.school_id and m.ended_at is null
             where m.role in ('school_care_coordinator', 'school_director')
            union all
            select gt.user_id, c.school_id, 'teacher', null, 2
              from c join group_teachers gt on gt.group_id = c.group_id
              join memberships m on m.user_id = gt.user_id and m.organisation_id = c.school_id and m.role = 'teacher' and m.ended_at is null
            union all
            select m.user_id, m.organisation_id, m.role, null, 3
              from memberships m where m.role = 'swv_consultant' and m.ended_at is null
            union all
            select g.user_id, null, 'parent', null, 4
              from c join guardians g on g.pupil_id = c.id and g.has_gezag and g.user_id is not null
             where c.parents_access_refused_at is null or c.age < 16
            union all
            select c.user_id, null, 'pupil', null, 5 from c where c.user_id is not null and c.age >= 12
          ) x
          join users u on u.id = x.user_id and u.deactivated_at is null
          left join organisations o on o.id = x.organisation_id
         order by x.user_id, x.pref`,
  );
  const leads = new Set((await caseLeadCandidates(tx, pupilId)).map((c) => c.userId));
  const order: TParticipantKind[] = ['parent', 'pupil', 'school', 'swv', 'care_partner', 'other'];
  return rows
    .map((r) => ({
      userId: r.user_id,
      name: r.name,
      kind: participantKindOf(r.role),
      organisation: r.organisation_id ? { id: r.organisation_id, name: r.organisation_name ?? '' } : null,
      roleLabel: roleLabelOf(r.role, r.task),
      canLead: leads.has(r.user_id),
    }))
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.name.localeCompare(b.name, 'nl'));
}
