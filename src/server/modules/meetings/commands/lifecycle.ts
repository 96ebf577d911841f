import { and, eq, sql } from 'drizzle-orm';
import type { TCancelInput, TCloseInput, THeldInput, TMeetingConsentInput, TMeetingPatch } from '../../../../shared/schemas/meeting.js';
import { meetingParticipants, meetings } from '../../../db/schema/meeting.js';
import type { Tx } from '../../../platform/db.js';
import { fieldError } from '../../../platform/validation.js';
import { onDate } from '../../../platform/pdf.js';
import { dutchDate } from '../../opps/clocks.js';
import { meetingProblem, meetingState } from '../errors.js';
import type { TMeetingRow } from '../queries.js';

/**
 * The meeting's steps: scheduled → held → closed, cancelled before it is closed. Each takes the
 * locked row (loadMeeting with lock) and bumps row_version, so a stale screen is refused.
 */

const bump = { rowVersion: sql`${meetings.rowVersion} + 1`, updatedAt: sql`now()` };

export function ensureStatus(m: TMeetingRow, ...allowed: TMeetingRow['status'][]) {
  if (allowed.includes(m.status)) return;
  if (allowed.length === 1 && allowed[0] === 'scheduled') throw meetingState('not_scheduled');
  if (allowed.length === 1 && allowed[0] === 'held') throw meetingState(m.status === 'scheduled' ? 'not_yet_held' : 'not_held');
  if (allowed.length === 1 && allowed[0] === 'closed') throw meetingState('not_closed');
  if (m.status === 'scheduled') throw meetingState('not_yet_held');
  throw meetingState('not_open');
}

/** Moves the meeting; every participant gets the changed calendar item (sequence + 1). */
export async function rescheduleMeeting(tx: Tx, m: TMeetingRow, patch: TMeetingPatch): Promise<void> {
  ensureStatus(m, 'scheduled');
  if (patch.rowVersion !== m.rowVersion) throw meetingState('changed_meanwhile');
  const { rowVersion: _v, ...changes } = patch;
  if (!Object.keys(changes).length) throw fieldError('(body)', 'nothing_to_change');
  const startsAt = changes.startsAt !== undefined ? new Date(changes.startsAt) : m.startsAt;
  if (changes.startsAt !== undefined && dutchDate(startsAt) < dutchDate()) throw meetingProblem('startsAt', 'in_past');
  const location = changes.location !== undefined ? changes.location : m.location;
  const videoUrl = changes.videoUrl !== undefined ? changes.videoUrl : m.videoUrl;
  if (!location && !videoUrl) throw fieldError('location', 'place_or_link');
  await tx
    .update(meetings)
    .set({ startsAt, durationMinutes: changes.durationMinutes ?? m.durationMinutes, location, videoUrl, icsSequence: sql`${meetings.icsSequence} + 1`, ...bump })
    .where(eq(meetings.id, m.id));
}

/** The parents' answer; recorded with who wrote it down and when. */
export async function recordConsent(tx: Tx, m: TMeetingRow, input: TMeetingConsentInput, by: string): Promise<void> {
  ensureStatus(m, 'scheduled', 'held');
  await tx
    .update(meetings)
    .set({ consent: input.consent, consentNote: input.note ?? null, consentRecordedBy: by, consentRecordedAt: sql`now()`, ...bump })
    .where(eq(meetings.id, m.id));
}

/** Held: on or after its day; who came is recorded (everyone else invited did not). */
export async function markHeld(tx: Tx, m: TMeetingRow, input: THeldInput): Promise<void> {
  ensureStatus(m, 'scheduled');
  const day = dutchDate(m.startsAt);
  if (dutchDate() < day) throw meetingProblem('startsAt', 'held_before_day', { code: 'conflict', params: { day: onDate(day) } });
  const ids = new Set(input.attendedParticipantIds);
  const known = await tx.select({ id: meetingParticipants.id }).from(meetingParticipants).where(eq(meetingParticipants.meetingId, m.id));
  const index = input.attendedParticipantIds.findIndex((id) => !known.some((k) => k.id === id));
  if (index >= 0) throw fieldError(`attendedParticipantIds.${index}`, 'not_a_participant');
  for (const k of known) {
    await tx.update(meetingParticipants).set({ attended: ids.has(k.id) }).where(eq(meetingParticipants.id, k.id));
  }
  await tx.update(meetings).set({ status: 'held', heldAt: sql`now()`, ...bump }).where(eq(meetings.id, m.id));
}

/** Closing needs the next date after today: "we laten niet los". */
export async function closeMeeting(tx: Tx, m: TMeetingRow, input: TCloseInput, by: string): Promise<void> {
  ensureStatus(m, 'held');
  if (input.nextMeetingOn <= dutchDate()) throw meetingProblem('nextMeetingOn', 'next_date_not_future');
  await tx
    .update(meetings)
    .set({ status: 'closed', nextMeetingOn: input.nextMeetingOn, closedAt: sql`now()`, closedBy: by, ...bump })
    .where(and(eq(meetings.id, m.id), eq(meetings.status, 'held')));
}

/** Called off before it was closed; calendars get a CANCEL (sequence + 1). */
export async function cancelMeeting(tx: Tx, m: TMeetingRow, input: TCancelInput): Promise<void> {
  ensureStatus(m, 'scheduled', 'held');
  await tx
    .update(meetings)
    .set({ status: 'cancelled', cancelledAt: sql`now()`, cancelledReason: input.reason, icsSequence: sql`${meetings.icsSequence} + 1`, ...bump })
    .where(eq(meetings.id, m.id));
}

/** The notes, written while the meeting is held; a stale version is refused. */
export async function writeNotes(tx: Tx, m: TMeetingRow, input: { rowVersion: number; notes: string }): Promise<void> {
  ensureStatus(m, 'held');
  if (input.rowVersion !== m.rowVersion) throw meetingState('changed_meanwhile');
  await tx
    .update(meetings)
    .set({ notes: input.notes.length ? input.notes : null, ...bump })
    .where(eq(meetings.id, m.id));
}

/** The summary went round (again): the last time shows. */
export async function markSummaryShared(tx: Tx, m: TMeetingRow): Promise<void> {
  await tx.update(meetings).set({ summarySharedAt: sql`now()` }).where(eq(meetings.id, m.id));
}
