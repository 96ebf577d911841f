import { sql } from 'drizzle-orm';
import type { TAbsenceSettings } from '../../../../shared/absence.js';
import type { TEpisodeInput } from '../../../../shared/schemas/absence.js';
import { query, type Tx } from '../../../platform/db.js';
import { fieldError } from '../../../platform/validation.js';
import { isUniqueViolation } from '../errors.js';

/**
 * Registers an episode of absence: it joins the child's open case, or opens one (on the episode's
 * start) when there is none, so a child known at two schools is still one case. Refused: a start
 * in the future, a reason the region does not (or no longer) offer, a second open episode of one
 * kind, or one overlapping an earlier episode of that kind. The caller has authorised
 * (absencePolicy.register) and audits.
 */
export async function registerEpisode(
  tx: Tx,
  actor: { userId: string; regionId: string },
  pupilId: string,
  input: TEpisodeInput,
  settings: TAbsenceSettings,
  today: string,
): Promise<{ caseId: string; episodeId: string; opened: boolean }> {
  if (input.startedOn > today) throw fieldError('startedOn', 'date_in_future');
  const active = new Set(settings.reasons.filter((r) => r.active).map((r) => r.id));
  if (input.reasonIds.some((id) => !active.has(id))) throw fieldError('reasonIds', 'unknown_reason');
  // one registration per child at a time: the checks below then see what the other one wrote
  await query(tx, sql`select id from pupils where id = ${pupilId} for update`);
  const endedOn = input.endedOn ?? null;
  const sameKind = await query<{ id: string; ended_on: string | null }>(
    tx,
    sql`select id, ended_on::text as ended_on from absence_episodes
        where pupil_id = ${pupilId} and kind = ${input.kind}
          and started_on <= coalesce(${endedOn}::date, 'infinity'::date)
          and coalesce(ended_on, 'infinity'::date) >= ${input.startedOn}::date`,
  );
  if (!endedOn && sameKind.some((e) => e.ended_on === null)) throw fieldError('kind', 'episode_already_open');
  if (sameKind.length) throw fieldError('startedOn', 'episode_overlaps');

  let [open] = await query<{ id: string }>(tx, sql`select id from absence_cases where pupil_id = ${pupilId} and closed_on is null for update`);
  const opened = !open;
  if (!open) {
    [open] = await query<{ id: string }>(
      tx,
      sql`insert into absence_cases (region_id, pupil_id, opened_on, opened_by)
          values (${actor.regionId}, ${pupilId}, ${input.startedOn}, ${actor.userId}) returning id`,
    );
  } else {
    await query(tx, sql`update absence_cases set row_version = row_version + 1, updated_at = now() where id = ${open.id}`);
  }
  try {
    const [episode] = await query<{ id: string }>(
      tx,
      sql`insert into absence_episodes (region_id, case_id, pupil_id, kind, started_on, ended_on, exemption_ends_on, reason_ids, reason_note, created_by)
          values (${actor.regionId}, ${open!.id}, ${pupilId}, ${input.kind}, ${input.startedOn}, ${endedOn}, ${input.exemptionEndsOn ?? null},
                  ${`{${input.reasonIds.map((r) => `"${r.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[], ${input.reasonNote ?? null}, ${actor.userId})
          returning id`,
    );
    return { caseId: open!.id, episodeId: episode!.id, opened };
  } catch (err) {
    if (isUniqueViolation(err, 'absence_episodes_one_open_kind')) throw fieldError('kind', 'episode_already_open');
    throw err;
  }
}
