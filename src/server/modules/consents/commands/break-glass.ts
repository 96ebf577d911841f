import { sql } from 'drizzle-orm';
import { BREAK_GLASS_HOURS } from '../../../../shared/consent.js';
import type { TRequestScope } from '../../../platform/context.js';
import { query } from '../../../platform/db.js';
import { AppError } from '../../../platform/errors.js';

/**
 * Opens the child's file to a consultant without a relation, for BREAK_GLASS_HOURS. The reason
 * goes into the audit row's own `reason` column, so the chain proves why it was opened.
 */
export async function openBreakGlass({ tx, actor, audit }: TRequestScope, pupilId: string, reason: string) {
  const [row] = await query<{ id: string; started_at: unknown; expires_at: unknown }>(
    tx,
    sql`insert into break_glass_accesses (region_id, pupil_id, user_id, reason, expires_at)
      values (${actor.membership.regionId}, ${pupilId}, ${actor.userId}, ${reason}, now() + make_interval(hours => ${BREAK_GLASS_HOURS}))
      returning id, started_at, expires_at`,
  );
  await audit({ action: 'pupil.break_glass', subjectType: 'pupil', subjectId: pupilId, pupilId, reason, details: { breakGlassId: row!.id } });
  return row!;
}

/** Functioneel beheer marks an opening as reviewed, once. */
export async function reviewBreakGlass({ tx, actor, audit }: TRequestScope, id: string, note: string) {
  const [row] = await query<{ pupil_id: string }>(
    tx,
    sql`update break_glass_accesses set reviewed_at = now(), reviewed_by = ${actor.userId}, review_note = ${note}
      where id = ${id} and reviewed_at is null returning pupil_id`,
  );
  if (!row) throw new AppError('conflict', 'errors.break_glass_already_reviewed');
  // on the child's trail too: the family sees that the SWV looked at the emergency opening
  await audit({ action: 'break_glass.review', subjectType: 'break_glass', subjectId: id, pupilId: row.pupil_id });
}
