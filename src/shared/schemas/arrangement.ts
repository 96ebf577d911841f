import { z } from 'zod';
import { ARRANGEMENT_STATUSES, EVALUATION_OUTCOMES, EXECUTOR_KINDS, GOALS_MET } from '../support-request.js';
import { ZDate, ZText, ZUuid } from './common.js';

/**
 * Arrangements: the region's catalogue of arrangement types, the arrangements granted on a
 * request, their spend and evaluations, and the costs report. Money is in whole cents (integers),
 * hours are numbers with one decimal.
 */
export const ARRANGEMENT_GOALS_MAX = 20;
export const ARRANGEMENT_EVALUATION_DATES_MAX = 12;
/** One spend record: at most € 100.000. */
export const SPEND_MAX_CENTS = 10_000_000;
/** One arrangement's budget: at most € 1.000.000. */
export const BUDGET_MAX_CENTS = 100_000_000;
export const HOURS_MAX = 2000;
export const CATALOGUE_PAGE_SIZE_MAX = 100;

/** Hours as people write them: at most one decimal (1,5 uur); more precision is rounded away. */
const ZHours = z
  .number()
  .min(0)
  .max(HOURS_MAX)
  .transform((h) => Math.round(h * 10) / 10);
// a fraction of a cent is the wrong kind of value, not a missing one
const ZWhole = () => z.number().int({ message: 'rule:invalid_type' });
const ZCents = (max: number) => ZWhole().min(0).max(max);

// ---- catalogue ----

const ZExecutors = z
  .array(z.enum(EXECUTOR_KINDS))
  .min(1)
  .max(EXECUTOR_KINDS.length)
  .refine((l) => new Set(l).size === l.length, { message: 'rule:duplicate' });

export const ZArrangementTypeInput = z
  .object({
    name: ZText(120),
    description: ZText(2000),
    typicalHours: ZHours.nullable().optional(),
    typicalCostCents: ZCents(BUDGET_MAX_CENTS).nullable().optional(),
    executors: ZExecutors,
  })
  .strict();
export type TArrangementTypeInput = z.infer<typeof ZArrangementTypeInput>;

/** Every field may be left out (unchanged); `active: false` takes a type out of the catalogue. */
export const ZArrangementTypePatch = z
  .object({
    name: ZText(120).optional(),
    description: ZText(2000).optional(),
    typicalHours: ZHours.nullable().optional(),
    typicalCostCents: ZCents(BUDGET_MAX_CENTS).nullable().optional(),
    executors: ZExecutors.optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type TArrangementTypePatch = z.infer<typeof ZArrangementTypePatch>;

const ZFlag = z.enum(['true', 'false']).transform((v) => v === 'true');
export const ZCatalogueQuery = z.object({
  q: z.string().trim().max(100).optional(),
  includeInactive: ZFlag.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(CATALOGUE_PAGE_SIZE_MAX).default(50),
});

export const ZArrangementType = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  typicalHours: z.number().nullable(),
  typicalCostCents: z.number().nullable(),
  executors: z.array(z.enum(EXECUTOR_KINDS)),
  active: z.boolean(),
});
export type TArrangementType = z.infer<typeof ZArrangementType>;

export const ZCatalogue = z.object({
  items: z.array(ZArrangementType),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
  policies: z.object({ manage: z.boolean() }),
});
export type TCatalogue = z.infer<typeof ZCatalogue>;

// ---- arrangements ----

export const ZArrangementGoal = z.object({ goal: ZText(1000), criterion: ZText(1000) }).strict();

export const ZArrangementInput = z
  .object({
    typeId: ZUuid,
    goals: z.array(ZArrangementGoal).min(1).max(ARRANGEMENT_GOALS_MAX),
    executorKind: z.enum(EXECUTOR_KINDS),
    executorName: z.string().trim().max(200).nullish(),
    hours: ZHours,
    budgetCents: ZCents(BUDGET_MAX_CENTS),
    startOn: ZDate,
    endOn: ZDate,
    evaluationDates: z.array(ZDate).max(ARRANGEMENT_EVALUATION_DATES_MAX).default([]),
  })
  .strict();
export type TArrangementInput = z.infer<typeof ZArrangementInput>;

export const ZSpendInput = z
  .object({
    spentOn: ZDate,
    amountCents: ZWhole().min(1).max(SPEND_MAX_CENTS),
    hours: ZHours.nullish(),
    description: ZText(500),
  })
  .strict();
export type TSpendInput = z.infer<typeof ZSpendInput>;

export const ZArrangementEvaluationInput = z
  .object({
    heldOn: ZDate,
    goalsMet: z.enum(GOALS_MET),
    outcome: z.enum(EVALUATION_OUTCOMES),
    summary: ZText(4000),
    requestExtension: z.boolean().optional(),
  })
  .strict();
export type TArrangementEvaluationInput = z.infer<typeof ZArrangementEvaluationInput>;

/** Ending takes no data; an empty or missing body is fine. */
export const ZArrangementEnd = z.preprocess((b) => b ?? {}, z.object({}).strict());

export const ZSpendParams = z.object({ id: ZUuid, spendId: ZUuid });

// answers

