/**
 * Verzuim and thuiszitters (module 8 of PRODUCT.md): the kinds of absence, the region's
 * thuiszitter definition and escalation ladder, and the pure rules on them, so the server, the
 * web and the jobs agree. Dates are YYYY-MM-DD calendar days in the Netherlands.
 */
import { addDays, daysBetween } from './school-year.js';

/**
 * unauthorised: 16 hours of unauthorised absence within 4 school weeks (the school must report it);
 * long_relative: enrolled but away longer than 4 weeks; absolute: of compulsory school age and not
 * enrolled anywhere; exemption_5a/5b/5c: exempt under art. 5 Leerplichtwet until an end date;
 * sick: ill and unable to attend; sick_partly: ill but able to attend part of the time.
 */
export const ABSENCE_KINDS = [
  'unauthorised',
  'long_relative',
  'absolute',
  'exemption_5a',
  'exemption_5b',
  'exemption_5c',
  'sick',
  'sick_partly',
] as const;
export type TAbsenceKind = (typeof ABSENCE_KINDS)[number];

export const EXEMPTION_KINDS: readonly TAbsenceKind[] = ['exemption_5a', 'exemption_5b', 'exemption_5c'];
export const isExemption = (kind: TAbsenceKind) => EXEMPTION_KINDS.includes(kind);

/** How a case ended; "back at school" and "other school" are the outcomes a region wants. */
export const ABSENCE_CLOSE_REASONS = ['back_at_school', 'other_school', 'exemption', 'moved', 'other'] as const;
export type TAbsenceCloseReason = (typeof ABSENCE_CLOSE_REASONS)[number];

/** What an escalation step waits for: a written plan, or an education offer for the child. */
export const LADDER_CONDITIONS = ['no_plan', 'no_offer'] as const;
export type TLadderCondition = (typeof LADDER_CONDITIONS)[number];
/** Who an escalation step calls in: the region's thuiszitter coordinator or its escalation contact. */
export const LADDER_TARGETS = ['coordinator', 'escalation_contact'] as const;
export type TLadderTarget = (typeof LADDER_TARGETS)[number];
export const PERIOD_UNITS = ['days', 'weeks', 'months'] as const;
export type TPeriodUnit = (typeof PERIOD_UNITS)[number];

export interface TLadderStep {
  /** Stable key: an escalation is recorded once per case and key. */
  key: string;
  condition: TLadderCondition;
  after: { amount: number; unit: TPeriodUnit };
  target: TLadderTarget;
}

export interface TAbsenceReason {
  id: string;
  label: string;
  /** Retired reasons stay readable on old episodes but cannot be chosen any more. */
  active: boolean;
}

export interface TThuiszitterDefinition {
  /** Days out of school before a child counts as thuiszitter (28: "4 weeks or longer"). */
  minDays: number;
  /** Which kinds of absence count; an open exemption always stops the count. */
  countedKinds: TAbsenceKind[];
}

export interface TAbsenceSettings {
  thuiszitter: TThuiszitterDefinition;
  ladder: TLadderStep[];
  reasons: TAbsenceReason[];
  /** The SWV's thuiszitter coordinator (a user of the region); null: every consultant is told. */
  coordinatorUserId: string | null;
  /** The regional escalation contact of the breakthrough approach (often outside Rondom). */
  escalationContact: { name: string; email: string } | null;
}

export const DEFAULT_ABSENCE_SETTINGS: TAbsenceSettings = {
  thuiszitter: { minDays: 28, countedKinds: ['long_relative', 'absolute', 'sick_partly'] },
  ladder: [
    { key: 'no_plan', condition: 'no_plan', after: { amount: 2, unit: 'weeks' }, target: 'coordinator' },
    { key: 'no_offer', condition: 'no_offer', after: { amount: 3, unit: 'months' }, target: 'escalation_contact' },
  ],
  reasons: [
    { id: 'psychisch', label: 'Psychische klachten', active: true },
    { id: 'lichamelijk', label: 'Lichamelijke klachten of ziekte', active: true },
    { id: 'wachtlijst', label: 'Wacht op passend aanbod of hulp', active: true },
    { id: 'schoolweigering', label: 'Schoolangst of schoolweigering', active: true },
    { id: 'gedrag', label: 'Gedrag, schorsing of verwijdering', active: true },
    { id: 'thuissituatie', label: 'Thuissituatie', active: true },
    { id: 'conflict', label: 'Conflict tussen ouders en school', active: true },
  ],
  coordinatorUserId: null,
  escalationContact: null,
};

/** The region's settings with the defaults for whatever it has not set. */
export function absenceSettings(stored: Partial<TAbsenceSettings> | null | undefined): TAbsenceSettings {
  return { ...DEFAULT_ABSENCE_SETTINGS, ...(stored ?? {}) };
}

/** Limits of the API's inputs, plain values so the web can use them without bundling zod. */
export const ABSENCE_TEXT_MAX = 2000;
/** Who carries out the plan, in a line. */
export const PLAN_BY_MAX = 200;
export const ABSENCE_REASONS_MAX = 40;
export const ABSENCE_LADDER_MAX = 6;
/** The longest period the figures are asked for: five years. */
export const PERIOD_MAX_DAYS = 5 * 366;

