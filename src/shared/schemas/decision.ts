import { z } from 'zod';
import {
  DECISION_OUTCOMES,
  EXPERT_KINDS,
  OBJECTION_STATUSES,
  type TObjectionStatus,
  TLV_CATEGORIES,
  TLV_MAX_YEARS,
  TLV_SCHOOL_TYPES,
} from '../support-request.js';
import { ZDate, ZPaged, ZPageQuery, ZText, ZUuid } from './common.js';

/**
 * Expert advices, decisions, TLVs and objections: requests and answers of
 * /api/v1/support-requests/:id/{experts,decision,objections,…}, /api/v1/objections, /api/v1/tlvs
 * and /api/v1/tlv-clocks.
 */
export const ADVICE_MAX = 8000;
export const RECOMMENDATION_MAX = 300;
export const REASONS_MAX = 8000;
export const CRITERIA_MAX = 4000;
export const GROUNDS_MAX = 8000;
export const LODGED_BY_MAX = 200;
export const RETURN_PLAN_MAX = 8000;
export const OUTCOME_NOTE_MAX = 4000;

export const ZExpertRowParams = z.object({ id: ZUuid, expertRowId: ZUuid });

export const ZAssignExpertInput = z.object({ expertId: ZText(100), expertKind: z.enum(EXPERT_KINDS) }).strict();
export type TAssignExpertInput = z.infer<typeof ZAssignExpertInput>;

/** `impartial` is the declaration "ik ben niet eerder bij deze leerling betrokken geweest". */
export const ZAdviceInput = z
  .object({
    impartial: z.literal(true, { message: 'rule:required' }),
    advice: ZText(ADVICE_MAX),
    recommendation: ZText(RECOMMENDATION_MAX),
  })
  .strict();
export type TAdviceInput = z.infer<typeof ZAdviceInput>;

export const ZTlvInput = z
  .object({
    schoolType: z.enum(TLV_SCHOOL_TYPES),
    category: z.enum(TLV_CATEGORIES).nullish(),
    validFrom: ZDate,
    years: z.number().int().min(1).max(TLV_MAX_YEARS),
  })
  .strict();
export type TTlvInput = z.infer<typeof ZTlvInput>;

/** Whether a TLV is required (and its category) is checked against the request: see commands/decide.ts. */
export const ZDecisionInput = z
  .object({
    outcome: z.enum(DECISION_OUTCOMES),
    reasons: ZText(REASONS_MAX),
    criteria: z.string().trim().max(CRITERIA_MAX).nullish(),
    sentOn: ZDate.optional(),
    tlv: ZTlvInput.nullish(),
  })
  .strict();
export type TDecisionInput = z.infer<typeof ZDecisionInput>;

export const ZObjectionInput = z
  .object({ receivedOn: ZDate, lodgedBy: ZText(LODGED_BY_MAX), grounds: ZText(GROUNDS_MAX) })
  .strict();
export type TObjectionInput = z.infer<typeof ZObjectionInput>;

export const ZObjectionPatch = z
  .object({ status: z.enum(OBJECTION_STATUSES), outcomeNote: z.string().trim().max(OUTCOME_NOTE_MAX).nullish() })
  .strict();
export type TObjectionPatch = z.infer<typeof ZObjectionPatch>;

export const ZReturnPlanInput = z.object({ returnPlan: ZText(RETURN_PLAN_MAX) }).strict();

export const ZTlvClockQuery = ZPageQuery.extend({ schoolId: ZUuid.optional() });

/** Forward only: received → forwarded → upheld / rejected; withdrawn before the committee's outcome. */
const RANK: Record<TObjectionStatus, number> = { received: 0, forwarded: 1, upheld: 2, rejected: 2, withdrawn: 2 };
export function objectionNextStatuses(from: TObjectionStatus): TObjectionStatus[] {
  return OBJECTION_STATUSES.filter((to) => RANK[to] > RANK[from]);
}

// answers

