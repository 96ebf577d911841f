import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TTestApp } from '../../testing/app.js';
import { buildWorld, WORLD_PASSWORD, type TWorld } from '../../testing/world.js';
import { searchTextOf } from '../../../shared/names.js';

let t: TTestApp;
let w: TWorld;
let admin: TestClient;

async function rename(id: string, firstName: string, namePrefix: string | null, lastName: string) {
  await t.database.raw('update pupils set first_name = $2, name_prefix = $3, last_name = $4, search_text = $5 where id = $1', [
    id, firstName, namePrefix, lastName, searchTextOf({ firstName, namePrefix, lastName }),
  ]);
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.database);
  admin = await t.signIn(w.emails.swv_admin!, WORLD_PASSWORD);
  await rename(w.ownGroupPupil, 'Zoë', 'van den', 'Berg');
  await rename(w.otherSchoolPupil, 'Mehmet', null, 'Çelik');
  await rename(w.selfPupil, 'Fleur', 'van', 'Dijk');
});
afterAll(() => t.close());

const search = async (q: string) =>
  ((await admin.get(`/api/v1/pupils?q=${encodeURIComponent(q)}`)).json() as { items: { id: string; displayName: string }[] }).items;

describe('pupil search', () => {
  it('finds a name without its accents, and shows it with them', async () => {
    const hits = await search('zoe');
    expect(hits).toContainEqual(expect.objectContaining({ id: w.ownGroupPupil, displayName: 'Zoë van den Berg' }));
    expect((await search('celik'))[0]?.id).toBe(w.otherSchoolPupil);
  });

  it('finds a surname without its tussenvoegsel, and with it', async () => {
    expect((await search('berg')).map((h) => h.id)).toContain(w.ownGroupPupil);
    expect((await search('zoe van den berg'))[0]?.id).toBe(w.ownGroupPupil);
    expect((await search('van den berg')).map((h) => h.id)).toContain(w.ownGroupPupil);
  });

  it('forgives a typo and the ij/y spelling', async () => {
    expect((await search('Mehmed Celik'))[0]?.id).toBe(w.otherSchoolPupil);
    expect((await search('fleur van dyk'))[0]?.id).toBe(w.selfPupil);
    expect((await search('Dijk')).map((h) => h.id)).toContain(w.selfPupil);
  });

  it('says nothing was found rather than failing', async () => {
    const res = await admin.get('/api/v1/pupils?q=qqqqxxxx');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ items: [], total: 0 });
  });
});

describe('pupil list pages', () => {
  it('pages through all pupils of the region in a stable order without repeats', async () => {
    const seen: string[] = [];
    let total = 0;
    for (let page = 1; page <= 5; page++) {
      const body = (await admin.get(`/api/v1/pupils?page=${page}&pageSize=10`)).json();
      total = body.total;
      seen.push(...body.items.map((i: { id: string }) => i.id));
    }
    expect(total).toBe(40);
    expect(new Set(seen).size).toBe(40);
  });

  it('past the last page: no items, but the total', async () => {
    const body = (await admin.get('/api/v1/pupils?page=99&pageSize=10')).json();
    expect(body).toMatchObject({ items: [], total: 40 });
  });

  it('refuses a page size above the limit with a clear message', async () => {
    const res = await admin.get('/api/v1/pupils?pageSize=1000');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0]).toMatchObject({ field: 'pageSize', rule: 'too_big' });
  });
});

describe('pupil page', () => {
  it('shows school, group, gemeente and guardians with gezag', async () => {
    const body = (await admin.get(`/api/v1/pupils/${w.ownPupil}`)).json();
    expect(body.school.id).toBe(w.schoolA1);
    expect(body.guardians.some((g: { name: string; hasGezag: boolean }) => g.name === 'Ouder Test' && g.hasGezag)).toBe(true);
    // the admin keeps the register, not the child's file
    expect(body.policies).toEqual({ update: true, dossier: false, opp: false, sharing: false, accessLog: false, breakGlass: false, requests: false, arrangements: false, meetings: false, caseLead: false, absence: false });
    expect(JSON.stringify(body)).not.toMatch(/bsn/i);
  });

  it('tells each person which parts of the child’s file they may open', async () => {
    const as = (k: string) => t.signIn(w.emails[k]!, WORLD_PASSWORD);
    const parent = (await (await as('parent')).get(`/api/v1/pupils/${w.ownPupil}`)).json();
    expect(parent.policies).toMatchObject({ update: false, dossier: true, opp: true, sharing: true, accessLog: true });
    const consultant = (await (await as('swv_consultant')).get(`/api/v1/pupils/${w.ownPupil}`)).json();
    expect(consultant.policies).toMatchObject({ dossier: false, breakGlass: true });
  });

  it('a malformed id is a clear 400, an unknown one a 404', async () => {
    expect((await admin.get('/api/v1/pupils/not-a-uuid')).statusCode).toBe(400);
    expect((await admin.get('/api/v1/pupils/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('platform endpoints', () => {
  it('publishes the OpenAPI document with the API routes, and the docs page', async () => {
    const doc = (await t.client().get('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/pupils', '/api/v1/pupils/{id}', '/api/v1/organisations', '/api/v1/users', '/api/v1/groups', '/api/v1/memberships']));
    expect((await t.client().get('/api/docs/')).statusCode).toBe(200);
  });

  it('reports health with a database round trip', async () => {
    const res = await t.client().get('/healthz');
    expect(res.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const res = await t.client().get('/api/v1/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});
