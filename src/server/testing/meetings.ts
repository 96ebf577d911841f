import type { TMeetingConsent, TMeetingKind, TMeetingStatus } from '../../shared/meeting.js';
import type { TRole } from '../../shared/roles.js';
import { t as translate } from '../platform/i18n.js';
import type { TTestApp } from './app.js';
import type { TActorKey, TWorld } from './world.js';

/**
 * Meetings in the two-region world, written as the owner outside any tenant (like freshRequest),
 * for the access matrix and the meeting tests. Not imported by the app.
 */

export type TMeetingPupil = 'freshPupil' | 'ownGroupPupil' | 'ownPupil' | 'selfPupil' | 'otherSchoolPupil' | 'consentPupil' | 'olderPupil' | 'otherRegionPupil';
type TPerson = Exclude<TActorKey, 'anonymous' | 'lonely'>;

export interface TMeetingFixture {
  meetingId: string;
  pupilId: string;
  regionId: string;
  /** Participant row ids by actor (and 'guest'). */
  participants: Partial<Record<TPerson | 'guest', string>>;
  /** An agenda point by the organiser, and one by the parent when the parent is invited. */
  agendaId: string;
  parentAgendaId: string | null;
  /** Held and closed meetings: one decision and one action (owned by `actionOwner`). */
  decisionId: string | null;
  actionId: string | null;
}

const ROLE_OF: Record<TPerson, TRole> = {
  swv_admin: 'swv_admin', swv_consultant: 'swv_consultant', swv_expert: 'swv_expert', swv_board: 'swv_board', school_director: 'school_director',
  school_care_coordinator: 'school_care_coordinator', teacher: 'teacher', care_partner: 'care_partner', attendance_officer: 'attendance_officer',
  municipality_analyst: 'municipality_analyst', opr_member: 'opr_member', parent_support: 'parent_support', parent: 'parent', pupil: 'pupil',
  pupil16: 'pupil', b_admin: 'swv_admin', b_consultant: 'swv_consultant',
};
const KIND_OF: Record<TRole, string> = {
  swv_admin: 'swv', swv_consultant: 'swv', swv_expert: 'swv', swv_board: 'swv', school_director: 'school', school_care_coordinator: 'school',
  teacher: 'school', care_partner: 'care_partner', attendance_officer: 'other', municipality_analyst: 'other', opr_member: 'other',
  parent_support: 'swv', parent: 'parent', pupil: 'pupil',
};

function organisationOf(w: TWorld, who: TPerson): string | null {
  if (who === 'b_admin' || who === 'b_consultant') return w.b.swvId;
  const role = ROLE_OF[who];
  if (role.startsWith('swv_') || role === 'parent_support') return w.a.swvId;
  if (role === 'school_care_coordinator' || role === 'school_director' || role === 'teacher') return w.schoolA1;
  if (role === 'care_partner') return w.partnerOrg;
  if (role === 'attendance_officer' || role === 'municipality_analyst') return w.a.gemeenteIds[0]!;
  if (role === 'opr_member') return w.a.oprId;
  return null;
}

let n = 0;

/** A new child at school A1 (no group, so the teacher has no relation), 10 years old, the world's `parent` its guardian with gezag. */
export async function freshMeetingPupil(w: TWorld, t: TTestApp): Promise<string> {
  const k = ++n;
  const [p] = await t.database.raw<{ id: string }>(
    `insert into pupils (region_id, first_name, last_name, search_text, date_of_birth, school_id, enrolled_on)
     values ($1, 'Overleg', $2, $3, current_date - interval '10 years', $4, current_date) returning id`,
    [w.a.regionId, `Zzzz-mdo ${k}`, `overleg zzzz mdo ${k}`, w.schoolA1],
  );
  await t.database.raw(`insert into guardians (region_id, pupil_id, name, has_gezag, user_id) values ($1, $2, 'Ouder Test', true, $3)`, [
    w.a.regionId,
    p!.id,
    w.users.parent,
  ]);
  return p!.id;
}

const defaultOrganiser = (pupil: TMeetingPupil): TPerson =>
  pupil === 'otherRegionPupil' ? 'b_consultant' : pupil === 'consentPupil' || pupil === 'otherSchoolPupil' ? 'swv_consultant' : 'school_care_coordinator';

/**
 * One meeting about the pupil: the organiser and `invite` on the list (with a guest when `guest`),
 * an agenda point by the organiser (and one by the parent if invited). Scheduled meetings start
 * now (so "held" is allowed today); held and closed ones started an hour ago and have notes, a
 * decision and an action; closed ones have their next date in 30 days. A world pupil's earlier
 * meetings go first, so lists stay small.
 */
