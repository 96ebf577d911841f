import { z } from 'zod';
import { ZFileUpload } from './attachment.js';
import { ZDate, ZPaged, ZPageQuery, ZText, ZUuid } from './common.js';

/**
 * The OPP (ontwikkelingsperspectiefplan): requests and answers of /api/v1/…/opps. One OPP row is
 * one version; the fields of the plan are flat and named the same in the edit form and the answer.
 */
export const OPP_STATUSES = ['draft', 'awaiting_assent', 'disagreed', 'adopted', 'superseded'] as const;
export type TOppStatus = (typeof OPP_STATUSES)[number];
export const OUTFLOW_PROFILES = ['vervolgonderwijs', 'arbeidsmarkt', 'dagbesteding'] as const;
export const ASSENT_DECISIONS = ['agree', 'disagree'] as const;
export const ASSENT_VIA = ['portal', 'paper'] as const;
export const OPP_CLOCK_KINDS = ['opp_due', 'opp_evaluation_due', 'opp_disagreed'] as const;
export type TOppClockKind = (typeof OPP_CLOCK_KINDS)[number];

export const OPP_MAX_LINES = 30;
const ZLongText = z.string().trim().max(5000);

export const ZOppSupport = z.object({ what: ZText(500), who: ZText(200), frequency: ZText(200) }).strict();
export const ZOppGoal = z.object({ goal: ZText(1000), criterion: ZText(1000), targetDate: ZDate }).strict();

/** The plan's content; every field may be left out (unchanged) or null/'' (emptied). */
export const ZOppContentPatch = z.object({
  // perspectief
  outflowProfile: z.enum(OUTFLOW_PROFILES).nullable().optional(),
  outflowDestination: z.string().trim().max(200).nullable().optional(),
  reasoning: ZLongText.nullable().optional(),
  promotingFactors: ZLongText.nullable().optional(),
  hinderingFactors: ZLongText.nullable().optional(),
  // OOGO: the consultation with the parents about the perspectief
  oogoDate: ZDate.nullable().optional(),
  oogoOutcome: ZLongText.nullable().optional(),
  // handelingsdeel (actionPlan): what the parents assent to
  support: z.array(ZOppSupport).max(OPP_MAX_LINES).optional(),
  deviations: ZLongText.nullable().optional(),
  goals: z.array(ZOppGoal).max(OPP_MAX_LINES).optional(),
  // hoorrecht
  pupilHeard: z.boolean().nullable().optional(),
  hearingDate: ZDate.nullable().optional(),
  hearingSummary: ZLongText.nullable().optional(),
  notHeardReason: ZLongText.nullable().optional(),
});
export const OPP_CONTENT_FIELDS = Object.keys(ZOppContentPatch.shape) as (keyof TOppContentPatch)[];
export type TOppContentPatch = z.infer<typeof ZOppContentPatch>;

/** `rowVersion` is the version the editor loaded: a newer one means someone else changed the plan. */
export const ZOppPatch = ZOppContentPatch.extend({ rowVersion: z.number().int().min(1) }).strict();
export type TOppPatch = z.infer<typeof ZOppPatch>;

/** The body may be left out; with `rowVersion`, a plan changed since the IB'er looked at it is not sent. */
export const ZOppSubmit = z.preprocess((b) => b ?? {}, z.object({ rowVersion: z.number().int().min(1).optional() }).strict());

const reasonWhenDisagree = (b: { decision: string; reason?: string | null }, ctx: z.RefinementCtx) => {
  if (b.decision === 'disagree' && !b.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'rule:opp_reason_required' });
};

/** A parent's instemming in the portal. */
export const ZOppAssentInput = z
  .object({ decision: z.enum(ASSENT_DECISIONS), reason: z.string().trim().max(2000).nullish() })
  .strict()
  .superRefine(reasonWhenDisagree);
export type TOppAssentInput = z.infer<typeof ZOppAssentInput>;

