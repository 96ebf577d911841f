import type { TAccessCase } from '../../testing/access.js';

export const absenceCaseAccess: TAccessCase[] = [];
