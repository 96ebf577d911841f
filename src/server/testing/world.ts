import type { TRole } from '../../shared/roles.js';
import { ROLES } from '../../shared/roles.js';
import type { Database } from '../platform/db.js';
import { addMembership, ensureAccount } from '../seed/accounts.js';
import { generateRegion, type TGeneratedRegion } from '../seed/generate.js';
import type { TestClient, TTestApp } from './app.js';

export const WORLD_PASSWORD = 'world-password-123';

/**
 * Two regions for access tests. In region A every role has an account at "its own" place: school
 * roles at school A1, gemeente roles at gemeente G1, the teacher teaching group A1-1, the parent
 * guardian (with gezag) of pupil `ownPupil`, the pupil account linked to `selfPupil`.
 * Region B has its own admin and consultant; `lonely` has an account but no membership.
 */
export interface TWorld {
  a: TGeneratedRegion;
  b: TGeneratedRegion;
  users: Record<TRole, string> & { b_admin: string; b_consultant: string; lonely: string; pupil16: string };
  emails: Record<string, string>;
  /** pupils in region A */
  ownGroupPupil: string;
  ownSchoolPupil: string;
  otherSchoolPupil: string;
  otherGemeentePupil: string;
  ownPupil: string;
  selfPupil: string;
  /** a pupil in region B */
  otherRegionPupil: string;
  /**
   * Kernteam pupils (school A2, so school staff of A1 have no relation): the care partner and the
   * consultant are in each one's kernteam; a consent shares 'dossier' and 'opp' (not attachments)
   * with the care partner's organisation — valid, expired, withdrawn, or there is none.
   */
  consentPupil: string;
  expiredConsentPupil: string;
  withdrawnConsentPupil: string;
  noConsentPupil: string;
  /** The `pupil` account's pupil is 14; `pupil16` is 17, has refused their parents (the `parent`) access. */
  olderPupil: string;
  partnerOrg: string;
  schoolA1: string;
  schoolA2: string;
  schoolB1: string;
  groupA1: string;
  groupA2: string;
  groupB1: string;
}

