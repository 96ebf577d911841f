import { sql } from 'drizzle-orm';
import { date, foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.js';
import { organisations, pupils } from './region.js';

/**
 * Purpose-bound consent to share a child's data with organisations outside the school. The terms
 * are immutable (a trigger refuses changes, migration 0004): a change is a new record that
 * `replaces` the old one, which is then ended. Only the end (withdrawn_at, by, replaced_by) is ever set.
 */
export const consents = pgTable(
  'consents',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    pupilId: uuid('pupil_id').notNull(),
    /** 'guardian' (with gezag) or 'pupil' (from 16). */
    givenByKind: text('given_by_kind', { enum: ['guardian', 'pupil'] }).notNull(),
    givenByGuardianId: uuid('given_by_guardian_id'),
    /** Who entered it: the guardian in the portal, or staff recording a paper form. */
    recordedBy: text('recorded_by').notNull().references(() => users.id),
    recipientOrganisationIds: uuid('recipient_organisation_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Kinds of partner organisation (cjg, jeugdhulp, wijkteam, smw). */
    recipientKinds: text('recipient_kinds').array().notNull().default(sql`'{}'::text[]`),
    categories: text('categories').array().notNull(),
    purpose: text('purpose').notNull(),
    legalBasis: text('legal_basis').notNull(),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until'),
    replacesId: uuid('replaces_id'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: text('withdrawn_by').references(() => users.id),
    replacedById: uuid('replaced_by_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId, t.pupilId], foreignColumns: [pupils.regionId, pupils.id] }).onDelete('cascade'),
    index('consents_pupil_idx').on(t.regionId, t.pupilId),
    // consents running out, for the region's team view of tasks
    index('consents_valid_until_idx')
      .on(t.regionId, t.validUntil)
      .where(sql`withdrawn_at is null and replaced_by_id is null`),
  ],
);

/** The kernteam: the people around one child. Care partners and consultants reach a child through it. */
export const careTeamMembers = pgTable(
  'care_team_members',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    pupilId: uuid('pupil_id').notNull(),
    userId: text('user_id').notNull().references(() => users.id),
    organisationId: uuid('organisation_id').notNull(),
    /** What they do for this child, in words ("CJG-coach", "ambulant begeleider"). */
    task: text('task'),
    addedBy: text('added_by').notNull().references(() => users.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId, t.pupilId], foreignColumns: [pupils.regionId, pupils.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.regionId, t.organisationId], foreignColumns: [organisations.regionId, organisations.id] }),
    index('care_team_pupil_idx').on(t.regionId, t.pupilId),
    index('care_team_user_idx').on(t.regionId, t.userId, t.pupilId),
    // one active place per person per child; a removed member can be added again later
    uniqueIndex('care_team_one_active')
      .on(t.regionId, t.pupilId, t.userId)
      .where(sql`removed_at is null`),
  ],
);

/** A consultant opening a child's file outside their relations: reason typed, time-boxed, reviewed. */
export const breakGlassAccesses = pgTable(
  'break_glass_accesses',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    pupilId: uuid('pupil_id').notNull(),
    userId: text('user_id').notNull().references(() => users.id),
    reason: text('reason').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: text('reviewed_by').references(() => users.id),
    reviewNote: text('review_note'),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId, t.pupilId], foreignColumns: [pupils.regionId, pupils.id] }).onDelete('cascade'),
    index('break_glass_user_idx').on(t.regionId, t.userId, t.pupilId),
  ],
);
