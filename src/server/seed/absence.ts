import { DEFAULT_ABSENCE_SETTINGS, type TAbsenceCloseReason, type TAbsenceKind } from '../../shared/absence.js';
import { addDays } from '../../shared/school-year.js';
import type { TRole } from '../../shared/roles.js';
import { dutchDate } from '../modules/opps/clocks.js';
import type { Database } from '../platform/db.js';

const REASON_IDS = DEFAULT_ABSENCE_SETTINGS.reasons.map((r) => r.id);
const arr = (list: readonly string[]) => `(array[${list.map((s) => `'${s}'`).join(',')}])`;

/**
 * Absence cases for a share of a region's pupils, in one SQL statement so the national scale
 * seeds in seconds: ~0.4 % of pupils with an open case, ~1.5 % with a case closed in the past
 * two school years. Kinds as leerplicht sees them (long relative absence most, then absolute,
 * sick but partly able, unauthorised, exemptions); owners from `ownerIds` (the region's
 * consultants when not given), a fifth of the open cases without an owner and some with a next
 * date in the past. Everything follows from a hash of the pupil's id: reproducible.
 */
export async function seedAbsenceCases(
  database: Database,
  regionId: string,
  o: { by: string; ownerIds?: string[]; openShare?: number; closedShare?: number; skipPupilIds?: string[]; today?: string },
) {
  const today = o.today ?? dutchDate();
  const owners =
    o.ownerIds ??
    (
      await database.raw<{ user_id: string }>(
        `select user_id from memberships where region_id = $1 and role = 'swv_consultant' and ended_at is null order by user_id`,
        [regionId],
      )
    ).map((r) => r.user_id);
  const ownerList = owners.length ? owners : [o.by];
  const openBp = Math.round((o.openShare ?? 0.004) * 10_000);
  const closedBp = Math.round((o.closedShare ?? 0.015) * 10_000);
  const h = (salt: string) => `abs(hashtext(p.id::text || '${salt}'))`;
  // one statement: atomic without a transaction around it (a pool would spread one over connections)
  await database.raw(
    `with chosen as (
       select p.region_id, p.id as pupil_id, ${h('ab')} % 10000 < ${openBp} as is_open,
              ${h('k')} % 100 as k, ${h('o')} % 100 as o, ${h('r')} % 100 as r,
              ${h('d')} % 300 as ago, ${h('c')} % 700 as closed_ago, 14 + ${h('l')} % 200 as lasted,
              ${h('n')} % 45 - 12 as next_in, ${h('w')} % 7 as late, ${arr(REASON_IDS)}[1 + ${h('x')} % ${REASON_IDS.length}] as reason,
              $3::text[] as owners
         from pupils p
        where p.region_id = $1 and ${h('ab')} % 10000 < ${openBp + closedBp} and not (p.id = any($2::uuid[]))
          and not exists (select 1 from absence_cases c where c.region_id = p.region_id and c.pupil_id = p.id)
     ), shaped as (
       select c.*,
              case when k < 45 then 'long_relative' when k < 60 then 'absolute' when k < 75 then 'sick_partly' when k < 87 then 'unauthorised'
                   when k < 94 then 'exemption_5a' when k < 96 then 'exemption_5b' when k < 98 then 'exemption_5c' else 'sick' end as kind,
              case when is_open then $4::date - 7 - ago else $4::date - 30 - closed_ago end as started_on
         from chosen c
     ), dated as (
       select s.*, least(s.started_on + s.late, $4::date) as opened_on,
              case when s.is_open then null else least(s.started_on + s.late + s.lasted, $4::date - 1) end as closed_on
         from shaped s
     ), cases as (
       insert into absence_cases (region_id, pupil_id, opened_on, opened_by, owner_user_id, plan, plan_by, next_date, offer_from,
                                  closed_on, close_reason, close_note, closed_by, row_version)
       select region_id, pupil_id, opened_on, $5,
              case when not is_open or o >= 20 then owners[1 + o % cardinality(owners)] end,
              case when not is_open or o >= 30 then 'Gesprek met ouders en kind; samen met school en leerplicht een passend aanbod zoeken.' end,
              case when not is_open or o >= 30 then 'Consulent SWV met de intern begeleider' end,
              case when not is_open or o >= 25 then $4::date + next_in end,
              case when kind in ('long_relative', 'sick_partly') and ago > 90 and r < 30 then started_on + 60 end,
              closed_on,
              case when is_open then null when r < 50 then 'back_at_school' when r < 70 then 'other_school' when r < 80 then 'exemption'
                   when r < 90 then 'moved' else 'other' end,
              case when not is_open and r >= 90 then 'Onderwijs-zorgarrangement buiten school.' end,
              case when not is_open then $5 end,
              1
         from dated
       returning region_id, id, pupil_id
     )
     insert into absence_episodes (region_id, case_id, pupil_id, kind, started_on, ended_on, exemption_ends_on, reason_ids, created_by)
     select c.region_id, c.id, c.pupil_id, d.kind, d.started_on, d.closed_on,
            case when d.kind like 'exemption_%' then d.started_on + 365 end, array[d.reason], $5
       from cases c join dated d on d.pupil_id = c.pupil_id`,
    [regionId, o.skipPupilIds ?? [], ownerList, today, o.by],
  );
}

