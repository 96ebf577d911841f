import type { TAccessCase } from '../../testing/access.js';

export const absenceOverviewAccess: TAccessCase[] = [];
