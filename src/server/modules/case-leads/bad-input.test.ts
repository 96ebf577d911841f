import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TTestApp } from '../../testing/app.js';
import { expectCleanRefusals } from '../../testing/bad-input.js';
import { buildWorld, WORLD_PASSWORD, type TWorld } from '../../testing/world.js';
import { resetCase } from './fixtures.js';

let t: TTestApp;
let w: TWorld;
let ib: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.database);
  ib = await t.signIn(w.emails.school_care_coordinator!, WORLD_PASSWORD);
});
afterAll(() => t.close());

/** Everything a regie write could touch; a refused request must leave all of it as it was. */
async function snapshot() {
  const [row] = await t.database.raw(
    `select (select string_agg(md5(c::text), ',' order by c.id) from case_leads c) as leads,
            (select string_agg(md5(s::text), ',' order by s.id) from signal_plans s) as plans,
            (select count(*) from audit_events) as audit`,
  );
  return row;
}

const KEYS = ['userId', 'note', 'trigger', 'triggerOn', 'action', 'actorName', 'rowVersion', 'status'];
const WRITES: { name: string; url: (id: string) => string; method: string }[] = [
  { name: 'PUT /pupils/:id/case-lead', url: (id) => `/api/v1/pupils/${id}/case-lead`, method: 'PUT' },
  { name: 'POST /pupils/:id/case/close', url: (id) => `/api/v1/pupils/${id}/case/close`, method: 'POST' },
  { name: 'PUT /pupils/:id/signal-plans/:level', url: (id) => `/api/v1/pupils/${id}/signal-plans/C`, method: 'PUT' },
  { name: 'POST /pupils/:id/signal-plans/:level/status', url: (id) => `/api/v1/pupils/${id}/signal-plans/B/status`, method: 'POST' },
];

describe('bad input to every regie write', () => {
  for (const route of WRITES) {
    it(`${route.name} answers 4xx with a clear message and changes nothing`, async () => {
      const id = await resetCase(w, t, 'ownPupil', { lead: 'school_care_coordinator', plans: [{ level: 'B' }] });
      await expectCleanRefusals({ client: ib, method: route.method, url: route.url(id), keys: KEYS, snapshot, numRuns: 30 });
    });
  }
});

describe('validation names the field and the rule', () => {
  const rulesOf = (res: { json(): unknown }) =>
    Object.fromEntries((res.json() as { error: { issues: { field: string; rule: string }[] } }).error.issues.map((i) => [i.field, i.rule]));

  it('in a plan', async () => {
    const id = await resetCase(w, t, 'ownPupil', { lead: 'school_care_coordinator' });
    const before = await snapshot();
    const res = await ib.put(`/api/v1/pupils/${id}/signal-plans/B`, {
      trigger: '   ',
      triggerOn: '2026-02-30',
      action: 'x'.repeat(501),
      rowVersion: 0,
      colour: 'rood',
    });
    expect(res.statusCode).toBe(400);
    expect(rulesOf(res)).toMatchObject({ trigger: 'required', triggerOn: 'invalid_date', action: 'too_long', actorName: 'required', rowVersion: 'too_small' });
    expect(await snapshot()).toEqual(before);
  });

  it('in the address and the status', async () => {
    const id = await resetCase(w, t, 'ownPupil', { lead: 'school_care_coordinator', plans: [{ level: 'B' }] });
    expect(rulesOf(await ib.post(`/api/v1/pupils/${id}/signal-plans/E/status`, { status: 'closed' }))).toMatchObject({ level: 'invalid_enum' });
    expect(rulesOf(await ib.post(`/api/v1/pupils/not-a-pupil/signal-plans/B/status`, { status: 'closed' }))).toMatchObject({ id: 'invalid_uuid' });
    expect(rulesOf(await ib.post(`/api/v1/pupils/${id}/signal-plans/B/status`, { status: 'kapot' }))).toMatchObject({ status: 'invalid_enum' });
    expect(rulesOf(await ib.put(`/api/v1/pupils/${id}/case-lead`, { userId: '' }))).toMatchObject({ userId: 'required' });
    expect(rulesOf(await ib.post(`/api/v1/pupils/${id}/case/close`, {}))).toMatchObject({ note: 'required' });
    expect((await ib.get('/api/v1/case-leads/mine?page=0')).statusCode).toBe(400);
  });
});
