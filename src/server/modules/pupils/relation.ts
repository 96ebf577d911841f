import { type SQL, sql } from 'drizzle-orm';
import type { TDataCategory } from '../../../shared/consent.js';
import type { TMemberActor } from '../../platform/context.js';
import { query, type Tx } from '../../platform/db.js';
import type { TChildRelation } from '../../policies/child-file.js';

/** Today in the Netherlands: a consent valid until 31 March ends at midnight Dutch time. */
export const TODAY = sql`(now() at time zone 'Europe/Amsterdam')::date`;

/**
 * A guardian with gezag of pupil `p` who still has access: under 16 always, from 16 unless the
 * pupil refused. `p` must be the pupils alias in the surrounding query.
 */
export function guardianAccess(userId: string): SQL {
  return sql`exists (select 1 from guardians gd where gd.region_id = p.region_id and gd.pupil_id = p.id
    and gd.user_id = ${userId} and gd.has_gezag)
    and (p.parents_access_refused_at is null or age(${TODAY}, p.date_of_birth) < interval '16 years')`;
}

/**
 * Valid consents of pupil `p` that share with organisation `orgId` (by name or by partner kind);
 * `orgId` is an id, or a column of the surrounding query.
 */
export function consentFor(orgId: string | null | SQL, category?: TDataCategory): SQL {
  return sql`exists (select 1 from consents c where c.region_id = p.region_id and c.pupil_id = p.id
    and c.withdrawn_at is null and c.valid_from <= ${TODAY} and (c.valid_until is null or c.valid_until >= ${TODAY})
    ${category ? sql`and ${category} = any(c.categories)` : sql``}
    and (${orgId}::uuid = any(c.recipient_organisation_ids)
      or (select o.partner_kind from organisations o where o.region_id = p.region_id and o.id = ${orgId}::uuid) = any(c.recipient_kinds)))`;
}

export function inCareTeam(userId: string): SQL {
  return sql`exists (select 1 from care_team_members ct where ct.region_id = p.region_id and ct.pupil_id = p.id
    and ct.user_id = ${userId} and ct.removed_at is null)`;
}

type TRelationRow = {
  school_id: string;
  age: number;
  teaches_group: boolean;
  is_guardian: boolean;
  guardian_id: string | null;
  is_self: boolean;
  in_care_team: boolean;
  consented: TDataCategory[] | null;
  break_glass: boolean;
  is_case_lead: boolean;
};

/** The relation facts as columns of a query over `pupils p` (used here and by the pupil read). */
export function relationColumns(actor: TMemberActor): SQL {
  const orgId = actor.membership.organisationId;
  return sql`p.school_id, extract(year from age(${TODAY}, p.date_of_birth))::int as age,
      exists (select 1 from group_teachers gt where gt.region_id = p.region_id and gt.group_id = p.group_id
        and gt.user_id = ${actor.userId}) as teaches_group,
      (${guardianAccess(actor.userId)}) as is_guardian,
      (select gd.id from guardians gd where gd.region_id = p.region_id and gd.pupil_id = p.id
        and gd.user_id = ${actor.userId} and gd.has_gezag limit 1) as guardian_id,
      (p.user_id is not distinct from ${actor.userId}) as is_self,
      ${inCareTeam(actor.userId)} as in_care_team,
      (select array_agg(distinct cat) from consents c, unnest(c.categories) cat
        where c.region_id = p.region_id and c.pupil_id = p.id and c.withdrawn_at is null
          and c.valid_from <= ${TODAY} and (c.valid_until is null or c.valid_until >= ${TODAY})
          and (${orgId}::uuid = any(c.recipient_organisation_ids)
            or (select o.partner_kind from organisations o where o.region_id = p.region_id and o.id = ${orgId}::uuid) = any(c.recipient_kinds))) as consented,
      exists (select 1 from break_glass_accesses bg where bg.region_id = p.region_id and bg.pupil_id = p.id
        and bg.user_id = ${actor.userId} and bg.expires_at > now()) as break_glass,
      exists (select 1 from case_leads cl where cl.region_id = p.region_id and cl.pupil_id = p.id
        and cl.user_id = ${actor.userId} and cl.ended_at is null) as is_case_lead`;
}

export function toRelation(pupilId: string, r: TRelationRow): TChildRelation {
  return {
    pupilId,
    schoolId: r.school_id,
    age: Number(r.age),
    teachesGroup: r.teaches_group,
    isGuardian: r.is_guardian,
    guardianId: r.is_guardian ? r.guardian_id : null,
    isSelf: r.is_self,
    inCareTeam: r.in_care_team,
    consented: r.consented ?? [],
    breakGlass: r.break_glass,
    isCaseLead: r.is_case_lead,
  };
}

/** One query: how the actor stands to the child. Null when the pupil is not in this region. */
export async function loadChildRelation(tx: Tx, actor: TMemberActor, pupilId: string): Promise<TChildRelation | null> {
  const [r] = await query<TRelationRow>(tx, sql`select ${relationColumns(actor)} from pupils p where p.id = ${pupilId}`);
  return r ? toRelation(pupilId, r) : null;
}