export async function buildWorld(database: Database, tag = 'w'): Promise<TWorld> {
  const a = await generateRegion(database, { slug: `${tag}-a`, name: `Regio A ${tag}`, schools: 3, pupils: 40, seed: 11 });
  const b = await generateRegion(database, { slug: `${tag}-b`, name: `Regio B ${tag}`, schools: 2, pupils: 10, seed: 12 });
  const schoolA1 = a.schools[0]!.id;
  const schoolA2 = a.schools[1]!.id;
  const orgFor: Record<TRole, string | null> = {
    swv_admin: a.swvId,
    swv_consultant: a.swvId,
    swv_expert: a.swvId,
    swv_board: a.swvId,
    parent_support: a.swvId,
    school_director: schoolA1,
    school_care_coordinator: schoolA1,
    teacher: schoolA1,
    care_partner: a.partnerIds[0]!,
    attendance_officer: a.gemeenteIds[0]!,
    municipality_analyst: a.gemeenteIds[0]!,
    opr_member: a.oprId,
    parent: null,
    pupil: null,
  };
  const users = {} as TWorld['users'];
  const emails: Record<string, string> = {};
  const account = async (key: string, name: string) => {
    emails[key] = `${key.replace(/_/g, '-')}@${tag}.test`;
    return ensureAccount(database, { name, email: emails[key]!, password: WORLD_PASSWORD });
  };
  for (const role of ROLES) {
    users[role] = await account(role, `Test ${role}`);
    await addMembership(database, { regionId: a.regionId, userId: users[role], role, organisationId: orgFor[role] });
  }
  users.b_admin = await account('b_admin', 'Test B admin');
  await addMembership(database, { regionId: b.regionId, userId: users.b_admin, role: 'swv_admin', organisationId: b.swvId });
  users.b_consultant = await account('b_consultant', 'Test B consultant');
  await addMembership(database, { regionId: b.regionId, userId: users.b_consultant, role: 'swv_consultant', organisationId: b.swvId });
  users.lonely = await account('lonely', 'Test zonder rol');
  users.pupil16 = await account('pupil16', 'Test leerling 17');
  await addMembership(database, { regionId: a.regionId, userId: users.pupil16, role: 'pupil', organisationId: null });

  const groupA1 = a.schools[0]!.groupIds[0]!;
  const groupA2 = a.schools[0]!.groupIds[1]!;
  await database.raw('insert into group_teachers (region_id, group_id, user_id) values ($1, $2, $3)', [a.regionId, groupA1, users.teacher]);
  const pick = async (where: string, params: unknown[]) => {
    const [row] = await database.raw<{ id: string }>(`select id from pupils where ${where} order by id limit 1`, params);
    if (!row) throw new Error(`world: no pupil for ${where}`);
    return row.id;
  };
  // pin pupils to the places the matrix needs, independent of the generator's randomness
  const [p1, p2, p3, p4, p5, p6, p7, p8, p9, p10] = await database.raw<{ id: string }>('select id from pupils where region_id = $1 order by id limit 10', [a.regionId]);
  const G1 = a.gemeenteIds[0]!;
  const G2 = a.gemeenteIds[1]!;
  await database.raw('update pupils set school_id = $2, group_id = $3, gemeente_id = $4 where id = $1', [p1!.id, schoolA1, groupA1, G1]);
  await database.raw('update pupils set school_id = $2, group_id = $3, gemeente_id = $4 where id = $1', [p2!.id, schoolA1, groupA2, G2]);
  await database.raw('update pupils set school_id = $2, group_id = $3, gemeente_id = $4 where id = $1', [p3!.id, schoolA2, a.schools[1]!.groupIds[0], G2]);
  await database.raw('update pupils set school_id = $2, group_id = $3, gemeente_id = $4 where id = $1', [p4!.id, schoolA2, a.schools[1]!.groupIds[1], G2]);
  await database.raw('update pupils set school_id = $2, group_id = $3, gemeente_id = $4 where id = $1', [p5!.id, schoolA1, groupA2, G2]);
  // nobody else may teach group A1 or be in gemeente G1 by chance
  await database.raw('update pupils set gemeente_id = $2 where region_id = $1 and id not in ($3)', [a.regionId, G2, p1!.id]);
  await database.raw('update pupils set group_id = $2 where region_id = $1 and group_id = $3 and id <> $4', [a.regionId, groupA2, groupA1, p1!.id]);
  await database.raw(`insert into guardians (region_id, pupil_id, name, has_gezag, user_id) values ($1, $2, 'Ouder Test', true, $3)`, [a.regionId, p2!.id, users.parent]);
  await database.raw(`update pupils set user_id = $2, date_of_birth = current_date - interval '14 years' where id = $1`, [p5!.id, users.pupil]);
  // kernteam pupils at school A2
  const partnerOrg = a.partnerIds[0]!;
  for (const p of [p6, p7, p8, p9, p10]) {
    await database.raw('update pupils set school_id = $2, group_id = $3 where id = $1', [p!.id, schoolA2, a.schools[1]!.groupIds[0]]);
  }
  for (const p of [p6, p7, p8, p9]) {
    for (const [user, org] of [[users.care_partner, partnerOrg], [users.swv_consultant, a.swvId]] as const) {
      await database.raw('insert into care_team_members (region_id, pupil_id, user_id, organisation_id, added_by) values ($1, $2, $3, $4, $3)', [a.regionId, p!.id, user, org]);
    }
  }
  const consent = (pupilId: string, until: string | null, withdrawn: boolean) =>
    database.raw(
      `insert into consents (region_id, pupil_id, given_by_kind, recorded_by, recipient_organisation_ids, categories, purpose, legal_basis, valid_from, valid_until, withdrawn_at, withdrawn_by)
       values ($1, $2, 'guardian', $3, array[$4]::uuid[], array['dossier', 'opp'], 'Begeleiding thuis en op school afstemmen', 'consent', current_date - 30, $5::date, $6::timestamptz, case when $6::timestamptz is null then null else $3 end)`,
      [a.regionId, pupilId, users.school_care_coordinator, partnerOrg, until, withdrawn ? new Date().toISOString() : null],
    );
  await consent(p6!.id, null, false);
  await consent(p7!.id, new Date(Date.now() - 3 * 86400_000).toISOString().slice(0, 10), false);
  await consent(p8!.id, null, true);
  // a 17-year-old with their own account, who said their parents no longer see their file
  await database.raw(
    `update pupils set user_id = $2, date_of_birth = current_date - interval '17 years', parents_access_refused_at = now() where id = $1`,
    [p10!.id, users.pupil16],
  );
  await database.raw(`insert into guardians (region_id, pupil_id, name, has_gezag, user_id) values ($1, $2, 'Ouder Test', true, $3)`, [a.regionId, p10!.id, users.parent]);
  const otherRegionPupil = await pick('region_id = $1', [b.regionId]);
  return {
    a,
    b,
    users,
    emails,
    ownGroupPupil: p1!.id,
    ownSchoolPupil: p2!.id,
    ownPupil: p2!.id,
    otherSchoolPupil: p3!.id,
    otherGemeentePupil: p4!.id,
    selfPupil: p5!.id,
    otherRegionPupil,
    consentPupil: p6!.id,
    expiredConsentPupil: p7!.id,
    withdrawnConsentPupil: p8!.id,
    noConsentPupil: p9!.id,
    olderPupil: p10!.id,
    partnerOrg,
    schoolA1,
    schoolA2,
    schoolB1: b.schools[0]!.id,
    groupA1,
    groupA2,
    groupB1: b.schools[0]!.groupIds[0]!,
  };
}

/** The pupils the world pins to a place; a fixture that needs a child of its own picks one of the others. */
export const pinnedPupils = (w: TWorld): string[] => [
  w.ownGroupPupil,
  w.ownSchoolPupil,
  w.otherSchoolPupil,
  w.otherGemeentePupil,
  w.ownPupil,
  w.selfPupil,
  w.consentPupil,
  w.expiredConsentPupil,
  w.withdrawnConsentPupil,
  w.noConsentPupil,
  w.olderPupil,
  w.otherRegionPupil,
];

export type TActorKey = TRole | 'pupil16' | 'b_admin' | 'b_consultant' | 'lonely' | 'anonymous';
export const ACTOR_KEYS: TActorKey[] = [...ROLES, 'pupil16', 'b_admin', 'b_consultant', 'lonely', 'anonymous'];

/** Signs in every actor of the world once. */
export async function signInAll(t: TTestApp, w: TWorld): Promise<Record<TActorKey, TestClient>> {
  const out = {} as Record<TActorKey, TestClient>;
  for (const key of ACTOR_KEYS) {
    out[key] = key === 'anonymous' ? t.client() : await t.signIn(w.emails[key]!, WORLD_PASSWORD);
  }
  return out;
}
