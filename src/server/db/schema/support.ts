import { sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  ARRANGEMENT_STATUSES,
  DECISION_OUTCOMES,
  EVALUATION_OUTCOMES,
  EXECUTOR_KINDS,
  GOALS_MET,
  OBJECTION_STATUSES,
  REQUEST_STATUSES,
  REQUEST_TYPES,
  TLV_CATEGORIES,
  TLV_SCHOOL_TYPES,
} from '../../../shared/support-request.js';
import { users } from './auth.js';
import { attachments } from './dossier.js';
import { organisations, pupils } from './region.js';

/** A moment as the calendar day in the Netherlands (`timezone()` is immutable, so it may generate a column). */
const DUTCH_DAY = (column: string) => sql.raw(`(timezone('Europe/Amsterdam', ${column}))::date`);

/**
 * Ondersteuningsaanvraag: a school's question to the SWV about one pupil. The school fixed at
 * filing owns it (a later move does not hand the request to the new school). Each status step
 * has its own timestamp; the lead times are read off these columns.
 */
export const supportRequests = pgTable(
  'support_requests',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    pupilId: uuid('pupil_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    type: text('type', { enum: REQUEST_TYPES }).notNull(),
    status: text('status', { enum: REQUEST_STATUSES }).notNull().default('draft'),
    /** Made by the form once; a second submit of the same form finds the first request. */
    clientKey: uuid('client_key').notNull(),
    rowVersion: integer('row_version').notNull().default(1),
    question: text('question'),
    /** What the school already tried (handelingsgericht: what worked, what did not). */
    tried: text('tried'),
    /** For a TLV: the kind of school asked for. */
    tlvSchoolType: text('tlv_school_type', { enum: TLV_SCHOOL_TYPES }),
    parentsInformedOn: date('parents_informed_on'),
    /** What the parents think of the request, in their words or as the school heard them. */
    parentsView: text('parents_view'),
    /** The signed form, when the region requires the parents' signature. */
    parentsSignatureId: uuid('parents_signature_id'),
    consultantId: text('consultant_id').references(() => users.id),
    /** An extension of this arrangement (asked from its evaluation). */
    extendsArrangementId: uuid('extends_arrangement_id'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    assessmentStartedAt: timestamp('assessment_started_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnReason: text('withdrawn_reason'),
    // the SWV's key figures, in whole days on the Dutch calendar: kept by the database with each
    // step, so the region's list computes its medians from integers rather than time zones
    receivedToComplete: integer('received_to_complete').generatedAlwaysAs(sql`${DUTCH_DAY('completed_at')} - ${DUTCH_DAY('submitted_at')}`),
    completeToDecided: integer('complete_to_decided').generatedAlwaysAs(sql`${DUTCH_DAY('decided_at')} - ${DUTCH_DAY('completed_at')}`),
    receivedToDecided: integer('received_to_decided').generatedAlwaysAs(sql`${DUTCH_DAY('decided_at')} - ${DUTCH_DAY('submitted_at')}`),
    createdBy: text('created_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId, t.pupilId], foreignColumns: [pupils.regionId, pupils.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.regionId, t.schoolId], foreignColumns: [organisations.regionId, organisations.id] }),
    foreignKey({ columns: [t.regionId, t.parentsSignatureId], foreignColumns: [attachments.regionId, attachments.id] }),
    uniqueIndex('support_requests_client_key').on(t.regionId, t.clientKey),
    index('support_requests_status_idx').on(t.regionId, t.status, t.submittedAt),
    index('support_requests_school_idx').on(t.regionId, t.schoolId, t.submittedAt),
    index('support_requests_consultant_idx').on(t.regionId, t.consultantId, t.status),
    index('support_requests_pupil_idx').on(t.regionId, t.pupilId),
    // a user's own drafts, for their task inbox
    index('support_requests_drafts_creator_idx')
      .on(t.regionId, t.createdBy)
      .where(sql`status = 'draft'`),
  ],
);

/** Every status step, with who took it: the request's timeline. */
export const supportRequestEvents = pgTable(
  'support_request_events',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    requestId: uuid('request_id').notNull(),
    status: text('status', { enum: REQUEST_STATUSES }).notNull(),
    note: text('note'),
    by: text('by').notNull().references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId, t.requestId], foreignColumns: [supportRequests.regionId, supportRequests.id] }).onDelete('cascade'),
    index('support_request_events_request_idx').on(t.regionId, t.requestId, t.at),
  ],
);

