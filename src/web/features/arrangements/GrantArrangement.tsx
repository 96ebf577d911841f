import type { TRequestPartProps } from '../decisions/RequestDecisionParts.js';

/** PLACEHOLDER: on a granted arrangement request, the arrangement(s) made from it and the form to grant one. */
export function GrantArrangement(_p: TRequestPartProps) {
  return null;
}