interface TDemoCase {
  kind: TAbsenceKind;
  startedAgo: number;
  openedAgo: number;
  reasons: string[];
  note?: string;
  by: TRole;
  owner?: TRole;
  plan?: string;
  planBy?: string;
  nextIn?: number;
  offerAgo?: number;
  closedAgo?: number;
  closeReason?: TAbsenceCloseReason;
  closeNote?: string;
}

/** Open cases that show each state on the overview, and closed ones across the year for the trend. */
const DEMO_CASES: TDemoCase[] = [
  // registered by the school three days ago, nobody owns it yet: red
  { kind: 'long_relative', startedAgo: 31, openedAgo: 3, reasons: ['schoolweigering'], note: 'Komt sinds de herfstvakantie niet meer; buikpijn in de ochtend.', by: 'school_care_coordinator' },
  // a thuiszitter for more than three months, waiting for an offer; the next date passed: red
  {
    kind: 'long_relative',
    startedAgo: 115,
    openedAgo: 110,
    reasons: ['wachtlijst', 'psychisch'],
    by: 'attendance_officer',
    owner: 'swv_consultant',
    plan: 'Aanmelding bij de onderwijszorgvoorziening; tot die tijd twee keer per week huisbezoek door de CJG-coach.',
    planBy: 'Consulent SWV met CJG-coach en leerplicht',
    nextIn: -4,
  },
  // sick but partly able: a part-time offer runs, the next review is in nine days
  {
    kind: 'sick_partly',
    startedAgo: 50,
    openedAgo: 45,
    reasons: ['lichamelijk'],
    by: 'school_care_coordinator',
    owner: 'school_care_coordinator',
    plan: 'Drie ochtenden per week op school, opbouwen in overleg met de jeugdarts.',
    planBy: "IB'er met de jeugdarts",
    nextIn: 9,
    offerAgo: 20,
  },
  // exempt (5a) until the end of the school year; leerplicht follows it
  {
    kind: 'exemption_5a',
    startedAgo: 160,
    openedAgo: 160,
    reasons: ['lichamelijk'],
    by: 'attendance_officer',
    owner: 'attendance_officer',
    plan: 'Vrijstelling loopt; halfjaarlijks contact met ouders en behandelaar over terugkeer.',
    planBy: 'Leerplicht',
    nextIn: 40,
  },
  // closed over the past year, by every outcome
  { kind: 'long_relative', startedAgo: 330, openedAgo: 325, reasons: ['conflict'], by: 'school_care_coordinator', owner: 'swv_consultant', closedAgo: 280, closeReason: 'back_at_school' },
  { kind: 'absolute', startedAgo: 300, openedAgo: 298, reasons: ['thuissituatie'], by: 'attendance_officer', owner: 'attendance_officer', closedAgo: 250, closeReason: 'other_school' },
  { kind: 'sick_partly', startedAgo: 260, openedAgo: 255, reasons: ['psychisch'], by: 'school_care_coordinator', owner: 'swv_consultant', closedAgo: 190, closeReason: 'back_at_school' },
  { kind: 'long_relative', startedAgo: 220, openedAgo: 214, reasons: ['gedrag'], by: 'school_care_coordinator', owner: 'swv_consultant', closedAgo: 150, closeReason: 'other_school' },
  { kind: 'long_relative', startedAgo: 180, openedAgo: 175, reasons: ['psychisch', 'wachtlijst'], by: 'swv_consultant', owner: 'swv_consultant', closedAgo: 100, closeReason: 'exemption' },
  { kind: 'unauthorised', startedAgo: 140, openedAgo: 138, reasons: ['thuissituatie'], by: 'school_care_coordinator', owner: 'attendance_officer', closedAgo: 70, closeReason: 'moved' },
  { kind: 'long_relative', startedAgo: 95, openedAgo: 90, reasons: ['schoolweigering'], by: 'school_care_coordinator', owner: 'swv_consultant', closedAgo: 35, closeReason: 'back_at_school' },
  {
    kind: 'sick_partly',
    startedAgo: 75,
    openedAgo: 70,
    reasons: ['lichamelijk'],
    by: 'school_care_coordinator',
    owner: 'school_care_coordinator',
    closedAgo: 12,
    closeReason: 'other',
    closeNote: 'Onderwijs-zorgarrangement op de zorgboerderij, vier dagen per week.',
  },
];

