/**
 * Signaleringsplan rules (plan B, C and D), pure so server, web and the task inbox agree.
 * Dates are YYYY-MM-DD calendar days in the Netherlands (see shared/school-year.ts).
 */
import { SIGNAL_LEVELS, type TSignalLevel, type TSignalStatus } from './meeting.js';

/**
 * A plan signals when it is still waiting and its trigger date has come (the day itself counts).
 * The task inbox mirrors this in SQL: `status = 'waiting' and trigger_on <= <Dutch today>`.
 */
export function isSignalTriggered(plan: { status: TSignalStatus; triggerOn: string | null }, today: string): boolean {
  return plan.status === 'waiting' && plan.triggerOn !== null && plan.triggerOn <= today;
}

/** The plan that must exist first: C needs B, D needs C ("wat als dat ook niet werkt?"). */
export function previousLevel(level: TSignalLevel): TSignalLevel | null {
  const i = SIGNAL_LEVELS.indexOf(level);
  return i > 0 ? SIGNAL_LEVELS[i - 1]! : null;
}

/** The level missing before `level` can be written, given the levels the child has; null when it may. */
export function missingLevelBefore(level: TSignalLevel, existing: readonly TSignalLevel[]): TSignalLevel | null {
  const previous = previousLevel(level);
  return previous && !existing.includes(previous) ? previous : null;
}

/** Starting a plan is a decision others must be able to follow: why it starts now is written down. */
export const statusNeedsNote = (status: TSignalStatus) => status === 'activated';
