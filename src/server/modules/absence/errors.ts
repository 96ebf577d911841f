import { AppError } from '../../platform/errors.js';

/** A step that does not fit the case or episode as it is now (409), worded from `errors.absence_<state>`. */
export function absenceState(state: 'case_closed' | 'case_changed_meanwhile' | 'episode_already_ended'): AppError {
  const issues = state === 'case_changed_meanwhile' ? [{ field: 'rowVersion', rule: 'changed_meanwhile', message: '' }] : undefined;
  return new AppError('conflict', `errors.absence_${state}`, issues);
}

/** PostgreSQL's unique violation on one named index (a race the checks before it could not see). */
export function isUniqueViolation(err: unknown, index: string): boolean {
  const e = err as { code?: string; constraint?: string; message?: string; cause?: { code?: string; constraint?: string; message?: string } };
  const code = e.code ?? e.cause?.code;
  const text = `${e.constraint ?? ''} ${e.cause?.constraint ?? ''} ${e.message ?? ''} ${e.cause?.message ?? ''}`;
  return code === '23505' && text.includes(index);
}
