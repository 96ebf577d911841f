import type { TRole } from '../../shared/roles.js';
import type { Database } from '../platform/db.js';

/**
 * MDO meetings, regievoerders, action items and signaleringsplannen for half of the children with
 * a support request, in SQL so the national scale seeds in seconds. The regie lies with the
 * request's consultant, or with whoever filed it; each child gets one closed meeting with a next
 * date, two action items (one done, one open, some overdue) and a plan B whose trigger date lies
 * between two months ago and two months ahead.
 */
export async function seedMeetings(database: Database, regionId: string, skipPupilIds: string[] = []) {
  const h = (salt: string) => `abs(hashtext(r.pupil_id::text || '${salt}'))`;
  // one statement: atomic without a transaction around it (a pool would spread one over connections)
  await database.raw(
      `with chosen as (
         select distinct on (r.pupil_id) r.region_id, r.pupil_id, r.school_id, coalesce(r.consultant_id, r.created_by) as lead,
           case when r.consultant_id is not null then (select o.id from organisations o where o.region_id = r.region_id and o.kind = 'swv' limit 1)
             else r.school_id end as org,
           30 + ${h('m')} % 120 as ago, ${h('t')} % 120 - 10 as trigger_in, ${h('a')} % 40 - 10 as due_in
         from support_requests r
         where r.region_id = $1 and ${h('k')} % 2 = 0 and not (r.pupil_id = any($2::uuid[]))
           and not exists (select 1 from case_leads c where c.region_id = r.region_id and c.pupil_id = r.pupil_id)
         order by r.pupil_id, r.created_at desc
       ), leads as (
         insert into case_leads (region_id, pupil_id, user_id, organisation_id, started_at, started_by)
         select region_id, pupil_id, lead, org, now() - make_interval(days => ago + 14), lead from chosen
       ), met as (
         insert into meetings (region_id, pupil_id, school_id, kind, status, starts_at, location, organiser_id, consent,
                               consent_recorded_by, consent_recorded_at, notes, next_meeting_on, held_at, closed_at, closed_by, created_by, created_at)
         select region_id, pupil_id, school_id, 'mdo', 'closed', date_trunc('day', now()) - make_interval(days => ago) + interval '13 hours',
                'Op school', lead, 'given', lead, now() - make_interval(days => ago + 7),
                'Besproken hoe het in de klas en thuis gaat; afspraken gemaakt over begeleiding.',
                current_date + (ago % 40) + 5, now() - make_interval(days => ago), now() - make_interval(days => ago), lead, lead,
                now() - make_interval(days => ago + 14)
           from chosen
         returning region_id, id, pupil_id, organiser_id
       ), parts as (
         insert into meeting_participants (region_id, meeting_id, pupil_id, kind, user_id, name, added_by, attended)
         select m.region_id, m.id, m.pupil_id, 'swv', m.organiser_id, u.name, m.organiser_id, true
           from met m join users u on u.id = m.organiser_id
       ), acts as (
         insert into action_items (region_id, meeting_id, pupil_id, title, owner_id, due_on, status, done_at, done_by, created_by)
         select m.region_id, m.id, m.pupil_id, a.title, m.organiser_id, current_date + c.due_in + a.shift,
                a.status, case when a.status = 'done' then now() end, case when a.status = 'done' then m.organiser_id end, m.organiser_id
           from met m join chosen c on c.pupil_id = m.pupil_id
           cross join (values ('Ouders bellen over de afspraken thuis', 'done', -20), ('Aanmelding jeugdhulp navragen', 'open', 0)) a(title, status, shift)
       )
       insert into signal_plans (region_id, pupil_id, level, trigger, trigger_on, action, actor_name, created_by, updated_by)
       select region_id, pupil_id, 'B', 'Wachtlijst jeugdhulp langer dan 6 weken', current_date + trigger_in,
              'Overbruggingszorg via het wijkteam inzetten', 'Regievoerder', lead, lead
         from chosen`,
      [regionId, skipPupilIds],
    );
}

/**
 * The demo child's story: the IB'er holds the regie; an MDO six weeks ago with the parent, the
 * CJG-coach, the consultant and the teacher, with actions for several of them (the parent's is
 * late); the next meeting in ten days with the agenda begun; a signaleringsplan whose plan B
 * trigger passed yesterday, so the IB'er sees it in their tasks.
 */
