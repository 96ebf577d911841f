import type { TAccessCase } from '../../testing/access.js';

export const taskAccess: TAccessCase[] = [];
