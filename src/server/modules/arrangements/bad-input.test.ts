import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TTestApp } from '../../testing/app.js';
import { expectCleanRefusals } from '../../testing/bad-input.js';
import { buildWorld, WORLD_PASSWORD, type TWorld } from '../../testing/world.js';
import { ensureArrangementType, freshArrangement, grantedRequest, type TArrangementFixture } from './fixtures.js';

let t: TTestApp;
let w: TWorld;
let ib: TestClient;
let consultant: TestClient;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.database);
  ib = await t.signIn(w.emails.school_care_coordinator!, WORLD_PASSWORD);
  consultant = await t.signIn(w.emails.swv_consultant!, WORLD_PASSWORD);
  admin = await t.signIn(w.emails.swv_admin!, WORLD_PASSWORD);
});
afterAll(() => t.close());

/** Everything an arrangement write could touch; a refused request must leave all of it as it was. */
async function snapshot() {
  const [row] = await t.database.raw(
    `select (select string_agg(md5(x::text), ',' order by x.id) from arrangement_types x) as types,
            (select string_agg(md5(a::text), ',' order by a.id) from arrangements a) as arrangements,
            (select string_agg(md5(s::text), ',' order by s.id) from arrangement_spends s) as spends,
            (select string_agg(md5(e::text), ',' order by e.id) from arrangement_evaluations e) as evaluations,
            (select count(*) from support_requests) as requests,
            (select count(*) from audit_events) as audit`,
  );
  return row;
}

const KEYS = [
  'name', 'description', 'typicalHours', 'typicalCostCents', 'executors', 'active', 'typeId', 'goals', 'executorKind', 'executorName', 'hours',
  'budgetCents', 'startOn', 'endOn', 'evaluationDates', 'spentOn', 'amountCents', 'heldOn', 'goalsMet', 'outcome', 'summary', 'requestExtension',
];

type TFixture = TArrangementFixture;
const WRITES: { name: string; as: () => TestClient; url: (f: TFixture) => string; method?: string }[] = [
  { name: 'POST /arrangement-types', as: () => admin, url: () => '/api/v1/arrangement-types' },
  { name: 'PATCH /arrangement-types/:id', as: () => admin, url: (f) => `/api/v1/arrangement-types/${f.typeId}`, method: 'PATCH' },
  { name: 'POST /support-requests/:id/arrangements', as: () => consultant, url: (f) => `/api/v1/support-requests/${f.requestId}/arrangements` },
  { name: 'POST /arrangements/:id/spends', as: () => ib, url: (f) => `/api/v1/arrangements/${f.arrangementId}/spends` },
  { name: 'DELETE /arrangements/:id/spends/:spendId', as: () => ib, url: (f) => `/api/v1/arrangements/${f.arrangementId}/spends/${f.spendId}`, method: 'DELETE' },
  { name: 'POST /arrangements/:id/evaluations', as: () => ib, url: (f) => `/api/v1/arrangements/${f.arrangementId}/evaluations` },
  { name: 'POST /arrangements/:id/end', as: () => ib, url: (f) => `/api/v1/arrangements/${f.arrangementId}/end` },
];

describe('bad input to every arrangement write', () => {
  for (const route of WRITES) {
    it(`${route.name} answers 4xx with a clear message and changes nothing`, async () => {
      const f = await freshArrangement(w, t, 'ownPupil');
      await expectCleanRefusals({ client: route.as(), method: route.method ?? 'POST', url: route.url(f), keys: KEYS, snapshot, numRuns: 30 });
    });
  }
});

describe('validation names the field and the rule', () => {
  it('inside the goals and the amounts', async () => {
    await ensureArrangementType(w, t);
    const { requestId } = await grantedRequest(w, t, 'ownPupil');
    const before = await snapshot();
    const res = await consultant.post(`/api/v1/support-requests/${requestId}/arrangements`, {
      typeId: 'leesbegeleiding',
      goals: [{ goal: '', criterion: 'x' }],
      executorKind: 'buurman',
      hours: -1,
      budgetCents: 12.5,
      startOn: '2026-02-30',
      endOn: '2026-07-31',
      colour: 'rood',
    });
    expect(res.statusCode).toBe(400);
    const rules = Object.fromEntries(res.json().error.issues.map((i: { field: string; rule: string }) => [i.field, i.rule]));
    expect(rules).toMatchObject({
      typeId: 'invalid_uuid',
      'goals.0.goal': 'required',
      executorKind: 'invalid_enum',
      hours: 'too_small',
      budgetCents: 'invalid_type',
      startOn: 'invalid_date',
      '(body)': 'unknown_field',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('a spend of nothing, too much, or without a description', async () => {
    const f = await freshArrangement(w, t, 'ownPupil');
    const res = await ib.post(`/api/v1/arrangements/${f.arrangementId}/spends`, { spentOn: '2026-09-01', amountCents: 0, description: '  ' });
    const rules = Object.fromEntries(res.json().error.issues.map((i: { field: string; rule: string }) => [i.field, i.rule]));
    expect(rules).toEqual({ amountCents: 'too_small', description: 'required' });
    const big = await ib.post(`/api/v1/arrangements/${f.arrangementId}/spends`, { spentOn: '2026-09-01', amountCents: 10_000_001, description: 'Veel' });
    expect(big.json().error.issues[0]).toMatchObject({ field: 'amountCents', rule: 'too_big' });
  });

  it('too many goals, and a malformed or unknown id', async () => {
    const typeId = await ensureArrangementType(w, t);
    const { requestId } = await grantedRequest(w, t, 'ownPupil');
    const goals = Array.from({ length: 21 }, (_, i) => ({ goal: `Doel ${i}`, criterion: 'Gehaald' }));
    const many = await consultant.post(`/api/v1/support-requests/${requestId}/arrangements`, {
      typeId, goals, executorKind: 'pool', hours: 1, budgetCents: 1, startOn: '2026-08-01', endOn: '2026-08-31',
    });
    expect(many.json().error.issues[0]).toMatchObject({ field: 'goals', rule: 'too_big' });
    expect((await ib.get('/api/v1/arrangements/not-an-id')).json().error.issues[0]).toMatchObject({ field: 'id', rule: 'invalid_uuid' });
    expect((await ib.get('/api/v1/arrangements/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await admin.patch('/api/v1/arrangement-types/00000000-0000-4000-8000-000000000000', { active: false })).statusCode).toBe(404);
    expect((await ib.get('/api/v1/arrangement-costs?schoolYear=twintig')).statusCode).toBe(400);
    expect((await ib.get('/api/v1/arrangement-types?pageSize=1000')).statusCode).toBe(400);
  });
});