/** The conversation between school and SWV about a request (not shown to parents). */
export const supportRequestComments = pgTable(
  'support_request_comments',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    requestId: uuid('request_id').notNull(),
    authorId: text('author_id').notNull().references(() => users.id),
    authorRole: text('author_role').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId, t.requestId], foreignColumns: [supportRequests.regionId, supportRequests.id] }).onDelete('cascade'),
    index('support_request_comments_request_idx').on(t.regionId, t.requestId, t.createdAt),
  ],
);

/** Files sent with a request; `checklistItemId` when the file meets a `document` item of the checklist. */
export const supportRequestAttachments = pgTable(
  'support_request_attachments',
  {
    regionId: uuid('region_id').notNull(),
    requestId: uuid('request_id').notNull(),
    attachmentId: uuid('attachment_id').notNull(),
    checklistItemId: text('checklist_item_id'),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.requestId, t.attachmentId] }),
    foreignKey({ columns: [t.regionId, t.requestId], foreignColumns: [supportRequests.regionId, supportRequests.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.regionId, t.attachmentId], foreignColumns: [attachments.regionId, attachments.id] }).onDelete('cascade'),
  ],
);

/**
 * A deskundige assigned to advise on a request, and their advice. Each expert declares that they
 * were not involved with the child before; the advice is recorded per person.
 */
export const requestExperts = pgTable(
  'request_experts',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    requestId: uuid('request_id').notNull(),
    pupilId: uuid('pupil_id').notNull(),
    expertId: text('expert_id').notNull().references(() => users.id),
    expertKind: text('expert_kind').notNull(),
    assignedBy: text('assigned_by').notNull().references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
    impartialityDeclaredAt: timestamp('impartiality_declared_at', { withTimezone: true }),
    advice: text('advice'),
    /** What the expert recommends, in a few words ("SO, categorie laag"). */
    recommendation: text('recommendation'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId, t.requestId], foreignColumns: [supportRequests.regionId, supportRequests.id] }).onDelete('cascade'),
    uniqueIndex('request_experts_one_per_person').on(t.regionId, t.requestId, t.expertId),
    index('request_experts_expert_idx').on(t.regionId, t.expertId),
  ],
);

/** The decision on a request, with its reasons and the criteria applied; the letter is rendered from it. */
export const requestDecisions = pgTable(
  'request_decisions',
  {
    regionId: uuid('region_id').notNull(),
    requestId: uuid('request_id').notNull(),
    pupilId: uuid('pupil_id').notNull(),
    outcome: text('outcome', { enum: DECISION_OUTCOMES }).notNull(),
    reasons: text('reasons').notNull(),
    criteria: text('criteria'),
    decidedBy: text('decided_by').notNull().references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
    /** The day the letter went to the parents: the objection term runs from here. */
    sentOn: date('sent_on').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.requestId] }),
    foreignKey({ columns: [t.regionId, t.requestId], foreignColumns: [supportRequests.regionId, supportRequests.id] }).onDelete('cascade'),
  ],
);

/** A toelaatbaarheidsverklaring: granted by a TLV decision, numbered per region and year. */
export const tlvs = pgTable(
  'tlvs',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    requestId: uuid('request_id').notNull(),
    pupilId: uuid('pupil_id').notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    schoolType: text('school_type', { enum: TLV_SCHOOL_TYPES }).notNull(),
    category: text('category', { enum: TLV_CATEGORIES }),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until').notNull(),
    /** The plan for a return to regular education, written in the TLV's last school year. */
    returnPlan: text('return_plan'),
    returnPlanAt: timestamp('return_plan_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId, t.requestId], foreignColumns: [supportRequests.regionId, supportRequests.id] }).onDelete('cascade'),
    uniqueIndex('tlvs_request').on(t.regionId, t.requestId),
    uniqueIndex('tlvs_number').on(t.regionId, t.year, t.seq),
    index('tlvs_valid_until_idx').on(t.regionId, t.validUntil),
    index('tlvs_pupil_idx').on(t.regionId, t.pupilId),
  ],
);

/** The last TLV number handed out per region and year; bumped in one statement so two decisions never share one. */
export const tlvCounters = pgTable(
  'tlv_counters',
  {
    regionId: uuid('region_id').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.year] })],
);