/**
 * The demo region's verzuim: the consultant is the thuiszitter coordinator, the regional
 * escalation team the breakthrough contact, and a dozen cases that show every state. The first
 * two live in the attendance officer's gemeente, the first and third at the demo school, and every
 * case leerplicht registered or owns is a child of its gemeente. The demo
 * child and Sanne have none: the journey registers one.
 */
export async function seedDemoAbsence(
  database: Database,
  o: { regionId: string; schoolId: string; gemeenteId: string; userIds: Record<TRole, string>; skipPupilIds: string[] },
) {
  const { regionId, userIds } = o;
  await database.raw(
    `update regions set settings = jsonb_set(settings, '{absence}', coalesce(settings->'absence', '{}'::jsonb) || $2::jsonb) where id = $1`,
    [regionId, JSON.stringify({ coordinatorUserId: userIds.swv_consultant, escalationContact: { name: 'Regionaal escalatieteam', email: 'escalatie@demo.rondom.nl' } })],
  );
  const today = dutchDate();
  const taken = [...o.skipPupilIds];
  for (const [i, c] of DEMO_CASES.entries()) {
    // the first case at the demo school in the officer's gemeente, the second in that gemeente, the third at the school
    const [pupil] = await database.raw<{ id: string }>(
      `select p.id from pupils p where p.region_id = $1 and not (p.id = any($2::uuid[]))
          and case $5::int when 0 then p.school_id = $3::uuid and p.gemeente_id = $4::uuid when 1 then p.gemeente_id = $4::uuid
                           when 2 then p.school_id = $3::uuid else true end
          -- leerplicht works only the children who live in its gemeente
          and (not $6::bool or p.gemeente_id = $4::uuid)
          and p.date_of_birth < now() - interval '6 years'
          and not exists (select 1 from absence_cases c where c.region_id = p.region_id and c.pupil_id = p.id)
        order by md5(p.id::text) limit 1`,
      [regionId, taken, o.schoolId, o.gemeenteId, Math.min(i, 3), c.by === 'attendance_officer' || c.owner === 'attendance_officer'],
    );
    if (!pupil) continue;
    taken.push(pupil.id);
    const day = (ago: number | undefined) => (ago === undefined ? null : addDays(today, -ago));
    const closedOn = day(c.closedAgo);
    const [row] = await database.raw<{ id: string }>(
      `insert into absence_cases (region_id, pupil_id, opened_on, opened_by, owner_user_id, plan, plan_by, next_date, offer_from,
                                  closed_on, close_reason, close_note, closed_by, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, case when $10::date is null then null else $5 end, $3::date + interval '10 hours')
       returning id`,
      [
        regionId,
        pupil.id,
        day(c.openedAgo),
        userIds[c.by],
        c.owner ? userIds[c.owner] : null,
        c.plan ?? (closedOn ? 'Terugkeerplan met school, ouders en kind.' : null),
        c.planBy ?? null,
        c.nextIn === undefined ? null : addDays(today, c.nextIn),
        day(c.offerAgo),
        closedOn,
        c.closeReason ?? null,
        c.closeNote ?? null,
      ],
    );
    await database.raw(
      `insert into absence_episodes (region_id, case_id, pupil_id, kind, started_on, ended_on, exemption_ends_on, reason_ids, reason_note, created_by, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::date + interval '10 hours')`,
      [
        regionId,
        row!.id,
        pupil.id,
        c.kind,
        day(c.startedAgo),
        closedOn ? addDays(closedOn, -1) : null,
        c.kind.startsWith('exemption_') ? addDays(today, 200) : null,
        c.reasons,
        c.note ?? null,
        userIds[c.by],
        day(c.openedAgo),
      ],
    );
  }
}
