import type { TRole } from '../../shared/roles.js';
import type { Database } from '../platform/db.js';

/**
 * The demo parent's child has a file to show: a groeidocument with goals, a kernteam with the
 * CJG-coach and the consultant, the parent's consent for the CJG, and an OPP waiting for the
 * parent's instemming — so every part of the file can be tried at once.
 */
export async function seedDemoChildFile(
  database: Database,
  o: { regionId: string; pupilId: string; partnerId: string; swvId: string; userIds: Record<TRole, string> },
) {
  const { regionId, pupilId, userIds } = o;
  const ib = userIds.school_care_coordinator;
  await database.raw(
    `insert into dossiers (region_id, pupil_id, version, needs, promoting_factors, hindering_factors, parent_view, extra_support_since, updated_by)
     values ($1, $2, 1, $3, $4, $5, $6, current_date - 60, $7)`,
    [
      regionId,
      pupilId,
      JSON.stringify(['Heeft korte, stapsgewijze instructie nodig', 'Heeft een vaste plek vooraan in de klas nodig', 'Heeft een dagplanning met pictogrammen nodig']),
      JSON.stringify(['Sportief en behulpzaam', 'Werkt graag samen met een maatje']),
      JSON.stringify(['Snel afgeleid door geluid', 'Faalangst bij rekenen']),
      'Thuis werkt een vast ritme goed. Ze vertelt veel als je samen iets doet, bijvoorbeeld fietsen.',
      ib,
    ],
  );
  await database.raw(
    `insert into dossier_goals (region_id, pupil_id, goal, criterion, target_date, created_by) values
       ($1, $2, 'Leest zelfstandig een tekst van niveau E4', '4 van de 5 teksten zonder hulp', current_date + 90, $3),
       ($1, $2, 'Vraagt zelf om hulp als ze vastloopt bij rekenen', 'Elke rekenles minstens één keer zelf om hulp vragen', current_date + 45, $3)`,
    [regionId, pupilId, ib],
  );
  await database.raw(
    `insert into dossier_versions (region_id, pupil_id, version, snapshot, changed_fields, changed_by, changed_by_role, changed_by_organisation_id)
     select d.region_id, d.pupil_id, 1, jsonb_build_object('needs', d.needs, 'promotingFactors', d.promoting_factors,
         'hinderingFactors', d.hindering_factors, 'pupilView', d.pupil_view, 'parentView', d.parent_view,
         'extraSupportSince', d.extra_support_since, 'goals', '[]'::jsonb),
       '{needs,promotingFactors,hinderingFactors,parentView}', $3, 'school_care_coordinator', p.school_id
     from dossiers d join pupils p on p.region_id = d.region_id and p.id = d.pupil_id where d.pupil_id = $2 and d.region_id = $1`,
    [regionId, pupilId, ib],
  );
  for (const [user, org, task] of [
    [userIds.care_partner, o.partnerId, 'CJG-coach van het gezin'],
    [userIds.swv_consultant, o.swvId, 'Consulent van het samenwerkingsverband'],
  ] as const) {
    await database.raw(
      'insert into care_team_members (region_id, pupil_id, user_id, organisation_id, task, added_by) values ($1, $2, $3, $4, $5, $6)',
      [regionId, pupilId, user, org, task, ib],
    );
  }
  await database.raw(
    `insert into consents (region_id, pupil_id, given_by_kind, given_by_guardian_id, recorded_by, recipient_organisation_ids, categories, purpose, legal_basis, valid_from, valid_until)
     select $1, $2, 'guardian', g.id, $3, array[$4]::uuid[], array['dossier', 'opp'], 'De hulp thuis en op school op elkaar afstemmen', 'consent', current_date - 30, current_date + 335
     from guardians g where g.region_id = $1 and g.pupil_id = $2 and g.user_id = $3`,
    [regionId, pupilId, userIds.parent, o.partnerId],
  );
  await database.raw(
    `insert into opps (region_id, pupil_id, seq, status, outflow_profile, outflow_destination, reasoning, promoting_factors, hindering_factors,
        oogo_date, oogo_outcome, support, deviations, goals, pupil_heard, hearing_date, hearing_summary, submitted_at, created_by, updated_by)
     values ($1, $2, 1, 'awaiting_assent', 'vervolgonderwijs', 'vmbo basis/kader, met leerwegondersteuning',
       'Ze leert goed als de stof in kleine stappen wordt aangeboden. Lezen en rekenen gaan langzamer dan bij leeftijdgenoten, maar ze groeit elk half jaar.',
       'Sportief, behulpzaam, een stabiel thuis', 'Snel afgeleid, faalangst bij rekenen',
       current_date - 10, 'Ouders herkennen het beeld en kunnen zich vinden in het verwachte uitstroomniveau.',
       $3, 'Rekenen op een eigen leerlijn (een jaar lager dan de groep).', $4,
       true, current_date - 12, 'Ze wil graag meer tijd bij rekenen en een rustige plek om te werken.', now() - interval '2 days', $5, $5)`,
    [
      regionId,
      pupilId,
      JSON.stringify([
        { what: 'Verlengde instructie rekenen in een kleine groep', who: 'Leerkracht groep 5', frequency: '3 × per week, 20 minuten' },
        { what: 'Begeleiding bij faalangst', who: 'CJG-coach', frequency: 'Om de week, 45 minuten' },
      ]),
      JSON.stringify([{ goal: 'Rekent sommen tot 100 met tientaloverschrijding', criterion: '8 van de 10 sommen goed', targetDate: new Date(Date.now() + 120 * 86400_000).toISOString().slice(0, 10) }]),
      ib,
    ],
  );
}

