import { afterAll, beforeAll, describe, it } from 'vitest';
import { createTestApp, type TestClient, type TTestApp } from '../../testing/app.js';
import { expectCleanRefusals } from '../../testing/bad-input.js';
import { buildWorld, WORLD_PASSWORD, type TWorld } from '../../testing/world.js';
import { resetAbsence, type TAbsenceFixture } from './fixtures.js';

let t: TTestApp;
let w: TWorld;
let ib: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.database);
  ib = await t.signIn(w.emails.school_care_coordinator!, WORLD_PASSWORD);
});
afterAll(() => t.close());

/** Everything an absence write could touch; a refused request must leave all of it as it was. */
async function snapshot() {
  const [row] = await t.database.raw(
    `select (select string_agg(md5(c::text), ',' order by c.id) from absence_cases c) as cases,
            (select string_agg(md5(e::text), ',' order by e.id) from absence_episodes e) as episodes,
            (select count(*) from audit_events) as audit`,
  );
  return row;
}

const KEYS = [
  'kind', 'startedOn', 'endedOn', 'exemptionEndsOn', 'reasonIds', 'reasonNote', 'ownerUserId', 'plan', 'planBy', 'nextDate', 'offerFrom',
  'rowVersion', 'reason', 'closedOn', 'note',
];

const WRITES: { name: string; url: (f: TAbsenceFixture) => string; method?: string }[] = [
  { name: 'POST /pupils/:id/absence/episodes', url: (f) => `/api/v1/pupils/${f.pupilId}/absence/episodes` },
  { name: 'PUT /absence/cases/:id', url: (f) => `/api/v1/absence/cases/${f.caseId}`, method: 'PUT' },
  { name: 'POST /absence/cases/:id/episodes/:episodeId/end', url: (f) => `/api/v1/absence/cases/${f.caseId}/episodes/${f.episodeIds[0]}/end` },
  { name: 'POST /absence/cases/:id/close', url: (f) => `/api/v1/absence/cases/${f.caseId}/close` },
];

describe('bad input to every absence write', () => {
  for (const route of WRITES) {
    it(`${route.name} answers 4xx with a clear message and changes nothing`, async () => {
      const f = await resetAbsence(w, t, 'ownSchoolPupil');
      await expectCleanRefusals({ client: ib, method: route.method ?? 'POST', url: route.url(f), keys: KEYS, snapshot, numRuns: 30 });
    });
  }
});
