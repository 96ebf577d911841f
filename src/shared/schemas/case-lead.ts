import { z } from 'zod';
import { CASE_LEAD_END_REASONS, MEETING_LINE_MAX, SIGNAL_LEVELS, SIGNAL_STATUSES } from '../meeting.js';
import { ZDate, ZPaged, ZPageQuery, ZText, ZUuid } from './common.js';

/**
 * Regievoerder (case lead) and signaleringsplan (plan B, C, D) of one child, and "Mijn regie":
 * the children a person leads.
 */
export const CASE_NOTE_MAX = 1000;
export const MY_CASES_PAGE_SIZE_MAX = 100;

// ---- input ----

export const ZCaseLeadInput = z
  .object({
    userId: z.string().trim().min(1, { message: 'rule:required' }).max(100),
    note: ZText(CASE_NOTE_MAX).nullable().optional(),
  })
  .strict();
export type TCaseLeadInput = z.infer<typeof ZCaseLeadInput>;

/** Closing the case: why, in a sentence ("Hulp loopt, school en ouders volgen het samen"). */
export const ZCaseCloseInput = z.object({ note: ZText(CASE_NOTE_MAX) }).strict();
export type TCaseCloseInput = z.infer<typeof ZCaseCloseInput>;

export const ZSignalPlanParams = z.object({ id: ZUuid, level: z.enum(SIGNAL_LEVELS) });

export const ZSignalPlanInput = z
  .object({
    trigger: ZText(MEETING_LINE_MAX),
    /** When the trigger is checked; null: no date, the plan is watched in the meetings. */
    triggerOn: ZDate.nullable(),
    action: ZText(MEETING_LINE_MAX),
    actorName: ZText(200),
    /** The version read; needed when the plan exists (someone else may have changed it meanwhile). */
    rowVersion: z.number().int().min(1).max(1_000_000).optional(),
  })
  .strict();
export type TSignalPlanInput = z.infer<typeof ZSignalPlanInput>;

export const ZSignalStatusInput = z
  .object({
    status: z.enum(SIGNAL_STATUSES),
    /** Required when a plan starts (activated): why now. */
    note: ZText(CASE_NOTE_MAX).nullable().optional(),
  })
  .strict();
export type TSignalStatusInput = z.infer<typeof ZSignalStatusInput>;

export const ZMyCasesQuery = ZPageQuery.extend({
  pageSize: z.coerce.number().int().min(1).max(MY_CASES_PAGE_SIZE_MAX).default(25),
});

// ---- answers ----

const ZRef = z.object({ id: z.string(), name: z.string() });

export const ZCaseLead = z.object({
  id: z.string(),
  person: ZRef,
  /** The one contact for the family: the case lead's work address. */
  email: z.string().nullable(),
  organisation: ZRef,
  since: z.string(),
  /** Why this person (staff only; null for the family). */
  note: z.string().nullable(),
  /** The signed-in person leads this case. */
  isMe: z.boolean(),
});
export type TCaseLead = z.infer<typeof ZCaseLead>;

export const ZCaseLeadPeriod = z.object({
  id: z.string(),
  person: ZRef,
  organisation: ZRef,
  from: z.string(),
  until: z.string().nullable(),
  endReason: z.enum(CASE_LEAD_END_REASONS).nullable(),
  /** What was written when the case was closed. */
  endNote: z.string().nullable(),
  note: z.string().nullable(),
  namedBy: ZRef,
  endedBy: ZRef.nullable(),
});
export type TCaseLeadPeriod = z.infer<typeof ZCaseLeadPeriod>;

export const ZCaseLeadCandidate = z.object({
  userId: z.string(),
  name: z.string(),
  organisation: ZRef,
  role: z.string(),
  task: z.string().nullable(),
});
export type TCaseLeadCandidate = z.infer<typeof ZCaseLeadCandidate>;

export const ZSignalPlan = z.object({
  id: z.string(),
  level: z.enum(SIGNAL_LEVELS),
  trigger: z.string(),
  triggerOn: z.string().nullable(),
  action: z.string(),
  actorName: z.string(),
  status: z.enum(SIGNAL_STATUSES),
  statusNote: z.string().nullable(),
  /** Waiting and its date has come (Dutch calendar day): the case lead should decide whether it starts. */
  triggered: z.boolean(),
  rowVersion: z.number(),
  updatedAt: z.string(),
});
export type TSignalPlan = z.infer<typeof ZSignalPlan>;

export const ZCasePolicies = z.object({
  /** Name or hand over the regievoerder (and so open the case). */
  setCaseLead: z.boolean(),
  close: z.boolean(),
  readHistory: z.boolean(),
  readSignalPlan: z.boolean(),
  editSignalPlan: z.boolean(),
});

export const ZCase = z.object({
  caseLead: ZCaseLead.nullable(),
  /** Every period, newest first (staff only). */
  history: z.array(ZCaseLeadPeriod),
  /** Who may be named (only for those who may name). */
  candidates: z.array(ZCaseLeadCandidate),
  /** The plans that exist, in order B, C, D. */
  signalPlans: z.array(ZSignalPlan),
  /** Today as the server counts it (Dutch calendar day), so the page words "overdue" the same way. */
  today: z.string(),
  policies: ZCasePolicies,
});
export type TCase = z.infer<typeof ZCase>;

export const ZMyCase = z.object({
  pupil: ZRef,
  school: ZRef,
  since: z.string(),
  /** The first scheduled meeting still to come. */
  nextMeeting: z.object({ id: z.string(), startsAt: z.string() }).nullable(),
  /** The date agreed when the last meeting was closed. */
  agreedNextOn: z.string().nullable(),
  openActions: z.number(),
  triggeredPlans: z.number(),
});
export type TMyCase = z.infer<typeof ZMyCase>;
export const ZMyCases = ZPaged(ZMyCase);
export type TMyCases = z.infer<typeof ZMyCases>;
