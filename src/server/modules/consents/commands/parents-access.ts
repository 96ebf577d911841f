import { sql } from 'drizzle-orm';
import type { TRequestScope } from '../../../platform/context.js';
import { query } from '../../../platform/db.js';

/**
 * The pupil (from 16) says whether their parents keep access. Saying no again keeps the first
 * date, so the file shows since when. Guardians lose access at once: every read checks it.
 */
export async function setParentsAccess({ tx, audit }: TRequestScope, pupilId: string, keep: boolean) {
  const [row] = await query<{ refused_at: unknown }>(
    tx,
    sql`update pupils set updated_at = now(), parents_access_refused_at =
        case when ${keep} then null else coalesce(parents_access_refused_at, now()) end
      where id = ${pupilId} returning parents_access_refused_at as refused_at`,
  );
  await audit({ action: 'pupil.parents_access', subjectType: 'pupil', subjectId: pupilId, pupilId, details: { parentsKeepAccess: keep } });
  return row!;
}
