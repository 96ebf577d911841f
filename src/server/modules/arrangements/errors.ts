import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { pickLocale, t } from '../../platform/i18n.js';

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
 * A rule of this module failed on one field. The text lives under `errors.arrangement_<problem>`;
 * the platform's error handler only looks under `validation.<rule>`, so `worded` fills it in.
 */
export function arrangementProblem(field: string, problem: TArrangementProblem, code: 'validation' | 'conflict' = 'validation'): AppError {
  return new AppError(code, `errors.arrangement_${problem}`, [{ field, rule: `arrangement_${problem}`, message: '' }]);
}

/** Runs a handler and words this module's field problems in the person's language. */
export async function worded<T>(req: FastifyRequest, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof AppError && e.issues) {
      const locale = pickLocale(req.actor?.locale, req.headers['accept-language']);
      for (const issue of e.issues) {
        if (!issue.message && issue.rule.startsWith('arrangement_')) issue.message = t(locale, `errors.${issue.rule}`, { ...e.params, field: issue.field });
      }
    }
    throw e;
  }
}