/** A decision on paper, recorded by the school with the signed form (PDF, PNG or JPEG, base64). */
export const ZOppPaperAssentInput = z
  .object({
    guardianId: ZUuid,
    decision: z.enum(ASSENT_DECISIONS),
    reason: z.string().trim().max(2000).nullish(),
    file: ZFileUpload,
  })
  .strict()
  .superRefine(reasonWhenDisagree);
export type TOppPaperAssentInput = z.infer<typeof ZOppPaperAssentInput>;

export const ZOppFollowUpInput = z.object({ note: ZText(4000) }).strict();
export const ZOppEvaluationInput = z.object({ heldOn: ZDate, withParents: z.boolean(), summary: ZText(4000) }).strict();
export type TOppEvaluationInput = z.infer<typeof ZOppEvaluationInput>;

export const ZOppAssentParams = z.object({ id: ZUuid, assentId: ZUuid });
export const ZOppClockQuery = ZPageQuery.extend({ schoolId: ZUuid.optional() });

// answers

const ZRef = z.object({ id: z.string(), name: z.string() });

export const ZOppListItem = z.object({
  id: z.string(),
  seq: z.number(),
  status: z.enum(OPP_STATUSES),
  basedOnId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  adoptedAt: z.string().nullable(),
});
export type TOppListItem = z.infer<typeof ZOppListItem>;

export const ZOppList = z.object({
  items: z.array(ZOppListItem),
  policies: z.object({ create: z.boolean() }),
});
export type TOppList = z.infer<typeof ZOppList>;

export const ZOppAssent = z.object({
  id: z.string(),
  guardian: ZRef,
  decision: z.enum(ASSENT_DECISIONS),
  reason: z.string().nullable(),
  via: z.enum(ASSENT_VIA),
  decidedAt: z.string(),
  recordedByName: z.string().nullable(),
  /** The signed paper (an attachment of category 'opp'), when recorded on paper. */
  paperAttachmentId: z.string().nullable(),
  followedUpAt: z.string().nullable(),
  followUpNote: z.string().nullable(),
});

export const ZOppEvaluation = z.object({
  id: z.string(),
  heldOn: z.string(),
  withParents: z.boolean(),
  summary: z.string(),
  recordedByName: z.string().nullable(),
  createdAt: z.string(),
});

export const ZOppPolicies = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  assent: z.boolean(),
  recordPaperAssent: z.boolean(),
  followUp: z.boolean(),
  evaluate: z.boolean(),
  newVersion: z.boolean(),
  downloadPdf: z.boolean(),
});
export type TOppPolicies = z.infer<typeof ZOppPolicies>;

export const ZOpp = ZOppListItem.extend({
  pupil: ZRef,
  school: ZRef,
  rowVersion: z.number(),
  outflowProfile: z.enum(OUTFLOW_PROFILES).nullable(),
  outflowDestination: z.string().nullable(),
  reasoning: z.string().nullable(),
  promotingFactors: z.string().nullable(),
  hinderingFactors: z.string().nullable(),
  oogoDate: z.string().nullable(),
  oogoOutcome: z.string().nullable(),
  support: z.array(z.object({ what: z.string(), who: z.string(), frequency: z.string() })),
  deviations: z.string().nullable(),
  goals: z.array(z.object({ goal: z.string(), criterion: z.string(), targetDate: z.string() })),
  pupilHeard: z.boolean().nullable(),
  hearingDate: z.string().nullable(),
  hearingSummary: z.string().nullable(),
  notHeardReason: z.string().nullable(),
  updatedByName: z.string().nullable(),
  assents: z.array(ZOppAssent),
  evaluations: z.array(ZOppEvaluation),
  policies: ZOppPolicies,
});
export type TOpp = z.infer<typeof ZOpp>;

export const ZOppClockItem = z.object({
  kind: z.enum(OPP_CLOCK_KINDS),
  /** The last day (Dutch calendar date) by which it should be done. */
  dueOn: z.string(),
  overdue: z.boolean(),
  pupil: ZRef,
  school: ZRef,
  oppId: z.string().nullable(),
  assentId: z.string().nullable(),
});
export type TOppClockItem = z.infer<typeof ZOppClockItem>;
export const ZOppClocks = ZPaged(ZOppClockItem);
