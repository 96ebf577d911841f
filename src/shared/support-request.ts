import { addDays, schoolYearEnd, schoolYearOf } from './school-year.js';

/**
 * Ondersteuningsaanvragen (support requests), TLVs and their decisions: the vocabulary and the
 * pure rules, shared by the server (which enforces them) and the web (which shows them).
 */
export const REQUEST_TYPES = ['advice', 'arrangement', 'tlv', 'mdo', 'education_care'] as const;
export type TRequestType = (typeof REQUEST_TYPES)[number];

export const REQUEST_STATUSES = ['draft', 'submitted', 'complete', 'in_assessment', 'decided', 'closed', 'withdrawn'] as const;
export type TRequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_ACTIONS = ['submit', 'markComplete', 'startAssessment', 'decide', 'close', 'withdraw'] as const;
export type TRequestAction = (typeof REQUEST_ACTIONS)[number];

/**
 * Every allowed step, and only these. The school submits and may withdraw until a decision; the
 * SWV confirms the request complete (only once the intake checklist is met), assesses, decides
 * and closes. Each step stamps its own timestamp, so the lead times received → complete →
 * decided are read off the request.
 */
export const REQUEST_TRANSITIONS: readonly { action: TRequestAction; from: TRequestStatus; to: TRequestStatus }[] = [
  { action: 'submit', from: 'draft', to: 'submitted' },
  { action: 'markComplete', from: 'submitted', to: 'complete' },
  { action: 'startAssessment', from: 'complete', to: 'in_assessment' },
  { action: 'decide', from: 'in_assessment', to: 'decided' },
  { action: 'close', from: 'decided', to: 'closed' },
  { action: 'withdraw', from: 'draft', to: 'withdrawn' },
  { action: 'withdraw', from: 'submitted', to: 'withdrawn' },
  { action: 'withdraw', from: 'complete', to: 'withdrawn' },
  { action: 'withdraw', from: 'in_assessment', to: 'withdrawn' },
];

/** The status after `action`, or null when the step is not allowed from `from`. */
export function nextStatus(from: TRequestStatus, action: TRequestAction): TRequestStatus | null {
  return REQUEST_TRANSITIONS.find((t) => t.from === from && t.action === action)?.to ?? null;
}

export const isOpenRequest = (s: TRequestStatus) => s !== 'decided' && s !== 'closed' && s !== 'withdrawn';

export const DECISION_OUTCOMES = ['granted', 'partly', 'refused'] as const;
export type TDecisionOutcome = (typeof DECISION_OUTCOMES)[number];

// ---- intake checklist ----

/**
 * What a checklist item checks. All but `document` are read off the data (an adopted OPP, the
 * groeidocument's needs, the parents informed / their signature on file); a `document` item is met
 * by an attachment uploaded for it.
 */
export const CHECKLIST_KINDS = ['opp_adopted', 'dossier_present', 'parents_informed', 'parents_signed', 'document'] as const;
export type TChecklistKind = (typeof CHECKLIST_KINDS)[number];
export interface TChecklistItem {
  /** Stable within the region's list: attachments point at it. */
  id: string;
  kind: TChecklistKind;
  /** The region's own wording, for `document` items ("Verslag psychologisch onderzoek"). */
  label?: string;
}

/** The defaults; a region replaces the list of a type in its settings (`requestChecklists`). */
export const DEFAULT_CHECKLISTS: Record<TRequestType, TChecklistItem[]> = {
  advice: [{ id: 'parents_informed', kind: 'parents_informed' }],
  arrangement: [
    { id: 'dossier_present', kind: 'dossier_present' },
    { id: 'parents_informed', kind: 'parents_informed' },
  ],
  tlv: [
    { id: 'opp_adopted', kind: 'opp_adopted' },
    { id: 'dossier_present', kind: 'dossier_present' },
    { id: 'parents_informed', kind: 'parents_informed' },
    { id: 'parents_signed', kind: 'parents_signed' },
  ],
  mdo: [{ id: 'parents_informed', kind: 'parents_informed' }],
  education_care: [
    { id: 'dossier_present', kind: 'dossier_present' },
    { id: 'parents_informed', kind: 'parents_informed' },
    { id: 'parents_signed', kind: 'parents_signed' },
  ],
};

// ---- TLV ----

export const TLV_SCHOOL_TYPES = ['SBO', 'SO', 'VSO'] as const;
export type TTlvSchoolType = (typeof TLV_SCHOOL_TYPES)[number];
/** Bekostigingscategorie; SBO has none. */
export const TLV_CATEGORIES = ['laag', 'midden', 'hoog'] as const;
export type TTlvCategory = (typeof TLV_CATEGORIES)[number];
export const TLV_MAX_YEARS = 12;

/**
 * Who may advise on a TLV (Wet passend onderwijs art. 18a lid 10): always an orthopedagoog or a
 * psycholoog, and a second expert of a kind the region allows, matched to the child.
 */
export const EXPERT_KINDS = ['orthopedagoog', 'psycholoog', 'kinderpsychiater', 'jeugdarts', 'maatschappelijk_werker', 'onderwijsspecialist'] as const;
export type TExpertKind = (typeof EXPERT_KINDS)[number];
export const CORE_EXPERT_KINDS: readonly TExpertKind[] = ['orthopedagoog', 'psycholoog'];
export const TLV_ADVICES_REQUIRED = 2;

/** Two advices from two people, at least one of them an orthopedagoog or psycholoog. */
export function advicesSufficient(advices: readonly { expertId: string; kind: TExpertKind; submitted: boolean }[]): boolean {
  const done = advices.filter((a) => a.submitted);
  return new Set(done.map((a) => a.expertId)).size >= TLV_ADVICES_REQUIRED && done.some((a) => CORE_EXPERT_KINDS.includes(a.kind));
}

/**
 * A TLV is valid for whole school years: it ends on 31 July. A start in the middle of a school
 * year counts the rest of that year as the first one.
 */
export function tlvValidUntil(validFrom: string, years: number): string {
  return schoolYearEnd(schoolYearOf(validFrom) + years - 1);
}

/** "2026-0007": the region's sequence number within the year of the decision. */
export const tlvNumber = (year: number, seq: number) => `${year}-${String(seq).padStart(4, '0')}`;

/** Re-assessment must start this many days before a TLV ends; the return plan is due in its last school year. */
export const TLV_REASSESS_NOTICE_DAYS = 183;

// ---- decision and objection ----

/** Awb art. 6:7: an objection (bezwaar) within six weeks of the day after the decision is sent. */
export const OBJECTION_TERM_DAYS = 42;
export const objectionDeadline = (sentOn: string) => addDays(sentOn, OBJECTION_TERM_DAYS);

export const OBJECTION_STATUSES = ['received', 'forwarded', 'upheld', 'rejected', 'withdrawn'] as const;
export type TObjectionStatus = (typeof OBJECTION_STATUSES)[number];

// ---- arrangements ----

export const EXECUTOR_KINDS = ['own_staff', 'pool', 'external'] as const;
export type TExecutorKind = (typeof EXECUTOR_KINDS)[number];
export const ARRANGEMENT_STATUSES = ['active', 'ended', 'stopped'] as const;
export type TArrangementStatus = (typeof ARRANGEMENT_STATUSES)[number];
export const GOALS_MET = ['yes', 'partly', 'no'] as const;
export const EVALUATION_OUTCOMES = ['continue', 'change', 'stop'] as const;
/** Request types whose granted decision is carried out as an arrangement. */
export const ARRANGEMENT_REQUEST_TYPES: readonly TRequestType[] = ['arrangement', 'education_care'];
