import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TTestApp } from '../../testing/app.js';
import { freshRequest } from '../../testing/requests.js';
import { buildWorld, WORLD_PASSWORD, type TWorld } from '../../testing/world.js';
import { costPeriods } from './costs.js';
import { ensureArrangementType, freshArrangement, grantedRequest, schoolYearEndDay, schoolYearStartDay } from './fixtures.js';

let t: TTestApp;
let w: TWorld;
let consultant: TestClient;
let ib: TestClient;
let parent: TestClient;
let admin: TestClient;
let board: TestClient;
let teacher: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.database);
  const as = (k: string) => t.signIn(w.emails[k]!, WORLD_PASSWORD);
  consultant = await as('swv_consultant');
  ib = await as('school_care_coordinator');
  parent = await as('parent');
  admin = await as('swv_admin');
  board = await as('swv_board');
  teacher = await as('teacher');
});
afterAll(() => t.close());

const START = schoolYearStartDay();
const END = schoolYearEndDay();
const grant = (typeId: string, over: Record<string, unknown> = {}) => ({
  typeId,
  goals: [{ goal: 'Leest een AVI-E4 tekst vlot', criterion: 'Binnen 2 minuten, hoogstens 3 fouten' }],
  executorKind: 'own_staff',
  executorName: 'Meester Bram',
  hours: 1.5,
  budgetCents: 320000,
  startOn: START,
  endOn: END,
  evaluationDates: [END, START],
  ...over,
});
const issue = (res: { json(): unknown }) => (res.json() as { error: { issues: { field: string; rule: string; message: string }[] } }).error.issues[0]!;
const count = async (sql: string, params: unknown[] = []) => Number((await t.database.raw<{ n: string }>(sql, params))[0]!.n);

describe('granting an arrangement', () => {
  it('is possible only on a granted or partly granted request of an arrangement type', async () => {
    const typeId = await ensureArrangementType(w, t);
    const cases = [
      { status: 'decided', type: 'arrangement', outcome: 'refused', ok: false },
      { status: 'decided', type: 'advice', outcome: 'granted', ok: false },
      { status: 'in_assessment', type: 'arrangement', outcome: undefined, ok: false },
      { status: 'decided', type: 'education_care', outcome: 'partly', ok: true },
      { status: 'closed', type: 'arrangement', outcome: 'granted', ok: true },
    ] as const;
    for (const c of cases) {
      await t.database.raw('delete from arrangements where pupil_id = $1', [w.ownPupil]);
      const { requestId } = await freshRequest(w, t, { pupil: 'ownPupil', status: c.status, type: c.type, consultant: true, outcome: c.outcome });
      const list = await consultant.get(`/api/v1/support-requests/${requestId}/arrangements`);
      expect(list.json().policies.create, JSON.stringify(c)).toBe(c.ok);
      const res = await consultant.post(`/api/v1/support-requests/${requestId}/arrangements`, grant(typeId));
      expect(res.statusCode, JSON.stringify(c)).toBe(c.ok ? 201 : 409);
      if (!c.ok) expect(res.json().error.message).toMatch(/toegekende/);
    }
  });

  it('takes the school and child of the request, sorts the evaluation dates and rounds hours to one decimal', async () => {
    const typeId = await ensureArrangementType(w, t);
    const { requestId } = await grantedRequest(w, t, 'ownPupil');
    const res = await consultant.post(`/api/v1/support-requests/${requestId}/arrangements`, grant(typeId, { hours: 1.54 }));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ requestId, pupil: { id: w.ownPupil }, school: { id: w.schoolA1 }, hours: 1.5, evaluationDates: [START, END], status: 'active' });
    const list = await consultant.get(`/api/v1/support-requests/${requestId}/arrangements`);
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([body.id]);
    const [audit] = await t.database.raw<{ details: Record<string, unknown> }>(`select details from audit_events where action = 'arrangement.create' and subject_id = $1`, [body.id]);
    expect(audit!.details).toEqual({ requestId, typeId });
  });

  it('refuses an executor the type does not allow, an inactive type and dates outside the period, naming the field', async () => {
    const typeId = await ensureArrangementType(w, t, { executors: ['own_staff', 'pool'] });
    const inactive = await ensureArrangementType(w, t, { name: 'Oude plusklas', active: false });
    const { requestId } = await grantedRequest(w, t, 'ownPupil');
    const url = `/api/v1/support-requests/${requestId}/arrangements`;
    const before = await count('select count(*) as n from arrangements');
    const external = await consultant.post(url, grant(typeId, { executorKind: 'external' }));
    expect(external.statusCode).toBe(400);
    expect(issue(external)).toMatchObject({ field: 'executorKind', rule: 'arrangement_executor_not_allowed' });
    expect(issue(external).message).toMatch(/uitvoerder/);
    expect(issue(await consultant.post(url, grant(inactive)))).toMatchObject({ field: 'typeId', rule: 'arrangement_type_unknown' });
    expect(issue(await consultant.post(url, grant(typeId, { endOn: '2020-01-01', startOn: '2020-02-01', evaluationDates: [] })))).toMatchObject({ field: 'endOn' });
    const outside = await consultant.post(url, grant(typeId, { evaluationDates: [START, '2000-01-01'] }));
    expect(issue(outside)).toMatchObject({ field: 'evaluationDates.1', rule: 'arrangement_evaluation_outside_period' });
    expect(await count('select count(*) as n from arrangements')).toBe(before);
  });

  it('is the consultant\u2019s: the school that reads the request is refused', async () => {
    const typeId = await ensureArrangementType(w, t);
    const { requestId } = await grantedRequest(w, t, 'ownPupil');
    expect((await ib.post(`/api/v1/support-requests/${requestId}/arrangements`, grant(typeId))).statusCode).toBe(403);
  });
});

