import { sql } from 'drizzle-orm';
import type { TCaseUpdateInput } from '../../../../shared/schemas/absence.js';
import { query, type Tx } from '../../../platform/db.js';
import { fieldError } from '../../../platform/validation.js';
import { ownerCandidates } from '../candidates.js';
import { absenceState } from '../errors.js';
import type { TCaseRow } from '../queries.js';

/**
 * Sets the owner, the plan (and who carries it out), the next date and the day an education offer
 * started. Needs the version that was read, so two people working the case do not overwrite each
 * other. A new owner must be someone who may work the case; an
 * offer has started (not after today). `row` was loaded for update. The caller has authorised
 * (absencePolicy.work) and audits.
 */
export async function updateCase(
  tx: Tx,
  row: TCaseRow,
  input: TCaseUpdateInput,
  today: string,
): Promise<{ ownerChanged: boolean; changed: string[] }> {
  if (row.closed_on) throw absenceState('case_closed');
  if (input.rowVersion !== Number(row.row_version)) throw absenceState('case_changed_meanwhile');
  const ownerChanged = input.ownerUserId !== row.owner_user_id;
  if (ownerChanged && input.ownerUserId !== null) {
    const candidates = await ownerCandidates(tx, row.pupil_id);
    if (!candidates.some((c) => c.id === input.ownerUserId)) throw fieldError('ownerUserId', 'unknown_owner');
  }
  // a next date already gone by may be recorded (agreed earlier, written down late): the case shows red at once
  if (input.offerFrom !== row.offer_from && input.offerFrom !== null && input.offerFrom > today) throw fieldError('offerFrom', 'date_in_future');
  const changed = (
    [
      ['ownerUserId', ownerChanged],
      ['plan', input.plan !== row.plan],
      ['planBy', input.planBy !== row.plan_by],
      ['nextDate', input.nextDate !== row.next_date],
      ['offerFrom', input.offerFrom !== row.offer_from],
    ] as const
  )
    .filter(([, c]) => c)
    .map(([k]) => k);
  await query(
    tx,
    sql`update absence_cases set owner_user_id = ${input.ownerUserId}, plan = ${input.plan}, plan_by = ${input.planBy},
          next_date = ${input.nextDate}, offer_from = ${input.offerFrom}, row_version = row_version + 1, updated_at = now()
        where id = ${row.id}`,
  );
  return { ownerChanged, changed };
}