/**
 * The demo parent's second child, in another group of the same school, for the support-request
 * stories: a groeidocument, an adopted OPP (what a TLV request needs), and a granted request for
 * behaviour support that is waiting for the consultant to set up the arrangement.
 */
export async function seedDemoSibling(database: Database, o: { regionId: string; childId: string; userIds: Record<TRole, string> }): Promise<string | null> {
  const { regionId, userIds } = o;
  const ib = userIds.school_care_coordinator;
  const [sib] = await database.raw<{ id: string }>(
    `select s.id from pupils s join pupils c on c.region_id = s.region_id and c.id = $2
     where s.region_id = $1 and s.school_id = c.school_id and s.group_id <> c.group_id
       and s.date_of_birth < c.date_of_birth - interval '1 year' and s.date_of_birth > now() - interval '12 years'
       -- a pupil the bulk seed gave no file of its own (one in ten has a groeidocument)
       and not exists (select 1 from dossiers d where d.region_id = s.region_id and d.pupil_id = s.id)
       and not exists (select 1 from support_requests r where r.region_id = s.region_id and r.pupil_id = s.id)
     order by s.id limit 1`,
    [regionId, o.childId],
  );
  if (!sib) return null;
  const pupilId = sib.id;
  await database.raw(
    `update pupils s set first_name = 'Sanne', name_prefix = c.name_prefix, last_name = c.last_name
     from pupils c where s.region_id = $1 and s.id = $2 and c.region_id = $1 and c.id = $3`,
    [regionId, pupilId, o.childId],
  );
  await database.raw(
    `insert into guardians (region_id, pupil_id, name, email, has_gezag, user_id)
     select region_id, $2, name, email, true, user_id from guardians where region_id = $1 and pupil_id = $3 and user_id = $4`,
    [regionId, pupilId, o.childId, userIds.parent],
  );
  await database.raw(
    `insert into dossiers (region_id, pupil_id, version, needs, promoting_factors, hindering_factors, extra_support_since, updated_by)
     values ($1, $2, 1, $3, $4, $5, current_date - 400, $6)`,
    [
      regionId,
      pupilId,
      JSON.stringify(['Heeft een voorspelbare dag nodig, met aankondiging van veranderingen', 'Heeft een eigen plek nodig om tot rust te komen', 'Heeft korte opdrachten met een duidelijk eind nodig']),
      JSON.stringify(['Creatief en muzikaal', 'Goede band met de leerkracht']),
      JSON.stringify(['Raakt overprikkeld in drukte', 'Boze buien bij onverwachte veranderingen']),
      ib,
    ],
  );
  await database.raw(
    `insert into dossier_versions (region_id, pupil_id, version, snapshot, changed_fields, changed_by, changed_by_role, changed_by_organisation_id)
     select d.region_id, d.pupil_id, 1, jsonb_build_object('needs', d.needs, 'promotingFactors', d.promoting_factors,
         'hinderingFactors', d.hindering_factors, 'pupilView', null, 'parentView', null, 'extraSupportSince', d.extra_support_since, 'goals', '[]'::jsonb),
       '{needs,promotingFactors,hinderingFactors}', $3, 'school_care_coordinator', p.school_id
     from dossiers d join pupils p on p.region_id = d.region_id and p.id = d.pupil_id where d.region_id = $1 and d.pupil_id = $2`,
    [regionId, pupilId, ib],
  );
  await database.raw(
    `insert into opps (region_id, pupil_id, seq, status, outflow_profile, outflow_destination, reasoning, oogo_date, oogo_outcome,
        support, pupil_heard, hearing_date, hearing_summary, submitted_at, adopted_at, created_by, updated_by)
     values ($1, $2, 1, 'adopted', 'vervolgonderwijs', 'vmbo basis, in een kleine setting',
       'Ze leert goed in een rustige, voorspelbare omgeving; in een groep van dertig raakt ze overprikkeld en komt ze niet tot leren.',
       current_date - 200, 'Ouders herkennen het beeld; zij denken dat een kleinere school beter past.', $3,
       true, current_date - 205, 'Ze wil graag een plek waar het rustig is en waar ze weet wat er komt.', now() - interval '190 days', now() - interval '185 days', $4, $4)`,
    [regionId, pupilId, JSON.stringify([{ what: 'Een prikkelarme werkplek en een time-out-kaart', who: 'Leerkracht', frequency: 'Dagelijks' }]), ib],
  );
  const [r] = await database.raw<{ id: string }>(
    `insert into support_requests (region_id, pupil_id, school_id, type, status, client_key, question, tried, parents_informed_on,
       consultant_id, submitted_at, completed_at, assessment_started_at, decided_at, created_by, created_at)
     select p.region_id, p.id, p.school_id, 'arrangement', 'decided', gen_random_uuid(),
       'Hoe kunnen we haar helpen rustig te blijven in de groep, zodat ze weer tot leren komt?',
       'Een prikkelarme werkplek, een time-out-kaart en vaste afspraken bij veranderingen. Het helpt, maar niet genoeg.',
       current_date - 30, $3, now() - interval '28 days', now() - interval '24 days', now() - interval '20 days', now() - interval '5 days', $4, now() - interval '29 days'
     from pupils p where p.region_id = $1 and p.id = $2 returning id`,
    [regionId, pupilId, userIds.swv_consultant, ib],
  );
  await database.raw(
    `insert into support_request_events (region_id, request_id, status, by, at) values
       ($1, $2, 'draft', $3, now() - interval '29 days'), ($1, $2, 'submitted', $3, now() - interval '28 days'),
       ($1, $2, 'complete', $4, now() - interval '24 days'), ($1, $2, 'in_assessment', $4, now() - interval '20 days'),
       ($1, $2, 'decided', $4, now() - interval '5 days')`,
    [regionId, r!.id, ib, userIds.swv_consultant],
  );
  await database.raw(
    `insert into request_decisions (region_id, request_id, pupil_id, outcome, reasons, criteria, decided_by, decided_at, sent_on)
     values ($1, $2, $3, 'granted', 'Een gedragsspecialist kan de leerkracht en Sanne helpen om rust te vinden in de groep.', 'Criteria arrangementen 2026', $4, now() - interval '5 days', (now() - interval '5 days')::date)`,
    [regionId, r!.id, pupilId, userIds.swv_consultant],
  );
  return pupilId;
}