describe('spend', () => {
  it('must fall within the period; the last day counts', async () => {
    const f = await freshArrangement(w, t, 'ownPupil');
    const url = `/api/v1/arrangements/${f.arrangementId}/spends`;
    const spend = (spentOn: string) => ib.post(url, { spentOn, amountCents: 5000, description: 'Materiaal' });
    const before = await spend('2000-01-01');
    expect(before.statusCode).toBe(400);
    expect(issue(before)).toMatchObject({ field: 'spentOn', rule: 'arrangement_spend_outside_period' });
    expect(issue(before).message).toMatch(/looptijd/);
    expect((await spend(`${Number(END.slice(0, 4))}-08-01`)).statusCode).toBe(400);
    const last = await spend(END);
    expect(last.statusCode).toBe(201);
    expect(last.json().spends.map((s: { spentOn: string }) => s.spentOn)).toEqual([START, END]);
  });

  it('may exceed the budget: the answer says so', async () => {
    const f = await freshArrangement(w, t, 'ownPupil', { budgetCents: 30000 });
    const url = `/api/v1/arrangements/${f.arrangementId}/spends`;
    const within = await ib.post(url, { spentOn: START, amountCents: 5000, description: 'Toets' });
    expect(within.json().totals).toMatchObject({ spentCents: 30000, remainingCents: 0, overBudget: false });
    const over = await ib.post(url, { spentOn: START, amountCents: 10000, hours: 1, description: 'Extra les' });
    expect(over.statusCode).toBe(201);
    expect(over.json().totals).toMatchObject({ budgetCents: 30000, spentCents: 40000, spentHours: 3, remainingCents: -10000, overBudget: true });
    const list = await ib.get(`/api/v1/pupils/${w.ownPupil}/arrangements`);
    expect(list.json().items[0].totals.overBudget).toBe(true);
  });

  it('can be corrected: a spend is removed once, and the removal is audited', async () => {
    const f = await freshArrangement(w, t, 'ownPupil');
    const url = `/api/v1/arrangements/${f.arrangementId}/spends/${f.spendId}`;
    expect((await ib.delete(url)).json().totals.spentCents).toBe(0);
    expect((await ib.delete(url)).statusCode).toBe(404);
    expect(await count(`select count(*) as n from audit_events where action = 'arrangement.spend_delete' and subject_id = $1`, [f.arrangementId])).toBe(1);
  });
});

