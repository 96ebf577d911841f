import { sql } from 'drizzle-orm';
import type { TRequestScope } from '../../../platform/context.js';
import { query } from '../../../platform/db.js';
import { loadDossier } from '../queries.js';

/** Makes sure the pupil has a dossier row, and locks it: writers to one dossier take turns. */
export async function lockDossier({ tx, actor }: TRequestScope, pupilId: string): Promise<number> {
  await tx.execute(sql`insert into dossiers (region_id, pupil_id) values (${actor.membership.regionId}, ${pupilId}) on conflict do nothing`);
  const [row] = await query<{ version: number }>(tx, sql`select version from dossiers where pupil_id = ${pupilId} for update`);
  return row!.version;
}

/**
 * After a change is written: the next version number, and a full snapshot of the dossier as it now
 * is, with which parts changed and by whom. Call after lockDossier, in the same transaction.
 */
export async function recordChange(scope: TRequestScope, pupilId: string, changedFields: string[]): Promise<number> {
  const { tx, actor } = scope;
  const m = actor.membership;
  const [row] = await query<{ version: number }>(
    tx,
    sql`update dossiers set version = version + 1, updated_at = now(), updated_by = ${actor.userId}
      where pupil_id = ${pupilId} returning version`,
  );
  const version = row!.version;
  const now = await loadDossier(tx, pupilId, false);
  await tx.execute(sql`insert into dossier_versions
      (region_id, pupil_id, version, snapshot, changed_fields, changed_by, changed_by_role, changed_by_organisation_id)
    values (${m.regionId}, ${pupilId}, ${version}, ${JSON.stringify(now!.content)}::jsonb,
      ${sql`array[${sql.join(changedFields.map((f) => sql`${f}`), sql`, `)}]::text[]`}, ${actor.userId}, ${m.role}, ${m.organisationId})`);
  return version;
}

/** Parts changed by others since `baseVersion` (for merging edits that do not overlap). */
export async function changedSince(scope: TRequestScope, pupilId: string, baseVersion: number): Promise<Set<string>> {
  const rows = await query<{ f: string }>(
    scope.tx,
    sql`select distinct unnest(changed_fields) as f from dossier_versions where pupil_id = ${pupilId} and version > ${baseVersion}`,
  );
  return new Set(rows.map((r) => r.f));
}
