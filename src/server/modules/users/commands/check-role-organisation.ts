import { eq } from 'drizzle-orm';
import { ROLE_ORGANISATION_KIND, type TRole } from '../../../../shared/roles.js';
import { organisations } from '../../../db/schema/region.js';
import type { Tx } from '../../../platform/db.js';
import { fieldError } from '../../../platform/validation.js';

/** A role needs an organisation of the right kind (a teacher at a school, leerplicht at a gemeente…). */
export async function checkRoleOrganisation(tx: Tx, role: TRole, organisationId: string | null | undefined): Promise<string | null> {
  const kind = ROLE_ORGANISATION_KIND[role];
  if (kind === null) {
    if (organisationId) throw fieldError('organisationId', 'role_without_organisation');
    return null;
  }
  if (!organisationId) throw fieldError('organisationId', 'role_needs_organisation');
  const [o] = await tx.select({ kind: organisations.kind }).from(organisations).where(eq(organisations.id, organisationId));
  if (!o) throw fieldError('organisationId', 'unknown_organisation');
  if (o.kind !== kind) throw fieldError('organisationId', 'organisation_kind_mismatch');
  return organisationId;
}
