import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrangementAccess } from './modules/arrangements/access.js';
import { absenceCaseAccess } from './modules/absence/access.js';
import { absenceOverviewAccess } from './modules/absence/overview-access.js';
import { absenceSettingsAccess } from './modules/absence/settings-access.js';
import { caseLeadAccess } from './modules/case-leads/access.js';
import { consentAccess } from './modules/consents/access.js';
import { decisionAccess } from './modules/decisions/access.js';
import { dossierAccess } from './modules/dossiers/access.js';
import { groupAccess } from './modules/groups/access.js';
import { meAccess } from './modules/me/access.js';
import { meetingAccess } from './modules/meetings/access.js';
import { oppAccess } from './modules/opps/access.js';
import { organisationAccess } from './modules/organisations/access.js';
import { pupilImportAccess } from './modules/pupil-imports/access.js';
import { pupilAccess } from './modules/pupils/access.js';
import { supportRequestAccess } from './modules/support-requests/access.js';
import { taskAccess } from './modules/tasks/access.js';
import { userAccess } from './modules/users/access.js';
import type { TAccessCase } from './testing/access.js';
import { createTestApp, type TestClient, type TTestApp } from './testing/app.js';
import { ACTOR_KEYS, buildWorld, signInAll, type TActorKey, type TWorld } from './testing/world.js';

/** Every module's rows. A route registered without rows here fails the first test. */
const CASES: TAccessCase[] = [...meAccess, ...organisationAccess, ...userAccess, ...groupAccess, ...pupilAccess, ...pupilImportAccess, ...consentAccess, ...dossierAccess, ...oppAccess,
  ...supportRequestAccess, ...decisionAccess, ...arrangementAccess, ...meetingAccess, ...caseLeadAccess, ...taskAccess,
  ...absenceCaseAccess, ...absenceOverviewAccess, ...absenceSettingsAccess];

let t: TTestApp;
let w: TWorld;
let clients: Record<TActorKey, TestClient>;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.database);
  clients = await signInAll(t, w);
});
afterAll(() => t.close());

describe('access matrix', () => {
  it('has rows for every API route', () => {
    const covered = new Set(CASES.map((c) => c.route));
    const missing = t.app.apiRoutes.map((r) => `${r.method} ${r.url}`).filter((r) => !covered.has(r));
    expect(missing).toEqual([]);
    // and no rows for routes that do not exist
    const existing = new Set(t.app.apiRoutes.map((r) => `${r.method} ${r.url}`));
    expect(CASES.map((c) => c.route).filter((r) => !existing.has(r))).toEqual([]);
  });

  for (const c of CASES) {
    it(`${c.route} — ${c.relation}`, async () => {
      const failures: string[] = [];
      for (const actor of ACTOR_KEYS) {
        const { url, body } = await c.request(w, t);
        const method = c.route.split(' ')[0]!;
        const res = await clients[actor].request(method, url, body as Record<string, unknown> | undefined);
        const allowed = c.allow.includes(actor);
        const expected = allowed
          ? (c.ok ?? 200)
          : actor === 'anonymous'
            ? 401
            : actor === 'lonely'
              ? (c.lonely ?? 403)
              : typeof c.deny === 'function'
                ? c.deny(actor)
                : (c.deny ?? 403);
        if (res.statusCode !== expected) {
          failures.push(`${actor}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
          continue;
        }
        if (allowed && c.check) {
          try {
            c.check(res, actor, w);
          } catch (err) {
            failures.push(`${actor}: ${(err as Error).message.split('\n')[0]}`);
          }
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