/** A bezwaar against a decision; its dossier goes to the national objection committee (LBT). */
export const objections = pgTable(
  'objections',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    requestId: uuid('request_id').notNull(),
    pupilId: uuid('pupil_id').notNull(),
    receivedOn: date('received_on').notNull(),
    /** Who lodged it, as written on the letter (usually a parent). */
    lodgedBy: text('lodged_by').notNull(),
    grounds: text('grounds').notNull(),
    status: text('status', { enum: OBJECTION_STATUSES }).notNull().default('received'),
    outcomeNote: text('outcome_note'),
    registeredBy: text('registered_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId, t.requestId], foreignColumns: [supportRequests.regionId, supportRequests.id] }).onDelete('cascade'),
    index('objections_request_idx').on(t.regionId, t.requestId),
  ],
);

/** The region's catalogue of arrangement types that schools can browse. */
export const arrangementTypes = pgTable(
  'arrangement_types',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    /** Typical size, as guidance: hours per week and cost per school year. */
    typicalHours: numeric('typical_hours', { precision: 7, scale: 1 }),
    typicalCostCents: integer('typical_cost_cents'),
    executors: text('executors', { enum: EXECUTOR_KINDS }).array().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), uniqueIndex('arrangement_types_name').on(t.regionId, t.name)],
);

export interface TArrangementGoal {
  goal: string;
  criterion: string;
}

/** Allocated support for one pupil, from a granted request. */
export const arrangements = pgTable(
  'arrangements',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    pupilId: uuid('pupil_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    requestId: uuid('request_id'),
    typeId: uuid('type_id').notNull(),
    goals: jsonb('goals').$type<TArrangementGoal[]>().notNull().default([]),
    executorKind: text('executor_kind', { enum: EXECUTOR_KINDS }).notNull(),
    /** The person or provider who carries it out. */
    executorName: text('executor_name'),
    hours: numeric('hours', { precision: 7, scale: 1 }).notNull(),
    budgetCents: integer('budget_cents').notNull(),
    startOn: date('start_on').notNull(),
    endOn: date('end_on').notNull(),
    evaluationDates: date('evaluation_dates').array().notNull().default(sql`'{}'`),
    status: text('status', { enum: ARRANGEMENT_STATUSES }).notNull().default('active'),
    rowVersion: integer('row_version').notNull().default(1),
    createdBy: text('created_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId, t.pupilId], foreignColumns: [pupils.regionId, pupils.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.regionId, t.typeId], foreignColumns: [arrangementTypes.regionId, arrangementTypes.id] }),
    foreignKey({ columns: [t.regionId, t.requestId], foreignColumns: [supportRequests.regionId, supportRequests.id] }),
    index('arrangements_pupil_idx').on(t.regionId, t.pupilId),
    index('arrangements_school_idx').on(t.regionId, t.schoolId, t.startOn),
  ],
);

/** Money and hours spent on an arrangement, recorded as they happen. */
export const arrangementSpends = pgTable(
  'arrangement_spends',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    arrangementId: uuid('arrangement_id').notNull(),
    pupilId: uuid('pupil_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    spentOn: date('spent_on').notNull(),
    amountCents: integer('amount_cents').notNull(),
    hours: numeric('hours', { precision: 7, scale: 1 }),
    description: text('description').notNull(),
    recordedBy: text('recorded_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId, t.arrangementId], foreignColumns: [arrangements.regionId, arrangements.id] }).onDelete('cascade'),
    index('arrangement_spends_arrangement_idx').on(t.regionId, t.arrangementId, t.spentOn),
    index('arrangement_spends_school_idx').on(t.regionId, t.schoolId, t.spentOn),
  ],
);

/** An arrangement's evaluation: were the goals met, and does it continue, change or stop. */
export const arrangementEvaluations = pgTable(
  'arrangement_evaluations',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    arrangementId: uuid('arrangement_id').notNull(),
    pupilId: uuid('pupil_id').notNull(),
    heldOn: date('held_on').notNull(),
    goalsMet: text('goals_met', { enum: GOALS_MET }).notNull(),
    outcome: text('outcome', { enum: EVALUATION_OUTCOMES }).notNull(),
    summary: text('summary').notNull(),
    /** The request for an extension that this evaluation led to. */
    extensionRequestId: uuid('extension_request_id'),
    recordedBy: text('recorded_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId, t.arrangementId], foreignColumns: [arrangements.regionId, arrangements.id] }).onDelete('cascade'),
    index('arrangement_evaluations_arrangement_idx').on(t.regionId, t.arrangementId, t.heldOn),
  ],
);
