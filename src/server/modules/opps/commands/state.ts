import type { TFieldIssue } from '../../../../shared/errors.js';
import type { TOppStatus } from '../../../../shared/schemas/opp.js';
import type { opps } from '../../../db/schema/opp.js';

export type TOppRow = typeof opps.$inferSelect;

/**
 * The OPP's life: draft → awaiting_assent → adopted (→ superseded by a newer adopted version), or
 * awaiting_assent → disagreed → (edited) draft. The commands and the `policies` in the answer use
 * these same predicates, so the UI offers exactly what the server accepts.
 */
export const OPEN_STATUSES: readonly TOppStatus[] = ['draft', 'awaiting_assent', 'disagreed'];
export const isOpen = (s: TOppStatus) => OPEN_STATUSES.includes(s);
/** A disagreed version is reworked: editing it makes it a draft again. */
export const isEditable = (s: TOppStatus) => s === 'draft' || s === 'disagreed';
export const isSubmittable = (s: TOppStatus) => s === 'draft';
export const awaitsAssent = (s: TOppStatus) => s === 'awaiting_assent';
export const isEvaluable = (s: TOppStatus) => s === 'adopted';
/** Every version that was adopted can be printed; drafts never leave the system as a plan. */
export const hasPdf = (s: TOppStatus) => s === 'adopted' || s === 'superseded';

/**
 * What the law needs before the parents are asked: the perspectief with its reasoning, the OOGO
 * with the parents, at least one line of support in the handelingsdeel, and the hoorrecht.
 */
export function missingForSubmit(o: TOppRow): TFieldIssue[] {
  const missing: TFieldIssue[] = [];
  const need = (field: string, ok: unknown, rule = 'opp_required_for_submit') => {
    if (!ok) missing.push({ field, rule, message: '' });
  };
  need('outflowDestination', o.outflowDestination);
  need('reasoning', o.reasoning);
  need('oogoDate', o.oogoDate);
  need('oogoOutcome', o.oogoOutcome);
  need('support', o.support.length > 0, 'opp_support_required');
  if (o.pupilHeard === null) need('pupilHeard', false, 'opp_hearing_required');
  else if (o.pupilHeard) need('hearingDate', o.hearingDate);
  else need('notHeardReason', o.notHeardReason);
  return missing;
}
