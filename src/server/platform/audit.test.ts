import { rmSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TTestApp } from '../testing/app.js';
import { buildWorld, WORLD_PASSWORD, type TWorld } from '../testing/world.js';
import { verifyAuditChains } from './audit.js';

let t: TTestApp;
let w: TWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.database);
});
afterAll(() => t.close());

const events = (regionId: string) =>
  t.database.raw<Record<string, unknown>>('select * from audit_events where region_id = $1 order by seq', [regionId]);

describe('audit', () => {
  it('records a read of a pupil record with actor, membership, pupil, action and UTC time', async () => {
    const c = await t.signIn(w.emails.teacher!, WORLD_PASSWORD);
    const before = Date.now();
    expect((await c.get(`/api/v1/pupils/${w.ownGroupPupil}`)).statusCode).toBe(200);
    const last = (await events(w.a.regionId)).at(-1)!;
    expect(last).toMatchObject({ action: 'pupil.read', actor_user_id: w.users.teacher, role: 'teacher', pupil_id: w.ownGroupPupil, organisation_id: w.schoolA1 });
    expect(last.membership_id).toBeTruthy();
    expect(new Date(last.occurred_at as string).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('records writes, and a refused read leaves no trace of the pupil', async () => {
    const admin = await t.signIn(w.emails.swv_admin!, WORLD_PASSWORD);
    const res = await admin.post('/api/v1/organisations', { kind: 'partner', name: 'Wijkteam Audit', partnerKind: 'wijkteam' });
    expect(res.statusCode).toBe(201);
    expect((await events(w.a.regionId)).at(-1)).toMatchObject({ action: 'organisation.create', subject_id: res.json().id });
    const teacher = await t.signIn(w.emails.teacher!, WORLD_PASSWORD);
    const n = (await events(w.a.regionId)).length;
    expect((await teacher.get(`/api/v1/pupils/${w.otherSchoolPupil}`)).statusCode).toBe(404);
    expect((await events(w.a.regionId)).length).toBe(n);
  });

  it('chains each region separately and verifies intact', async () => {
    const b = await t.signIn(w.emails.b_admin!, WORLD_PASSWORD);
    await b.get(`/api/v1/pupils/${w.otherRegionPupil}`);
    const chainB = await events(w.b.regionId);
    expect(chainB[0]).toMatchObject({ seq: expect.anything(), prev_hash: '0'.repeat(64) });
    const result = await verifyAuditChains(t.database.raw);
    expect(result.breaks).toEqual([]);
    expect(result.regions).toBeGreaterThanOrEqual(2);
  });

  it('refuses UPDATE and DELETE, also for the owner', async () => {
    await expect(t.database.raw(`update audit_events set action = 'x' where region_id = $1`, [w.a.regionId])).rejects.toThrow(/append-only/);
    await expect(t.database.raw('delete from audit_events where region_id = $1', [w.a.regionId])).rejects.toThrow(/append-only/);
    await expect(t.database.raw('truncate audit_events')).rejects.toThrow(/append-only/);
  });

  it('gives the app role no UPDATE or DELETE grant', async () => {
    const grants = await t.database.raw<{ privilege_type: string }>(
      `select privilege_type from information_schema.role_table_grants where grantee = 'rondom_app' and table_name = 'audit_events'`,
    );
    expect(grants.map((g) => g.privilege_type).sort()).toEqual(['INSERT', 'SELECT']);
  });

  it('detects tampering: a changed row breaks the chain at that row', async () => {
    const chain = await events(w.a.regionId);
    const target = chain[1]!;
    // an attacker with the owner's rights switches the trigger off and edits history
    await t.database.exec('alter table audit_events disable trigger audit_events_append_only');
    await t.database.raw(`update audit_events set action = 'pupil.list' where region_id = $1 and seq = $2`, [w.a.regionId, target.seq]);
    await t.database.exec('alter table audit_events enable trigger audit_events_append_only');
    const result = await verifyAuditChains(t.database.raw);
    expect(result.breaks).toEqual([{ regionId: w.a.regionId, seq: Number(target.seq), problem: 'hash_mismatch' }]);
  });
});

describe('npm run audit:verify', () => {
  it('exits non-zero on a broken chain and zero on an intact one', async () => {
    const run = promisify(execFile);
    const dir = `/tmp/rondom-audit-${process.pid}`;
    // a real data directory the command opens itself
    const { openDb } = await import('./db.js');
    const { generateRegion } = await import('../seed/generate.js');
    const { appendAudit } = await import('./audit.js');
    const { withTenant } = await import('./tenancy.js');
    const db = await openDb({ dataDir: `${dir}/pglite` });
    await db.migrate();
    const r = await generateRegion(db, { slug: 'v', name: 'V', schools: 1, pupils: 1 });
    for (let i = 0; i < 3; i++)
      await withTenant(db.db, r.regionId, (tx) => appendAudit(tx, r.regionId, { userId: null, membershipId: null, role: null, organisationId: null }, { action: 'test', subjectType: 'test' }));
    await db.close();
    const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: '' };
    delete (env as Record<string, string | undefined>).DATABASE_URL;
    const ok = await run('npx', ['tsx', 'src/server/scripts/audit-verify.ts'], { env });
    expect(ok.stdout).toMatch(/all chains intact/);
    const db2 = await openDb({ dataDir: `${dir}/pglite` });
    await db2.exec("alter table audit_events disable trigger audit_events_append_only; delete from audit_events where seq = 2; alter table audit_events enable trigger audit_events_append_only;");
    await db2.close();
    await expect(run('npx', ['tsx', 'src/server/scripts/audit-verify.ts'], { env })).rejects.toMatchObject({ code: 1 });
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
