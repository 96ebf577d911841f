import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TTestApp } from '../../testing/app.js';
import { expectCleanRefusals } from '../../testing/bad-input.js';
import { buildWorld, WORLD_PASSWORD, type TWorld } from '../../testing/world.js';
import { freshOpp } from './access.js';

let t: TTestApp;
let w: TWorld;
let ib: TestClient;
let parent: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.database);
  ib = await t.signIn(w.emails.school_care_coordinator!, WORLD_PASSWORD);
  parent = await t.signIn(w.emails.parent!, WORLD_PASSWORD);
});
afterAll(() => t.close());

/** Everything an OPP write could touch; a refused request must leave all of it as it was. */
async function snapshot() {
  const [row] = await t.database.raw(
    `select (select string_agg(md5(o::text), ',' order by o.id) from opps o) as opps,
            (select string_agg(md5(a::text), ',' order by a.id) from opp_assents a) as assents,
            (select count(*) from opp_evaluations) as evaluations,
            (select count(*) from attachments) as attachments,
            (select count(*) from audit_events) as audit`,
  );
  return row;
}

const KEYS = [
  'rowVersion', 'outflowProfile', 'outflowDestination', 'reasoning', 'oogoDate', 'support', 'goals', 'pupilHeard', 'hearingDate',
  'decision', 'reason', 'guardianId', 'file', 'note', 'heldOn', 'withParents', 'summary',
];

type TFixture = Awaited<ReturnType<typeof freshOpp>>;
const WRITES: { name: string; as: () => TestClient; status: Parameters<typeof freshOpp>[3]; url: (f: TFixture) => string; method?: string }[] = [
  { name: 'POST /pupils/:id/opps (one is open)', as: () => ib, status: 'draft', url: () => `/api/v1/pupils/${w.ownPupil}/opps` },
  { name: 'PATCH /opps/:id', as: () => ib, status: 'draft', url: (f) => `/api/v1/opps/${f.oppId}`, method: 'PATCH' },
  { name: 'POST /opps/:id/submit', as: () => ib, status: 'draft', url: (f) => `/api/v1/opps/${f.oppId}/submit` },
  { name: 'POST /opps/:id/assent', as: () => parent, status: 'awaiting_assent', url: (f) => `/api/v1/opps/${f.oppId}/assent` },
  { name: 'POST /opps/:id/assent/paper', as: () => ib, status: 'awaiting_assent', url: (f) => `/api/v1/opps/${f.oppId}/assent/paper` },
  { name: 'POST /opps/:id/assents/:assentId/follow-up', as: () => ib, status: 'disagreed', url: (f) => `/api/v1/opps/${f.oppId}/assents/${f.assentId}/follow-up` },
  { name: 'POST /opps/:id/evaluations', as: () => ib, status: 'adopted', url: (f) => `/api/v1/opps/${f.oppId}/evaluations` },
];

describe('bad input to every OPP write', () => {
  for (const route of WRITES) {
    it(`${route.name} answers 4xx with a clear message and changes nothing`, async () => {
      const f = await freshOpp(w, t, 'ownPupil', route.status);
      await expectCleanRefusals({ client: route.as(), method: route.method ?? 'POST', url: route.url(f), keys: KEYS, snapshot, numRuns: 30 });
    });
  }
});

describe('validation names the field and the rule', () => {
  it('inside the lines of the handelingsdeel', async () => {
    const { oppId } = await freshOpp(w, t, 'ownPupil', 'draft');
    const before = await snapshot();
    const res = await ib.patch(`/api/v1/opps/${oppId}`, {
      rowVersion: 1,
      support: [{ what: '', who: 'IB', frequency: 'wekelijks' }],
      goals: [{ goal: 'Lezen', criterion: '3 fouten', targetDate: '2026-02-30' }],
      oogoDate: 'gisteren',
      colour: 'rood',
    });
    expect(res.statusCode).toBe(400);
    const rules = Object.fromEntries(res.json().error.issues.map((i: { field: string; rule: string }) => [i.field, i.rule]));
    expect(rules).toMatchObject({ 'support.0.what': 'required', 'goals.0.targetDate': 'invalid_date', oogoDate: 'invalid_date', '(body)': 'unknown_field' });
    expect(await snapshot()).toEqual(before);
  });

  it('a malformed id is a 400, an unknown one a 404', async () => {
    expect((await ib.get('/api/v1/opps/not-an-id')).json().error.issues[0]).toMatchObject({ field: 'id', rule: 'invalid_uuid' });
    expect((await ib.get('/api/v1/opps/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await ib.get('/api/v1/opp-clocks?pageSize=0')).statusCode).toBe(400);
  });
});
