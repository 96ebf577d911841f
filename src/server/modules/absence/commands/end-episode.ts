import { sql } from 'drizzle-orm';
import { query, type Tx } from '../../../platform/db.js';
import { AppError } from '../../../platform/errors.js';
import { fieldError } from '../../../platform/validation.js';
import { absenceState } from '../errors.js';
import type { TCaseRow } from '../queries.js';

/**
 * Ends one episode of an open case on a day that has come and is not before its start. The case
 * stays open: the child may still be out for another reason, and only closing says why it ended.
 * `row` was loaded for update. The caller has authorised (absencePolicy.work) and audits.
 */
export async function endEpisode(tx: Tx, row: TCaseRow, episodeId: string, endedOn: string, today: string): Promise<{ kind: string }> {
  const [e] = await query<{ kind: string; started_on: string; ended_on: string | null }>(
    tx,
    sql`select kind, started_on::text as started_on, ended_on::text as ended_on from absence_episodes
        where id = ${episodeId} and case_id = ${row.id} for update`,
  );
  if (!e) throw new AppError('not_found');
  if (row.closed_on) throw absenceState('case_closed');
  if (e.ended_on) throw absenceState('episode_already_ended');
  if (endedOn < e.started_on) throw fieldError('endedOn', 'end_before_start');
  if (endedOn > today) throw fieldError('endedOn', 'date_in_future');
  await query(tx, sql`update absence_episodes set ended_on = ${endedOn} where id = ${episodeId}`);
  await query(tx, sql`update absence_cases set row_version = row_version + 1, updated_at = now() where id = ${row.id}`);
  return { kind: e.kind };
}
