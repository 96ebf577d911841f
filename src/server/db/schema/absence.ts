import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ABSENCE_CLOSE_REASONS, ABSENCE_KINDS } from '../../../shared/absence.js';
import { users } from './auth.js';
import { pupils } from './region.js';

/**
 * One case per child out of school: whoever registers the first absence opens it, later episodes
 * join it, so a child known at two schools is still one case. Every open case should have an
 * owner, a plan and a next date (shared/absence.ts caseFlags).
 */
export const absenceCases = pgTable(
  'absence_cases',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    pupilId: uuid('pupil_id').notNull(),
    openedOn: date('opened_on').notNull(),
    openedBy: text('opened_by').notNull().references(() => users.id),
    ownerUserId: text('owner_user_id').references(() => users.id),
    plan: text('plan'),
    planBy: text('plan_by'),
    nextDate: date('next_date'),
    /** The day an education offer started; stops the day counter and the "no offer" step. */
    offerFrom: date('offer_from'),
    closedOn: date('closed_on'),
    closeReason: text('close_reason', { enum: ABSENCE_CLOSE_REASONS }),
    closeNote: text('close_note'),
    closedBy: text('closed_by').references(() => users.id),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId, t.pupilId], foreignColumns: [pupils.regionId, pupils.id] }).onDelete('cascade'),
    // one open case per child
    uniqueIndex('absence_cases_one_open')
      .on(t.regionId, t.pupilId)
      .where(sql`closed_on is null`),
    index('absence_cases_pupil_idx').on(t.regionId, t.pupilId, t.openedOn),
    index('absence_cases_owner_open_idx')
      .on(t.regionId, t.ownerUserId)
      .where(sql`closed_on is null`),
    index('absence_cases_opened_idx').on(t.regionId, t.openedOn),
    check('absence_cases_closed_after_opened', sql`closed_on is null or closed_on >= opened_on`),
    check('absence_cases_close_reason', sql`(closed_on is null) = (close_reason is null)`),
  ],
);

/** A period of one kind of absence. Reasons are ids from the region's list (settings.absence.reasons). */
export const absenceEpisodes = pgTable(
  'absence_episodes',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    pupilId: uuid('pupil_id').notNull(),
    kind: text('kind', { enum: ABSENCE_KINDS }).notNull(),
    startedOn: date('started_on').notNull(),
    endedOn: date('ended_on'),
    exemptionEndsOn: date('exemption_ends_on'),
    reasonIds: text('reason_ids').array().notNull().default(sql`'{}'::text[]`),
    reasonNote: text('reason_note'),
    createdBy: text('created_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId, t.caseId], foreignColumns: [absenceCases.regionId, absenceCases.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.regionId, t.pupilId], foreignColumns: [pupils.regionId, pupils.id] }).onDelete('cascade'),
    // never two open episodes of one kind for a child
    uniqueIndex('absence_episodes_one_open_kind')
      .on(t.regionId, t.pupilId, t.kind)
      .where(sql`ended_on is null`),
    index('absence_episodes_case_idx').on(t.regionId, t.caseId, t.startedOn),
    check('absence_episodes_end_after_start', sql`ended_on is null or ended_on >= started_on`),
  ],
);

/**
 * What the daily job sent about a case: an escalation step or a "next date passed" reminder.
 * The unique key makes the job idempotent: run twice, told once.
 */
export const absenceNotices = pgTable(
  'absence_notices',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    kind: text('kind', { enum: ['escalation', 'next_date_passed'] }).notNull(),
    /** The ladder step's key, or `next_date:<date>` for a reminder. */
    key: text('key').notNull(),
    dueOn: date('due_on').notNull(),
    recipients: text('recipients').array().notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId, t.caseId], foreignColumns: [absenceCases.regionId, absenceCases.id] }).onDelete('cascade'),
    unique('absence_notices_once').on(t.regionId, t.caseId, t.key),
  ],
);
