import { sql } from 'drizzle-orm';
import { PUPIL_SELF_DECIDES_AGE } from '../../../../shared/consent.js';
import type { TConsentInput } from '../../../../shared/schemas/consent.js';
import { consents } from '../../../db/schema/consent.js';
import type { TRequestScope } from '../../../platform/context.js';
import { query } from '../../../platform/db.js';
import { fieldError } from '../../../platform/validation.js';
import { type TChildRelation, childFilePolicy } from '../../../policies/child-file.js';
import { authorizeAction } from '../../../policies/index.js';
import { lockConsent } from '../queries.js';

/**
 * Who the consent comes from, decided by who records it: a guardian in the portal gives it as
 * themselves, the pupil from 16 as the pupil, and the school records a paper form signed by a
 * guardian with gezag whom it must name (or, from 16, by the pupil).
 */
async function givenBy(
  { tx, actor }: TRequestScope,
  rel: TChildRelation,
  named: string | null | undefined,
): Promise<{ kind: 'guardian' | 'pupil'; guardianId: string | null }> {
  const role = actor.membership.role;
  if (role === 'parent' || role === 'pupil') {
    const own = role === 'parent' ? rel.guardianId : null;
    // the portal speaks for the signed-in person only
    if (named && named !== own) throw fieldError('givenByGuardianId', 'given_by_self');
    return role === 'parent' ? { kind: 'guardian', guardianId: own } : { kind: 'pupil', guardianId: null };
  }
  // from 16 the pupil decides alone: a paper form is theirs, not a parent's
  if (rel.age >= PUPIL_SELF_DECIDES_AGE) {
    if (named) throw fieldError('givenByGuardianId', 'pupil_decides_from_16');
    return { kind: 'pupil', guardianId: null };
  }
  if (!named) throw fieldError('givenByGuardianId', 'required');
  const [g] = await query(tx, sql`select 1 from guardians where id = ${named} and pupil_id = ${rel.pupilId} and has_gezag`);
  if (!g) throw fieldError('givenByGuardianId', 'unknown_guardian');
  return { kind: 'guardian', guardianId: named };
}

/** Named recipients must be partner organisations of this region (RLS keeps other regions out). */
async function checkRecipients({ tx }: TRequestScope, ids: string[]) {
  if (!ids.length) return;
  const found = await query(tx, sql`select id from organisations where kind = 'partner' and archived_at is null
    and id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`);
  if (found.length !== ids.length) throw fieldError('recipientOrganisationIds', 'not_a_partner');
}

/**
 * Records a consent. A change of terms is never an edit: the new record `replaces` the old one,
 * which is ended in the same transaction (the database refuses any other change to its terms).
 */
export async function giveConsent(scope: TRequestScope, rel: TChildRelation, input: TConsentInput): Promise<string> {
  const { tx, actor, audit } = scope;
  authorizeAction(childFilePolicy.giveConsent(actor, rel));
  const by = await givenBy(scope, rel, input.givenByGuardianId);
  await checkRecipients(scope, input.recipientOrganisationIds);
  let old: Awaited<ReturnType<typeof lockConsent>> = null;
  if (input.replacesId) {
    old = await lockConsent(tx, input.replacesId);
    if (!old || old.pupil_id !== rel.pupilId || old.status !== 'valid') throw fieldError('replacesId', 'consent_not_valid');
    authorizeAction(childFilePolicy.withdrawConsent(actor, rel, { givenByKind: old.given_by_kind }));
  }
  const [row] = await tx
    .insert(consents)
    .values({
      regionId: actor.membership.regionId,
      pupilId: rel.pupilId,
      givenByKind: by.kind,
      givenByGuardianId: by.guardianId,
      recordedBy: actor.userId,
      recipientOrganisationIds: input.recipientOrganisationIds,
      recipientKinds: input.recipientKinds,
      categories: input.categories,
      purpose: input.purpose,
      legalBasis: input.legalBasis,
      validFrom: input.validFrom,
      validUntil: input.validUntil ?? null,
      replacesId: old?.id ?? null,
    })
    .returning({ id: consents.id });
  const id = row!.id;
  if (old) {
    await tx.execute(sql`update consents set withdrawn_at = now(), withdrawn_by = ${actor.userId}, replaced_by_id = ${id}
      where id = ${old.id}`);
  }
  await audit({
    action: old ? 'consent.change' : 'consent.give',
    subjectType: 'consent',
    subjectId: id,
    pupilId: rel.pupilId,
    details: { replacesId: old?.id ?? null, categories: input.categories, givenByKind: by.kind },
  });
  return id;
}
