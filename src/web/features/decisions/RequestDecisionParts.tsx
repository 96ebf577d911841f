import type { TRequestStatus, TRequestType } from '../../../shared/support-request.js';

/** What the request page tells the parts it mounts; each part loads its own data and policies. */
export interface TRequestPartProps {
  requestId: string;
  pupilId: string;
  status: TRequestStatus;
  type: TRequestType;
}

/** The experts and their advices, and the decision with its letter, objection clock and objections. */
export { ExpertsSection } from './ExpertsSection.js';
export { DecisionSection } from './DecisionSection.js';