describe('what parents see', () => {
  it('the goals and what was spent, not the names of staff', async () => {
    const f = await freshArrangement(w, t, 'ownPupil');
    await ib.post(`/api/v1/arrangements/${f.arrangementId}/evaluations`, { heldOn: START, goalsMet: 'yes', outcome: 'continue', summary: 'Gaat goed.' });
    const res = await parent.get(`/api/v1/arrangements/${f.arrangementId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.goals).toEqual([{ goal: 'Leest een AVI-E4 tekst vlot', criterion: 'Binnen 2 minuten, hoogstens 3 fouten' }]);
    expect(body.spends).toEqual([{ id: f.spendId, spentOn: START, amountCents: 25000, hours: 2, description: 'Twee lessen leesbegeleiding', recordedByName: null }]);
    expect(body.evaluations[0]).toMatchObject({ summary: 'Gaat goed.', recordedByName: null });
    expect(body.executor).toEqual({ kind: 'own_staff', name: null });
    expect(body.policies).toEqual({ manage: false, recordSpend: false, evaluate: false, end: false, requestExtension: false });
    for (const name of ['Juf Anja', 'Test swv_consultant', 'Test school_care_coordinator']) expect(res.body).not.toContain(name);
    // staff do see who recorded it
    const staff = (await ib.get(`/api/v1/arrangements/${f.arrangementId}`)).json();
    expect(staff.spends[0].recordedByName).toBe('Test swv_consultant');
    expect(staff.executor.name).toBe('Juf Anja de Vries');
    const list = (await parent.get(`/api/v1/pupils/${w.ownPupil}/arrangements`)).json();
    expect(list.totals).toEqual({ budgetCents: 320000, spentCents: 25000, spentHours: 2 });
  });

  it('each read of an arrangement is audited', async () => {
    const f = await freshArrangement(w, t, 'ownPupil');
    await parent.get(`/api/v1/arrangements/${f.arrangementId}`);
    const rows = await t.database.raw<{ actor_user_id: string; pupil_id: string }>(
      `select actor_user_id, pupil_id from audit_events where action = 'arrangement.read' and subject_id = $1`,
      [f.arrangementId],
    );
    expect(rows).toEqual([{ actor_user_id: w.users.parent, pupil_id: w.ownPupil }]);
  });
});

describe('evaluation', () => {
  it('with outcome stop ends the arrangement', async () => {
    const f = await freshArrangement(w, t, 'ownPupil');
    const url = `/api/v1/arrangements/${f.arrangementId}/evaluations`;
    const res = await ib.post(url, { heldOn: START, goalsMet: 'no', outcome: 'stop', summary: 'Past niet; we stoppen.' });
    expect(res.statusCode).toBe(201);
    expect(res.json().arrangement).toMatchObject({ status: 'stopped', policies: { evaluate: false, end: false, recordSpend: true } });
    const again = await ib.post(url, { heldOn: START, goalsMet: 'no', outcome: 'continue', summary: 'Nog eens' });
    expect(again.statusCode).toBe(409);
    expect((await ib.post(`/api/v1/arrangements/${f.arrangementId}/end`, {})).statusCode).toBe(409);
  });

  it('refuses a date before the start or in the future', async () => {
    const f = await freshArrangement(w, t, 'ownPupil');
    const url = `/api/v1/arrangements/${f.arrangementId}/evaluations`;
    const body = { goalsMet: 'yes', outcome: 'continue', summary: 'Goed' };
    expect(issue(await ib.post(url, { ...body, heldOn: '2000-01-01' }))).toMatchObject({ field: 'heldOn', rule: 'arrangement_held_before_start' });
    expect(issue(await ib.post(url, { ...body, heldOn: '2099-01-01' }))).toMatchObject({ field: 'heldOn', rule: 'arrangement_held_in_future' });
  });

  it('asking for an extension makes one draft request, linked both ways', async () => {
    const f = await freshArrangement(w, t, 'ownPupil');
    const url = `/api/v1/arrangements/${f.arrangementId}/evaluations`;
    const body = { heldOn: START, goalsMet: 'partly', outcome: 'continue', summary: 'Helpt; nog een half jaar nodig.', requestExtension: true };
    // the consultant manages the arrangement but does not file requests; stop and extend contradict
    expect((await consultant.post(url, body)).statusCode).toBe(403);
    expect(issue(await ib.post(url, { ...body, outcome: 'stop' }))).toMatchObject({ field: 'requestExtension', rule: 'arrangement_extension_with_stop' });
    expect(await count('select count(*) as n from arrangement_evaluations where arrangement_id = $1', [f.arrangementId])).toBe(0);
    const res = await ib.post(url, body);
    expect(res.statusCode).toBe(201);
    const { extensionRequestId, arrangement } = res.json();
    const requests = await t.database.raw<{ id: string; status: string; type: string; school_id: string; pupil_id: string; created_by: string }>(
      'select id, status, type, school_id, pupil_id, created_by from support_requests where extends_arrangement_id = $1',
      [f.arrangementId],
    );
    expect(requests).toEqual([{ id: extensionRequestId, status: 'draft', type: 'arrangement', school_id: w.schoolA1, pupil_id: w.ownPupil, created_by: w.users.school_care_coordinator }]);
    expect(arrangement.evaluations[0].extensionRequestId).toBe(extensionRequestId);
    expect(arrangement.status).toBe('active');
    expect(await count(`select count(*) as n from support_request_events where request_id = $1 and status = 'draft'`, [extensionRequestId])).toBe(1);
  });
});

describe('the catalogue', () => {
  it('keeps names unique per region regardless of capitals, and answers 409 naming the field', async () => {
    await ensureArrangementType(w, t);
    const res = await admin.post('/api/v1/arrangement-types', { name: 'LEESBEGELEIDING', description: 'Dubbel', executors: ['pool'] });
    expect(res.statusCode).toBe(409);
    expect(issue(res)).toMatchObject({ field: 'name', rule: 'arrangement_type_name_taken' });
    expect(issue(res).message).toMatch(/naam/);
    // the same name in region B is another region's business
    await ensureArrangementType(w, t, { region: 'b', name: 'Dyslexiebegeleiding' });
    expect((await admin.post('/api/v1/arrangement-types', { name: 'Dyslexiebegeleiding', description: 'Lezen en spellen', executors: ['external'] })).statusCode).toBe(201);
  });

  it('is searched by name and description; a deactivated type leaves the catalogue, not the arrangements', async () => {
    const f = await freshArrangement(w, t, 'ownPupil');
    const found = await teacher.get('/api/v1/arrangement-types?q=begrijpend');
    expect(found.json().items.map((i: { name: string }) => i.name)).toEqual(['Leesbegeleiding']);
    const off = await admin.patch(`/api/v1/arrangement-types/${f.typeId}`, { active: false });
    expect(off.json()).toMatchObject({ name: 'Leesbegeleiding', active: false });
    expect((await teacher.get('/api/v1/arrangement-types?q=Leesbegeleiding&includeInactive=true')).json().items).toEqual([]);
    expect((await admin.get('/api/v1/arrangement-types?q=Leesbegeleiding&includeInactive=true')).json().items).toHaveLength(1);
    expect((await ib.get(`/api/v1/arrangements/${f.arrangementId}`)).json().type.name).toBe('Leesbegeleiding');
    await admin.patch(`/api/v1/arrangement-types/${f.typeId}`, { active: true });
  });
});

describe('the costs report', () => {
  /** One arrangement at school A1 from 2026-11-01 to 2027-04-30 (181 days), spend in December and March. */
  beforeEach(async () => {
    await t.database.raw('delete from arrangements');
    const f = await freshArrangement(w, t, 'ownPupil', { startOn: '2026-11-01', endOn: '2027-04-30', budgetCents: 181000 });
    await t.database.raw('delete from arrangement_spends');
    await t.database.raw(
      `insert into arrangement_spends (region_id, arrangement_id, pupil_id, school_id, spent_on, amount_cents, description, recorded_by)
       select region_id, id, pupil_id, school_id, d::date, c, 'Begeleiding', created_by from arrangements, (values ('2026-12-15', 10000), ('2027-03-01', 20000)) v(d, c)
       where id = $1`,
      [f.arrangementId],
    );
  });
  const rowA1 = (res: { json(): unknown }) => (res.json() as { rows: { school: { id: string } }[] }).rows.find((r) => r.school.id === w.schoolA1);

  it('names the two halves of a school year and of a calendar year', () => {
    expect(costPeriods('schoolYear', 2026)).toEqual([
      { from: '2026-08-01', to: '2026-12-31', schoolYear: 2026 },
      { from: '2027-01-01', to: '2027-07-31', schoolYear: 2026 },
    ]);
    expect(costPeriods('calendarYear', 2026)).toEqual([
      { from: '2026-01-01', to: '2026-07-31', schoolYear: 2025 },
      { from: '2026-08-01', to: '2026-12-31', schoolYear: 2026 },
    ]);
  });

  it('puts spend of 15 December 2026 and 1 March 2027 in school year 2026/27, split Aug–Dec / Jan–Jul, budget pro rata by days', async () => {
    const res = await board.get('/api/v1/arrangement-costs?schoolYear=2026');
    expect(res.statusCode).toBe(200);
    const expected = { spentFirstCents: 10000, spentSecondCents: 20000, spentTotalCents: 30000, budgetFirstCents: 61000, budgetSecondCents: 120000, budgetTotalCents: 181000, arrangements: 1 };
    expect(rowA1(res)).toMatchObject(expected);
    expect(res.json().total).toEqual(expected);
    expect(res.json().rows.length).toBeGreaterThan(1);
    expect(rowA1(await board.get('/api/v1/arrangement-costs?schoolYear=2025'))).toMatchObject({ spentTotalCents: 0, budgetTotalCents: 0, arrangements: 0 });
  });

  it('puts them in calendar years 2026 and 2027', async () => {
    expect(rowA1(await board.get('/api/v1/arrangement-costs?calendarYear=2026'))).toMatchObject({
      spentFirstCents: 0, spentSecondCents: 10000, budgetFirstCents: 0, budgetSecondCents: 61000, arrangements: 1,
    });
    expect(rowA1(await board.get('/api/v1/arrangement-costs?calendarYear=2027'))).toMatchObject({
      spentFirstCents: 20000, spentSecondCents: 0, budgetFirstCents: 120000, budgetSecondCents: 0, arrangements: 1,
    });
  });

  it('rounds each half to whole cents so the halves add up', async () => {
    await t.database.raw('update arrangements set budget_cents = 100000');
    const row = rowA1(await board.get('/api/v1/arrangement-costs?schoolYear=2026'));
    expect(row).toMatchObject({ budgetFirstCents: 33702, budgetSecondCents: 66298, budgetTotalCents: 100000 });
  });

  it('shows a school lead only the own school; asking for another is refused', async () => {
    const res = await ib.get('/api/v1/arrangement-costs?schoolYear=2026');
    expect(res.json().rows.map((r: { school: { id: string } }) => r.school.id)).toEqual([w.schoolA1]);
    expect(res.json().total.spentTotalCents).toBe(30000);
    expect((await ib.get(`/api/v1/arrangement-costs?schoolYear=2026&schoolId=${w.schoolA2}`)).statusCode).toBe(403);
    expect((await teacher.get('/api/v1/arrangement-costs?schoolYear=2026')).statusCode).toBe(403);
  });

  it('asks for exactly one of school year and calendar year', async () => {
    expect(issue(await board.get('/api/v1/arrangement-costs'))).toMatchObject({ field: 'schoolYear', rule: 'required' });
    expect((await board.get('/api/v1/arrangement-costs?schoolYear=2026&calendarYear=2026')).statusCode).toBe(400);
    expect(issue(await board.get(`/api/v1/arrangement-costs?schoolYear=2026&schoolId=${w.schoolB1}`))).toMatchObject({ field: 'schoolId', rule: 'unknown_school' });
  });

  it('downloads as a semicolon CSV for Dutch Excel, audited as an export', async () => {
    const res = await board.get(`/api/v1/arrangement-costs.csv?schoolYear=2026&schoolId=${w.schoolA1}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="arrangementkosten-2026-2027.csv"');
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'School;Uitgegeven aug–dec 2026 (€);Uitgegeven jan–jul 2027 (€);Uitgegeven totaal (€);Toegekend budget aug–dec 2026 (€);Toegekend budget jan–jul 2027 (€);Toegekend budget totaal (€);Aantal arrangementen',
    );
    expect(lines[1]).toMatch(/;100;200;300;610;1200;1810;1$/);
    expect(lines[2]).toBe('Totaal regio;100;200;300;610;1200;1810;1');
    const [audit] = await t.database.raw<{ details: Record<string, unknown> }>(`select details from audit_events where action = 'arrangement_costs.export' order by seq desc limit 1`);
    expect(audit!.details).toEqual({ format: 'csv', view: 'schoolYear', year: 2026, schoolId: w.schoolA1 });
  });
});

describe('API description', () => {
  it('documents the arrangement endpoints under their tag', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths as Record<string, Record<string, { tags?: string[] }>>;
    for (const p of [
      '/api/v1/arrangement-types',
      '/api/v1/arrangement-types/{id}',
      '/api/v1/support-requests/{id}/arrangements',
      '/api/v1/pupils/{id}/arrangements',
      '/api/v1/arrangements/{id}',
      '/api/v1/arrangements/{id}/spends',
      '/api/v1/arrangements/{id}/spends/{spendId}',
      '/api/v1/arrangements/{id}/evaluations',
      '/api/v1/arrangements/{id}/end',
      '/api/v1/arrangement-costs',
      '/api/v1/arrangement-costs.csv',
    ]) {
      expect(Object.values(paths[p] ?? {}).map((op) => op.tags), p).toContainEqual(['arrangements']);
    }
  });
});
