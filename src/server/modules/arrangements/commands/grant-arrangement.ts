import { eq } from 'drizzle-orm';
import type { TArrangementInput } from '../../../../shared/schemas/arrangement.js';
import { ARRANGEMENT_REQUEST_TYPES } from '../../../../shared/support-request.js';
import { arrangements, arrangementTypes } from '../../../db/schema/support.js';
import type { Tx } from '../../../platform/db.js';
import { AppError } from '../../../platform/errors.js';
import type { TRequestRow } from '../../support-requests/relation.js';
import { arrangementProblem } from '../errors.js';
import type { TArrangementRow } from '../queries.js';

/**
 * An arrangement is carried out from a decision that granted it (fully or partly), on a request of
 * a type that leads to one. A request that is closed after its decision still counts: the
 * decision is what grants it.
 */
export function isGrantable(request: Pick<TRequestRow, 'type' | 'status'>, outcome: string | null): boolean {
  return (
    ARRANGEMENT_REQUEST_TYPES.includes(request.type) &&
    (request.status === 'decided' || request.status === 'closed') &&
    (outcome === 'granted' || outcome === 'partly')
  );
}

/** Period rules, checked before anything is written: the answer names the field that is wrong. */
export function checkPeriod(input: Pick<TArrangementInput, 'startOn' | 'endOn' | 'evaluationDates'>) {
  if (input.endOn < input.startOn) throw arrangementProblem('endOn', 'end_before_start');
  input.evaluationDates.forEach((d, i) => {
    if (d < input.startOn || d > input.endOn) throw arrangementProblem(`evaluationDates.${i}`, 'evaluation_outside_period');
  });
}

/** The school and the child are the request's: the school that asked carries it out. */
export async function grantArrangement(
  tx: Tx,
  request: TRequestRow,
  outcome: string | null,
  input: TArrangementInput,
  by: string,
): Promise<TArrangementRow> {
  if (!isGrantable(request, outcome)) throw new AppError('conflict', 'errors.arrangement_request_not_granted');
  const [type] = await tx.select().from(arrangementTypes).where(eq(arrangementTypes.id, input.typeId));
  if (!type || !type.active) throw arrangementProblem('typeId', 'type_unknown');
  if (!type.executors.includes(input.executorKind)) throw arrangementProblem('executorKind', 'executor_not_allowed');
  checkPeriod(input);
  const [row] = await tx
    .insert(arrangements)
    .values({
      regionId: request.regionId,
      pupilId: request.pupilId,
      schoolId: request.schoolId,
      requestId: request.id,
      typeId: type.id,
      goals: input.goals.map((g) => ({ goal: g.goal, criterion: g.criterion })),
      executorKind: input.executorKind,
      executorName: input.executorName || null,
      hours: input.hours.toFixed(1),
      budgetCents: input.budgetCents,
      startOn: input.startOn,
      endOn: input.endOn,
      evaluationDates: [...new Set(input.evaluationDates)].sort(),
      createdBy: by,
    })
    .returning();
  return row!;
}
