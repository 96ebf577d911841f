import type { TAccessCase } from '../../testing/access.js';

/** The access-matrix rows of this module's routes. */
export const decisionAccess: TAccessCase[] = [];
