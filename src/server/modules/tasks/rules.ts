import { ARRANGEMENT_EVALUATION_NOTICE_DAYS, CONSENT_EXPIRY_NOTICE_DAYS, MEETING_REPORT_DAYS, type TMeetingStatus, type TSignalStatus } from '../../../shared/meeting.js';
import { addDays } from '../../../shared/school-year.js';
import { isSignalTriggered } from '../../../shared/signal-plan.js';
import { ADVICE_WAITING_DAYS, REQUEST_WAITING_DAYS } from '../../../shared/tasks.js';

/**
 * The task clocks that are new with the inbox, as pure rules on calendar days (YYYY-MM-DD, the
 * Dutch day). queries.ts computes the same in SQL; tests hold both to these rules on fixed dates.
 * The OPP and TLV clocks have theirs in opps/clocks.ts and decisions/clocks.ts.
 */

export interface TDue {
  dueOn: string;
  overdue: boolean;
}
const due = (dueOn: string, today: string): TDue => ({ dueOn, overdue: dueOn < today });

/**
 * The arrangement's next evaluation: the first planned date after the last one held. An evaluation
 * held in the notice window before a planned date (a little early) counts for that date.
 */
export function nextArrangementEvaluation(dates: readonly string[], lastHeldOn: string | null): string | null {
  const after = lastHeldOn ? addDays(lastHeldOn, ARRANGEMENT_EVALUATION_NOTICE_DAYS) : null;
  return [...dates].sort().find((d) => after === null || d > after) ?? null;
}

/** arrangement_evaluation: shows from the notice days before the date until it is held. */
export function arrangementEvaluationOn(
  a: { status: string; evaluationDates: readonly string[]; lastHeldOn: string | null },
  today: string,
): TDue | null {
  if (a.status !== 'active') return null;
  const next = nextArrangementEvaluation(a.evaluationDates, a.lastHeldOn);
  return next && next <= addDays(today, ARRANGEMENT_EVALUATION_NOTICE_DAYS) ? due(next, today) : null;
}

/** request_waiting: two weeks after the request's last step (for a draft: since it was started). */
export const requestWaitingOn = (lastStepDay: string, today: string): TDue => due(addDays(lastStepDay, REQUEST_WAITING_DAYS), today);

/** advice_waiting: three weeks after the expert was asked. */
export const adviceWaitingOn = (assignedDay: string, today: string): TDue => due(addDays(assignedDay, ADVICE_WAITING_DAYS), today);

/**
 * meeting_report: the notes of a held meeting are due a week after its day. A meeting still
 * "scheduled" more than a day after its day was held (or should be cancelled): the same task.
 */
export function meetingReportOn(m: { status: TMeetingStatus; day: string }, today: string): TDue | null {
  const open = m.status === 'held' || (m.status === 'scheduled' && m.day < addDays(today, -1));
  return open ? due(addDays(m.day, MEETING_REPORT_DAYS), today) : null;
}

/** consent_expiring: a valid consent with an end date shows from a month before it ends. */
export function consentExpiringOn(
  c: { validFrom: string; validUntil: string | null; withdrawn: boolean; replaced: boolean },
  today: string,
): TDue | null {
  if (c.withdrawn || c.replaced || !c.validUntil || c.validFrom > today) return null;
  if (c.validUntil < today || c.validUntil > addDays(today, CONSENT_EXPIRY_NOTICE_DAYS)) return null;
  return due(c.validUntil, today);
}

/** signal_trigger: a waiting plan whose trigger day has come gives the case lead a task (shared/signal-plan.ts). */
export function signalTriggerOn(p: { status: TSignalStatus; triggerOn: string | null }, today: string): TDue | null {
  return isSignalTriggered(p, today) && p.triggerOn ? due(p.triggerOn, today) : null;
}
