import { eq, sql } from 'drizzle-orm';
import type { TActionStatus, TParticipantKind } from '../../../shared/meeting.js';
import { displayName } from '../../../shared/names.js';
import { meetings } from '../../db/schema/meeting.js';
import type { TMemberActor } from '../../platform/context.js';
import { query, type Tx } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import type { TChildRelation } from '../../policies/child-file.js';
import { meetingPolicy, type TMeetingFacts, type TMeetingView } from '../../policies/meeting.js';
import { loadChildRelation, TODAY } from '../pupils/relation.js';

export type TMeetingRow = typeof meetings.$inferSelect;

/** A meeting with how the actor stands to it. */
export interface TLoadedMeeting {
  m: TMeetingRow;
  rel: TChildRelation;
  facts: TMeetingFacts;
  view: Exclude<TMeetingView, 'none'>;
}

export const factsOf = (m: TMeetingRow, participantKind: TParticipantKind | null): TMeetingFacts => ({
  organiserId: m.organiserId,
  status: m.status,
  consent: m.consent,
  participantKind,
});

/**
 * One meeting under the request's RLS (another region's is not there) with the actor's own
 * participant row and their relation to the child; a 404 when they may see nothing of it.
 * `lock` takes the row lock first, so writers queue and each sees what the one before committed.
 */
export async function loadMeeting(tx: Tx, actor: TMemberActor, id: string, o: { lock?: boolean } = {}): Promise<TLoadedMeeting> {
  const q = tx.select().from(meetings).where(eq(meetings.id, id));
  const [m] = o.lock ? await q.for('update') : await q;
  if (!m) throw new AppError('not_found');
  const [mine] = await query<{ kind: TParticipantKind }>(
    tx,
    sql`select kind from meeting_participants where meeting_id = ${id} and user_id = ${actor.userId}`,
  );
  const rel = await loadChildRelation(tx, actor, m.pupilId);
  const facts = factsOf(m, mine?.kind ?? null);
  const view = rel ? meetingPolicy.view(actor, rel, facts) : 'none';
  if (!rel || view === 'none') throw new AppError('not_found');
  return { m, rel, facts, view };
}

/** The meeting as a command left it (already authorised in this request). */
export async function reloadMeeting(tx: Tx, id: string): Promise<TMeetingRow> {
  const [m] = await tx.select().from(meetings).where(eq(meetings.id, id));
  return m!;
}

export interface TParticipantRow {
  id: string;
  kind: TParticipantKind;
  user_id: string | null;
  name: string;
  guest_email: string | null;
  user_email: string | null;
  organisation_id: string | null;
  organisation_name: string | null;
  role_label: string | null;
  attended: boolean | null;
  invited_at: string | null;
}
export interface TAgendaRow {
  id: string;
  text: string;
  added_by: string;
  added_by_role: string;
  created_at: string;
}
export interface TDecisionRow {
  id: string;
  text: string;
  created_at: string;
}
export interface TActionRow {
  id: string;
  meeting_id: string;
  title: string;
  owner_id: string;
  owner_name: string;
  due_on: string;
  status: TActionStatus;
  overdue: boolean;
}

export interface TMeetingDetail {
  pupilName: string;
  schoolName: string;
  organiserName: string;
  participants: TParticipantRow[];
  agenda: TAgendaRow[];
  decisions: TDecisionRow[];
  actions: TActionRow[];
}

/** Participants with the e-mail the invitations go to: the guest's own, else the account's. */
export const participantEmail = (p: TParticipantRow) => p.guest_email ?? p.user_email;

const ACTION_COLUMNS = sql`a.id, a.meeting_id, a.title, a.owner_id, coalesce(ou.name, '') as owner_name, a.due_on::text as due_on, a.status,
  (a.status = 'open' and a.due_on < ${TODAY}) as overdue`;

