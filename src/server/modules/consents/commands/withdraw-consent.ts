import { sql } from 'drizzle-orm';
import type { TRequestScope } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { type TChildRelation, childFilePolicy } from '../../../policies/child-file.js';
import { authorizeAction } from '../../../policies/index.js';
import { lockConsent } from '../queries.js';

/**
 * Ends a consent now. Access that rested on it ends with it: every read checks withdrawn_at
 * (pupils/relation.ts), so there is nothing to revoke elsewhere.
 */
export async function withdrawConsent({ tx, actor, audit }: TRequestScope, rel: TChildRelation, consentId: string): Promise<void> {
  const c = await lockConsent(tx, consentId);
  if (!c || c.pupil_id !== rel.pupilId) throw new AppError('not_found');
  authorizeAction(childFilePolicy.withdrawConsent(actor, rel, { givenByKind: c.given_by_kind }));
  // a consent that has not started yet can be called off too; one that has ended cannot end again
  if (c.status !== 'valid' && c.status !== 'not_yet') throw new AppError('conflict', 'errors.consent_not_valid');
  await tx.execute(sql`update consents set withdrawn_at = now(), withdrawn_by = ${actor.userId} where id = ${c.id}`);
  await audit({ action: 'consent.withdraw', subjectType: 'consent', subjectId: c.id, pupilId: rel.pupilId });
}
