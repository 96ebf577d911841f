import { sql } from 'drizzle-orm';
import type { TDecisionInput } from '../../../../shared/schemas/decision.js';
import { advicesSufficient, type TExpertKind, tlvValidUntil } from '../../../../shared/support-request.js';
import { requestDecisions, tlvs } from '../../../db/schema/support.js';
import type { TMemberActor } from '../../../platform/context.js';
import { query, type Tx } from '../../../platform/db.js';
import { AppError } from '../../../platform/errors.js';
import { fieldError } from '../../../platform/validation.js';
import { transitionRequest } from '../../support-requests/commands/transition.js';
import type { TRequestRow } from '../../support-requests/relation.js';
import { listExperts } from '../queries.js';

/**
 * The next TLV number of the region in `year`, in one statement: the row lock of the upsert makes
 * a second decision wait for the first to commit, so two decisions never share a number.
 */
async function nextTlvSeq(tx: Tx, regionId: string, year: number): Promise<number> {
  const [row] = await query<{ last: number }>(
    tx,
    sql`insert into tlv_counters (region_id, year, last) values (${regionId}, ${year}, 1)
      on conflict (region_id, year) do update set last = tlv_counters.last + 1 returning last`,
  );
  return Number(row!.last);
}

/**
 * Decides the request: the decision, for a granted TLV the TLV itself (numbered, valid in whole
 * school years), and the status step, all in the request's transaction. The caller has checked
 * `decide`. A TLV is only decided on two advices, one of them by an orthopedagoog or psycholoog.
 */
export async function decide(tx: Tx, actor: TMemberActor, request: TRequestRow, input: TDecisionInput, today: string): Promise<void> {
  const isTlv = request.type === 'tlv';
  const grants = input.outcome !== 'refused';
  const tlv = input.tlv ?? null;
  if (!isTlv && tlv) throw fieldError('tlv', 'tlv_only_for_tlv_request');
  if (isTlv && !grants && tlv) throw fieldError('tlv', 'tlv_not_when_refused');
  if (isTlv && grants) {
    if (!tlv) throw fieldError('tlv', 'required');
    if (tlv.schoolType === 'SBO' && tlv.category) throw fieldError('tlv.category', 'tlv_sbo_no_category');
    if (tlv.schoolType !== 'SBO' && !tlv.category) throw fieldError('tlv.category', 'required');
  }
  // WPO art. 18a lid 10: the SWV asks two experts before it decides on admissibility, so a
  // refusal needs the two advices as much as a grant does
  if (isTlv) {
    const experts = await listExperts(tx, request.id);
    const advices = experts.map((e) => ({ expertId: e.expert_id, kind: e.expert_kind as TExpertKind, submitted: e.submitted_at !== null }));
    if (!advicesSufficient(advices)) throw new AppError('conflict', 'errors.decision_advices_missing');
  }
  await tx.insert(requestDecisions).values({
    regionId: request.regionId,
    requestId: request.id,
    pupilId: request.pupilId,
    outcome: input.outcome,
    reasons: input.reasons,
    criteria: input.criteria || null,
    decidedBy: actor.userId,
    sentOn: input.sentOn ?? today,
  });
  if (isTlv && grants && tlv) {
    const year = Number(today.slice(0, 4));
    await tx.insert(tlvs).values({
      regionId: request.regionId,
      requestId: request.id,
      pupilId: request.pupilId,
      year,
      seq: await nextTlvSeq(tx, request.regionId, year),
      schoolType: tlv.schoolType,
      category: tlv.schoolType === 'SBO' ? null : (tlv.category ?? null),
      validFrom: tlv.validFrom,
      validUntil: tlvValidUntil(tlv.validFrom, tlv.years),
    });
  }
  await transitionRequest(tx, request, 'decide', { by: actor.userId, note: null });
}
