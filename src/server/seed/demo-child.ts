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
