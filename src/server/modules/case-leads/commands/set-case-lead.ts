import { sql } from 'drizzle-orm';
import { query, type Tx } from '../../../platform/db.js';
import { fieldError } from '../../../platform/validation.js';
import { caseLeadCandidates } from '../candidates.js';

/**
 * Names the child's regievoerder, opening the case if it was not open, or hands the regie over:
 * the current period ends ('handed_over') and a new one starts, so the table keeps the history.
 * Naming the person who already leads changes nothing. Returns the active row's id.
 * The caller has authorised the actor (caseLeadPolicy.set or meetingPolicy.schedule) and audits.
 */
export async function setCaseLead(
  tx: Tx,
  actor: { userId: string; regionId: string },
  pupilId: string,
  input: { userId: string; note?: string | null },
): Promise<{ id: string; changed: boolean }> {
  const candidate = (await caseLeadCandidates(tx, pupilId)).find((c) => c.userId === input.userId);
  if (!candidate) throw fieldError('userId', 'not_a_case_lead_candidate');
  // lock the child's active row so two people handing over at once cannot both win
  const [current] = await query<{ id: string; user_id: string }>(
    tx,
    sql`select id, user_id from case_leads where pupil_id = ${pupilId} and ended_at is null for update`,
  );
  if (current?.user_id === input.userId) return { id: current.id, changed: false };
  if (current) {
    await query(tx, sql`update case_leads set ended_at = now(), ended_by = ${actor.userId}, end_reason = 'handed_over' where id = ${current.id}`);
  }
  const [row] = await query<{ id: string }>(
    tx,
    sql`insert into case_leads (region_id, pupil_id, user_id, organisation_id, started_by, note)
        values (${actor.regionId}, ${pupilId}, ${input.userId}, ${candidate.organisationId}, ${actor.userId}, ${input.note ?? null})
        returning id`,
  );
  return { id: row!.id, changed: true };
}
