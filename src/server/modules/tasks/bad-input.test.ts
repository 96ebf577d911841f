import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TTestApp } from '../../testing/app.js';
import { expectCleanRefusals } from '../../testing/bad-input.js';
import { buildWorld, type TWorld, WORLD_PASSWORD } from '../../testing/world.js';

let t: TTestApp;
let w: TWorld;
let teacher: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.database);
  teacher = await t.signIn(w.emails.teacher!, WORLD_PASSWORD);
});
afterAll(() => t.close());

/** Everything the digest switch could touch. */
async function snapshot() {
  const [row] = await t.database.raw(`select string_agg(id || ':' || digest_opt_out, ',' order by id) as users from users`);
  return row;
}

describe('bad input to PUT /api/v1/me/digest', () => {
  it('answers 4xx with a clear message and changes nothing', async () => {
    await expectCleanRefusals({ client: teacher, method: 'PUT', url: '/api/v1/me/digest', keys: ['enabled', 'userId', 'digest'], snapshot, numRuns: 60 });
  });

  it('names the field and the rule', async () => {
    for (const body of [{}, { enabled: 'yes' }, { enabled: true, userId: w.users.parent }]) {
      const res = await teacher.put('/api/v1/me/digest', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.issues[0].message).not.toMatch(/^validation\./);
    }
  });
});
