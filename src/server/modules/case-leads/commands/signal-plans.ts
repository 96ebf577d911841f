import { sql } from 'drizzle-orm';
import type { TSignalLevel, TSignalStatus } from '../../../../shared/meeting.js';
import type { TSignalPlanInput, TSignalStatusInput } from '../../../../shared/schemas/case-lead.js';
import { missingLevelBefore, statusNeedsNote } from '../../../../shared/signal-plan.js';
import { query, type Tx } from '../../../platform/db.js';
import { AppError } from '../../../platform/errors.js';
import { fieldError } from '../../../platform/validation.js';
import { loadSignalPlans, type TSignalPlanRow } from '../queries.js';
import { lockOpenCase } from './close-case.js';

const changedMeanwhile = () =>
  new AppError('conflict', 'errors.signal_plan_changed_meanwhile', [{ field: 'rowVersion', rule: 'changed_meanwhile', message: '' }]);

/**
 * Writes plan B, C or D of the child. A plan needs an open case (the case lead is who gets the
 * signal) and the plan before it (C after B, D after C). Changing an existing plan needs the
 * version that was read, so two people editing at once do not overwrite each other.
 */
export async function saveSignalPlan(
  tx: Tx,
  actor: { userId: string; regionId: string },
  pupilId: string,
  level: TSignalLevel,
  input: TSignalPlanInput,
): Promise<{ plan: TSignalPlanRow; created: boolean }> {
  await lockOpenCase(tx, pupilId);
  const plans = await loadSignalPlans(tx, pupilId, true);
  const current = plans.find((p) => p.level === level);
  if (!current) {
    // the writer read a plan that is not there (any more): they should look again
    if (input.rowVersion !== undefined) throw changedMeanwhile();
    const missing = missingLevelBefore(level, plans.map((p) => p.level));
    if (missing) throw fieldError('level', 'signal_plan_needs_previous', { level, previous: missing });
    const [row] = await query<{ id: string }>(
      tx,
      sql`insert into signal_plans (region_id, pupil_id, level, trigger, trigger_on, action, actor_name, created_by, updated_by)
          values (${actor.regionId}, ${pupilId}, ${level}, ${input.trigger}, ${input.triggerOn}, ${input.action}, ${input.actorName},
                  ${actor.userId}, ${actor.userId})
          on conflict do nothing returning id`,
    );
    // someone else wrote this plan between our read and our insert
    if (!row) throw changedMeanwhile();
  } else {
    if (input.rowVersion !== current.row_version) throw changedMeanwhile();
    await query(
      tx,
      sql`update signal_plans set trigger = ${input.trigger}, trigger_on = ${input.triggerOn}, action = ${input.action},
            actor_name = ${input.actorName}, row_version = row_version + 1, updated_by = ${actor.userId}, updated_at = now()
          where id = ${current.id}`,
    );
  }
  const plan = (await loadSignalPlans(tx, pupilId)).find((p) => p.level === level)!;
  return { plan, created: !current };
}

/**
 * Starts a plan (why now is written down), closes it, or sets it back to waiting. Needs an open
 * case: a plan set to wait again must have someone to signal.
 */
export async function setSignalStatus(
  tx: Tx,
  actor: { userId: string },
  pupilId: string,
  level: TSignalLevel,
  input: TSignalStatusInput,
): Promise<{ plan: TSignalPlanRow; from: TSignalStatus }> {
  await lockOpenCase(tx, pupilId);
  const current = (await loadSignalPlans(tx, pupilId, true)).find((p) => p.level === level);
  if (!current) throw new AppError('not_found', 'errors.signal_plan_unknown');
  if (current.status === input.status) throw fieldError('status', 'signal_status_unchanged');
  const note = input.note ?? null;
  if (statusNeedsNote(input.status) && !note) throw fieldError('note', 'signal_activation_note_required');
  await query(
    tx,
    sql`update signal_plans set status = ${input.status}, status_note = ${note}, row_version = row_version + 1,
          updated_by = ${actor.userId}, updated_at = now()
        where id = ${current.id}`,
  );
  const plan = (await loadSignalPlans(tx, pupilId)).find((p) => p.level === level)!;
  return { plan, from: current.status };
}
