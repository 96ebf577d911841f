import type { TRequestStatus, TRequestType } from '../../../shared/support-request.js';

/** What the request page tells the parts it mounts; each part loads its own data and policies. */
export interface TRequestPartProps {
  requestId: string;
  pupilId: string;
  status: TRequestStatus;
  type: TRequestType;
}

/** PLACEHOLDER: the experts and their advices (TLV), mounted by the request page. */
export function ExpertsSection(_p: TRequestPartProps) {
  return null;
}

/** PLACEHOLDER: the decision, its letter, the objection clock and objections, mounted by the request page. */
export function DecisionSection(_p: TRequestPartProps) {
  return null;
}
