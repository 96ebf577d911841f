import { sql } from 'drizzle-orm';
import { DOSSIER_FIELDS, type TDossierField, type TDossierPatch } from '../../../../shared/schemas/dossier.js';
import type { TRequestScope } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { changedSince, lockDossier, recordChange } from './record-change.js';

const COLUMN: Record<TDossierField, string> = {
  needs: 'needs',
  promotingFactors: 'promoting_factors',
  hinderingFactors: 'hindering_factors',
  pupilView: 'pupil_view',
  parentView: 'parent_view',
  extraSupportSince: 'extra_support_since',
};
const JSON_FIELDS: TDossierField[] = ['needs', 'promotingFactors', 'hinderingFactors'];

/**
 * Saves the parts of the dossier the editor changed. When someone else saved since the editor
 * opened it, parts they did not touch are merged; a part both changed is a conflict that names
 * the part, so nobody's work is lost silently.
 */
export async function updateDossier(scope: TRequestScope, pupilId: string, patch: TDossierPatch): Promise<number> {
  const fields = DOSSIER_FIELDS.filter((f) => patch[f] !== undefined);
  const current = await lockDossier(scope, pupilId);
  if (patch.baseVersion > current) throw new AppError('validation', 'errors.dossier_version_unknown');
  if (patch.baseVersion < current) {
    const theirs = await changedSince(scope, pupilId, patch.baseVersion);
    const clash = fields.filter((f) => theirs.has(f));
    if (clash.length)
      throw new AppError(
        'conflict',
        'errors.dossier_changed_meanwhile',
        clash.map((field) => ({ field, rule: 'changed_meanwhile', message: '' })),
      );
  }
  const sets = fields.map((f) => {
    const v = patch[f];
    const value = JSON_FIELDS.includes(f) ? sql`${JSON.stringify(v)}::jsonb` : f === 'extraSupportSince' ? sql`${v}::date` : sql`${v}`;
    return sql`${sql.identifier(COLUMN[f])} = ${value}`;
  });
  await scope.tx.execute(sql`update dossiers set ${sql.join(sets, sql`, `)} where pupil_id = ${pupilId}`);
  return recordChange(scope, pupilId, fields);
}
