import { sql } from 'drizzle-orm';
import type { TSignalLevel } from '../../../../shared/meeting.js';
import { query, type Tx } from '../../../platform/db.js';
import { AppError } from '../../../platform/errors.js';

/** The child's open case (its active case lead), locked for this transaction; refused when there is none. */
export async function lockOpenCase(tx: Tx, pupilId: string): Promise<{ id: string; userId: string }> {
  const [row] = await query<{ id: string; user_id: string }>(
    tx,
    sql`select id, user_id from case_leads where pupil_id = ${pupilId} and ended_at is null for update`,
  );
  if (!row) throw new AppError('conflict', 'errors.case_not_open');
  return { id: row.id, userId: row.user_id };
}

/**
 * Closes the child's case: the case lead's period ends ('case_closed', with why), and plans still
 * waiting are closed with it — nobody is left to act on their signal. Plans being carried out stay
 * as they are. The caller has authorised (caseLeadPolicy.set) and audits.
 */
export async function closeCase(
  tx: Tx,
  actor: { userId: string },
  pupilId: string,
  note: string,
): Promise<{ caseLeadId: string; userId: string; closedPlans: TSignalLevel[] }> {
  const open = await lockOpenCase(tx, pupilId);
  await query(
    tx,
    sql`update case_leads set ended_at = now(), ended_by = ${actor.userId}, end_reason = 'case_closed', end_note = ${note}
        where id = ${open.id}`,
  );
  const closed = await query<{ level: TSignalLevel }>(
    tx,
    sql`update signal_plans set status = 'closed', status_note = ${note}, row_version = row_version + 1,
          updated_by = ${actor.userId}, updated_at = now()
        where pupil_id = ${pupilId} and status = 'waiting'
        returning level`,
  );
  return { caseLeadId: open.id, userId: open.userId, closedPlans: closed.map((r) => r.level).sort() };
}