export async function freshMeeting(
  w: TWorld,
  t: TTestApp,
  o: {
    pupil?: TMeetingPupil;
    status?: TMeetingStatus;
    consent?: TMeetingConsent;
    kind?: TMeetingKind;
    organiser?: TPerson;
    invite?: TPerson[];
    guest?: boolean;
    actionOwner?: TPerson;
    startsInDays?: number;
  } = {},
): Promise<TMeetingFixture> {
  const pupilKey = o.pupil ?? 'freshPupil';
  const pupilId = pupilKey === 'freshPupil' ? await freshMeetingPupil(w, t) : w[pupilKey];
  const regionId = pupilKey === 'otherRegionPupil' ? w.b.regionId : w.a.regionId;
  if (pupilKey !== 'freshPupil') await t.database.raw('delete from meetings where pupil_id = $1', [pupilId]);
  const status = o.status ?? 'scheduled';
  const organiser = o.organiser ?? defaultOrganiser(pupilKey);
  const by = w.users[organiser as keyof TWorld['users']];
  const past = status !== 'scheduled';
  const [m] = await t.database.raw<{ id: string; school_id: string }>(
    `insert into meetings (region_id, pupil_id, school_id, kind, status, starts_at, location, video_url, organiser_id, consent,
        consent_recorded_by, consent_recorded_at, notes, next_meeting_on, held_at, closed_at, closed_by, cancelled_at, cancelled_reason, created_by)
     select $1, p.id, p.school_id, $3, $4,
            case when $5 then now() - interval '1 hour' else now() + make_interval(days => $6) end,
            'School, kamer van de IB''er', 'https://meet.example/mdo-test', $7, $8,
            case when $8 <> 'pending' then $7 end, case when $8 <> 'pending' then now() end,
            case when $4 in ('held', 'closed') then 'Besproken: lezen gaat beter, rekenen blijft moeilijk.' end,
            case when $4 = 'closed' then current_date + 30 end,
            case when $4 in ('held', 'closed') then now() end,
            case when $4 = 'closed' then now() end, case when $4 = 'closed' then $7 end,
            case when $4 = 'cancelled' then now() end, case when $4 = 'cancelled' then 'Ziek' end, $7
       from pupils p where p.id = $2
     returning id, school_id`,
    [regionId, pupilId, o.kind ?? 'mdo', status, past, o.startsInDays ?? 0, by, o.consent ?? 'pending'],
  );
  const meetingId = m!.id;
  const participants: TMeetingFixture['participants'] = {};
  const people = [organiser, ...(o.invite ?? []).filter((p) => p !== organiser)];
  for (const who of people) {
    const role = ROLE_OF[who];
    const [row] = await t.database.raw<{ id: string }>(
      `insert into meeting_participants (region_id, meeting_id, pupil_id, kind, user_id, name, organisation_id, role_label, invited_at, attended, added_by)
       select $1, $2, $3, $4, u.id, u.name, $6, $7, now(), case when $8 then true end, $9 from users u where u.id = $5
       returning id`,
      [regionId, meetingId, pupilId, KIND_OF[role], w.users[who as keyof TWorld['users']], organisationOf(w, who), translate('nl', `roles.${role}`), past, by],
    );
    participants[who] = row!.id;
  }
  if (o.guest) {
    const [row] = await t.database.raw<{ id: string }>(
      `insert into meeting_participants (region_id, meeting_id, pupil_id, kind, name, email, role_label, invited_at, added_by)
       values ($1, $2, $3, 'other', 'Gast Extern', 'gast@extern.test', 'jeugdarts', now(), $4) returning id`,
      [regionId, meetingId, pupilId, by],
    );
    participants.guest = row!.id;
  }
  const agenda = async (text: string, author: string, role: string) =>
    (
      await t.database.raw<{ id: string }>(
        `insert into meeting_agenda_items (region_id, meeting_id, pupil_id, text, added_by, added_by_role) values ($1, $2, $3, $4, $5, $6) returning id`,
        [regionId, meetingId, pupilId, text, author, role],
      )
    )[0]!.id;
  const agendaId = await agenda('Hoe gaat het in de klas?', by, ROLE_OF[organiser]);
  const parentAgendaId = participants.parent ? await agenda('Huiswerk kost thuis veel tijd', w.users.parent, 'parent') : null;
  let decisionId: string | null = null;
  let actionId: string | null = null;
  if (status === 'held' || status === 'closed') {
    decisionId = (
      await t.database.raw<{ id: string }>(
        `insert into meeting_decisions (region_id, meeting_id, pupil_id, text, created_by) values ($1, $2, $3, 'Leesbegeleiding twee keer per week', $4) returning id`,
        [regionId, meetingId, pupilId, by],
      )
    )[0]!.id;
    const owner = w.users[(o.actionOwner ?? organiser) as keyof TWorld['users']];
    actionId = (
      await t.database.raw<{ id: string }>(
        `insert into action_items (region_id, meeting_id, pupil_id, title, owner_id, due_on, created_by)
         values ($1, $2, $3, 'Aanmelding jeugdhulp navragen', $4, current_date + 14, $5) returning id`,
        [regionId, meetingId, pupilId, owner, by],
      )
    )[0]!.id;
  }
  return { meetingId, pupilId, regionId, participants, agendaId, parentAgendaId, decisionId, actionId };
}

/** Today in the Netherlands plus `days`, as the API takes dates. */
export function dutchDay(days = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(Date.now() + days * 86_400_000));
}
