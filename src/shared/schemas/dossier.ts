import { z } from 'zod';
import { DATA_CATEGORIES } from '../consent.js';
import { ZAttachment } from './attachment.js';
import { ZDate } from './common.js';

/** A list of short statements ("heeft korte instructie nodig"): trimmed, no empty lines. */
const ZStatements = z.array(z.string().trim().min(1, { message: 'rule:required' }).max(500)).max(30);
const ZLongText = z.string().trim().max(5000);

/**
 * A number or a counting word: a goal's criterion must say how much, how often or how long, so that
 * at the evaluation anyone can see whether it was reached ("4 van de 5 keer", "zonder hulp").
 */
const MEASURABLE = /\d|\b(een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|helft|alle|elke|iedere|zonder hulp|zelfstandig|keer|minuten|procent|one|two|three|four|five|every|all|times|minutes|without help|independently)\b/i;

export const ZGoalInput = z.object({
  goal: z.string().trim().min(10, { message: 'rule:goal_too_short' }).max(1000),
  criterion: z
    .string()
    .trim()
    .min(1, { message: 'rule:required' })
    .max(1000)
    .refine((s) => MEASURABLE.test(s), { message: 'rule:goal_not_measurable' }),
  targetDate: ZDate,
});
export type TGoalInput = z.infer<typeof ZGoalInput>;

export const GOAL_STATUSES = ['active', 'achieved', 'stopped'] as const;
export const ZGoalPatch = ZGoalInput.partial()
  .extend({ version: z.number().int().min(1), status: z.enum(GOAL_STATUSES).optional() })
  .strict();

export const EVALUATION_RESULTS = ['achieved', 'partly', 'not_achieved'] as const;
export const ZEvaluationInput = z
  .object({
    evaluatedOn: ZDate,
    result: z.enum(EVALUATION_RESULTS),
    whatWorked: z.string().trim().min(1, { message: 'rule:required' }).max(2000),
    nextStep: z.string().trim().min(1, { message: 'rule:required' }).max(2000),
  })
  .strict();

export const DOSSIER_FIELDS = ['needs', 'promotingFactors', 'hinderingFactors', 'pupilView', 'parentView', 'extraSupportSince'] as const;
export type TDossierField = (typeof DOSSIER_FIELDS)[number];

export const ZDossierPatch = z
  .object({
    /** The version the editor started from: a change by someone else to the same part since then is a conflict. */
    baseVersion: z.number().int().min(0),
    needs: ZStatements.optional(),
    promotingFactors: ZStatements.optional(),
    hinderingFactors: ZStatements.optional(),
    pupilView: ZLongText.nullable().optional(),
    parentView: ZLongText.nullable().optional(),
    extraSupportSince: ZDate.nullable().optional(),
  })
  .strict()
  .refine((b) => DOSSIER_FIELDS.some((f) => b[f] !== undefined), { message: 'rule:nothing_to_change' });
export type TDossierPatch = z.infer<typeof ZDossierPatch>;

export const ZEvaluation = z.object({
  id: z.string(),
  evaluatedOn: z.string(),
  result: z.enum(EVALUATION_RESULTS),
  whatWorked: z.string(),
  nextStep: z.string(),
  createdAt: z.string(),
});

export const ZGoal = z.object({
  id: z.string(),
  goal: z.string(),
  criterion: z.string(),
  targetDate: z.string(),
  status: z.enum(GOAL_STATUSES),
  version: z.number(),
  evaluations: z.array(ZEvaluation),
});
export type TGoal = z.infer<typeof ZGoal>;

/** The dossier's content: what a version snapshot holds too. */
export const ZDossierContent = z.object({
  needs: z.array(z.string()),
  promotingFactors: z.array(z.string()),
  hinderingFactors: z.array(z.string()),
  pupilView: z.string().nullable(),
  parentView: z.string().nullable(),
  extraSupportSince: z.string().nullable(),
  goals: z.array(ZGoal),
});
export type TDossierContent = z.infer<typeof ZDossierContent>;

/** Who made a change: staff see the name; parents and pupils see the organisation and role. */
export const ZChangedBy = z.object({ name: z.string().nullable(), role: z.string(), organisationName: z.string().nullable() });

export const ZDossier = ZDossierContent.extend({
  pupil: z.object({ id: z.string(), displayName: z.string(), schoolName: z.string() }),
  version: z.number(),
  updatedAt: z.string().nullable(),
  updatedBy: ZChangedBy.nullable(),
  /** Null when the actor may not see attachments. */
  attachments: z.array(ZAttachment).nullable(),
  readable: z.array(z.enum(DATA_CATEGORIES)),
  policies: z.object({
    edit: z.boolean(),
    editPupilView: z.boolean(),
    editParentView: z.boolean(),
    upload: z.boolean(),
  }),
});
export type TDossier = z.infer<typeof ZDossier>;

export const ZDossierVersionItem = z.object({
  version: z.number(),
  changedAt: z.string(),
  changedFields: z.array(z.string()),
  changedBy: ZChangedBy,
});
export type TDossierVersionItem = z.infer<typeof ZDossierVersionItem>;

export const ZDossierVersion = ZDossierVersionItem.extend({ content: ZDossierContent });
export const ZVersionParams = z.object({ id: z.uuid({ message: 'rule:invalid_uuid' }), version: z.coerce.number().int().min(1).max(1_000_000) });
export const ZGoalParams = z.object({ id: z.uuid({ message: 'rule:invalid_uuid' }), goalId: z.uuid({ message: 'rule:invalid_uuid' }) });
export const ZAttachmentParams = z.object({ id: z.uuid({ message: 'rule:invalid_uuid' }), attachmentId: z.uuid({ message: 'rule:invalid_uuid' }) });
