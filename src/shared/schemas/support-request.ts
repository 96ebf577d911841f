import { z } from 'zod';
import { CHECKLIST_KINDS, DECISION_OUTCOMES, REQUEST_STATUSES, REQUEST_TYPES, TLV_SCHOOL_TYPES } from '../support-request.js';
import { ZFileUpload } from './attachment.js';
import { ZDate, ZPageQuery, ZText, ZUuid } from './common.js';

/**
 * Ondersteuningsaanvragen: requests and answers of /api/v1/…/support-requests. The request's own
 * fields are named the same in the new-request form, the edit form and the answer.
 */
export const REQUEST_TEXT_MAX = 5000;
export const REQUEST_COMMENT_MAX = 4000;
export const REQUEST_REASON_MAX = 2000;
/** Users are keyed by better-auth's text ids, not uuids. */
const ZUserId = z.string().trim().min(1, { message: 'rule:required' }).max(100);
const ZLongText = z.string().trim().max(REQUEST_TEXT_MAX);
const ZRowVersion = z.number().int().min(1);

/** The fields the school fills in; each may be left out (unchanged) or null/'' (emptied). */
export const ZRequestFields = z.object({
  question: ZLongText.nullable().optional(),
  /** What the school already tried (handelingsgericht: what worked, what did not). */
  tried: ZLongText.nullable().optional(),
  /** Only for a TLV: the kind of school asked for. */
  tlvSchoolType: z.enum(TLV_SCHOOL_TYPES).nullable().optional(),
  parentsInformedOn: ZDate.nullable().optional(),
  parentsView: ZLongText.nullable().optional(),
});
export const REQUEST_FIELDS = Object.keys(ZRequestFields.shape) as (keyof TRequestFields)[];
export type TRequestFields = z.infer<typeof ZRequestFields>;

/** A new draft. `clientKey` is made once by the form: sending it twice finds the first request. */
export const ZRequestCreate = ZRequestFields.extend({ clientKey: ZUuid, type: z.enum(REQUEST_TYPES) }).strict();
export type TRequestCreate = z.infer<typeof ZRequestCreate>;

/** `rowVersion` is the version the editor loaded: a newer one means someone else changed it. */
export const ZRequestPatch = ZRequestFields.extend({ rowVersion: ZRowVersion }).strict();
export type TRequestPatch = z.infer<typeof ZRequestPatch>;

export const ZRequestSubmit = z.object({ rowVersion: ZRowVersion }).strict();
/** A step without content; with `rowVersion`, a request changed since the page loaded is not stepped. */
export const ZRequestStep = z.preprocess((b) => b ?? {}, z.object({ rowVersion: ZRowVersion.optional() }).strict());
export const ZRequestClose = z.preprocess(
  (b) => b ?? {},
  z.object({ note: z.string().trim().max(REQUEST_REASON_MAX).nullish(), rowVersion: ZRowVersion.optional() }).strict(),
);
export const ZRequestWithdraw = z.object({ reason: ZText(REQUEST_REASON_MAX), rowVersion: ZRowVersion.optional() }).strict();
export const ZRequestConsultantInput = z.object({ consultantId: ZUserId }).strict();
export const ZRequestCommentInput = z.object({ body: ZText(REQUEST_COMMENT_MAX) }).strict();
/** A file sent with the request; `checklistItemId` when it meets a document or signature item of the checklist. */
export const ZRequestAttachmentInput = z
  .object({ file: ZFileUpload, checklistItemId: z.string().trim().min(1).max(100).nullish() })
  .strict();
export const ZRequestAttachmentParams = z.object({ id: ZUuid, attachmentId: ZUuid });

/** `consultantId=me` is the consultant's own queue. */
export const ZRequestListQuery = ZPageQuery.extend({
  schoolId: ZUuid.optional(),
  type: z.enum(REQUEST_TYPES).optional(),
  status: z.enum(REQUEST_STATUSES).optional(),
  consultantId: ZUserId.optional(),
});
export type TRequestListQuery = z.infer<typeof ZRequestListQuery>;

// answers

const ZRef = z.object({ id: z.string(), name: z.string() });
const ZDays = z.number().nullable();

