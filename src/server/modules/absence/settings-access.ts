import { expect } from 'vitest';
import { DEFAULT_ABSENCE_SETTINGS } from '../../../shared/absence.js';
import type { TAbsenceSettingsAnswer } from '../../../shared/schemas/absence.js';
import type { TAccessCase } from '../../testing/access.js';
import type { TActorKey, TWorld } from '../../testing/world.js';

/** The defaults as an input: writing them changes nothing another test could notice. */
export const DEFAULT_SETTINGS_INPUT = {
  thuiszitter: DEFAULT_ABSENCE_SETTINGS.thuiszitter,
  ladder: DEFAULT_ABSENCE_SETTINGS.ladder,
  reasons: DEFAULT_ABSENCE_SETTINGS.reasons,
  coordinatorUserId: null,
  escalationContact: null,
};

/** Each region's answer names its own consultants as candidates, never the other region's. */
function ownCandidates(res: { json(): unknown }, a: TActorKey, w: TWorld) {
  const ids = (res.json() as TAbsenceSettingsAnswer).coordinatorCandidates.map((c) => c.id);
  const inB = a === 'b_admin' || a === 'b_consultant';
  expect(ids).toContain(inB ? w.users.b_consultant : w.users.swv_consultant);
  expect(ids).not.toContain(inB ? w.users.swv_consultant : w.users.b_consultant);
}

export const absenceSettingsAccess: TAccessCase[] = [
  {
    route: 'GET /api/v1/absence/settings',
    relation: 'the own region’s thuiszitter definition, ladder, reasons and coordinator (the SWV office)',
    request: () => ({ url: '/api/v1/absence/settings' }),
    allow: ['swv_admin', 'swv_consultant', 'b_admin', 'b_consultant'],
    deny: 403,
    check(res, a, w) {
      ownCandidates(res, a, w);
      expect((res.json() as TAbsenceSettingsAnswer).policies.update).toBe(a === 'swv_admin' || a === 'b_admin');
    },
  },
  {
    route: 'PUT /api/v1/absence/settings',
    relation: 'the own region’s settings (written as the defaults)',
    request: () => ({ url: '/api/v1/absence/settings', body: DEFAULT_SETTINGS_INPUT }),
    allow: ['swv_admin', 'b_admin'],
    deny: 403,
    check(res, a, w) {
      ownCandidates(res, a, w);
      expect((res.json() as TAbsenceSettingsAnswer).reasons.map((r) => r.id)).toEqual(DEFAULT_ABSENCE_SETTINGS.reasons.map((r) => r.id));
    },
  },
];
