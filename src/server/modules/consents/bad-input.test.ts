import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TTestApp } from '../../testing/app.js';
import { buildWorld, type TActorKey, type TWorld, WORLD_PASSWORD } from '../../testing/world.js';
import { freshConsent, freshPupil } from './access.js';

let t: TTestApp;
let w: TWorld;
const clients = {} as Record<TActorKey, TestClient>;
/** Targets set up once; each write is sent by someone who may do it, so the body is what gets judged. */
let target: { pupilId: string; consentId: string; breakGlassId: string };

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.database);
  for (const k of ['school_care_coordinator', 'swv_consultant', 'swv_admin', 'pupil16'] as const)
    clients[k] = await t.signIn(w.emails[k]!, WORLD_PASSWORD);
  const { pupilId, guardianId } = await freshPupil(t, w, { parent: true });
  const consentId = await freshConsent(t, w, pupilId, { guardianId });
  const [bg] = await t.database.raw<{ id: string }>(
    `insert into break_glass_accesses (region_id, pupil_id, user_id, reason, expires_at)
     values ($1, $2, $3, 'Acute zorgen gemeld door de huisarts', now() + interval '1 day') returning id`,
    [w.a.regionId, pupilId, w.users.swv_consultant],
  );
  target = { pupilId, consentId, breakGlassId: bg!.id };
});
afterAll(() => t.close());

/** Everything these writes could touch; a refused request must leave all of it as it was. */
async function snapshot() {
  const [row] = await t.database.raw(
    `select (select count(*) from consents) as c,
            (select string_agg(id || coalesce(withdrawn_at::text, '') || coalesce(replaced_by_id::text, ''), ',' order by id) from consents) as cs,
            (select count(*) from care_team_members) as ct,
            (select string_agg(id || coalesce(removed_at::text, ''), ',' order by id) from care_team_members) as cts,
            (select count(*) from break_glass_accesses) as bg,
            (select string_agg(id || coalesce(reviewed_at::text, ''), ',' order by id) from break_glass_accesses) as bgs,
            (select string_agg(id || coalesce(parents_access_refused_at::text, ''), ',' order by id) from pupils) as pa,
            (select count(*) from audit_events) as a`,
  );
  return row;
}

const WRITES: { route: string; actor: TActorKey; url: () => string }[] = [
  { route: 'POST /pupils/:id/consents', actor: 'school_care_coordinator', url: () => `/api/v1/pupils/${target.pupilId}/consents` },
  { route: 'POST /consents/:id/withdraw', actor: 'school_care_coordinator', url: () => `/api/v1/consents/${target.consentId}/withdraw` },
  { route: 'POST /pupils/:id/care-team', actor: 'school_care_coordinator', url: () => `/api/v1/pupils/${target.pupilId}/care-team` },
  { route: 'POST /pupils/:id/break-glass', actor: 'swv_consultant', url: () => `/api/v1/pupils/${w.ownGroupPupil}/break-glass` },
  { route: 'POST /break-glass/:id/review', actor: 'swv_admin', url: () => `/api/v1/break-glass/${target.breakGlassId}/review` },
  { route: 'PUT /pupils/:id/parents-access', actor: 'pupil16', url: () => `/api/v1/pupils/${w.olderPupil}/parents-access` },
];

const KEYS = [
  'recipientOrganisationIds', 'recipientKinds', 'categories', 'purpose', 'legalBasis', 'validFrom', 'validUntil',
  'givenByGuardianId', 'replacesId', 'userId', 'organisationId', 'task', 'reason', 'note', 'parentsKeepAccess',
];
const value = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('2026-02-30', '2026-01-01', '00000000-0000-4000-8000-000000000000', 'cjg', 'dossier', 'x'.repeat(3000)),
  fc.array(fc.oneof(fc.string(), fc.uuid(), fc.constantFrom('cjg', 'opp', 'dossier')), { maxLength: 4 }),
  fc.object({ maxDepth: 1 }),
);
// bodies a careless or hostile client might send: wrong types, missing fields, junk
const junk = fc.oneof(
  fc.constant('not json at all {'),
  fc.constant([]),
  fc.constant(null),
  fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 8 }),
);

