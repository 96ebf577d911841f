import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit log, one hash chain per region: hash = sha256(prev_hash || canonical row).
 * UPDATE and DELETE are refused by grants and by a trigger (migration 0001).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    regionId: uuid('region_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull(),
    actorUserId: text('actor_user_id'),
    membershipId: uuid('membership_id'),
    role: text('role'),
    organisationId: uuid('organisation_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    pupilId: uuid('pupil_id'),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.seq] }),
    index('audit_pupil_idx').on(t.regionId, t.pupilId, t.seq),
  ],
);
