import { z } from 'zod';
import {
  ABSENCE_CLOSE_REASONS,
  ABSENCE_KINDS,
  ABSENCE_LADDER_MAX,
  ABSENCE_REASONS_MAX,
  ABSENCE_TEXT_MAX,
  CASE_FLAGS,
  isExemption,
  LADDER_CONDITIONS,
  LADDER_TARGETS,
  PERIOD_MAX_DAYS,
  PLAN_BY_MAX,
  PERIOD_UNITS,
} from '../absence.js';
import { ZDate, ZEmail, ZPaged, ZPageQuery, ZText, ZUuid } from './common.js';

/**
 * Verzuim and thuiszitters: absence episodes of a pupil, the case around them (owner, plan, next
 * date, escalations), the region's settings, and the figures.
 */

// ---- input ----

const ZReasonId = z.string().trim().min(1, { message: 'rule:required' }).max(60);

export const ZEpisodeInput = z
  .object({
    kind: z.enum(ABSENCE_KINDS),
    startedOn: ZDate,
    endedOn: ZDate.nullable().optional(),
    /** Exemptions (5a/5b/5c) run until a date the gemeente set. */
    exemptionEndsOn: ZDate.nullable().optional(),
    reasonIds: z.array(ZReasonId).max(10).default([]),
    reasonNote: ZText(ABSENCE_TEXT_MAX).nullable().optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.endedOn && e.endedOn < e.startedOn) ctx.addIssue({ code: 'custom', path: ['endedOn'], message: 'rule:end_before_start' });
    if (isExemption(e.kind) && !e.exemptionEndsOn) {
      ctx.addIssue({ code: 'custom', path: ['exemptionEndsOn'], message: 'rule:exemption_needs_end_date' });
    }
    if (e.exemptionEndsOn && e.exemptionEndsOn < e.startedOn) {
      ctx.addIssue({ code: 'custom', path: ['exemptionEndsOn'], message: 'rule:end_before_start' });
    }
    if (e.reasonIds.length === 0 && !e.reasonNote) ctx.addIssue({ code: 'custom', path: ['reasonIds'], message: 'rule:reason_required' });
  });
export type TEpisodeInput = z.infer<typeof ZEpisodeInput>;

export const ZEpisodeParams = z.object({ id: ZUuid, episodeId: ZUuid });
export const ZEpisodeEndInput = z.object({ endedOn: ZDate }).strict();
export type TEpisodeEndInput = z.infer<typeof ZEpisodeEndInput>;

/** Owner, plan and next date: what every open case must have. */
export const ZCaseUpdateInput = z
  .object({
    ownerUserId: z.string().trim().min(1).max(100).nullable(),
    plan: ZText(ABSENCE_TEXT_MAX).nullable(),
    /** Who carries out the plan, in words ("IB'er en CJG-coach samen"). */
    planBy: ZText(PLAN_BY_MAX).nullable(),
    nextDate: ZDate.nullable(),
    /** The day an education offer started (part-time counts); stops the day counter. */
    offerFrom: ZDate.nullable(),
    rowVersion: z.number().int().min(1).max(1_000_000),
  })
  .strict();
export type TCaseUpdateInput = z.infer<typeof ZCaseUpdateInput>;

export const ZCaseCloseInput = z
  .object({
    reason: z.enum(ABSENCE_CLOSE_REASONS),
    closedOn: ZDate,
    note: ZText(ABSENCE_TEXT_MAX).nullable().optional(),
  })
  .strict()
  .refine((c) => c.reason !== 'other' || !!c.note, { path: ['note'], message: 'rule:close_note_required' });
export type TCaseCloseInput = z.infer<typeof ZCaseCloseInput>;

export const ZCaseListQuery = ZPageQuery.extend({
  status: z.enum(['open', 'closed']).default('open'),
  kind: z.enum(ABSENCE_KINDS).optional(),
  schoolId: ZUuid.optional(),
  gemeenteId: ZUuid.optional(),
  /** Only cases that need attention now (no owner, or the next date passed). */
  attention: z.enum(['true', 'false']).optional(),
  thuiszitter: z.enum(['true', 'false']).optional(),
});
export type TCaseListQuery = z.infer<typeof ZCaseListQuery>;