describe('bad input to every consent write', () => {
  for (const route of WRITES) {
    it(`${route.route} answers 4xx with a clear message and changes nothing`, async () => {
      await fc.assert(
        fc.asyncProperty(junk, async (body) => {
          const before = await snapshot();
          const payload = typeof body === 'string' ? body : JSON.stringify(body);
          const res = await clients[route.actor].request(route.route.split(' ')[0]!, route.url(), payload, { 'content-type': 'application/json' });
          // a body that happens to be valid is fine; everything else must be a clean refusal
          if (res.statusCode < 300) return;
          expect(res.statusCode).toBeGreaterThanOrEqual(400);
          expect(res.statusCode).toBeLessThan(500);
          const err = res.json().error;
          expect(err.code).toBeTruthy();
          expect(err.message).not.toMatch(/^errors\./);
          for (const i of err.issues ?? []) expect(i.message).not.toMatch(/^validation\./);
          expect(await snapshot()).toEqual(before);
        }),
        { numRuns: 40 },
      );
    });
  }

  it('POST /pupils/:id/consents: well-formed bodies with wrong references are refused cleanly too', async () => {
    const otherGuardian = (await freshPupil(t, w)).guardianId;
    const [g] = await t.database.raw<{ id: string }>('select id from guardians where pupil_id = $1', [target.pupilId]);
    const ref = (...xs: (string | null)[]) => fc.constantFrom(...xs);
    const body = fc.record({
      recipientOrganisationIds: fc.array(ref(w.partnerOrg, w.schoolA1, w.a.swvId, w.b.partnerIds[0]!, '00000000-0000-4000-8000-000000000000'), { maxLength: 3 }),
      recipientKinds: fc.array(fc.constantFrom('cjg', 'smw'), { maxLength: 2 }),
      categories: fc.array(fc.constantFrom('dossier', 'opp', 'attachments'), { minLength: 1, maxLength: 2 }),
      purpose: fc.constant('Afstemmen'),
      legalBasis: fc.constant('consent'),
      validFrom: ref('2026-01-01', '2026-06-01'),
      validUntil: ref(null, '2025-12-31', '2026-03-01', '2027-01-01'),
      givenByGuardianId: ref(null, g!.id, otherGuardian, '00000000-0000-4000-8000-000000000000'),
      replacesId: ref(null, target.consentId, '00000000-0000-4000-8000-000000000000'),
    });
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const before = await snapshot();
        const res = await clients.school_care_coordinator.post(`/api/v1/pupils/${target.pupilId}/consents`, b);
        if (res.statusCode === 201) return;
        expect(res.statusCode).toBe(400);
        expect(res.json().error.issues[0].message).not.toMatch(/^validation\./);
        expect(await snapshot()).toEqual(before);
      }),
      { numRuns: 40 },
    );
  });

  it('a malformed id in the path is a 400, not a 500', async () => {
    const c = clients.school_care_coordinator;
    for (const url of ['/api/v1/pupils/nope/consents', '/api/v1/consents/nope/withdraw', `/api/v1/pupils/${target.pupilId}/care-team/nope`]) {
      const res = url.includes('care-team/') ? await c.delete(url) : url.includes('withdraw') ? await c.post(url) : await c.get(url);
      expect(res.statusCode, url).toBe(400);
    }
    expect((await clients.swv_admin.get('/api/v1/break-glass?reviewed=maybe')).statusCode).toBe(400);
    expect((await clients.school_care_coordinator.get(`/api/v1/pupils/${target.pupilId}/access-log?pageSize=1000`)).statusCode).toBe(400);
  });
});