/** Everything shown with a meeting, in one statement. */
export async function loadMeetingDetail(tx: Tx, m: TMeetingRow): Promise<TMeetingDetail> {
  const [r] = await query<{
    first_name: string;
    name_prefix: string | null;
    last_name: string;
    school_name: string;
    organiser_name: string | null;
    participants: TParticipantRow[];
    agenda: TAgendaRow[];
    decisions: TDecisionRow[];
    actions: TActionRow[];
  }>(
    tx,
    sql`select p.first_name, p.name_prefix, p.last_name, s.name as school_name,
          coalesce(u.name, (select mp.name from meeting_participants mp where mp.meeting_id = m.id and mp.user_id = m.organiser_id limit 1)) as organiser_name,
          coalesce((select json_agg(x order by x.created_at, x.name) from (
            select mp.id, mp.kind, mp.user_id, mp.name, mp.email as guest_email, pu.email as user_email, mp.organisation_id,
                   o.name as organisation_name, mp.role_label, mp.attended, mp.invited_at, mp.created_at
              from meeting_participants mp
              left join users pu on pu.id = mp.user_id
              left join organisations o on o.id = mp.organisation_id
             where mp.meeting_id = m.id) x), '[]') as participants,
          coalesce((select json_agg(x order by x.created_at, x.id) from (
            select ai.id, ai.text, ai.added_by, ai.added_by_role, ai.created_at from meeting_agenda_items ai where ai.meeting_id = m.id) x), '[]') as agenda,
          coalesce((select json_agg(x order by x.created_at, x.id) from (
            select d.id, d.text, d.created_at from meeting_decisions d where d.meeting_id = m.id) x), '[]') as decisions,
          coalesce((select json_agg(x order by x.due_on, x.title) from (
            select ${ACTION_COLUMNS} from action_items a left join users ou on ou.id = a.owner_id where a.meeting_id = m.id) x), '[]') as actions
        from meetings m
        join pupils p on p.id = m.pupil_id
        join organisations s on s.id = m.school_id
        left join users u on u.id = m.organiser_id
       where m.id = ${m.id}`,
  );
  return {
    pupilName: displayName({ firstName: r!.first_name, namePrefix: r!.name_prefix, lastName: r!.last_name }),
    schoolName: r!.school_name,
    organiserName: r!.organiser_name ?? '',
    participants: r!.participants,
    agenda: r!.agenda,
    decisions: r!.decisions,
    actions: r!.actions,
  };
}

/** One action item with its owner's name (for PATCH /action-items/:id). */
export async function loadAction(tx: Tx, id: string, o: { lock?: boolean } = {}): Promise<TActionRow | null> {
  const [row] = await query<TActionRow>(
    tx,
    sql`select ${ACTION_COLUMNS} from action_items a left join users ou on ou.id = a.owner_id where a.id = ${id}
        ${o.lock ? sql`for update of a` : sql``}`,
  );
  return row ?? null;
}

export interface TMeetingListRow {
  id: string;
  kind: TMeetingRow['kind'];
  status: TMeetingRow['status'];
  starts_at: string;
  consent: TMeetingRow['consent'];
  organiser_id: string;
  my_kind: TParticipantKind | null;
  participant_count: number;
  open_actions: number;
  next_meeting_on: string | null;
}

/** The child's meetings, newest first, with what the list shows and what `view` needs. */
export async function listPupilMeetings(tx: Tx, actor: TMemberActor, pupilId: string): Promise<TMeetingListRow[]> {
  return query<TMeetingListRow>(
    tx,
    sql`select m.id, m.kind, m.status, m.starts_at, m.consent, m.organiser_id, m.next_meeting_on::text as next_meeting_on,
          (select mp.kind from meeting_participants mp where mp.meeting_id = m.id and mp.user_id = ${actor.userId} limit 1) as my_kind,
          (select count(*)::int from meeting_participants mp where mp.meeting_id = m.id) as participant_count,
          (select count(*)::int from action_items a where a.meeting_id = m.id and a.status = 'open') as open_actions
        from meetings m where m.pupil_id = ${pupilId}
       order by m.starts_at desc, m.created_at desc`,
  );
}

/** Whether the child has a regievoerder now (an open case). */
export async function hasCaseLead(tx: Tx, pupilId: string): Promise<boolean> {
  const [r] = await query<{ has: boolean }>(
    tx,
    sql`select exists (select 1 from case_leads where pupil_id = ${pupilId} and ended_at is null) as has`,
  );
  return r!.has;
}