/** A period for the figures and the inspectorate count; at most five years. */
export const ZPeriodQuery = z
  .object({ from: ZDate, to: ZDate })
  .refine((p) => p.from <= p.to, { path: ['to'], message: 'rule:end_before_start' })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= PERIOD_MAX_DAYS * 86_400_000, { path: ['from'], message: 'rule:period_too_long' });
export type TPeriodQuery = z.infer<typeof ZPeriodQuery>;

export const ZLadderStep = z
  .object({
    key: z.string().trim().regex(/^[a-z0-9_-]{1,40}$/, { message: 'rule:invalid_key' }),
    condition: z.enum(LADDER_CONDITIONS),
    after: z.object({ amount: z.number().int().min(1).max(365), unit: z.enum(PERIOD_UNITS) }).strict(),
    target: z.enum(LADDER_TARGETS),
  })
  .strict();

export const ZAbsenceSettingsInput = z
  .object({
    thuiszitter: z
      .object({
        minDays: z.number().int().min(1).max(365),
        countedKinds: z.array(z.enum(ABSENCE_KINDS)).min(1, { message: 'rule:required' }).max(ABSENCE_KINDS.length),
      })
      .strict(),
    ladder: z.array(ZLadderStep).max(ABSENCE_LADDER_MAX),
    reasons: z
      .array(z.object({ id: ZReasonId.optional(), label: ZText(120), active: z.boolean() }).strict())
      .min(1, { message: 'rule:required' })
      .max(ABSENCE_REASONS_MAX),
    coordinatorUserId: z.string().trim().min(1).max(100).nullable(),
    escalationContact: z.object({ name: ZText(120), email: ZEmail }).strict().nullable(),
  })
  .strict()
  .refine((s) => new Set(s.ladder.map((l) => l.key)).size === s.ladder.length, { path: ['ladder'], message: 'rule:duplicate_key' });
export type TAbsenceSettingsInput = z.infer<typeof ZAbsenceSettingsInput>;

// ---- answers ----

const ZRef = z.object({ id: z.string(), name: z.string() });
export const ZCountValue = z.union([z.number().int(), z.literal('<5')]);

