import { ROLES, type TRole } from '../../shared/roles.js';
import type { Database } from '../platform/db.js';
import { addMembership, ensureAccount } from './accounts.js';
import { seedDemoAbsence } from './absence.js';
import { seedDemoChildFile, seedDemoSibling } from './demo-child.js';
import { seedDossiers } from './dossiers.js';
import { generateRegion } from './generate.js';
import { seedDemoChildMeetings, seedMeetings } from './meetings.js';
import { seedDemoChildSupport, seedSupport } from './support.js';

export const DEMO_PASSWORD = 'Rondom-demo-2026';
export const DEMO_ACCOUNTS_DOC = 'README.md, section "Demo accounts" (password for all: Rondom-demo-2026)';
export const DEMO_REGION_SLUG = 'swv-de-waarden';
export const DEMO_SECOND_EXPERT = 'jeugdarts@demo.rondom.nl';

const DEMO_NAMES: Record<TRole, string> = {
  swv_admin: 'Anja de Beheerder',
  swv_consultant: 'Karim Consulent',
  swv_expert: 'Dr. Petra Orthopedagoog',
  swv_board: 'Hans Directeur-Bestuurder',
  school_director: 'Mirjam Schooldirecteur',
  school_care_coordinator: 'Ingrid Intern Begeleider',
  teacher: 'Tom Leerkracht',
  care_partner: 'Carla CJG-coach',
  attendance_officer: 'Lars Leerplicht',
  municipality_analyst: 'Gemma Beleidsmedewerker',
  opr_member: 'Olaf OPR-lid',
  parent: 'Paula Ouder',
  pupil: 'Lieke Leerling',
  parent_support: 'Steun Steunpunt',
};

/** One e-mail address per role: `<role>@demo.rondom.nl` with dashes, e.g. school-care-coordinator@… */
export const demoEmail = (role: TRole) => `${role.replace(/_/g, '-')}@demo.rondom.nl`;

/**
 * The demo region "SWV De Waarden" (fictional): ~20 schools of every type, 3 partners, 2 gemeenten,
 * ~4,000 pupils, and one account per role; plus a small second region so region switching shows.
 * Runs once: a second start finds it and does nothing.
 */
