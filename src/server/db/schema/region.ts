import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { TAbsenceSettings } from '../../../shared/absence.js';
import type { TChecklistItem, TExpertKind, TRequestType } from '../../../shared/support-request.js';
import { users } from './auth.js';

export interface TRegionSettings {
  /** Staff roles must set up and use a TOTP second factor. */
  requireSecondFactorForStaff: boolean;
  /** Generic OpenID Connect sign-in for this region (e.g. a school federation). */
  oidc?: { providerId: string; label: string; discoveryUrl: string; clientId: string; clientSecret: string };
  parentSupport?: { name: string; email: string; phone: string };
  /** The intake checklist per request type, replacing the default list of that type. */
  requestChecklists?: Partial<Record<TRequestType, TChecklistItem[]>>;
  /** Kinds of expert allowed as the second TLV advisor (the first is always an orthopedagoog or psycholoog). */
  expertKinds?: TExpertKind[];
  /** Thuiszitter definition, escalation ladder, absence reasons (defaults in shared/absence.ts). */
  absence?: Partial<TAbsenceSettings>;
}

/** The tenant: one samenwerkingsverband. RLS shows a request only its own region. */
export const regions = pgTable('regions', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  settings: jsonb('settings').$type<TRegionSettings>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const organisations = pgTable(
  'organisations',
  {
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind', { enum: ['swv', 'school', 'partner', 'gemeente', 'opr'] }).notNull(),
    name: text('name').notNull(),
    brin: text('brin'),
    vestiging: text('vestiging'),
    schoolType: text('school_type', { enum: ['PO', 'SBO', 'SO', 'VO', 'VSO'] }),
    schoolBoard: text('school_board'),
    gemeenteId: uuid('gemeente_id'),
    partnerKind: text('partner_kind', { enum: ['cjg', 'jeugdhulp', 'wijkteam', 'smw'] }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    unique('organisations_brin_vestiging').on(t.regionId, t.brin, t.vestiging),
    foreignKey({ columns: [t.regionId, t.gemeenteId], foreignColumns: [t.regionId, t.id] }),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    id: uuid('id').notNull().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id'),
    role: text('role').notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId, t.organisationId], foreignColumns: [organisations.regionId, organisations.id] }),
    index('memberships_user_idx').on(t.userId),
    // one active membership per user, organisation and role
    unique('memberships_unique').on(t.regionId, t.userId, t.organisationId, t.role).nullsNotDistinct(),
  ],
);

export const groups = pgTable(
  'groups',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    name: text('name').notNull(),
    schoolYear: text('school_year').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId, t.schoolId], foreignColumns: [organisations.regionId, organisations.id] }),
    unique('groups_name').on(t.regionId, t.schoolId, t.schoolYear, t.name),
  ],
);

export const groupTeachers = pgTable(
  'group_teachers',
  {
    regionId: uuid('region_id').notNull(),
    groupId: uuid('group_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.groupId, t.userId] }),
    foreignKey({ columns: [t.regionId, t.groupId], foreignColumns: [groups.regionId, groups.id] }).onDelete('cascade'),
    index('group_teachers_user_idx').on(t.regionId, t.userId),
  ],
);

/** A child. Never a BSN: the key is our own uuid. */
export const pupils = pgTable(
  'pupils',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    firstName: text('first_name').notNull(),
    namePrefix: text('name_prefix'),
    lastName: text('last_name').notNull(),
    /** lower-case, accent-free "first prefix last" for trigram search (see shared/names.ts). */
    searchText: text('search_text').notNull(),
    dateOfBirth: date('date_of_birth').notNull(),
    schoolId: uuid('school_id').notNull(),
    groupId: uuid('group_id'),
    gemeenteId: uuid('gemeente_id'),
    enrolledOn: date('enrolled_on').notNull(),
    /** Key of the pupil in the school's own administration, used to recognise re-imports. */
    externalRef: text('external_ref'),
    /** The pupil's own account (role `pupil`, from 12). */
    userId: text('user_id').references(() => users.id),
    /** From 16 the pupil decides whether their parents keep access; set when they say no. */
    parentsAccessRefusedAt: timestamp('parents_access_refused_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId, t.schoolId], foreignColumns: [organisations.regionId, organisations.id] }),
    foreignKey({ columns: [t.regionId, t.groupId], foreignColumns: [groups.regionId, groups.id] }),
    foreignKey({ columns: [t.regionId, t.gemeenteId], foreignColumns: [organisations.regionId, organisations.id] }),
    unique('pupils_external_ref').on(t.regionId, t.schoolId, t.externalRef),
    index('pupils_school_idx').on(t.regionId, t.schoolId, t.lastName),
    index('pupils_group_idx').on(t.regionId, t.groupId),
    index('pupils_search_trgm').using('gin', t.regionId, sql`${t.searchText} gin_trgm_ops`),
  ],
);

export const guardians = pgTable(
  'guardians',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    pupilId: uuid('pupil_id').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    hasGezag: boolean('has_gezag').notNull(),
    /** The guardian's own account, once they have one (role `parent`). */
    userId: text('user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId, t.pupilId], foreignColumns: [pupils.regionId, pupils.id] }).onDelete('cascade'),
    index('guardians_pupil_idx').on(t.regionId, t.pupilId),
    index('guardians_user_idx').on(t.regionId, t.userId),
  ],
);

export const pupilImports = pgTable(
  'pupil_imports',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    createdBy: text('created_by').notNull(),
    fileName: text('file_name').notNull(),
    status: text('status', { enum: ['done', 'failed'] }).notNull(),
    totalRows: integer('total_rows').notNull(),
    importedRows: integer('imported_rows').notNull(),
    report: jsonb('report').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] })],
);

/**
 * Name search, region by region: each word of a pupil's folded name (pupil_name_words) and the
 * region's distinct words (region_name_words, small, trigram-indexed). Kept by triggers on pupils
 * (migration 0008); read only by rondom_pupil_search. See docs/decisions/007.
 */
export const pupilNameWords = pgTable(
  'pupil_name_words',
  {
    regionId: uuid('region_id').notNull(),
    word: text('word').notNull(),
    pupilId: uuid('pupil_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.word, t.pupilId] }),
    foreignKey({ columns: [t.regionId, t.pupilId], foreignColumns: [pupils.regionId, pupils.id] }).onDelete('cascade'),
    index('pupil_name_words_pupil_idx').on(t.regionId, t.pupilId),
  ],
);

export const regionNameWords = pgTable(
  'region_name_words',
  {
    regionId: uuid('region_id').notNull(),
    word: text('word').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.word] }),
    index('region_name_words_trgm').using('gin', t.regionId, sql`${t.word} gin_trgm_ops`),
  ],
);