/** Counts below this are shown as "< 5" to viewers who may only see anonymised figures. */
export const SMALL_COUNT = 5;
export type TCount = number | '<5';
export const suppress = (n: number): TCount => (n < SMALL_COUNT ? '<5' : n);

/**
 * A breakdown whose total is shown: one hidden row alone could be worked out as the total minus
 * the others, so the smallest shown row is hidden with it.
 */
export function suppressRows(counts: readonly number[]): TCount[] {
  const out = counts.map(suppress);
  const hidden = out.filter((c) => c === '<5').length;
  if (hidden === 1) {
    let smallest = -1;
    out.forEach((c, i) => {
      if (c !== '<5' && (smallest < 0 || counts[i]! < counts[smallest]!)) smallest = i;
    });
    if (smallest >= 0) out[smallest] = '<5';
  }
  return out;
}

export interface TEpisodeFacts {
  kind: TAbsenceKind;
  startedOn: string;
  /** The last day of the episode; null while it lasts. */
  endedOn: string | null;
}

/** An episode is open on `today` when it has started and not ended before today. */
export const isOpenOn = (e: TEpisodeFacts, today: string) => e.startedOn <= today && (e.endedOn === null || e.endedOn >= today);

/**
 * The first day the child has been out of education by the region's definition: the earliest start
 * of an open counted episode. Null when nothing counts, or while an exemption runs.
 * Mirrored in SQL by the overview (modules/absence/figures.ts); keep them together.
 */
export function countingSince(episodes: readonly TEpisodeFacts[], def: TThuiszitterDefinition, today: string): string | null {
  const open = episodes.filter((e) => isOpenOn(e, today));
  if (open.some((e) => isExemption(e.kind))) return null;
  const starts = open.filter((e) => def.countedKinds.includes(e.kind)).map((e) => e.startedOn);
  return starts.length ? starts.reduce((a, b) => (a < b ? a : b)) : null;
}

/**
 * Days without education shown on the case: from the counting start to today, or to the day an
 * education offer started (the child then has education again, even if only part of the week).
 */
export function daysWithoutEducation(since: string | null, today: string, offerFrom: string | null): number {
  if (!since) return 0;
  const until = offerFrom && offerFrom < today ? offerFrom : today;
  return Math.max(0, daysBetween(since, until));
}

/** A thuiszitter: out of school for at least the region's number of days, by the counted kinds. */
export function isThuiszitter(since: string | null, def: TThuiszitterDefinition, today: string): boolean {
  return since !== null && daysBetween(since, today) >= def.minDays;
}

/** 31 January + 1 month is the last day of February, as people count months. */
export function addPeriod(day: string, amount: number, unit: TPeriodUnit): string {
  if (unit === 'days') return addDays(day, amount);
  if (unit === 'weeks') return addDays(day, amount * 7);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const monthIndex = y * 12 + (m - 1) + amount;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export interface TCaseFacts {
  openedOn: string;
  closedOn: string | null;
  ownerUserId: string | null;
  plan: string | null;
  nextDate: string | null;
  offerFrom: string | null;
}

/**
 * The day a ladder step falls due for a case: "no plan" counts from the day the case was opened,
 * "no offer" from the day the child has been out of education (or the opening, if nothing counts).
 * Null when the step's condition is already met.
 */
export function stepDueOn(step: TLadderStep, c: TCaseFacts, since: string | null): string | null {
  if (step.condition === 'no_plan' && c.plan) return null;
  if (step.condition === 'no_offer' && c.offerFrom) return null;
  const from = step.condition === 'no_offer' ? (since ?? c.openedOn) : c.openedOn;
  return addPeriod(from, step.after.amount, step.after.unit);
}

/** The steps that have come due on `today` for an open case (the job records each once). */
export function dueSteps(
  ladder: readonly TLadderStep[],
  c: TCaseFacts,
  since: string | null,
  today: string,
): { step: TLadderStep; dueOn: string }[] {
  if (c.closedOn) return [];
  return ladder.flatMap((step) => {
    const dueOn = stepDueOn(step, c, since);
    return dueOn && dueOn <= today ? [{ step, dueOn }] : [];
  });
}

/** What needs attention on an open case; the first two show red on the overview and are tasks. */
export const CASE_FLAGS = ['no_owner', 'next_date_passed', 'no_plan', 'no_next_date'] as const;
export type TCaseFlag = (typeof CASE_FLAGS)[number];
export const RED_FLAGS: readonly TCaseFlag[] = ['no_owner', 'next_date_passed'];

export function caseFlags(c: TCaseFacts, today: string): TCaseFlag[] {
  if (c.closedOn) return [];
  const flags: TCaseFlag[] = [];
  if (!c.ownerUserId) flags.push('no_owner');
  if (c.nextDate && c.nextDate < today) flags.push('next_date_passed');
  if (!c.plan) flags.push('no_plan');
  if (!c.nextDate) flags.push('no_next_date');
  return flags;
}