const ZRef = z.object({ id: z.string(), name: z.string() });

export const ZArrangementTotals = z.object({
  budgetCents: z.number(),
  spentCents: z.number(),
  spentHours: z.number(),
  /** Budget minus spent; negative when the budget is exceeded. */
  remainingCents: z.number(),
  overBudget: z.boolean(),
});

export const ZArrangementListItem = z.object({
  id: z.string(),
  type: ZRef,
  status: z.enum(ARRANGEMENT_STATUSES),
  executorKind: z.enum(EXECUTOR_KINDS),
  hours: z.number(),
  startOn: z.string(),
  endOn: z.string(),
  nextEvaluationOn: z.string().nullable(),
  requestId: z.string().nullable(),
  totals: ZArrangementTotals,
});
export type TArrangementListItem = z.infer<typeof ZArrangementListItem>;

export const ZPupilArrangements = z.object({
  items: z.array(ZArrangementListItem),
  totals: z.object({ budgetCents: z.number(), spentCents: z.number(), spentHours: z.number() }),
});
export type TPupilArrangements = z.infer<typeof ZPupilArrangements>;

export const ZRequestArrangements = z.object({
  items: z.array(ZArrangementListItem),
  policies: z.object({ create: z.boolean() }),
});
export type TRequestArrangements = z.infer<typeof ZRequestArrangements>;

export const ZSpend = z.object({
  id: z.string(),
  spentOn: z.string(),
  amountCents: z.number(),
  hours: z.number().nullable(),
  description: z.string(),
  /** Who recorded it; null for parents (they see what and how much, not staff names). */
  recordedByName: z.string().nullable(),
});

export const ZArrangementEvaluation = z.object({
  id: z.string(),
  heldOn: z.string(),
  goalsMet: z.enum(GOALS_MET),
  outcome: z.enum(EVALUATION_OUTCOMES),
  summary: z.string(),
  extensionRequestId: z.string().nullable(),
  recordedByName: z.string().nullable(),
});

export const ZArrangementPolicies = z.object({
  manage: z.boolean(),
  recordSpend: z.boolean(),
  evaluate: z.boolean(),
  end: z.boolean(),
  /** An evaluation may ask for an extension: the school's IB'er or director, who file requests. */
  requestExtension: z.boolean(),
});
export type TArrangementPolicies = z.infer<typeof ZArrangementPolicies>;

export const ZArrangement = z.object({
  id: z.string(),
  pupil: ZRef,
  school: ZRef,
  requestId: z.string().nullable(),
  type: z.object({ id: z.string(), name: z.string(), description: z.string() }),
  goals: z.array(z.object({ goal: z.string(), criterion: z.string() })),
  executor: z.object({ kind: z.enum(EXECUTOR_KINDS), name: z.string().nullable() }),
  hours: z.number(),
  startOn: z.string(),
  endOn: z.string(),
  evaluationDates: z.array(z.string()),
  nextEvaluationOn: z.string().nullable(),
  status: z.enum(ARRANGEMENT_STATUSES),
  spends: z.array(ZSpend),
  totals: ZArrangementTotals,
  evaluations: z.array(ZArrangementEvaluation),
  policies: ZArrangementPolicies,
});
export type TArrangement = z.infer<typeof ZArrangement>;

export const ZEvaluationAnswer = z.object({
  arrangement: ZArrangement,
  /** The draft extension request this evaluation made, to open it. */
  extensionRequestId: z.string().nullable(),
});
export type TEvaluationAnswer = z.infer<typeof ZEvaluationAnswer>;

// ---- costs report ----

const ZYear = z.coerce.number().int().min(2000).max(2100);
/** One of the two views: a school year (2026 = 2026/2027) or a calendar year. */
export const ZCostQuery = z
  .object({ schoolYear: ZYear.optional(), calendarYear: ZYear.optional(), schoolId: ZUuid.optional() })
  .strict()
  .superRefine((q, ctx) => {
    if ((q.schoolYear === undefined) === (q.calendarYear === undefined))
      ctx.addIssue({ code: 'custom', path: [q.schoolYear === undefined ? 'schoolYear' : 'calendarYear'], message: 'rule:required' });
  });
export type TCostQuery = z.infer<typeof ZCostQuery>;

export const ZCostFigures = z.object({
  spentFirstCents: z.number(),
  spentSecondCents: z.number(),
  spentTotalCents: z.number(),
  budgetFirstCents: z.number(),
  budgetSecondCents: z.number(),
  budgetTotalCents: z.number(),
  arrangements: z.number(),
});
export type TCostFigures = z.infer<typeof ZCostFigures>;

export const ZCostPeriod = z.object({ from: z.string(), to: z.string(), schoolYear: z.number() });

export const ZCostReport = z.object({
  view: z.enum(['schoolYear', 'calendarYear']),
  year: z.number(),
  /** Aug–Dec then Jan–Jul for a school year; Jan–Jul then Aug–Dec for a calendar year. */
  periods: z.tuple([ZCostPeriod, ZCostPeriod]),
  rows: z.array(ZCostFigures.extend({ school: ZRef })),
  total: ZCostFigures,
});
export type TCostReport = z.infer<typeof ZCostReport>;
