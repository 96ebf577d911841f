import { AppError } from '../../platform/errors.js';

/** A step that does not fit the meeting's status now (409): worded from `errors.meeting_<state>`. */
type TMeetingState =
  | 'not_scheduled'
  | 'not_held'
  | 'not_open'
  | 'not_closed'
  | 'not_yet_held'
  | 'changed_meanwhile'
  | 'organiser_stays';

export function meetingState(state: TMeetingState, params?: Record<string, unknown>): AppError {
  return new AppError('conflict', `errors.meeting_${state}`, undefined, params);
}

type TMeetingProblem =
  | 'in_past'
  | 'held_before_day'
  | 'next_date_not_future'
  | 'due_in_past'
  | 'not_invitable'
  | 'already_invited';

/**
 * A rule of this module failed on one field; the error handler words the issue from
 * `errors.meeting_<problem>` (with `params`, e.g. the meeting's day) in the asker's language.
 */
export function meetingProblem(
  field: string,
  problem: TMeetingProblem,
  o: { code?: 'validation' | 'conflict'; params?: Record<string, unknown> } = {},
): AppError {
  const code = o.code ?? 'validation';
  return new AppError(code, code === 'validation' ? 'errors.validation' : `errors.meeting_${problem}`, [
    { field, rule: `meeting_${problem}`, message: '', params: o.params },
  ], o.params);
}