export const ZChecklistEntry = z.object({
  id: z.string(),
  kind: z.enum(CHECKLIST_KINDS),
  /** The region's own wording (document items); the UI words the others by kind. */
  label: z.string().nullable(),
  met: z.boolean(),
});
export type TChecklistEntry = z.infer<typeof ZChecklistEntry>;

export const ZRequestListItem = z.object({
  id: z.string(),
  pupil: ZRef,
  school: ZRef,
  type: z.enum(REQUEST_TYPES),
  status: z.enum(REQUEST_STATUSES),
  consultant: ZRef.nullable(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  outcome: z.enum(DECISION_OUTCOMES).nullable(),
  /** Lead times in whole (Dutch calendar) days; null until both ends are reached. */
  receivedToComplete: ZDays,
  completeToDecided: ZDays,
  receivedToDecided: ZDays,
  /** What the intake checklist still misses (empty for parents, who do not see the checklist). */
  missing: z.array(ZChecklistEntry.omit({ met: true })),
});
export type TRequestListItem = z.infer<typeof ZRequestListItem>;

export const ZRequestSummary = z.object({
  total: z.number(),
  medians: z.object({ receivedToComplete: ZDays, completeToDecided: ZDays, receivedToDecided: ZDays }),
  byStatus: z.record(z.enum(REQUEST_STATUSES), z.number()),
});
export type TRequestSummary = z.infer<typeof ZRequestSummary>;

export const ZRequestList = z.object({
  items: z.array(ZRequestListItem),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
  summary: ZRequestSummary,
});
export type TRequestList = z.infer<typeof ZRequestList>;

export const ZPupilRequestList = z.object({ items: z.array(ZRequestListItem), policies: z.object({ create: z.boolean() }) });
export type TPupilRequestList = z.infer<typeof ZPupilRequestList>;

/** Who took a step or wrote a comment: their name and their place (role, organisation). */
export const ZRequestPerson = z.object({ name: z.string(), role: z.string().nullable(), organisation: z.string().nullable() });

export const ZRequestEvent = z.object({ status: z.enum(REQUEST_STATUSES), at: z.string(), by: ZRequestPerson, note: z.string().nullable() });

export const ZRequestAttachment = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  createdAt: z.string(),
  checklistItemId: z.string().nullable(),
  uploadedBy: z.string().nullable(),
});
export type TRequestAttachment = z.infer<typeof ZRequestAttachment>;

export const ZRequestPolicies = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  withdraw: z.boolean(),
  readComments: z.boolean(),
  comment: z.boolean(),
  readAttachments: z.boolean(),
  assignConsultant: z.boolean(),
  /** False while the checklist is not met, even for the consultant. */
  markComplete: z.boolean(),
  startAssessment: z.boolean(),
  close: z.boolean(),
  // hints for the decision and arrangement parts of the page (they load their own data)
  assignExperts: z.boolean(),
  writeAdvice: z.boolean(),
  decide: z.boolean(),
  readDecision: z.boolean(),
});
export type TRequestPolicies = z.infer<typeof ZRequestPolicies>;

export const ZRequest = ZRequestListItem.omit({ missing: true }).extend({
  rowVersion: z.number(),
  question: z.string().nullable(),
  tried: z.string().nullable(),
  tlvSchoolType: z.enum(TLV_SCHOOL_TYPES).nullable(),
  parentsInformedOn: z.string().nullable(),
  parentsView: z.string().nullable(),
  parentsSigned: z.boolean(),
  assessmentStartedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  checklist: z.array(ZChecklistEntry),
  checklistMet: z.boolean(),
  timeline: z.array(ZRequestEvent),
  attachments: z.array(ZRequestAttachment),
  policies: ZRequestPolicies,
});
export type TRequest = z.infer<typeof ZRequest>;

export const ZRequestComment = z.object({ id: z.string(), body: z.string(), author: ZRequestPerson, createdAt: z.string() });
export const ZRequestComments = z.object({ items: z.array(ZRequestComment), policies: z.object({ comment: z.boolean() }) });
export type TRequestComments = z.infer<typeof ZRequestComments>;
export type TRequestComment = z.infer<typeof ZRequestComment>;

export const ZConsultants = z.object({ items: z.array(ZRef) });
export type TConsultants = z.infer<typeof ZConsultants>;
