import type { FastifyRequest } from 'fastify';
import type { TFieldIssue } from '../../../shared/errors.js';
import type { TChecklistEntry } from '../../../shared/schemas/support-request.js';
import { AppError } from '../../platform/errors.js';
import { pickLocale, t } from '../../platform/i18n.js';

/**
 * Field problems of this module, worded from `requests.rules.*` in the asker's language here
 * (the error handler only words `validation.*` rules itself).
 */
export interface TIssue {
  field: string;
  rule: string;
  params?: Record<string, unknown>;
}

export function translator(req: FastifyRequest) {
  const locale = pickLocale(req.actor?.locale, req.headers['accept-language']);
  return (key: string, params?: Record<string, unknown>) => t(locale, key, params);
}

const worded = (req: FastifyRequest, issues: TIssue[]): TFieldIssue[] => {
  const tr = translator(req);
  return issues.map((i) => ({ field: i.field, rule: i.rule, message: tr(`requests.rules.${i.rule}`, i.params) }));
};

/** 400: what the person typed or chose does not fit. */
export function invalid(req: FastifyRequest, issues: TIssue[]): AppError {
  return new AppError('validation', 'errors.validation', worded(req, issues));
}

/** 409 for "complete" while the checklist misses items: one issue per missing item, named in words. */
export function checklistMissing(req: FastifyRequest, missing: TChecklistEntry[]): AppError {
  const tr = translator(req);
  return new AppError(
    'conflict',
    'errors.request_checklist_incomplete',
    worded(
      req,
      missing.map((m) => ({
        field: `checklist.${m.id}`,
        rule: `missing_${m.kind}`,
        params: { label: m.label ?? tr(`requests.checklist.kind.${m.kind}`) },
      })),
    ),
  );
}
