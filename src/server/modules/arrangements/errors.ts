import { AppError } from '../../platform/errors.js';

type TArrangementProblem =
  | 'type_name_taken'
  | 'type_unknown'
  | 'executor_not_allowed'
  | 'end_before_start'
  | 'evaluation_outside_period'
  | 'spend_outside_period'
  | 'held_before_start'
  | 'held_in_future'
  | 'extension_with_stop';

/**
 * A rule of this module failed on one field. The error handler words it from
 * `errors.arrangement_<problem>` in the asker's language.
 */
export function arrangementProblem(field: string, problem: TArrangementProblem, code: 'validation' | 'conflict' = 'validation'): AppError {
  return new AppError(code, `errors.arrangement_${problem}`, [{ field, rule: `arrangement_${problem}`, message: '' }]);
}
