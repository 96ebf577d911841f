import type { Database } from '../platform/db.js';

/** The region's catalogue: what schools can ask for ("niet geheel duidelijk welke arrangementen er zijn"). */
export const DEMO_ARRANGEMENT_TYPES: { name: string; description: string; hours: number; costCents: number; executors: string[] }[] = [
  { name: 'Leesbegeleiding', description: 'Individuele begeleiding bij technisch en begrijpend lezen door een remedial teacher.', hours: 2, costCents: 320000, executors: ['own_staff', 'pool'] },
  { name: 'Rekenbegeleiding', description: 'Extra instructie en oefening bij rekenen, in een klein groepje of alleen.', hours: 2, costCents: 320000, executors: ['own_staff', 'pool'] },
  { name: 'Gedragsbegeleiding', description: 'Een gedragsspecialist observeert, coacht de leerkracht en begeleidt de leerling.', hours: 3, costCents: 540000, executors: ['pool', 'external'] },
  { name: 'Onderwijsassistent in de klas', description: 'Extra handen in de klas zodat de leerkracht het arrangement zelf kan uitvoeren.', hours: 8, costCents: 1200000, executors: ['own_staff', 'pool'] },
  { name: 'Ambulante begeleiding cluster 2', description: 'Begeleiding bij taal- en spraakproblemen of slechthorendheid door een ambulant begeleider.', hours: 1, costCents: 260000, executors: ['external'] },
  { name: 'Plusklas', description: 'Een dagdeel per week voor kinderen die meer uitdaging nodig hebben.', hours: 3, costCents: 180000, executors: ['pool'] },
  { name: 'Onderwijszorgarrangement', description: 'Onderwijs en jeugdhulp samen, op school of op een zorglocatie, met één plan.', hours: 10, costCents: 1800000, executors: ['external', 'pool'] },
  { name: 'Time-out voorziening', description: 'Tijdelijk een rustige plek buiten de klas, met begeleiding terug naar de groep.', hours: 4, costCents: 400000, executors: ['own_staff', 'external'] },
];

const QUESTIONS = [
  'Hoe kunnen we hem helpen om rustig te werken in de groep?',
  'Welke extra begeleiding bij lezen past bij haar?',
  'Is speciaal onderwijs beter voor hem, of kunnen we met extra hulp verder?',
  'Hoe houden we haar op school nu ze vaak niet komt?',
  'Wat heeft hij nodig om weer met plezier te rekenen?',
];
const TRIED = [
  'Korte instructie aan de instructietafel, een vaste plek en een dagplanning met pictogrammen.',
  'Extra leesbegeleiding in een klein groepje, twee keer per week, zes weken lang.',
  'Gesprekken met ouders en de CJG-coach; een beloningssysteem in de klas.',
];

const arr = (list: string[]) => `(array[${list.map((s) => `'${s.replace(/'/g, "''")}'`).join(',')}])`;
const pickBy = (list: string[], salt: string, id = 'p.id') => `${arr(list)}[1 + abs(hashtext(${id}::text || '${salt}')) % ${list.length}]`;

/**
 * Support requests, decisions, TLVs and arrangements for a share of a region's pupils, in SQL so
 * the national scale seeds in seconds. Statuses, types and lead times come from a hash of the
 * pupil's id: every status of the flow is present, with lead times of days to weeks. Pupils in
 * `skipPupilIds` keep an empty history (the demo child gets its own story). Rows need a user who
 * filed them: the school's IB'er, else the region's first member, else `fallbackUserId` (the bench's
 * regions have no members of their own).
 */
