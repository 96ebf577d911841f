import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TTestApp } from '../../testing/app.js';
import { expectCleanRefusals } from '../../testing/bad-input.js';
import { buildWorld, WORLD_PASSWORD, type TWorld } from '../../testing/world.js';

let t: TTestApp;
let w: TWorld;
let ib: TestClient;
let teacher: TestClient;
let parent: TestClient;
let partner: TestClient;
let consultant: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.database);
  const as = (k: string) => t.signIn(w.emails[k]!, WORLD_PASSWORD);
  ib = await as('school_care_coordinator');
  teacher = await as('teacher');
  parent = await as('parent');
  partner = await as('care_partner');
  consultant = await as('swv_consultant');
});
afterAll(() => t.close());

const dossierUrl = (pupil: string) => `/api/v1/pupils/${pupil}/dossier`;

describe('groeidocument', () => {
  it('a new dossier is empty at version 0; a change makes version 1 with who changed what', async () => {
    const empty = await teacher.get(dossierUrl(w.ownGroupPupil));
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toMatchObject({ version: 0, needs: [], goals: [], policies: { edit: true } });

    const res = await ib.patch(dossierUrl(w.ownGroupPupil), { baseVersion: 0, needs: ['Heeft korte instructie nodig'], hinderingFactors: ['Snel afgeleid'] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 1, needs: ['Heeft korte instructie nodig'], updatedBy: { name: 'Test school_care_coordinator' } });

    const versions = (await teacher.get(`${dossierUrl(w.ownGroupPupil)}/versions`)).json();
    expect(versions.total).toBe(1);
    expect(versions.items[0]).toMatchObject({ version: 1, changedFields: ['needs', 'hinderingFactors'], changedBy: { role: 'school_care_coordinator' } });
  });

  it('keeps every earlier version readable', async () => {
    const cur = (await ib.get(dossierUrl(w.ownGroupPupil))).json();
    await ib.patch(dossierUrl(w.ownGroupPupil), { baseVersion: cur.version, needs: ['Heeft een vaste plek nodig'] });
    const old = await teacher.get(`${dossierUrl(w.ownGroupPupil)}/versions/${cur.version}`);
    expect(old.json().content.needs).toEqual(cur.needs);
    const now = await teacher.get(`${dossierUrl(w.ownGroupPupil)}/versions/${cur.version + 1}`);
    expect(now.json().content.needs).toEqual(['Heeft een vaste plek nodig']);
    expect((await teacher.get(`${dossierUrl(w.ownGroupPupil)}/versions/999`)).statusCode).toBe(404);
  });

  it('two editors at once: different parts merge, the same part is a conflict that names it', async () => {
    const base = (await teacher.get(dossierUrl(w.ownGroupPupil))).json().version;
    // the IB'er saves the needs first
    expect((await ib.patch(dossierUrl(w.ownGroupPupil), { baseVersion: base, needs: ['Werkt met een dagplanning'] })).statusCode).toBe(200);
    // the teacher, still on the old version, saves another part: merged
    const merged = await teacher.patch(dossierUrl(w.ownGroupPupil), { baseVersion: base, promotingFactors: ['Sportief'] });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({ needs: ['Werkt met een dagplanning'], promotingFactors: ['Sportief'] });
    // the teacher saves the needs from the old version: refused, and nothing is overwritten
    const clash = await teacher.patch(dossierUrl(w.ownGroupPupil), { baseVersion: base, needs: ['Iets anders'] });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.issues.map((i: { field: string }) => i.field)).toEqual(['needs']);
    expect(clash.json().error.message).toMatch(/iemand anders/i);
    expect((await ib.get(dossierUrl(w.ownGroupPupil))).json().needs).toEqual(['Werkt met een dagplanning']);
  });

  it('parents write their own view, not the professionals’ parts', async () => {
    const base = (await parent.get(dossierUrl(w.ownSchoolPupil))).json();
    expect(base.policies).toMatchObject({ edit: false, editParentView: true, editPupilView: false });
    const refused = await parent.patch(dossierUrl(w.ownSchoolPupil), { baseVersion: base.version, needs: ['x'], parentView: 'Thuis gaat het goed.' });
    expect(refused.statusCode).toBe(403);
    expect((await parent.get(dossierUrl(w.ownSchoolPupil))).json().parentView).toBeNull();
    const ok = await parent.patch(dossierUrl(w.ownSchoolPupil), { baseVersion: base.version, parentView: 'Thuis gaat het goed.' });
    expect(ok.json().parentView).toBe('Thuis gaat het goed.');
    // and parents see which organisation changed it, not the person
    expect(ok.json().updatedBy).toMatchObject({ name: null, role: 'parent' });
  });

  it('records every read in the audit log, for the child', async () => {
    await teacher.get(dossierUrl(w.ownGroupPupil));
    const [row] = await t.database.raw<{ action: string; role: string }>(
      `select action, role from audit_events where pupil_id = $1 and action = 'dossier.read' order by seq desc limit 1`,
      [w.ownGroupPupil],
    );
    expect(row).toMatchObject({ action: 'dossier.read', role: 'teacher' });
  });
});

