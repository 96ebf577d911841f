import type { Database } from '../platform/db.js';

const NEEDS = [
  'Heeft korte, stapsgewijze instructie nodig',
  'Heeft een vaste plek en een voorspelbare dag nodig',
  'Heeft extra tijd nodig bij toetsen',
  'Heeft een koptelefoon nodig om zich te concentreren',
  'Heeft een maatje nodig bij groepswerk',
  'Heeft visuele ondersteuning nodig (pictogrammen, dagplanning)',
];
const PROMOTING = ['Sportief en behulpzaam', 'Werkt graag met de handen', 'Thuis is er veel steun', 'Leest graag'];
const HINDERING = ['Snel afgeleid door geluid', 'Faalangst bij rekenen', 'Vermoeid na lange dagen', 'Moeite met overgangen'];
const GOALS = [
  ['Leest zelfstandig een tekst van niveau E4', '4 van de 5 teksten zonder hulp'],
  ['Vraagt hulp als hij vastloopt', 'Elke les minstens één keer zelf om hulp vragen'],
  ['Werkt 15 minuten zelfstandig aan een taak', '15 minuten, 4 dagen per week'],
  ['Maakt sommen tot 100 met tientaloverschrijding', '8 van de 10 sommen goed'],
];

/**
 * Dossiers for a share of a region's pupils (needs, factors, two SMART goals with an evaluation,
 * one version), made in SQL so the national scale (250 k dossiers) seeds in seconds. Texts come
 * from small lists; which pupils get one is decided by a hash of their id.
 */
export async function seedDossiers(database: Database, regionId: string, share: number) {
  const every = Math.max(1, Math.round(1 / share));
  const pick = (list: string[]) => `(array[${list.map((s) => `'${s.replace(/'/g, "''")}'`).join(',')}])`;
  const chosen = `from pupils p where p.region_id = $1 and abs(hashtext(p.id::text)) % ${every} = 0
    and not exists (select 1 from dossiers d where d.region_id = p.region_id and d.pupil_id = p.id)`;
  await database.raw(
    `insert into dossiers (region_id, pupil_id, version, needs, promoting_factors, hindering_factors, extra_support_since, updated_at)
     select p.region_id, p.id, 1,
       jsonb_build_array(${pick(NEEDS)}[1 + abs(hashtext(p.id::text || 'n1')) % ${NEEDS.length}], ${pick(NEEDS)}[1 + abs(hashtext(p.id::text || 'n2')) % ${NEEDS.length}]),
       jsonb_build_array(${pick(PROMOTING)}[1 + abs(hashtext(p.id::text || 'p')) % ${PROMOTING.length}]),
       jsonb_build_array(${pick(HINDERING)}[1 + abs(hashtext(p.id::text || 'h')) % ${HINDERING.length}]),
       -- one in five needs extra support, started in the last ten weeks: some OPPs are late, most are coming up
       case when abs(hashtext(p.id::text || 's')) % 5 = 0 then greatest(p.enrolled_on, current_date - abs(hashtext(p.id::text || 'd')) % 70) end,
       now() - interval '20 days'
     ${chosen}`,
    [regionId],
  );
  await database.raw(
    `insert into dossier_goals (region_id, pupil_id, goal, criterion, target_date, created_by)
     select d.region_id, d.pupil_id, g.goal, g.criterion, current_date + 60 + g.n * 30,
       (select m.user_id from memberships m where m.region_id = d.region_id order by m.created_at limit 1)
     from dossiers d
     cross join lateral (select n, ${pick(GOALS.map((g) => g[0]!))}[1 + (abs(hashtext(d.pupil_id::text)) + n) % ${GOALS.length}] as goal,
         ${pick(GOALS.map((g) => g[1]!))}[1 + (abs(hashtext(d.pupil_id::text)) + n) % ${GOALS.length}] as criterion
       from generate_series(0, 1) n) g
     where d.region_id = $1 and not exists (select 1 from dossier_goals x where x.region_id = d.region_id and x.pupil_id = d.pupil_id)
       and exists (select 1 from memberships m where m.region_id = d.region_id)`,
    [regionId],
  );
  await database.raw(
    `insert into goal_evaluations (region_id, goal_id, pupil_id, evaluated_on, result, what_worked, next_step, created_by)
     select g.region_id, g.id, g.pupil_id, current_date - 14, 'partly', 'Korte instructie aan de instructietafel', 'Zo doorgaan; over 6 weken opnieuw bekijken', g.created_by
     from dossier_goals g where g.region_id = $1
       and not exists (select 1 from goal_evaluations e where e.region_id = g.region_id and e.goal_id = g.id)`,
    [regionId],
  );
  await database.raw(
    `insert into dossier_versions (region_id, pupil_id, version, snapshot, changed_fields, changed_by, changed_by_role)
     select d.region_id, d.pupil_id, 1, jsonb_build_object('needs', d.needs, 'promotingFactors', d.promoting_factors,
         'hinderingFactors', d.hindering_factors, 'pupilView', null, 'parentView', null,
         'extraSupportSince', d.extra_support_since, 'goals', '[]'::jsonb),
       '{needs,promotingFactors,hinderingFactors}', m.user_id, m.role
     from dossiers d
     join lateral (select user_id, role from memberships m where m.region_id = d.region_id order by m.created_at limit 1) m on true
     where d.region_id = $1 and not exists (select 1 from dossier_versions v where v.region_id = d.region_id and v.pupil_id = d.pupil_id)`,
    [regionId],
  );
}
