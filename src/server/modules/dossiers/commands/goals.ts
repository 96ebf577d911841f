import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TGoalInput, ZEvaluationInput, ZGoalPatch } from '../../../../shared/schemas/dossier.js';
import type { TRequestScope } from '../../../platform/context.js';
import { query } from '../../../platform/db.js';
import { AppError } from '../../../platform/errors.js';
import { fieldError } from '../../../platform/validation.js';
import { lockDossier, recordChange } from './record-change.js';

const todayInNl = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

export async function addGoal(scope: TRequestScope, pupilId: string, input: TGoalInput): Promise<string> {
  // a new goal looks ahead: a target date in the past cannot be worked towards
  if (input.targetDate <= todayInNl()) throw fieldError('targetDate', 'goal_date_not_future');
  await lockDossier(scope, pupilId);
  const [row] = await query<{ id: string }>(
    scope.tx,
    sql`insert into dossier_goals (region_id, pupil_id, goal, criterion, target_date, created_by)
      values (${scope.actor.membership.regionId}, ${pupilId}, ${input.goal}, ${input.criterion}, ${input.targetDate}, ${scope.actor.userId})
      returning id`,
  );
  await recordChange(scope, pupilId, [`goal:${row!.id}`]);
  return row!.id;
}

/** Edits a goal; `version` guards against two people editing the same goal at once. */
export async function updateGoal(scope: TRequestScope, pupilId: string, goalId: string, patch: z.infer<typeof ZGoalPatch>) {
  await lockDossier(scope, pupilId);
  const [goal] = await query<{ version: number }>(
    scope.tx,
    sql`select version from dossier_goals where pupil_id = ${pupilId} and id = ${goalId}`,
  );
  if (!goal) throw new AppError('not_found');
  if (goal.version !== patch.version) throw new AppError('conflict', 'errors.goal_changed_meanwhile');
  const sets = [
    patch.goal !== undefined && sql`goal = ${patch.goal}`,
    patch.criterion !== undefined && sql`criterion = ${patch.criterion}`,
    patch.targetDate !== undefined && sql`target_date = ${patch.targetDate}::date`,
    patch.status !== undefined && sql`status = ${patch.status}`,
  ].filter((s) => s !== false);
  if (!sets.length) throw fieldError('(body)', 'nothing_to_change');
  await scope.tx.execute(sql`update dossier_goals set ${sql.join(sets, sql`, `)}, version = version + 1, updated_at = now()
    where pupil_id = ${pupilId} and id = ${goalId}`);
  await recordChange(scope, pupilId, [`goal:${goalId}`]);
}

export async function addEvaluation(scope: TRequestScope, pupilId: string, goalId: string, input: z.infer<typeof ZEvaluationInput>) {
  if (input.evaluatedOn > todayInNl()) throw fieldError('evaluatedOn', 'date_in_future');
  await lockDossier(scope, pupilId);
  const [row] = await query<{ id: string }>(
    scope.tx,
    sql`insert into goal_evaluations (region_id, goal_id, pupil_id, evaluated_on, result, what_worked, next_step, created_by)
      select g.region_id, g.id, g.pupil_id, ${input.evaluatedOn}::date, ${input.result}, ${input.whatWorked}, ${input.nextStep}, ${scope.actor.userId}
        from dossier_goals g where g.pupil_id = ${pupilId} and g.id = ${goalId}
      returning id`,
  );
  if (!row) throw new AppError('not_found');
  await recordChange(scope, pupilId, [`goal:${goalId}:evaluation`]);
  return row.id;
}