export async function seedSupport(database: Database, regionId: string, share: number, skipPupilIds: string[] = [], fallbackUserId: string | null = null) {
  const every = Math.max(1, Math.round(1 / share));
  await database.raw(
    `insert into arrangement_types (region_id, name, description, typical_hours, typical_cost_cents, executors)
     select $1, t->>'name', t->>'description', (t->>'hours')::numeric, (t->>'costCents')::int, array(select jsonb_array_elements_text(t->'executors'))
     from jsonb_array_elements($2::jsonb) t
     on conflict do nothing`,
    [regionId, JSON.stringify(DEMO_ARRANGEMENT_TYPES)],
  );
  const h = (salt: string) => `abs(hashtext(p.id::text || '${salt}'))`;
  // status by share: 8 % draft, 12 submitted, 10 complete, 12 in assessment, 38 decided, 12 closed, 8 withdrawn
  await database.raw(
    `with chosen as (
       select p.id, p.region_id, p.school_id, ${h('s')} % 100 as s, ${h('t')} % 10 as t, 90 + ${h('d')} % 300 as ago,
         1 + ${h('c')} % 20 as to_complete, 1 + ${h('a')} % 8 as to_assess, 3 + ${h('x')} % 35 as to_decide
       from pupils p
       where p.region_id = $1 and ${h('r')} % ${every} = 0 and not (p.id = any($2::uuid[]))
         and not exists (select 1 from support_requests r where r.region_id = p.region_id and r.pupil_id = p.id)
     ), staged as (
       select c.*, case when s < 8 then 'draft' when s < 20 then 'submitted' when s < 30 then 'complete' when s < 42 then 'in_assessment'
           when s < 80 then 'decided' when s < 92 then 'closed' else 'withdrawn' end as status,
         case when t < 2 then 'advice' when t < 6 then 'arrangement' when t < 8 then 'tlv' when t < 9 then 'mdo' else 'education_care' end as type,
         now() - make_interval(days => ago) as sub
       from chosen c
     )
     insert into support_requests (region_id, pupil_id, school_id, type, status, client_key, question, tried, tlv_school_type, parents_informed_on,
       consultant_id, submitted_at, completed_at, assessment_started_at, decided_at, closed_at, withdrawn_at, withdrawn_reason, created_by, created_at)
     select s.region_id, s.id, s.school_id, s.type, s.status, gen_random_uuid(),
       ${pickBy(QUESTIONS, 'q', 's.id')}, ${pickBy(TRIED, 'w', 's.id')},
       case when s.type = 'tlv' then (array['SBO','SO','VSO'])[1 + abs(hashtext(s.id::text || 'k')) % 3] end,
       (s.sub - interval '5 days')::date,
       case when s.status in ('complete', 'in_assessment', 'decided', 'closed')
         then (select m.user_id from memberships m where m.region_id = s.region_id and m.role = 'swv_consultant' order by m.created_at limit 1) end,
       case when s.status <> 'draft' then s.sub end,
       case when s.status in ('complete', 'in_assessment', 'decided', 'closed') then s.sub + make_interval(days => s.to_complete) end,
       case when s.status in ('in_assessment', 'decided', 'closed') then s.sub + make_interval(days => s.to_complete + s.to_assess) end,
       case when s.status in ('decided', 'closed') then s.sub + make_interval(days => s.to_complete + s.to_assess + s.to_decide) end,
       case when s.status = 'closed' then s.sub + make_interval(days => s.to_complete + s.to_assess + s.to_decide + 30) end,
       case when s.status = 'withdrawn' then s.sub + interval '4 days' end,
       case when s.status = 'withdrawn' then 'Ouders en school hebben samen een andere oplossing gevonden.' end,
       -- filed by the school's own IB'er where it has an account, else by the region's first member
       coalesce((select m2.user_id from memberships m2 where m2.region_id = s.region_id and m2.organisation_id = s.school_id
         and m2.role = 'school_care_coordinator' order by m2.created_at limit 1), m.user_id), s.sub - interval '7 days'
     from staged s
     join lateral (select coalesce((select user_id from memberships m where m.region_id = s.region_id order by m.created_at limit 1), $3) as user_id) m
       on m.user_id is not null`,
    [regionId, skipPupilIds, fallbackUserId],
  );
  // the timeline: one event per step reached
  await database.raw(
    `insert into support_request_events (region_id, request_id, status, by, at)
     select r.region_id, r.id, e.status, coalesce(case when e.status in ('complete', 'in_assessment', 'decided', 'closed') then r.consultant_id end, r.created_by), e.at
     from support_requests r
     cross join lateral (values ('draft', r.created_at), ('submitted', r.submitted_at), ('complete', r.completed_at),
       ('in_assessment', r.assessment_started_at), ('decided', r.decided_at), ('closed', r.closed_at), ('withdrawn', r.withdrawn_at)) e(status, at)
     where r.region_id = $1 and e.at is not null
       and not exists (select 1 from support_request_events x where x.region_id = r.region_id and x.request_id = r.id)`,
    [regionId],
  );
  await database.raw(
    `insert into request_decisions (region_id, request_id, pupil_id, outcome, reasons, criteria, decided_by, decided_at, sent_on)
     select r.region_id, r.id, r.pupil_id,
       case when abs(hashtext(r.id::text || 'o')) % 100 < 72 then 'granted' when abs(hashtext(r.id::text || 'o')) % 100 < 86 then 'partly' else 'refused' end,
       'De school heeft laten zien wat zij al heeft gedaan. De deskundigen adviseren deze ondersteuning; wij volgen hun advies.',
       'Criteria ondersteuning ' || extract(year from r.decided_at), coalesce(r.consultant_id, r.created_by), r.decided_at, r.decided_at::date
     from support_requests r
     where r.region_id = $1 and r.status in ('decided', 'closed')
       and not exists (select 1 from request_decisions d where d.region_id = r.region_id and d.request_id = r.id)`,
    [regionId],
  );
  // TLVs: numbered per year in decision order; the counter is left at the last number handed out
  await database.raw(
    `insert into tlvs (region_id, request_id, pupil_id, year, seq, school_type, category, valid_from, valid_until)
     select r.region_id, r.id, r.pupil_id, extract(year from r.decided_at)::int,
       row_number() over (partition by extract(year from r.decided_at) order by r.decided_at, r.id)
         + coalesce((select c.last from tlv_counters c where c.region_id = r.region_id and c.year = extract(year from r.decided_at)::int), 0),
       r.tlv_school_type,
       case when r.tlv_school_type <> 'SBO' then (array['laag','midden','hoog'])[1 + abs(hashtext(r.id::text || 'g')) % 3] end,
       r.decided_at::date,
       make_date((extract(year from r.decided_at)::int - case when extract(month from r.decided_at) < 8 then 1 else 0 end) + 1 + abs(hashtext(r.id::text || 'y')) % 3, 7, 31)
     from support_requests r join request_decisions d on d.region_id = r.region_id and d.request_id = r.id
     where r.region_id = $1 and r.type = 'tlv' and d.outcome <> 'refused'
       and not exists (select 1 from tlvs x where x.region_id = r.region_id and x.request_id = r.id)`,
    [regionId],
  );
  await database.raw(
    `insert into tlv_counters (region_id, year, last)
     select region_id, year, max(seq) from tlvs where region_id = $1 group by region_id, year
     on conflict (region_id, year) do update set last = excluded.last`,
    [regionId],
  );
  // arrangements for granted arrangement requests, with monthly spend up to today
  await database.raw(
    `insert into arrangements (region_id, pupil_id, school_id, request_id, type_id, goals, executor_kind, executor_name, hours, budget_cents,
       start_on, end_on, evaluation_dates, status, created_by)
     select r.region_id, r.pupil_id, r.school_id, r.id, t.id,
       jsonb_build_array(jsonb_build_object('goal', 'Werkt zelfstandig aan een taak van 15 minuten', 'criterion', '4 van de 5 dagen zonder hulp')),
       t.executors[1], case when t.executors[1] = 'external' then 'Zorgaanbieder De Brug' end, t.typical_hours, t.typical_cost_cents,
       r.decided_at::date + 7, r.decided_at::date + 7 + 300, array[r.decided_at::date + 7 + 90, r.decided_at::date + 7 + 240],
       case when r.decided_at::date + 307 < current_date then 'ended' else 'active' end, coalesce(r.consultant_id, r.created_by)
     from support_requests r
     join request_decisions d on d.region_id = r.region_id and d.request_id = r.id and d.outcome <> 'refused'
     join lateral (select * from arrangement_types t where t.region_id = r.region_id order by md5(t.id::text || r.id::text) limit 1) t on true
     where r.region_id = $1 and r.type in ('arrangement', 'education_care') and not (r.pupil_id = any($2::uuid[]))
       and not exists (select 1 from arrangements a where a.region_id = r.region_id and a.request_id = r.id)`,
    [regionId, skipPupilIds],
  );
  await database.raw(
    `insert into arrangement_spends (region_id, arrangement_id, pupil_id, school_id, spent_on, amount_cents, hours, description, recorded_by)
     select a.region_id, a.id, a.pupil_id, a.school_id, a.start_on + m * 30, (a.budget_cents / 10)::int, a.hours * 4,
       'Begeleiding ' || to_char(a.start_on + m * 30, 'MM-YYYY'), a.created_by
     from arrangements a cross join generate_series(0, 9) m
     where a.region_id = $1 and a.start_on + m * 30 <= least(a.end_on, current_date)
       and not exists (select 1 from arrangement_spends s where s.region_id = a.region_id and s.arrangement_id = a.id)`,
    [regionId],
  );
}

