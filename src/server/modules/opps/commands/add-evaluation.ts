import type { TOppEvaluationInput } from '../../../../shared/schemas/opp.js';
import { oppEvaluations } from '../../../db/schema/opp.js';
import type { Tx } from '../../../platform/db.js';
import { AppError } from '../../../platform/errors.js';
import { fieldError } from '../../../platform/validation.js';
import { dutchDate } from '../clocks.js';
import { isEvaluable, type TOppRow } from './state.js';

/** The yearly evaluation with the parents, on the plan that is in force. */
export async function addEvaluation(tx: Tx, opp: TOppRow, e: TOppEvaluationInput, userId: string, now = new Date()): Promise<string> {
  if (!isEvaluable(opp.status) || !opp.adoptedAt) throw new AppError('conflict', 'errors.opp_not_adopted');
  if (e.heldOn > dutchDate(now)) throw fieldError('heldOn', 'date_in_future');
  if (e.heldOn < dutchDate(opp.adoptedAt)) throw fieldError('heldOn', 'opp_evaluation_before_adoption');
  const [row] = await tx
    .insert(oppEvaluations)
    .values({ regionId: opp.regionId, oppId: opp.id, pupilId: opp.pupilId, heldOn: e.heldOn, withParents: e.withParents, summary: e.summary, recordedBy: userId })
    .returning({ id: oppEvaluations.id });
  return row!.id;
}
