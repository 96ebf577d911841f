import { sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  ACTION_STATUSES,
  CASE_LEAD_END_REASONS,
  MEETING_CONSENTS,
  MEETING_KINDS,
  MEETING_STATUSES,
  PARTICIPANT_KINDS,
  SIGNAL_LEVELS,
  SIGNAL_STATUSES,
} from '../../../shared/meeting.js';
import { users } from './auth.js';
import { organisations, pupils } from './region.js';

/**
 * An MDO or ondersteuningsteam meeting about one child. The school is fixed when it is scheduled
 * (the school that holds the regie then). `icsSequence` counts changes sent to calendars.
 */
export const meetings = pgTable(
  'meetings',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    pupilId: uuid('pupil_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    kind: text('kind', { enum: MEETING_KINDS }).notNull(),
    status: text('status', { enum: MEETING_STATUSES }).notNull().default('scheduled'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(60),
    location: text('location'),
    videoUrl: text('video_url'),
    /** Who prepares and chairs it; writes the notes and closes it. */
    organiserId: text('organiser_id').notNull().references(() => users.id),
    consent: text('consent', { enum: MEETING_CONSENTS }).notNull().default('pending'),
    consentRecordedBy: text('consent_recorded_by').references(() => users.id),
    consentRecordedAt: timestamp('consent_recorded_at', { withTimezone: true }),
    /** How the consent was given ("mondeling, telefoon 12 mei", "in het portaal"). */
    consentNote: text('consent_note'),
    notes: text('notes'),
    nextMeetingOn: date('next_meeting_on'),
    heldAt: timestamp('held_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: text('closed_by').references(() => users.id),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledReason: text('cancelled_reason'),
    summarySharedAt: timestamp('summary_shared_at', { withTimezone: true }),
    icsSequence: integer('ics_sequence').notNull().default(0),
    rowVersion: integer('row_version').notNull().default(1),
    createdBy: text('created_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId, t.pupilId], foreignColumns: [pupils.regionId, pupils.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.regionId, t.schoolId], foreignColumns: [organisations.regionId, organisations.id] }),
    index('meetings_pupil_idx').on(t.regionId, t.pupilId, t.startsAt),
    index('meetings_organiser_idx').on(t.regionId, t.organiserId, t.status),
    index('meetings_school_idx').on(t.regionId, t.schoolId, t.startsAt),
  ],
);

/**
 * Who is invited. A participant with an account (`userId`) can open the meeting in Rondom; a
 * guest without one only receives the invitation. The name is kept as it was at invitation.
 */
export const meetingParticipants = pgTable(
  'meeting_participants',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    meetingId: uuid('meeting_id').notNull(),
    pupilId: uuid('pupil_id').notNull(),
    kind: text('kind', { enum: PARTICIPANT_KINDS }).notNull(),
    userId: text('user_id').references(() => users.id),
    name: text('name').notNull(),
    email: text('email'),
    organisationId: uuid('organisation_id'),
    /** What they bring ("CJG-coach", "moeder", "leerkracht groep 6"). */
    roleLabel: text('role_label'),
    invitedAt: timestamp('invited_at', { withTimezone: true }),
    attended: boolean('attended'),
    addedBy: text('added_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId, t.meetingId], foreignColumns: [meetings.regionId, meetings.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.regionId, t.organisationId], foreignColumns: [organisations.regionId, organisations.id] }),
    index('meeting_participants_meeting_idx').on(t.regionId, t.meetingId),
    index('meeting_participants_user_idx').on(t.regionId, t.userId, t.meetingId),
    uniqueIndex('meeting_participants_one_user')
      .on(t.regionId, t.meetingId, t.userId)
      .where(sql`user_id is not null`),
  ],
);

/** Agenda points, prepared together: parents can add theirs before the meeting. */
export const meetingAgendaItems = pgTable(
  'meeting_agenda_items',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    meetingId: uuid('meeting_id').notNull(),
    pupilId: uuid('pupil_id').notNull(),
    text: text('text').notNull(),
    addedBy: text('added_by').notNull().references(() => users.id),
    /** The role the point was added in, so the agenda shows "ouder" without naming staff to parents. */
    addedByRole: text('added_by_role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId, t.meetingId], foreignColumns: [meetings.regionId, meetings.id] }).onDelete('cascade'),
    index('meeting_agenda_meeting_idx').on(t.regionId, t.meetingId, t.createdAt),
  ],
);

/** What the meeting decided, one line each. */
export const meetingDecisions = pgTable(
  'meeting_decisions',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    meetingId: uuid('meeting_id').notNull(),
    pupilId: uuid('pupil_id').notNull(),
    text: text('text').notNull(),
    createdBy: text('created_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId, t.meetingId], foreignColumns: [meetings.regionId, meetings.id] }).onDelete('cascade'),
    index('meeting_decisions_meeting_idx').on(t.regionId, t.meetingId, t.createdAt),
  ],
);

/** An agreed action: one owner, a due date, a status. Shows in the owner's inbox until done. */
export const actionItems = pgTable(
  'action_items',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    meetingId: uuid('meeting_id').notNull(),
    pupilId: uuid('pupil_id').notNull(),
    title: text('title').notNull(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id),
    dueOn: date('due_on').notNull(),
    status: text('status', { enum: ACTION_STATUSES }).notNull().default('open'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: text('done_by').references(() => users.id),
    createdBy: text('created_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId, t.meetingId], foreignColumns: [meetings.regionId, meetings.id] }).onDelete('cascade'),
    index('action_items_meeting_idx').on(t.regionId, t.meetingId),
    index('action_items_owner_open_idx')
      .on(t.regionId, t.ownerId, t.dueOn)
      .where(sql`status = 'open'`),
    index('action_items_pupil_idx').on(t.regionId, t.pupilId),
  ],
);

/**
 * Regievoerder: one named person (with their organisation) holds the regie over a child's case.
 * The case is open while a row has no `endedAt`; a change ends the row and starts a new one, so
 * the table is the history.
 */
export const caseLeads = pgTable(
  'case_leads',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    pupilId: uuid('pupil_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    startedBy: text('started_by').notNull().references(() => users.id),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedBy: text('ended_by').references(() => users.id),
    endReason: text('end_reason', { enum: CASE_LEAD_END_REASONS }),
    /** Why the case was closed (end reason 'case_closed'). */
    endNote: text('end_note'),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId, t.pupilId], foreignColumns: [pupils.regionId, pupils.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.regionId, t.organisationId], foreignColumns: [organisations.regionId, organisations.id] }),
    // exactly one case lead per open case
    uniqueIndex('case_leads_one_active')
      .on(t.regionId, t.pupilId)
      .where(sql`ended_at is null`),
    index('case_leads_user_active_idx')
      .on(t.regionId, t.userId)
      .where(sql`ended_at is null`),
    index('case_leads_pupil_idx').on(t.regionId, t.pupilId, t.startedAt),
  ],
);

/** Signaleringsplan: per child, plan B, C and D — the trigger, what then happens, and who acts. */
export const signalPlans = pgTable(
  'signal_plans',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    pupilId: uuid('pupil_id').notNull(),
    level: text('level', { enum: SIGNAL_LEVELS }).notNull(),
    /** The trigger in words ("wachtlijst jeugdhulp langer dan 6 weken"). */
    trigger: text('trigger').notNull(),
    /** When the trigger is checked; once it has passed while the plan waits, the case lead gets a task. */
    triggerOn: date('trigger_on'),
    action: text('action').notNull(),
    /** Who acts, in words (a person or an organisation). */
    actorName: text('actor_name').notNull(),
    status: text('status', { enum: SIGNAL_STATUSES }).notNull().default('waiting'),
    statusNote: text('status_note'),
    rowVersion: integer('row_version').notNull().default(1),
    createdBy: text('created_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').notNull().references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId, t.pupilId], foreignColumns: [pupils.regionId, pupils.id] }).onDelete('cascade'),
    uniqueIndex('signal_plans_one_per_level').on(t.regionId, t.pupilId, t.level),
    index('signal_plans_waiting_idx')
      .on(t.regionId, t.triggerOn)
      .where(sql`status = 'waiting'`),
  ],
);

/** One row per user, region and day a digest went out: the job's idempotence key. */
export const digestSends = pgTable(
  'digest_sends',
  {
    regionId: uuid('region_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    day: date('day').notNull(),
    taskCount: integer('task_count').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.userId, t.day] })],
);
