import type { TChecklistEntry } from '../../../shared/schemas/support-request.js';
import { AppError } from '../../platform/errors.js';

/** A field problem of this module; the error handler words it from `validation.<rule>`. */
export interface TIssue {
  field: string;
  rule: string;
  params?: Record<string, unknown>;
}

/** 400: what the person typed or chose does not fit. */
export function invalid(issues: TIssue[]): AppError {
  return new AppError(
    'validation',
    'errors.validation',
    issues.map((i) => ({ ...i, message: '' })),
  );
}

/** 409 for "complete" while the checklist misses items: one issue per missing item, named in words. */
export function checklistMissing(missing: TChecklistEntry[]): AppError {
  return new AppError(
    'conflict',
    'errors.request_checklist_incomplete',
    missing.map((m) => ({ field: `checklist.${m.id}`, rule: `missing_${m.kind}`, message: '', params: { label: m.label ?? m.id } })),
  );
}