const ZRef = z.object({ id: z.string(), name: z.string() });

export const ZExpertAdvice = z.object({
  id: z.string(),
  expert: ZRef,
  /** The organisation the expert works for in this region (the SWV, usually). */
  organisation: z.string().nullable(),
  kind: z.enum(EXPERT_KINDS),
  assignedAt: z.string(),
  impartialityDeclaredAt: z.string().nullable(),
  /** Null until submitted (and for a reader who may not see it yet). */
  advice: z.string().nullable(),
  recommendation: z.string().nullable(),
  submittedAt: z.string().nullable(),
  policies: z.object({ remove: z.boolean(), writeAdvice: z.boolean() }),
});
export type TExpertAdvice = z.infer<typeof ZExpertAdvice>;

export const ZExperts = z.object({
  items: z.array(ZExpertAdvice),
  /** For a TLV: whether the advices so far are enough for a decision. */
  advicesSufficient: z.boolean(),
  /** The kinds the region accepts as the second advisor (always with orthopedagoog and psycholoog). */
  allowedKinds: z.array(z.enum(EXPERT_KINDS)),
  /** `decide`: the reader may take the decision now (the decision part asks here, as it has no answer before it exists). */
  policies: z.object({ assign: z.boolean(), decide: z.boolean() }),
});
export type TExperts = z.infer<typeof ZExperts>;

export const ZSwvExperts = z.object({ items: z.array(ZRef) });
export type TSwvExperts = z.infer<typeof ZSwvExperts>;

export const ZTlv = z.object({
  id: z.string(),
  number: z.string(),
  schoolType: z.enum(TLV_SCHOOL_TYPES),
  category: z.enum(TLV_CATEGORIES).nullable(),
  validFrom: z.string(),
  validUntil: z.string(),
  returnPlan: z.string().nullable(),
  returnPlanAt: z.string().nullable(),
});
export type TTlv = z.infer<typeof ZTlv>;

export const ZObjection = z.object({
  id: z.string(),
  receivedOn: z.string(),
  lodgedBy: z.string(),
  grounds: z.string(),
  status: z.enum(OBJECTION_STATUSES),
  outcomeNote: z.string().nullable(),
  /** Received after the objection deadline: still registered, the committee decides admissibility. */
  late: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The statuses it may move to now (empty for who may not change it). */
  nextStatuses: z.array(z.enum(OBJECTION_STATUSES)),
});
export type TObjection = z.infer<typeof ZObjection>;

export const ZDecision = z.object({
  requestId: z.string(),
  outcome: z.enum(DECISION_OUTCOMES),
  reasons: z.string(),
  criteria: z.string().nullable(),
  decidedBy: z.object({ name: z.string() }),
  decidedAt: z.string(),
  sentOn: z.string(),
  objectionDeadline: z.string(),
  objectionOpen: z.boolean(),
  tlv: ZTlv.nullable(),
  objections: z.array(ZObjection),
  policies: z.object({ registerObjection: z.boolean(), exportObjectionDossier: z.boolean(), editReturnPlan: z.boolean() }),
});
export type TDecision = z.infer<typeof ZDecision>;

export const TLV_CLOCK_KINDS = ['tlv_reassess', 'tlv_return_plan'] as const;
export type TTlvClockKind = (typeof TLV_CLOCK_KINDS)[number];

export const ZTlvClockItem = z.object({
  kind: z.enum(TLV_CLOCK_KINDS),
  /** The last day (Dutch calendar date) by which it should be done. */
  dueOn: z.string(),
  overdue: z.boolean(),
  tlv: z.object({ id: z.string(), number: z.string(), schoolType: z.enum(TLV_SCHOOL_TYPES), validUntil: z.string() }),
  requestId: z.string(),
  pupil: ZRef,
  school: ZRef,
});
export type TTlvClockItem = z.infer<typeof ZTlvClockItem>;
export const ZTlvClocks = ZPaged(ZTlvClockItem);
