import {
  customType,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth.js';
import { pupils } from './region.js';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * The groeidocument: one per pupil, travelling with the child. Every change bumps `version` and
 * writes a full snapshot to dossier_versions, so earlier versions stay readable.
 */
export const dossiers = pgTable(
  'dossiers',
  {
    regionId: uuid('region_id').notNull(),
    pupilId: uuid('pupil_id').notNull(),
    version: integer('version').notNull().default(0),
    /** Onderwijsbehoeften, in the "this child needs …" form. */
    needs: jsonb('needs').$type<string[]>().notNull().default([]),
    promotingFactors: jsonb('promoting_factors').$type<string[]>().notNull().default([]),
    hinderingFactors: jsonb('hindering_factors').$type<string[]>().notNull().default([]),
    /** "Hoe denk jij erover?" — written by the pupil. */
    pupilView: text('pupil_view'),
    /** Written by the parents ("ouders zijn expert van hun kind"). */
    parentView: text('parent_view'),
    /** Since when the child needs extra support: starts the 6-week OPP clock. */
    extraSupportSince: date('extra_support_since'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.pupilId] }),
    foreignKey({ columns: [t.regionId, t.pupilId], foreignColumns: [pupils.regionId, pupils.id] }).onDelete('cascade'),
  ],
);

export const dossierVersions = pgTable(
  'dossier_versions',
  {
    regionId: uuid('region_id').notNull(),
    pupilId: uuid('pupil_id').notNull(),
    version: integer('version').notNull(),
    /** The whole dossier (fields and goals with evaluations) as it was after this change. */
    snapshot: jsonb('snapshot').notNull(),
    /** Which parts changed, e.g. ['needs', 'goal:<id>']: used to merge non-overlapping edits. */
    changedFields: text('changed_fields').array().notNull(),
    changedBy: text('changed_by').notNull().references(() => users.id),
    changedByRole: text('changed_by_role').notNull(),
    changedByOrganisationId: uuid('changed_by_organisation_id'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.pupilId, t.version] }),
    foreignKey({ columns: [t.regionId, t.pupilId], foreignColumns: [pupils.regionId, pupils.id] }).onDelete('cascade'),
  ],
);

/** A SMART goal in the dossier. */
export const dossierGoals = pgTable(
  'dossier_goals',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    pupilId: uuid('pupil_id').notNull(),
    goal: text('goal').notNull(),
    /** How we see that it is reached (the M of SMART). */
    criterion: text('criterion').notNull(),
    targetDate: date('target_date').notNull(),
    status: text('status', { enum: ['active', 'achieved', 'stopped'] }).notNull().default('active'),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId, t.pupilId], foreignColumns: [pupils.regionId, pupils.id] }).onDelete('cascade'),
    index('dossier_goals_pupil_idx').on(t.regionId, t.pupilId),
  ],
);

export const goalEvaluations = pgTable(
  'goal_evaluations',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    goalId: uuid('goal_id').notNull(),
    pupilId: uuid('pupil_id').notNull(),
    evaluatedOn: date('evaluated_on').notNull(),
    result: text('result', { enum: ['achieved', 'partly', 'not_achieved'] }).notNull(),
    whatWorked: text('what_worked').notNull(),
    nextStep: text('next_step').notNull(),
    createdBy: text('created_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId, t.goalId], foreignColumns: [dossierGoals.regionId, dossierGoals.id] }).onDelete('cascade'),
    index('goal_evaluations_goal_idx').on(t.regionId, t.goalId),
  ],
);

/** Files in a child's file (reports, a signed OPP). Kept in the database, served only through the policy layer. */
export const attachments = pgTable(
  'attachments',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    pupilId: uuid('pupil_id').notNull(),
    /** 'dossier' (a report), 'opp' (belongs to a plan, e.g. the signed paper), 'request' (sent with a support request). */
    category: text('category', { enum: ['dossier', 'opp', 'request'] }).notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: text('uploaded_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId, t.pupilId], foreignColumns: [pupils.regionId, pupils.id] }).onDelete('cascade'),
    index('attachments_pupil_idx').on(t.regionId, t.pupilId),
  ],
);

