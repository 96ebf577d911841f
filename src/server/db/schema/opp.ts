import { boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './auth.js';
import { attachments } from './dossier.js';
import { guardians, pupils } from './region.js';

export interface TOppSupport {
  what: string;
  who: string;
  /** How often / how much, in words ("2 × per week 30 minuten"). */
  frequency: string;
}
export interface TOppGoal {
  goal: string;
  criterion: string;
  targetDate: string;
}

/**
 * Ontwikkelingsperspectiefplan, one row per version. A draft is edited (optimistic `row_version`),
 * submitted for the parents' instemming, and adopted once a guardian with gezag agrees. An adopted
 * version is immutable (trigger, migration 0004); a new version starts from the last one.
 */
export const opps = pgTable(
  'opps',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    pupilId: uuid('pupil_id').notNull(),
    /** 1, 2, 3 … per pupil. */
    seq: integer('seq').notNull(),
    status: text('status', { enum: ['draft', 'awaiting_assent', 'disagreed', 'adopted', 'superseded'] }).notNull(),
    basedOnId: uuid('based_on_id'),
    rowVersion: integer('row_version').notNull().default(1),
    // perspectief
    outflowProfile: text('outflow_profile', { enum: ['vervolgonderwijs', 'arbeidsmarkt', 'dagbesteding'] }),
    outflowDestination: text('outflow_destination'),
    reasoning: text('reasoning'),
    promotingFactors: text('promoting_factors'),
    hinderingFactors: text('hindering_factors'),
    /** OOGO: the consultation with the parents about the perspectief. */
    oogoDate: date('oogo_date'),
    oogoOutcome: text('oogo_outcome'),
    // handelingsdeel
    support: jsonb('support').$type<TOppSupport[]>().notNull().default([]),
    deviations: text('deviations'),
    goals: jsonb('goals').$type<TOppGoal[]>().notNull().default([]),
    // hoorrecht
    pupilHeard: boolean('pupil_heard'),
    hearingDate: date('hearing_date'),
    hearingSummary: text('hearing_summary'),
    notHeardReason: text('not_heard_reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    adoptedAt: timestamp('adopted_at', { withTimezone: true }),
    createdBy: text('created_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId, t.pupilId], foreignColumns: [pupils.regionId, pupils.id] }).onDelete('cascade'),
    uniqueIndex('opps_pupil_seq').on(t.regionId, t.pupilId, t.seq),
    // one version in the making per pupil
    uniqueIndex('opps_one_open')
      .on(t.regionId, t.pupilId)
      .where(sql`status in ('draft', 'awaiting_assent', 'disagreed')`),
  ],
);

/** A guardian's instemming or disagreement with an OPP's handelingsdeel. */
export const oppAssents = pgTable(
  'opp_assents',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    oppId: uuid('opp_id').notNull(),
    pupilId: uuid('pupil_id').notNull(),
    guardianId: uuid('guardian_id').notNull(),
    decision: text('decision', { enum: ['agree', 'disagree'] }).notNull(),
    /** Required when the guardian disagrees. */
    reason: text('reason'),
    via: text('via', { enum: ['portal', 'paper'] }).notNull(),
    recordedBy: text('recorded_by').notNull().references(() => users.id),
    /** The signed paper, when recorded by staff. */
    attachmentId: uuid('attachment_id'),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
    /** The conversation after a disagreement: when it was held, and what came of it. */
    followedUpAt: timestamp('followed_up_at', { withTimezone: true }),
    followUpNote: text('follow_up_note'),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId, t.oppId], foreignColumns: [opps.regionId, opps.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.regionId, t.guardianId], foreignColumns: [guardians.regionId, guardians.id] }),
    foreignKey({ columns: [t.regionId, t.attachmentId], foreignColumns: [attachments.regionId, attachments.id] }),
    index('opp_assents_opp_idx').on(t.regionId, t.oppId),
  ],
);

/** The yearly evaluation of an OPP with the parents. */
export const oppEvaluations = pgTable(
  'opp_evaluations',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    oppId: uuid('opp_id').notNull(),
    pupilId: uuid('pupil_id').notNull(),
    heldOn: date('held_on').notNull(),
    withParents: boolean('with_parents').notNull(),
    summary: text('summary').notNull(),
    recordedBy: text('recorded_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId, t.oppId], foreignColumns: [opps.regionId, opps.id] }).onDelete('cascade'),
    index('opp_evaluations_pupil_idx').on(t.regionId, t.pupilId, t.heldOn),
  ],
);
