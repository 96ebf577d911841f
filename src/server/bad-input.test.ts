import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TTestApp } from './testing/app.js';
import { expectCleanRefusals } from './testing/bad-input.js';
import { buildWorld, WORLD_PASSWORD, type TWorld } from './testing/world.js';

let t: TTestApp;
let w: TWorld;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.database);
  admin = await t.signIn(w.emails.swv_admin!, WORLD_PASSWORD);
});
afterAll(() => t.close());

/** Everything a write could touch; a refused request must leave all of it as it was. */
async function snapshot() {
  const [row] = await t.database.raw(
    `select (select count(*) from organisations) as o, (select count(*) from users) as u,
            (select count(*) from memberships) as m, (select count(*) from groups) as g,
            (select count(*) from group_teachers) as gt, (select count(*) from audit_events) as a,
            (select string_agg(name || coalesce(school_board, ''), ',' order by id) from organisations) as names,
            (select string_agg(name, ',' order by id) from groups) as gnames`,
  );
  return row;
}

const WRITES: { method: string; url: (w: TWorld) => string }[] = [
  { method: 'POST', url: () => '/api/v1/organisations' },
  { method: 'PATCH', url: (w) => `/api/v1/organisations/${w.schoolA1}` },
  { method: 'POST', url: () => '/api/v1/users' },
  { method: 'POST', url: () => '/api/v1/memberships' },
  { method: 'POST', url: () => '/api/v1/groups' },
  { method: 'PATCH', url: (w) => `/api/v1/groups/${w.groupA1}` },
  { method: 'PUT', url: () => '/api/v1/me/locale' },
  { method: 'PUT', url: () => '/api/v1/me/active-membership' },
];

const KEYS = ['kind', 'name', 'email', 'role', 'schoolId', 'organisationId', 'userId', 'schoolYear', 'teacherIds', 'locale', 'membershipId', 'brin', 'archived'];

describe('bad input to every write endpoint', () => {
  for (const route of WRITES) {
    it(`${route.method} ${route.url({ schoolA1: ':id', groupA1: ':id' } as TWorld)} answers 4xx with a clear message and changes nothing`, async () => {
      await expectCleanRefusals({ client: admin, method: route.method, url: route.url(w), keys: KEYS, snapshot });
    });
  }
});

describe('validation messages', () => {
  it('name the field and the rule, in Dutch by default and in English on request', async () => {
    const res = await admin.post('/api/v1/organisations', { kind: 'school', name: '', brin: 'XX', vestiging: '0' });
    expect(res.statusCode).toBe(400);
    const { issues } = res.json().error;
    const byField = Object.fromEntries(issues.map((i: { field: string; rule: string; message: string }) => [i.field, i]));
    expect(byField.name.rule).toBe('required');
    expect(byField.brin.rule).toBe('invalid_brin');
    expect(byField.schoolType.rule).toBe('required');
    expect(byField.name.message).toMatch(/vul/i);
    const en = await admin.post('/api/v1/organisations', { kind: 'school', name: '' }, { 'accept-language': 'en' });
    const enName = en.json().error.issues.find((i: { field: string }) => i.field === 'name');
    expect(enName.message).toMatch(/fill|required|enter/i);
  });

  it('refuses a role at the wrong kind of organisation, and says so', async () => {
    const res = await admin.post('/api/v1/users', { name: 'Iemand', email: 'iemand@x.test', role: 'teacher', organisationId: w.a.gemeenteIds[0] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0]).toMatchObject({ field: 'organisationId', rule: 'organisation_kind_mismatch' });
  });

  it('refuses a second school with the same BRIN and vestiging', async () => {
    const [s] = await t.database.raw<{ brin: string; vestiging: string; gemeente_id: string }>('select brin, vestiging, gemeente_id from organisations where id = $1', [w.schoolA1]);
    const res = await admin.post('/api/v1/organisations', { kind: 'school', name: 'Dubbel', brin: s!.brin, vestiging: s!.vestiging, schoolType: 'PO', gemeenteId: s!.gemeente_id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0]).toMatchObject({ field: 'brin', rule: 'duplicate_brin' });
  });

  it('a group for a school of another region is an unknown school', async () => {
    const res = await admin.post('/api/v1/groups', { schoolId: w.schoolB1, name: 'X', schoolYear: '2026-2027' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0]).toMatchObject({ field: 'schoolId', rule: 'unknown_school' });
  });
});