/**
 * The demo parent's child: reading support, asked by the school, granted by the consultant, and
 * carried out since; the parent sees the arrangement, its goals and what was spent.
 */
export async function seedDemoChildSupport(database: Database, o: { regionId: string; pupilId: string; ibId: string; consultantId: string }) {
  const [r] = await database.raw<{ id: string }>(
    `insert into support_requests (region_id, pupil_id, school_id, type, status, client_key, question, tried, parents_informed_on, parents_view,
       consultant_id, submitted_at, completed_at, assessment_started_at, decided_at, created_by, created_at)
     select p.region_id, p.id, p.school_id, 'arrangement', 'decided', gen_random_uuid(),
       'Welke extra begeleiding bij lezen past bij haar, naast wat we in de klas doen?',
       'Korte instructie aan de instructietafel en extra leestijd in een klein groepje, acht weken lang. Ze gaat vooruit, maar langzaam.',
       current_date - 75, 'Wij zien thuis dat lezen haar veel moeite kost en willen graag dat ze extra hulp krijgt.',
       $3, now() - interval '70 days', now() - interval '64 days', now() - interval '60 days', now() - interval '50 days', $4, now() - interval '72 days'
     from pupils p where p.region_id = $1 and p.id = $2
     returning id`,
    [o.regionId, o.pupilId, o.consultantId, o.ibId],
  );
  const requestId = r!.id;
  await database.raw(
    `insert into support_request_events (region_id, request_id, status, by, at) values
       ($1, $2, 'draft', $3, now() - interval '72 days'), ($1, $2, 'submitted', $3, now() - interval '70 days'),
       ($1, $2, 'complete', $4, now() - interval '64 days'), ($1, $2, 'in_assessment', $4, now() - interval '60 days'),
       ($1, $2, 'decided', $4, now() - interval '50 days')`,
    [o.regionId, requestId, o.ibId, o.consultantId],
  );
  await database.raw(
    `insert into request_decisions (region_id, request_id, pupil_id, outcome, reasons, criteria, decided_by, decided_at, sent_on)
     values ($1, $2, $3, 'granted', 'De school heeft goed laten zien wat zij al deed. Met twee keer per week leesbegeleiding kan zij verder op haar eigen school.',
       'Criteria arrangementen 2026', $4, now() - interval '50 days', (now() - interval '50 days')::date)`,
    [o.regionId, requestId, o.pupilId, o.consultantId],
  );
  const [a] = await database.raw<{ id: string }>(
    `insert into arrangements (region_id, pupil_id, school_id, request_id, type_id, goals, executor_kind, executor_name, hours, budget_cents,
       start_on, end_on, evaluation_dates, created_by)
     select p.region_id, p.id, p.school_id, $3, t.id, $4::jsonb, 'pool', 'Remedial teacher uit de expertisepool', 2, 320000,
       current_date - 45, current_date + 140, array[current_date + 20, current_date + 130]::date[], $5
     from pupils p, arrangement_types t where p.region_id = $1 and p.id = $2 and t.region_id = $1 and t.name = 'Leesbegeleiding'
     returning id`,
    [
      o.regionId,
      o.pupilId,
      requestId,
      JSON.stringify([
        { goal: 'Leest zelfstandig een tekst van niveau E4', criterion: '4 van de 5 teksten zonder hulp' },
        { goal: 'Leest thuis elke dag 10 minuten voor', criterion: '5 van de 7 dagen, bijgehouden op de leeskaart' },
      ]),
      o.consultantId,
    ],
  );
  if (!a) return;
  await database.raw(
    `insert into arrangement_spends (region_id, arrangement_id, pupil_id, school_id, spent_on, amount_cents, hours, description, recorded_by)
     select $1, $2, p.id, p.school_id, current_date - d, 32000, 8, 'Leesbegeleiding, 2 keer per week', $4
     from pupils p cross join (values (40), (10)) v(d) where p.region_id = $1 and p.id = $3`,
    [o.regionId, a.id, o.pupilId, o.ibId],
  );
}
