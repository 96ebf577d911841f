import type { TRequest } from '../../../shared/schemas/support-request.js';
import type { TMemberActor } from '../../platform/context.js';
import type { TAuditEvent } from '../../platform/audit.js';
import type { Tx } from '../../platform/db.js';
import type { TRequestSubject } from '../../policies/support-request.js';
import { presentRequest } from './presenter.js';
import { loadRequestDetail } from './queries.js';
import { checklistFor, type TRequestRow } from './relation.js';

/** The subject after a change: status and consultant move, the actor's relation does not. */
export const subjectAfter = (s: TRequestSubject, r: TRequestRow): TRequestSubject => ({ ...s, status: r.status, consultantId: r.consultantId });

/** One request as the actor sees it now, with what they may do next. */
export async function answer(tx: Tx, actor: TMemberActor, request: TRequestRow, subject: TRequestSubject): Promise<TRequest> {
  const detail = await loadRequestDetail(tx, request);
  return presentRequest(actor, request, subjectAfter(subject, request), detail, checklistFor(actor, request.type));
}

/** An audit event about one request; details never carry what the request says about the child. */
export const audited = (action: string, r: TRequestRow, details?: Record<string, unknown>): TAuditEvent => ({
  action,
  subjectType: 'support_request',
  subjectId: r.id,
  pupilId: r.pupilId,
  details,
});