export const ZAbsenceEpisode = z.object({
  id: z.string(),
  kind: z.enum(ABSENCE_KINDS),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  exemptionEndsOn: z.string().nullable(),
  reasons: z.array(ZRef.extend({ label: z.string() }).omit({ name: true })),
  reasonNote: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type TAbsenceEpisode = z.infer<typeof ZAbsenceEpisode>;

/** An escalation or reminder the daily job recorded on the case (once per key). */
export const ZAbsenceNotice = z.object({
  key: z.string(),
  kind: z.enum(['escalation', 'next_date_passed']),
  dueOn: z.string(),
  sentAt: z.string(),
  /** Who was told, as names or an address of the escalation contact. */
  recipients: z.array(z.string()),
});

export const ZAbsenceCasePolicies = z.object({
  update: z.boolean(),
  close: z.boolean(),
  addEpisode: z.boolean(),
  endEpisode: z.boolean(),
});

export const ZAbsenceCase = z.object({
  id: z.string(),
  pupil: ZRef,
  school: ZRef,
  gemeente: ZRef.nullable(),
  status: z.enum(['open', 'closed']),
  openedOn: z.string(),
  owner: ZRef.nullable(),
  plan: z.string().nullable(),
  planBy: z.string().nullable(),
  nextDate: z.string().nullable(),
  offerFrom: z.string().nullable(),
  closedOn: z.string().nullable(),
  closeReason: z.enum(ABSENCE_CLOSE_REASONS).nullable(),
  closeNote: z.string().nullable(),
  countingSince: z.string().nullable(),
  daysWithoutEducation: z.number(),
  thuiszitter: z.boolean(),
  flags: z.array(z.enum(CASE_FLAGS)),
  episodes: z.array(ZAbsenceEpisode),
  notices: z.array(ZAbsenceNotice),
  rowVersion: z.number(),
  policies: ZAbsenceCasePolicies,
});
export type TAbsenceCase = z.infer<typeof ZAbsenceCase>;

export const ZAbsenceCaseItem = z.object({
  id: z.string(),
  pupil: ZRef,
  school: ZRef,
  gemeente: ZRef.nullable(),
  kinds: z.array(z.enum(ABSENCE_KINDS)),
  openedOn: z.string(),
  daysWithoutEducation: z.number(),
  thuiszitter: z.boolean(),
  owner: ZRef.nullable(),
  nextDate: z.string().nullable(),
  flags: z.array(z.enum(CASE_FLAGS)),
  closedOn: z.string().nullable(),
  closeReason: z.enum(ABSENCE_CLOSE_REASONS).nullable(),
});
export type TAbsenceCaseItem = z.infer<typeof ZAbsenceCaseItem>;
export const ZAbsenceCaseList = ZPaged(ZAbsenceCaseItem).extend({
  /** Open cases in the list's scope that need attention now, whatever the page. */
  attentionCount: z.number(),
});
export type TAbsenceCaseList = z.infer<typeof ZAbsenceCaseList>;

/** A pupil's absence: the open case, earlier cases, and what the form needs. */
export const ZPupilAbsence = z.object({
  openCase: ZAbsenceCase.nullable(),
  closedCases: z.array(ZAbsenceCaseItem),
  reasons: z.array(z.object({ id: z.string(), label: z.string() })),
  policies: z.object({ register: z.boolean() }),
});
export type TPupilAbsence = z.infer<typeof ZPupilAbsence>;

export const ZOwnerCandidate = z.object({ id: z.string(), name: z.string(), organisation: z.string(), role: z.string() });
export const ZOwnerCandidates = z.object({ items: z.array(ZOwnerCandidate) });

export const ZAbsenceSettings = z.object({
  thuiszitter: z.object({ minDays: z.number(), countedKinds: z.array(z.enum(ABSENCE_KINDS)) }),
  ladder: z.array(ZLadderStep),
  reasons: z.array(z.object({ id: z.string(), label: z.string(), active: z.boolean() })),
  coordinator: ZRef.nullable(),
  escalationContact: z.object({ name: z.string(), email: z.string() }).nullable(),
  /** Who may be named coordinator: the SWV's consultants. */
  coordinatorCandidates: z.array(ZRef),
  policies: z.object({ update: z.boolean() }),
});
export type TAbsenceSettingsAnswer = z.infer<typeof ZAbsenceSettings>;

const ZCounted = z.object({ key: z.string(), label: z.string().nullable(), count: ZCountValue });

/**
 * The figures of a region (or a gemeente, for leerplicht). `anonymised`: counts only, any count
 * below 5 as '<5', no durations and no rates built on a small count.
 */
export const ZAbsenceOverview = z.object({
  anonymised: z.boolean(),
  scope: z.object({ kind: z.enum(['region', 'gemeente']), name: z.string() }),
  period: z.object({ from: z.string(), to: z.string() }),
  today: z.string(),
  pupils: ZCountValue,
  open: z.object({
    total: ZCountValue,
    thuiszitters: ZCountValue,
    /** Thuiszitters per 1,000 pupils; null when suppressed. */
    per1000: z.number().nullable(),
    noOwner: ZCountValue,
    nextDatePassed: ZCountValue,
    byKind: z.array(ZCounted),
    bySchool: z.array(ZCounted),
    byGemeente: z.array(ZCounted),
  }),
  /** Days without education of open thuiszitter cases; null when anonymised. */
  durations: z.object({ p50: z.number().nullable(), p90: z.number().nullable(), n: z.number() }).nullable(),
  closed: z.object({ total: ZCountValue, byReason: z.array(ZCounted) }),
  trend: z.array(z.object({ month: z.string(), opened: ZCountValue, closed: ZCountValue, openAtEnd: ZCountValue })),
});
export type TAbsenceOverview = z.infer<typeof ZAbsenceOverview>;
