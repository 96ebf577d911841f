import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ABSENCE_SETTINGS } from '../../../shared/absence.js';
import type { TAbsenceSettingsAnswer } from '../../../shared/schemas/absence.js';
import { createTestApp, type TestClient, type TTestApp } from '../../testing/app.js';
import { expectCleanRefusals } from '../../testing/bad-input.js';
import { buildWorld, type TWorld, WORLD_PASSWORD } from '../../testing/world.js';
import { DEFAULT_SETTINGS_INPUT } from './settings-access.js';

let t: TTestApp;
let w: TWorld;
let admin: TestClient;
let consultant: TestClient;
let bAdmin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.database);
  admin = await t.signIn(w.emails.swv_admin!, WORLD_PASSWORD);
  consultant = await t.signIn(w.emails.swv_consultant!, WORLD_PASSWORD);
  bAdmin = await t.signIn(w.emails.b_admin!, WORLD_PASSWORD);
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.database.raw(`update regions set settings = settings - 'absence'`);
  await t.database.raw('delete from absence_cases');
});

const URL = '/api/v1/absence/settings';
const stored = async (regionId: string) => {
  const [r] = await t.database.raw<{ absence: unknown }>(`select settings->'absence' as absence from regions where id = $1`, [regionId]);
  return r!.absence;
};
const issue = (res: { json(): unknown }) => (res.json() as { error: { issues: { field: string; rule: string }[] } }).error.issues[0];

/** An open case for the own pupil with one episode naming `reasonIds`. */
async function caseWithReasons(reasonIds: string[]) {
  const [c] = await t.database.raw<{ id: string }>(
    `insert into absence_cases (region_id, pupil_id, opened_on, opened_by) values ($1, $2, '2026-03-01', $3) returning id`,
    [w.a.regionId, w.ownPupil, w.users.school_care_coordinator],
  );
  await t.database.raw(
    `insert into absence_episodes (region_id, case_id, pupil_id, kind, started_on, reason_ids, created_by)
     values ($1, $2, $3, 'long_relative', '2026-03-01', $4, $5)`,
    [w.a.regionId, c!.id, w.ownPupil, reasonIds, w.users.school_care_coordinator],
  );
}

