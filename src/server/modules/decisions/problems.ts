import type { TMemberActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { pickLocale, t } from '../../platform/i18n.js';

/**
 * A rule of this module failed on one field (an expert who is not one, a category for SBO): a
 * validation error naming the field, with the module's own message (errors.expert_*, errors.tlv_*…)
 * in the actor's language, so the form can put it under the field.
 */
export function fieldProblem(actor: TMemberActor, field: string, key: string, params: Record<string, unknown> = {}): AppError {
  const message = t(pickLocale(actor.locale), key, params);
  return new AppError('validation', 'errors.validation', [{ field, rule: key.replace(/^errors\./, ''), message }], params);
}