describe('SMART goals and evaluations', () => {
  it('refuses a goal without a measurable criterion or with a past date, and says how to fix it', async () => {
    const vague = await teacher.post(`${dossierUrl(w.ownGroupPupil)}/goals`, { goal: 'Beter leren lezen in de klas', criterion: 'beter lezen', targetDate: '2099-01-01' });
    expect(vague.statusCode).toBe(400);
    expect(vague.json().error.issues[0]).toMatchObject({ field: 'criterion', rule: 'goal_not_measurable' });
    expect(vague.json().error.issues[0].message).toMatch(/meetbaar/i);
    const past = await teacher.post(`${dossierUrl(w.ownGroupPupil)}/goals`, { goal: 'Beter leren lezen in de klas', criterion: '4 van de 5 keer', targetDate: '2020-01-01' });
    expect(past.json().error.issues[0]).toMatchObject({ field: 'targetDate', rule: 'goal_date_not_future' });
    expect((await teacher.get(dossierUrl(w.ownGroupPupil))).json().goals).toEqual([]);
  });

  it('adds a goal, evaluates it, and guards the goal against a stale edit', async () => {
    const added = await teacher.post(`${dossierUrl(w.ownGroupPupil)}/goals`, {
      goal: 'Leest zelfstandig een tekst van niveau E4',
      criterion: '4 van de 5 teksten zonder hulp',
      targetDate: '2099-06-30',
    });
    expect(added.statusCode).toBe(201);
    const goal = added.json().goals[0];
    const evaluated = await ib.post(`${dossierUrl(w.ownGroupPupil)}/goals/${goal.id}/evaluations`, {
      evaluatedOn: '2026-01-15',
      result: 'partly',
      whatWorked: 'Voorlezen met een maatje',
      nextStep: 'Doorgaan, elke dag 10 minuten',
    });
    expect(evaluated.statusCode).toBe(201);
    expect(evaluated.json().goals[0].evaluations[0]).toMatchObject({ result: 'partly', nextStep: 'Doorgaan, elke dag 10 minuten' });

    expect((await ib.patch(`${dossierUrl(w.ownGroupPupil)}/goals/${goal.id}`, { version: goal.version, status: 'achieved' })).statusCode).toBe(200);
    const stale = await teacher.patch(`${dossierUrl(w.ownGroupPupil)}/goals/${goal.id}`, { version: goal.version, goal: 'Een andere tekst voor dit doel' });
    expect(stale.statusCode).toBe(409);
    const now = (await teacher.get(dossierUrl(w.ownGroupPupil))).json().goals[0];
    expect(now).toMatchObject({ status: 'achieved', goal: 'Leest zelfstandig een tekst van niveau E4' });
  });
});

describe('consent decides what a care partner reads', () => {
  it('reads the dossier while the consent is valid, and not a moment after it is withdrawn', async () => {
    expect((await partner.get(dossierUrl(w.consentPupil))).statusCode).toBe(200);
    await t.database.raw('update consents set withdrawn_at = now(), withdrawn_by = $2 where pupil_id = $1', [w.consentPupil, w.users.parent]);
    expect((await partner.get(dossierUrl(w.consentPupil))).statusCode).toBe(404);
    expect((await partner.get(`/api/v1/pupils/${w.consentPupil}`)).statusCode).toBe(404);
  });

  it('a consultant outside the kernteam sees the register entry but not the file', async () => {
    expect((await consultant.get(`/api/v1/pupils/${w.ownGroupPupil}`)).statusCode).toBe(200);
    expect((await consultant.get(dossierUrl(w.ownGroupPupil))).statusCode).toBe(404);
  });
});

describe('attachments', () => {
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  it('stores a real file, serves it back only as a download, and refuses what it is not', async () => {
    const up = await ib.post(`/api/v1/pupils/${w.ownGroupPupil}/attachments`, { fileName: 'tekening.png', contentBase64: png.toString('base64') });
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ fileName: 'tekening.png', contentType: 'image/png', sizeBytes: png.length });
    const down = await teacher.get(`/api/v1/pupils/${w.ownGroupPupil}/attachments/${up.json().id}`);
    expect(down.rawPayload.equals(png)).toBe(true);
    expect(down.headers['content-disposition']).toMatch(/^attachment;/);

    const fake = await ib.post(`/api/v1/pupils/${w.ownGroupPupil}/attachments`, { fileName: 'virus.pdf', contentBase64: Buffer.from('MZ not a pdf').toString('base64') });
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.issues[0]).toMatchObject({ field: 'file', rule: 'file_type_not_allowed' });

    expect((await ib.delete(`/api/v1/pupils/${w.ownGroupPupil}/attachments/${up.json().id}`)).statusCode).toBe(204);
    expect((await teacher.get(`/api/v1/pupils/${w.ownGroupPupil}/attachments/${up.json().id}`)).statusCode).toBe(404);
  });
});

describe('bad input', () => {
  const snapshot = async () =>
    (await t.database.raw(`select (select count(*) from dossier_versions) as v, (select count(*) from dossier_goals) as g,
      (select count(*) from goal_evaluations) as e, (select count(*) from attachments) as a,
      (select string_agg(needs::text || coalesce(parent_view, ''), ',' order by pupil_id) from dossiers) as d`))[0];
  const KEYS = ['baseVersion', 'needs', 'parentView', 'pupilView', 'goal', 'criterion', 'targetDate', 'version', 'status', 'result', 'evaluatedOn', 'fileName', 'contentBase64'];
  for (const [method, path] of [
    ['PATCH', ''],
    ['POST', '/goals'],
    ['POST', '/goals/00000000-0000-4000-8000-000000000000/evaluations'],
  ] as const) {
    it(`${method} dossier${path} answers 4xx with a clear message and changes nothing`, async () => {
      await expectCleanRefusals({ client: ib, method, url: `${dossierUrl(w.ownGroupPupil)}${path}`, keys: KEYS, snapshot, numRuns: 25 });
    });
  }
  it('POST attachments answers 4xx with a clear message and changes nothing', async () => {
    await expectCleanRefusals({ client: ib, method: 'POST', url: `/api/v1/pupils/${w.ownGroupPupil}/attachments`, keys: KEYS, snapshot, numRuns: 25 });
  });
});
