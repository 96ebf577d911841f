import { and, eq, sql } from 'drizzle-orm';
import type { TActionInput, TActionPatch, TParticipantInput } from '../../../../shared/schemas/meeting.js';
import { actionItems, meetingAgendaItems, meetingDecisions, meetingParticipants, meetings } from '../../../db/schema/meeting.js';
import type { TMemberActor } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db.js';
import { AppError } from '../../../platform/errors.js';
import { fieldError } from '../../../platform/validation.js';
import { dutchDate } from '../../opps/clocks.js';
import { meetingCandidates } from '../candidates.js';
import { meetingProblem, meetingState } from '../errors.js';
import type { TMeetingRow, TParticipantRow } from '../queries.js';
import { ensureStatus } from './lifecycle.js';
import { participantValues, sameAs } from './schedule-meeting.js';

/**
 * What is written around a meeting: who comes, the agenda, decisions and actions. The caller has
 * loaded the meeting with its lock and authorised the actor; each function checks the status.
 */

const base = (m: TMeetingRow) => ({ regionId: m.regionId, meetingId: m.id, pupilId: m.pupilId });

/** One more invitee (before or during the meeting); returns the new participant's id. */
export async function addParticipant(tx: Tx, m: TMeetingRow, input: TParticipantInput, present: TParticipantRow[], by: string): Promise<string> {
  ensureStatus(m, 'scheduled', 'held');
  const candidates = new Map((await meetingCandidates(tx, m.pupilId)).map((c) => [c.userId, c]));
  const v = participantValues(input, candidates);
  if (present.some((p) => sameAs({ userId: p.user_id, email: p.guest_email }, v))) throw meetingProblem(v.userId ? 'userId' : 'email', 'already_invited');
  const [row] = await tx
    .insert(meetingParticipants)
    .values({ ...base(m), ...v, addedBy: by })
    .returning({ id: meetingParticipants.id });
  return row!.id;
}

/** Takes someone off the list before the meeting; the organiser stays. */
export async function removeParticipant(tx: Tx, m: TMeetingRow, participant: TParticipantRow): Promise<void> {
  ensureStatus(m, 'scheduled');
  if (participant.user_id === m.organiserId) throw meetingState('organiser_stays');
  await tx.delete(meetingParticipants).where(eq(meetingParticipants.id, participant.id));
  // their calendar gets a CANCEL, which must outrank the invitation they hold
  await tx.update(meetings).set({ icsSequence: sql`${meetings.icsSequence} + 1` }).where(eq(meetings.id, m.id));
}

export async function addAgendaPoint(tx: Tx, m: TMeetingRow, text: string, actor: TMemberActor): Promise<string> {
  ensureStatus(m, 'scheduled');
  const [row] = await tx
    .insert(meetingAgendaItems)
    .values({ ...base(m), text, addedBy: actor.userId, addedByRole: actor.membership.role })
    .returning({ id: meetingAgendaItems.id });
  return row!.id;
}

/** The agenda point of this meeting, or a 404 (an id from another meeting is not there). */
export async function loadAgendaPoint(tx: Tx, m: TMeetingRow, itemId: string): Promise<{ id: string; addedBy: string }> {
  const [row] = await tx
    .select({ id: meetingAgendaItems.id, addedBy: meetingAgendaItems.addedBy })
    .from(meetingAgendaItems)
    .where(and(eq(meetingAgendaItems.id, itemId), eq(meetingAgendaItems.meetingId, m.id)));
  if (!row) throw new AppError('not_found');
  return row;
}

export async function deleteAgendaPoint(tx: Tx, m: TMeetingRow, itemId: string): Promise<void> {
  ensureStatus(m, 'scheduled', 'held');
  await tx.delete(meetingAgendaItems).where(eq(meetingAgendaItems.id, itemId));
}

export async function addDecision(tx: Tx, m: TMeetingRow, text: string, by: string): Promise<string> {
  ensureStatus(m, 'held');
  const [row] = await tx.insert(meetingDecisions).values({ ...base(m), text, createdBy: by }).returning({ id: meetingDecisions.id });
  return row!.id;
}

export async function deleteDecision(tx: Tx, m: TMeetingRow, itemId: string): Promise<void> {
  ensureStatus(m, 'held');
  const gone = await tx
    .delete(meetingDecisions)
    .where(and(eq(meetingDecisions.id, itemId), eq(meetingDecisions.meetingId, m.id)))
    .returning({ id: meetingDecisions.id });
  if (!gone.length) throw new AppError('not_found');
}

/** An action: one owner who is at the table with an account, a due date from today on. */
export async function addAction(tx: Tx, m: TMeetingRow, input: TActionInput, present: TParticipantRow[], by: string): Promise<string> {
  ensureStatus(m, 'held');
  if (!present.some((p) => p.user_id !== null && p.user_id === input.ownerId)) throw fieldError('ownerId', 'not_a_participant');
  if (input.dueOn < dutchDate()) throw meetingProblem('dueOn', 'due_in_past');
  const [row] = await tx
    .insert(actionItems)
    .values({ ...base(m), title: input.title, ownerId: input.ownerId, dueOn: input.dueOn, createdBy: by })
    .returning({ id: actionItems.id });
  return row!.id;
}

/** Open, done or dropped; done records who and when (open again clears it). */
export async function updateAction(tx: Tx, actionId: string, patch: TActionPatch, by: string): Promise<void> {
  const done = patch.status === 'done';
  await tx
    .update(actionItems)
    .set({ status: patch.status, doneAt: done ? sql`now()` : null, doneBy: done ? by : null, updatedAt: sql`now()` })
    .where(eq(actionItems.id, actionId));
}
