/**
 * MDO / ondersteuningsteam, regievoerder and signaleringsplan (modules 7 and 17 of PRODUCT.md).
 * Pure constants and rules shared by server and web.
 */

/** mdo: multidisciplinair overleg at school; ot: the SWV's ondersteuningsteam. */
export const MEETING_KINDS = ['mdo', 'ot'] as const;
export type TMeetingKind = (typeof MEETING_KINDS)[number];

/**
 * scheduled → held (notes being written) → closed (next date set, summary final); cancelled any
 * time before it is closed.
 */
export const MEETING_STATUSES = ['scheduled', 'held', 'closed', 'cancelled'] as const;
export type TMeetingStatus = (typeof MEETING_STATUSES)[number];

/** How a participant takes part; decides the wording of the invitation and of the summary. */
export const PARTICIPANT_KINDS = ['school', 'swv', 'care_partner', 'parent', 'pupil', 'other'] as const;
export type TParticipantKind = (typeof PARTICIPANT_KINDS)[number];

/**
 * The parents' consent to hold the meeting with these participants. Until it is `given`,
 * participants from outside the school and the SWV see only the date and place.
 */
export const MEETING_CONSENTS = ['pending', 'given', 'refused'] as const;
export type TMeetingConsent = (typeof MEETING_CONSENTS)[number];

export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;
export type TActionStatus = (typeof ACTION_STATUSES)[number];

/** Signaleringsplan: what happens when help stalls — plan B, then C, then D. */
export const SIGNAL_LEVELS = ['B', 'C', 'D'] as const;
export type TSignalLevel = (typeof SIGNAL_LEVELS)[number];
/** waiting: the trigger is watched; activated: the plan is being carried out; closed: no longer needed. */
export const SIGNAL_STATUSES = ['waiting', 'activated', 'closed'] as const;
export type TSignalStatus = (typeof SIGNAL_STATUSES)[number];

/** Why a case lead's period ended. */
export const CASE_LEAD_END_REASONS = ['handed_over', 'case_closed'] as const;
export type TCaseLeadEndReason = (typeof CASE_LEAD_END_REASONS)[number];

/**
 * Every clock of the system as a task in someone's inbox, computed from the records (never
 * stored): a task is done when the thing it points at is done.
 */
export const TASK_KINDS = [
  'opp_due',
  'opp_evaluation_due',
  'opp_disagreed',
  'arrangement_evaluation',
  'tlv_reassess',
  'tlv_return_plan',
  'request_waiting',
  'advice_waiting',
  'action_item',
  'signal_trigger',
  'meeting_report',
  'consent_expiring',
  /** An open absence case without an owner: the region's thuiszitter coordinator picks one. */
  'absence_no_owner',
  /** An open absence case whose next date has passed: its owner sets a new one. */
  'absence_next_date',
] as const;
export type TTaskKind = (typeof TASK_KINDS)[number];

/** A consent shows as a task this many days before it ends, so it can be renewed in time. */
export const CONSENT_EXPIRY_NOTICE_DAYS = 30;
/** An arrangement evaluation shows this many days before its date. */
export const ARRANGEMENT_EVALUATION_NOTICE_DAYS = 14;
/** A meeting's notes are due this many days after it was held. */
export const MEETING_REPORT_DAYS = 7;

/** Limits on free text, in characters. */
export const MEETING_TEXT_MAX = 10_000;
export const MEETING_LINE_MAX = 500;
