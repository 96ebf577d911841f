import type { TMemberActor } from '../platform/context.js';
import { AppError } from '../platform/errors.js';

/**
 * Deny by default. Each subject has its own file with pure rules: (actor, subject) → boolean.
 * A denied read of a record answers 404 (its existence is not confirmed); a denied action on a
 * collection answers 403.
 */
export function authorizeRecord<T>(record: T | null | undefined, allow: (r: T) => boolean): T {
  if (record === null || record === undefined || !allow(record)) throw new AppError('not_found');
  return record;
}

export function authorizeAction(allowed: boolean): void {
  if (!allowed) throw new AppError('forbidden');
}

export type { TMemberActor };