export async function seedDemoChildMeetings(
  database: Database,
  o: { regionId: string; pupilId: string; schoolId: string; swvId: string; partnerId: string; userIds: Record<TRole, string> },
) {
  const u = o.userIds;
  const ib = u.school_care_coordinator;
  await database.raw(
    `insert into case_leads (region_id, pupil_id, user_id, organisation_id, started_at, started_by, note)
     values ($1, $2, $3, $4, now() - interval '90 days', $3, 'Afgesproken in het eerste MDO')`,
    [o.regionId, o.pupilId, ib, o.schoolId],
  );
  const meeting = async (status: 'closed' | 'scheduled', startsIn: string, next: string | null) => {
    const [m] = await database.raw<{ id: string }>(
      `insert into meetings (region_id, pupil_id, school_id, kind, status, starts_at, duration_minutes, location, organiser_id, consent,
                             consent_recorded_by, consent_recorded_at, consent_note, notes, next_meeting_on, held_at, closed_at, closed_by, created_by, created_at)
       values ($1, $2, $3, 'mdo', $4, date_trunc('day', now()) + $5::interval + interval '13 hours 30 minutes', 60, 'Op school, kamer van de intern begeleider',
               $6, 'given', $7, now() - interval '50 days', 'In het portaal', $8, $9::date,
               case when $4 = 'closed' then now() + $5::interval end, case when $4 = 'closed' then now() + $5::interval end,
               case when $4 = 'closed' then $6 end, $6, now() - interval '50 days')
       returning id`,
      [
        o.regionId,
        o.pupilId,
        o.schoolId,
        status,
        startsIn,
        ib,
        u.parent,
        status === 'closed'
          ? 'Het lezen gaat vooruit met de extra begeleiding. Thuis slaapt hij slecht; de CJG-coach kijkt met de ouders naar het avondritme. De aanmelding bij de jeugdhulp loopt, er is een wachtlijst.'
          : null,
        next,
      ],
    );
    return m!.id;
  };
  const held = await meeting('closed', '-42 days', null);
  await database.raw(`update meetings set next_meeting_on = current_date + 10 where id = $1`, [held]);
  const upcoming = await meeting('scheduled', '10 days', null);
  for (const id of [held, upcoming]) {
    await database.raw(
      `insert into meeting_participants (region_id, meeting_id, pupil_id, kind, user_id, name, email, organisation_id, role_label, added_by, invited_at, attended)
       select $1, $2, $3, p.kind, p.user_id, us.name, us.email, p.org, p.label, $4, now() - interval '50 days', case when $5 then true end
         from (values ('school', $4::text, $6::uuid, 'Intern begeleider'), ('school', $7, $6, 'Leerkracht'),
                      ('swv', $8, $9::uuid, 'Consulent SWV'), ('care_partner', $10, $11::uuid, 'CJG-coach'), ('parent', $12, null::uuid, 'Ouder')) p(kind, user_id, org, label)
         join users us on us.id = p.user_id`,
      [o.regionId, id, o.pupilId, ib, id === held, o.schoolId, u.teacher, u.swv_consultant, o.swvId, u.care_partner, o.partnerId, u.parent],
    );
  }
  await database.raw(
    `insert into meeting_agenda_items (region_id, meeting_id, pupil_id, text, added_by, added_by_role, created_at) values
       ($1, $2, $3, 'Hoe gaat het met lezen sinds de extra begeleiding?', $4, 'school_care_coordinator', now() - interval '50 days'),
       ($1, $2, $3, 'Slaapritme thuis', $5, 'parent', now() - interval '45 days'),
       ($1, $6, $3, 'Stand van zaken wachtlijst jeugdhulp', $4, 'school_care_coordinator', now() - interval '2 days'),
       ($1, $6, $3, 'Hij wil graag weer naar voetbal: kan dat passen?', $5, 'parent', now() - interval '1 day')`,
    [o.regionId, held, o.pupilId, ib, u.parent, upcoming],
  );
  await database.raw(
    `insert into meeting_decisions (region_id, meeting_id, pupil_id, text, created_by) values
       ($1, $2, $3, 'De leesbegeleiding gaat door tot de evaluatie in maart.', $4),
       ($1, $2, $3, 'De CJG-coach begeleidt de ouders bij het avondritme.', $4)`,
    [o.regionId, held, o.pupilId, ib],
  );
  await database.raw(
    `insert into action_items (region_id, meeting_id, pupil_id, title, owner_id, due_on, status, done_at, done_by, created_by) values
       ($1, $2, $3, 'Verslag van het MDO naar de deelnemers sturen', $4, current_date - 38, 'done', now() - interval '39 days', $4, $4),
       ($1, $2, $3, 'Wachtlijst jeugdhulp navragen en terugkoppelen', $5, current_date + 5, 'open', null, null, $4),
       ($1, $2, $3, 'Twee weken bijhouden hoe laat hij slaapt', $6, current_date - 2, 'open', null, null, $4),
       ($1, $2, $3, 'Leesvorderingen meten met de AVI-toets', $7, current_date + 12, 'open', null, null, $4)`,
    [o.regionId, held, o.pupilId, ib, u.care_partner, u.parent, u.teacher],
  );
  await database.raw(
    `insert into signal_plans (region_id, pupil_id, level, trigger, trigger_on, action, actor_name, created_by, updated_by) values
       ($1, $2, 'B', 'Wachtlijst jeugdhulp langer dan 6 weken', current_date - 1, 'Overbruggingszorg via het wijkteam inzetten, zodat het gezin niet alleen staat', 'CJG-coach', $3, $3),
       ($1, $2, 'C', 'Geen verbetering bij de evaluatie van het OPP', current_date + 90, 'Ondersteuningsteam met de consulent van het SWV; aanvraag voor een arrangement', 'Consulent SWV', $3, $3),
       ($1, $2, 'D', 'Hij dreigt thuis te komen zitten (meer dan twee weken niet op school)', null, 'Direct overleg met leerplicht en de doorbraakaanpak van de regio', 'Intern begeleider met leerplicht', $3, $3)`,
    [o.regionId, o.pupilId, ib],
  );
}