export async function seedDemoRegion(database: Database): Promise<boolean> {
  const [exists] = await database.raw('select 1 from regions where slug = $1', [DEMO_REGION_SLUG]);
  if (exists) return false;
  const region = await generateRegion(database, {
    slug: DEMO_REGION_SLUG,
    name: 'SWV De Waarden',
    schools: 20,
    pupils: 4000,
    seed: 2026,
    settings: { parentSupport: { name: 'Ouder- en jeugdsteunpunt De Waarden', email: 'steunpunt@demo.rondom.nl', phone: '0345 123 456' } },
  });
  const school = region.schools[0]!;
  const orgFor: Record<TRole, string | null> = {
    swv_admin: region.swvId,
    swv_consultant: region.swvId,
    swv_expert: region.swvId,
    swv_board: region.swvId,
    parent_support: region.swvId,
    school_director: school.id,
    school_care_coordinator: school.id,
    teacher: school.id,
    care_partner: region.partnerIds[0]!,
    attendance_officer: region.gemeenteIds[0]!,
    municipality_analyst: region.gemeenteIds[0]!,
    opr_member: region.oprId,
    parent: null,
    pupil: null,
  };
  const userIds = {} as Record<TRole, string>;
  for (const role of ROLES) {
    userIds[role] = await ensureAccount(database, { name: DEMO_NAMES[role], email: demoEmail(role), password: DEMO_PASSWORD });
    await addMembership(database, { regionId: region.regionId, userId: userIds[role], role, organisationId: orgFor[role] });
  }
  // the teacher teaches the first group; the parent and the pupil are linked to a pupil there
  await database.raw('insert into group_teachers (region_id, group_id, user_id) values ($1, $2, $3)', [region.regionId, school.groupIds[0], userIds.teacher]);
  const [child] = await database.raw<{ id: string }>(
    'select id from pupils where region_id = $1 and group_id = $2 order by last_name limit 1',
    [region.regionId, school.groupIds[0]],
  );
  if (child) {
    await database.raw(
      `insert into guardians (region_id, pupil_id, name, email, has_gezag, user_id) values ($1, $2, $3, $4, true, $5)`,
      [region.regionId, child.id, DEMO_NAMES.parent, demoEmail('parent'), userIds.parent],
    );
    await seedDemoChildFile(database, { regionId: region.regionId, pupilId: child.id, partnerId: region.partnerIds[0]!, swvId: region.swvId, userIds });
  }
  await seedDossiers(database, region.regionId, 0.1);
  // one in 25 pupils has a support request in some stage; the demo child has its own story
  const sibling = child ? await seedDemoSibling(database, { regionId: region.regionId, childId: child.id, userIds }) : null;
  await seedSupport(database, region.regionId, 0.04, [child?.id, sibling].filter((id): id is string => !!id));
  if (sibling) {
    // Sanne's kernteam: the consultant who handled her request and a CJG-coach (without a consent to
    // share her file yet); no regievoerder and no meeting, so the first MDO can be planned in the demo
    await database.raw(
      `insert into care_team_members (region_id, pupil_id, user_id, organisation_id, task, added_by)
       select m.region_id, $2, m.user_id, m.organisation_id, case m.role when 'care_partner' then 'Gezinscoach CJG' else 'Consulent SWV' end, $3
         from memberships m where m.region_id = $1 and m.user_id = any($4::text[])`,
      [region.regionId, sibling, userIds.school_care_coordinator, [userIds.swv_consultant, userIds.care_partner]],
    );
  }
  if (child) {
    await seedDemoChildSupport(database, { regionId: region.regionId, pupilId: child.id, ibId: userIds.school_care_coordinator, consultantId: userIds.swv_consultant });
    await seedDemoChildMeetings(database, { regionId: region.regionId, pupilId: child.id, schoolId: school.id, swvId: region.swvId, partnerId: region.partnerIds[0]!, userIds });
  }
  await seedMeetings(database, region.regionId, [child?.id, sibling].filter((id): id is string => !!id));
  // verzuim: the coordinator, the escalation contact and a dozen cases (none for the demo child or Sanne)
  await seedDemoAbsence(database, {
    regionId: region.regionId,
    schoolId: school.id,
    gemeenteId: region.gemeenteIds[0]!,
    userIds,
    skipPupilIds: [child?.id, sibling].filter((id): id is string => !!id),
  });
  // a second expert: a TLV needs two advices, one of them from an orthopedagoog or psycholoog
  const jeugdarts = await ensureAccount(database, { name: 'Dr. Jeroen Jeugdarts', email: DEMO_SECOND_EXPERT, password: DEMO_PASSWORD });
  await addMembership(database, { regionId: region.regionId, userId: jeugdarts, role: 'swv_expert', organisationId: region.swvId });
  // the demo expert advises on the TLV requests being assessed
  await database.raw(
    `insert into request_experts (region_id, request_id, pupil_id, expert_id, expert_kind, assigned_by)
     select r.region_id, r.id, r.pupil_id, $2, 'orthopedagoog', r.consultant_id from support_requests r
     where r.region_id = $1 and r.status = 'in_assessment' and r.type = 'tlv' and r.consultant_id is not null`,
    [region.regionId, userIds.swv_expert],
  );
  const [older] = await database.raw<{ id: string }>(
    `select id from pupils where region_id = $1 and date_of_birth <= now() - interval '12 years' order by last_name limit 1`,
    [region.regionId],
  );
  if (older) await database.raw('update pupils set user_id = $1 where region_id = $2 and id = $3', [userIds.pupil, region.regionId, older.id]);

  // a second, smaller region: the consultant works in both
  const second = await generateRegion(database, { slug: 'swv-vallei-vo', name: 'SWV Vallei VO', schools: 4, pupils: 300, seed: 7 });
  await addMembership(database, { regionId: second.regionId, userId: userIds.swv_consultant, role: 'swv_consultant', organisationId: second.swvId });
  return true;
}