describe('GET and PUT /api/v1/absence/settings', () => {
  it('reads the defaults until the region sets its own; consultants read, only the admin writes', async () => {
    const res = await consultant.get(URL);
    expect(res.statusCode).toBe(200);
    const s = res.json() as TAbsenceSettingsAnswer;
    expect(s.thuiszitter).toEqual(DEFAULT_ABSENCE_SETTINGS.thuiszitter);
    expect(s.ladder.map((l) => l.key)).toEqual(['no_plan', 'no_offer']);
    expect(s.coordinator).toBeNull();
    expect(s.coordinatorCandidates).toContainEqual({ id: w.users.swv_consultant, name: 'Test swv_consultant' });
    expect(s.policies.update).toBe(false);
    expect((await consultant.put(URL, DEFAULT_SETTINGS_INPUT)).statusCode).toBe(403);
    expect(await stored(w.a.regionId)).toBeNull();
  });

  it('stores the region’s choices, gives new reasons a stable id, and audits without personal data', async () => {
    const body = {
      ...DEFAULT_SETTINGS_INPUT,
      thuiszitter: { minDays: 20, countedKinds: ['long_relative', 'absolute'] },
      ladder: [{ key: 'no_plan', condition: 'no_plan', after: { amount: 10, unit: 'days' }, target: 'coordinator' }],
      reasons: [
        { id: 'psychisch', label: 'Psychische klachten', active: false },
        { label: 'Psychisch', active: true },
        { label: 'Mantelzorg thuis', active: true },
      ],
      coordinatorUserId: w.users.swv_consultant,
      escalationContact: { name: 'Regionaal escalatieteam', email: 'escalatie@gemeente.test' },
    };
    const res = await admin.put(URL, body);
    expect(res.statusCode).toBe(200);
    const s = res.json() as TAbsenceSettingsAnswer;
    expect(s.reasons).toEqual([
      { id: 'psychisch', label: 'Psychische klachten', active: false },
      { id: 'psychisch-2', label: 'Psychisch', active: true },
      { id: 'mantelzorg-thuis', label: 'Mantelzorg thuis', active: true },
    ]);
    expect(s.coordinator).toEqual({ id: w.users.swv_consultant, name: 'Test swv_consultant' });
    expect(s.thuiszitter.minDays).toBe(20);
    expect(s.policies.update).toBe(true);
    // the next request (a new session query) reads the same
    expect(((await consultant.get(URL)).json() as TAbsenceSettingsAnswer).escalationContact).toEqual(body.escalationContact);
    // the ids stay when the list is written again as it came back
    const again = await admin.put(URL, { ...body, reasons: s.reasons });
    expect((again.json() as TAbsenceSettingsAnswer).reasons.map((r) => r.id)).toEqual(['psychisch', 'psychisch-2', 'mantelzorg-thuis']);
    const audits = await t.database.raw<{ details: unknown; subject_type: string }>(
      `select details, subject_type from audit_events where action = 'absence.settings.update' and region_id = $1`,
      [w.a.regionId],
    );
    expect(audits).toHaveLength(2);
    expect(audits[0]!.subject_type).toBe('region');
    const logged = JSON.stringify(audits);
    for (const personal of ['escalatie@gemeente.test', 'Regionaal escalatieteam', w.users.swv_consultant]) expect(logged).not.toContain(personal);
  });

  it('a reason old episodes use may be retired, not removed', async () => {
    await caseWithReasons(['gedrag']);
    const without = DEFAULT_SETTINGS_INPUT.reasons.filter((r) => r.id !== 'gedrag');
    const res = await admin.put(URL, { ...DEFAULT_SETTINGS_INPUT, reasons: without });
    expect(res.statusCode).toBe(400);
    expect(issue(res)).toMatchObject({ field: 'reasons', rule: 'reason_in_use' });
    expect(res.json().error.issues[0].message).toBeTruthy();
    expect(await stored(w.a.regionId)).toBeNull();
    const retired = DEFAULT_SETTINGS_INPUT.reasons.map((r) => (r.id === 'gedrag' ? { ...r, active: false } : r));
    expect((await admin.put(URL, { ...DEFAULT_SETTINGS_INPUT, reasons: retired })).statusCode).toBe(200);
    // one nobody uses may go
    expect((await admin.put(URL, { ...DEFAULT_SETTINGS_INPUT, reasons: retired.filter((r) => r.id !== 'conflict') })).statusCode).toBe(200);
  });

  it('refuses a coordinator who is not one of the region’s consultants, and an id it never gave out', async () => {
    for (const who of [w.users.swv_expert, w.users.b_consultant, 'nobody']) {
      const res = await admin.put(URL, { ...DEFAULT_SETTINGS_INPUT, coordinatorUserId: who });
      expect(res.statusCode, who).toBe(400);
      expect(issue(res)).toMatchObject({ field: 'coordinatorUserId', rule: 'unknown_coordinator' });
    }
    const invented = await admin.put(URL, { ...DEFAULT_SETTINGS_INPUT, reasons: [{ id: 'verzonnen', label: 'Verzonnen', active: true }] });
    expect(issue(invented)).toMatchObject({ field: 'reasons.0.id', rule: 'unknown_reason' });
    const twice = await admin.put(URL, { ...DEFAULT_SETTINGS_INPUT, ladder: [...DEFAULT_SETTINGS_INPUT.ladder, DEFAULT_SETTINGS_INPUT.ladder[0]] });
    expect(issue(twice)).toMatchObject({ field: 'ladder', rule: 'duplicate_key' });
    expect(await stored(w.a.regionId)).toBeNull();
  });

  it('region B’s admin writes region B only', async () => {
    const res = await bAdmin.put(URL, { ...DEFAULT_SETTINGS_INPUT, thuiszitter: { minDays: 40, countedKinds: ['absolute'] }, coordinatorUserId: w.users.b_consultant });
    expect(res.statusCode).toBe(200);
    expect(await stored(w.a.regionId)).toBeNull();
    expect(await stored(w.b.regionId)).toMatchObject({ thuiszitter: { minDays: 40 }, coordinatorUserId: w.users.b_consultant });
    expect(((await consultant.get(URL)).json() as TAbsenceSettingsAnswer).thuiszitter.minDays).toBe(28);
    // region A's consultant cannot be region B's coordinator
    const other = await bAdmin.put(URL, { ...DEFAULT_SETTINGS_INPUT, coordinatorUserId: w.users.swv_consultant });
    expect(issue(other)).toMatchObject({ field: 'coordinatorUserId', rule: 'unknown_coordinator' });
  });

  it('bad input: a clear refusal and nothing stored', async () => {
    const snapshot = async () => {
      const [r] = await t.database.raw(
        `select (select string_agg(md5(settings::text), ',' order by id) from regions) as settings,
                (select count(*) from audit_events where action = 'absence.settings.update') as audit`,
      );
      return r;
    };
    const keys = ['thuiszitter', 'ladder', 'reasons', 'coordinatorUserId', 'escalationContact', 'minDays', 'countedKinds', 'label', 'id', 'active'];
    await expectCleanRefusals({ client: admin, method: 'PUT', url: URL, keys, snapshot, numRuns: 30 });
    const res = await admin.put(URL, {
      ...DEFAULT_SETTINGS_INPUT,
      thuiszitter: { minDays: 0, countedKinds: [] },
      ladder: [{ key: 'Geen Plan!', condition: 'no_plan', after: { amount: 1, unit: 'years' }, target: 'coordinator' }],
      escalationContact: { name: 'X', email: 'geen-adres' },
    });
    expect(res.statusCode).toBe(400);
    const rules = Object.fromEntries((res.json().error.issues as { field: string; rule: string }[]).map((i) => [i.field, i.rule]));
    expect(rules).toMatchObject({
      'thuiszitter.minDays': 'too_small',
      'thuiszitter.countedKinds': 'required',
      'ladder.0.key': 'invalid_key',
      'ladder.0.after.unit': 'invalid_enum',
      'escalationContact.email': 'invalid_email',
    });
  });
});
