import type { TFieldIssue } from '../../shared/errors.js';
import { AppError } from './errors.js';

interface TIssueLike {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

/**
 * Maps a zod issue to a rule name (an i18n key under `validation.`). A schema can name its own
 * rule with a message of the form `rule:<name>`.
 */
export function ruleOf(issue: TIssueLike): { rule: string; params: Record<string, unknown> } {
  const p = issue.params;
  if (issue.message?.startsWith('rule:')) return { rule: issue.message.slice(5), params: p };
  switch (issue.keyword) {
    case 'invalid_type':
      return { rule: p.input === undefined || p.input === null ? 'required' : 'invalid_type', params: p };
    case 'too_small':
      if (p.origin === 'string') return Number(p.minimum) <= 1 ? { rule: 'required', params: p } : { rule: 'too_short', params: { min: p.minimum } };
      return { rule: 'too_small', params: { min: p.minimum } };
    case 'too_big':
      return p.origin === 'string' ? { rule: 'too_long', params: { max: p.maximum } } : { rule: 'too_big', params: { max: p.maximum } };
    case 'invalid_format':
      if (p.format === 'email') return { rule: 'invalid_email', params: p };
      if (p.format === 'uuid') return { rule: 'invalid_uuid', params: p };
      if (p.format === 'date') return { rule: 'invalid_date', params: p };
      return { rule: 'invalid_format', params: p };
    case 'invalid_value':
      return { rule: 'invalid_enum', params: p };
    case 'unrecognized_keys':
      return { rule: 'unknown_field', params: p };
    default:
      return { rule: 'invalid_format', params: p };
  }
}

export function issuesToAppError(
  issues: TIssueLike[],
  translate: (key: string, params?: Record<string, unknown>) => string,
): AppError {
  const out: TFieldIssue[] = issues.map((i) => {
    const { rule, params } = ruleOf(i);
    const field = i.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(body)';
    return { field, rule, message: translate(`validation.${rule}`, { ...params, field }) };
  });
  return new AppError('validation', 'errors.validation', out);
}

/** A domain rule failed on a field (e.g. an unknown school): a validation error naming it. */
export function fieldError(field: string, rule: string, params: Record<string, unknown> = {}): AppError {
  return new AppError('validation', 'errors.validation', [{ field, rule, message: '' }], params);
}
