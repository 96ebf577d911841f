import { sql } from 'drizzle-orm';
import type { TCaseCloseInput } from '../../../../shared/schemas/absence.js';
import { query, type Tx } from '../../../platform/db.js';
import { fieldError } from '../../../platform/validation.js';
import { absenceState } from '../errors.js';
import type { TCaseRow } from '../queries.js';

/**
 * Closes the case with how it ended. Every episode still running ends on the closing day, so the
 * counter stops there; an episode that only starts after that day cannot be ended on it, and the
 * closing is refused rather than leaving it behind. `row` was loaded for update. The caller has
 * authorised (absencePolicy.work) and audits.
 */
export async function closeCase(
  tx: Tx,
  actor: { userId: string },
  row: TCaseRow,
  input: TCaseCloseInput,
  today: string,
): Promise<{ endedEpisodes: number }> {
  if (row.closed_on) throw absenceState('case_closed');
  if (input.closedOn < row.opened_on) throw fieldError('closedOn', 'end_before_start');
  if (input.closedOn > today) throw fieldError('closedOn', 'date_in_future');
  const [later] = await query<{ n: number }>(
    tx,
    sql`select count(*)::int as n from absence_episodes
        where case_id = ${row.id} and started_on > ${input.closedOn}`,
  );
  if (Number(later?.n) > 0) throw fieldError('closedOn', 'episode_starts_after_close');
  const ended = await query(
    tx,
    sql`update absence_episodes set ended_on = ${input.closedOn}
        where case_id = ${row.id} and (ended_on is null or ended_on > ${input.closedOn}) returning id`,
  );
  await query(
    tx,
    sql`update absence_cases set closed_on = ${input.closedOn}, close_reason = ${input.reason}, close_note = ${input.note ?? null},
          closed_by = ${actor.userId}, row_version = row_version + 1, updated_at = now()
        where id = ${row.id}`,
  );
  return { endedEpisodes: ended.length };
}
