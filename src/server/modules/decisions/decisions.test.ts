import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/school-year.js';
import { createTestApp, type TestClient, type TTestApp } from '../../testing/app.js';
import { freshRequest } from '../../testing/requests.js';
import { buildWorld, WORLD_PASSWORD, type TWorld } from '../../testing/world.js';
import { addAdvices, otherExpert } from './access.js';
import { pdfTexts } from '../../testing/pdf.js';

let t: TTestApp;
let w: TWorld;
let consultant: TestClient;
let board: TestClient;
let expert: TestClient;
let ib: TestClient;
let teacher: TestClient;
let parent: TestClient;
let bConsultant: TestClient;
let second: { id: string; client: TestClient };

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
const raw = <T = Record<string, unknown>>(q: string, p: unknown[] = []) => t.database.raw<T>(q, p);
const experts = (id: string) => `/api/v1/support-requests/${id}/experts`;
const decision = (id: string) => `/api/v1/support-requests/${id}/decision`;
const ADVICE = { impartial: true, advice: 'Zij heeft een kleine groep en veel voorspelbaarheid nodig.', recommendation: 'SO, categorie laag' };
const SO = (o: Record<string, unknown> = {}) => ({ outcome: 'granted', reasons: 'Beide deskundigen adviseren SO.', tlv: { schoolType: 'SO', category: 'laag', validFrom: today(), years: 2, ...o } });

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.database);
  const as = (role: string) => t.signIn(w.emails[role]!, WORLD_PASSWORD);
  consultant = await as('swv_consultant');
  board = await as('swv_board');
  expert = await as('swv_expert');
  ib = await as('school_care_coordinator');
  teacher = await as('teacher');
  parent = await as('parent');
  bConsultant = await as('b_consultant');
  const id = await otherExpert(w, t, 'tweede');
  second = { id, client: await t.signIn('expert-tweede-a@w.test', WORLD_PASSWORD) };
});
afterAll(() => t.close());
beforeEach(async () => {
  await raw(`update regions set settings = settings - 'expertKinds' - 'parentSupport'`);
});

const tlvInAssessment = (pupil: 'ownPupil' | 'otherSchoolPupil' | 'otherRegionPupil' = 'ownPupil') =>
  freshRequest(w, t, { pupil, status: 'in_assessment', type: 'tlv', consultant: true });
const rowOf = async (requestId: string, expertId: string) =>
  (await raw<{ id: string }>('select id from request_experts where request_id = $1 and expert_id = $2', [requestId, expertId]))[0]!.id;

describe('assigning experts', () => {
  it('refuses an expert who appears on the child’s earlier records, saying where', async () => {
    const { requestId, pupilId, regionId } = await tlvInAssessment();
    const assign = () => consultant.post(experts(requestId), { expertId: second.id, expertKind: 'psycholoog' });
    const refusedFor = async (where: RegExp) => {
      const res = await assign();
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toMatch(where);
      expect(res.json().error.message).toContain('Deskundige tweede');
    };
    // in the kernteam, even when removed since
    const [ct] = await raw<{ id: string }>(
      `insert into care_team_members (region_id, pupil_id, user_id, organisation_id, added_by, removed_at) values ($1, $2, $3, $4, $3, now()) returning id`,
      [regionId, pupilId, second.id, w.a.swvId],
    );
    await refusedFor(/kernteam/);
    await raw('delete from care_team_members where id = $1', [ct!.id]);
    // worked on the groeidocument
    await raw(
      `insert into dossier_versions (region_id, pupil_id, version, snapshot, changed_fields, changed_by, changed_by_role) values ($1, $2, 9001, '{}', '{needs}', $3, 'swv_expert')`,
      [regionId, pupilId, second.id],
    );
    await refusedFor(/groeidocument/);
    await raw('delete from dossier_versions where pupil_id = $1 and version = 9001', [pupilId]);
    // wrote an OPP
    await raw(`insert into opps (region_id, pupil_id, seq, status, created_by) values ($1, $2, 1, 'draft', $3)`, [regionId, pupilId, second.id]);
    await refusedFor(/OPP/);
    await raw('delete from opps where pupil_id = $1', [pupilId]);
    // advised on an earlier request of the child
    const [earlier] = await raw<{ id: string }>(
      `insert into support_requests (region_id, pupil_id, school_id, type, status, client_key, created_by)
       select region_id, id, school_id, 'advice', 'closed', gen_random_uuid(), $2 from pupils where id = $1 returning id`,
      [pupilId, w.users.school_care_coordinator],
    );
    await raw(`insert into request_experts (region_id, request_id, pupil_id, expert_id, expert_kind, assigned_by) values ($1, $2, $3, $4, 'psycholoog', $4)`, [
      regionId,
      earlier!.id,
      pupilId,
      second.id,
    ]);
    await refusedFor(/eerder betrokken bij een aanvraag/);
    // or was its consultant
    await raw('delete from request_experts where request_id = $1', [earlier!.id]);
    await raw('update support_requests set consultant_id = $2 where id = $1', [earlier!.id, second.id]);
    await refusedFor(/eerder betrokken bij een aanvraag/);
    await raw('delete from support_requests where id = $1', [earlier!.id]);
    // with a clean record the same person is fine, once
    expect((await assign()).statusCode).toBe(201);
    expect((await assign()).statusCode).toBe(409);
    expect(await raw('select 1 from request_experts where request_id = $1', [requestId])).toHaveLength(1);
  });

  it('takes only experts of the region, of a kind the region accepts', async () => {
    const { requestId } = await tlvInAssessment();
    const notExpert = await consultant.post(experts(requestId), { expertId: w.users.teacher, expertKind: 'orthopedagoog' });
    expect(notExpert.statusCode).toBe(400);
    expect(notExpert.json().error.issues[0]).toMatchObject({ field: 'expertId' });
    expect(notExpert.json().error.issues[0].message).toMatch(/geen deskundige/);
    await raw(`update regions set settings = settings || '{"expertKinds":["jeugdarts"]}' where id = $1`, [w.a.regionId]);
    const kind = await consultant.post(experts(requestId), { expertId: second.id, expertKind: 'kinderpsychiater' });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.issues[0]).toMatchObject({ field: 'expertKind' });
    // an orthopedagoog or psycholoog is always accepted
    expect((await consultant.post(experts(requestId), { expertId: second.id, expertKind: 'psycholoog' })).statusCode).toBe(201);
    expect((await consultant.get('/api/v1/swv-experts')).json().items.map((e: { id: string }) => e.id)).toEqual(
      expect.arrayContaining([w.users.swv_expert, second.id]),
    );
    const list = (await consultant.get(experts(requestId))).json();
    expect(list.allowedKinds).toEqual(['orthopedagoog', 'psycholoog', 'jeugdarts']);
  });

  it('removes an expert only before the advice is in', async () => {
    const { requestId } = await freshRequest(w, t, { pupil: 'ownPupil', status: 'in_assessment', type: 'tlv', consultant: true, expert: true });
    const row = await rowOf(requestId, w.users.swv_expert);
    expect((await expert.post(`${experts(requestId)}/${row}/advice`, ADVICE)).statusCode).toBe(200);
    const res = await consultant.delete(`${experts(requestId)}/${row}`);
    expect(res.statusCode).toBe(409);
    expect(await raw('select 1 from request_experts where id = $1', [row])).toHaveLength(1);
  });
});

describe('advices', () => {
  it('are written by the assigned expert only, once, with the declaration of impartiality', async () => {
    const f = await freshRequest(w, t, { pupil: 'ownPupil', status: 'in_assessment', type: 'tlv', consultant: true, expert: true });
    await raw(`insert into request_experts (region_id, request_id, pupil_id, expert_id, expert_kind, assigned_by) values ($1, $2, $3, $4, 'jeugdarts', $4)`, [
      f.regionId,
      f.requestId,
      f.pupilId,
      second.id,
    ]);
    const mine = `${experts(f.requestId)}/${await rowOf(f.requestId, w.users.swv_expert)}/advice`;
    expect((await second.client.post(mine, ADVICE)).statusCode).toBe(403);
    expect((await consultant.post(mine, ADVICE)).statusCode).toBe(403);
    const undeclared = await expert.post(mine, { ...ADVICE, impartial: false });
    expect(undeclared.statusCode).toBe(400);
    expect(undeclared.json().error.issues[0]).toMatchObject({ field: 'impartial' });
    const given = await expert.post(mine, ADVICE);
    expect(given.statusCode).toBe(200);
    const item = given.json().items.find((i: { expert: { id: string } }) => i.expert.id === w.users.swv_expert);
    expect(item).toMatchObject({ advice: ADVICE.advice, recommendation: ADVICE.recommendation, policies: { writeAdvice: false, remove: false } });
    expect(item.impartialityDeclaredAt).toBeTruthy();
    const again = await expert.post(mine, { ...ADVICE, advice: 'Toch iets anders' });
    expect(again.statusCode).toBe(409);
    // the database refuses a change too
    await expect(raw(`update request_experts set advice = 'anders' where request_id = $1 and expert_id = $2`, [f.requestId, w.users.swv_expert])).rejects.toThrow();
    expect((await raw<{ advice: string }>('select advice from request_experts where request_id = $1 and expert_id = $2', [f.requestId, w.users.swv_expert]))[0]!.advice).toBe(ADVICE.advice);
  });

  it('parents read every submitted advice and never one that is not submitted; experts form theirs independently', async () => {
    const f = await freshRequest(w, t, { pupil: 'ownPupil', status: 'in_assessment', type: 'tlv', consultant: true, expert: true });
    await addAdvices(t, f, [second.id]);
    await raw(`update request_experts set advice = 'nog een concept' where request_id = $1 and expert_id = $2`, [f.requestId, w.users.swv_expert]);
    const seen = (await parent.get(experts(f.requestId))).json().items as { expert: { id: string }; advice: string | null }[];
    expect(seen.find((i) => i.expert.id === second.id)!.advice).toBeTruthy();
    expect(seen.find((i) => i.expert.id === w.users.swv_expert)!.advice).toBeNull();
    // the expert who has not given their advice yet does not see the other's
    const forExpert = (await expert.get(experts(f.requestId))).json().items as { expert: { id: string }; advice: string | null }[];
    expect(forExpert.find((i) => i.expert.id === second.id)!.advice).toBeNull();
    expect((await teacher.get(experts(f.requestId))).statusCode).toBe(404);
  });
});

describe('the decision', () => {
  it('refuses a TLV with one advice and grants it with two, numbering per region and year', async () => {
    await raw('delete from tlvs');
    await raw('delete from tlv_counters');
    const year = today().slice(0, 4);
    const a = await tlvInAssessment('ownPupil');
    await addAdvices(t, a, [w.users.swv_expert]);
    const one = await consultant.post(decision(a.requestId), SO());
    expect(one.statusCode).toBe(409);
    expect(one.json().error.message).toMatch(/twee adviezen nodig.*orthopedagoog of psycholoog/);
    expect(await raw('select 1 from request_decisions where request_id = $1', [a.requestId])).toHaveLength(0);
    // refusing a TLV needs the two advices too (WPO art. 18a lid 10)
    const refusedEarly = await consultant.post(decision(a.requestId), { outcome: 'refused', reasons: 'Het regulier onderwijs kan dit.' });
    expect(refusedEarly.statusCode).toBe(409);
    // two advices, but neither by an orthopedagoog or psycholoog: still refused
    const c0 = await tlvInAssessment('otherSchoolPupil');
    await addAdvices(t, c0, [w.users.swv_expert, second.id], ['jeugdarts', 'kinderpsychiater']);
    expect((await consultant.post(decision(c0.requestId), SO())).statusCode).toBe(409);
    await addAdvices(t, a, [second.id]);
    const granted = await consultant.post(decision(a.requestId), SO());
    expect(granted.statusCode).toBe(201);
    expect(granted.json().tlv).toMatchObject({ number: `${year}-0001`, schoolType: 'SO', category: 'laag' });
    const [req] = await raw<{ status: string; decided_at: unknown }>('select status, decided_at from support_requests where id = $1', [a.requestId]);
    expect(req).toMatchObject({ status: 'decided' });
    expect(req!.decided_at).toBeTruthy();

    const b = await tlvInAssessment('otherSchoolPupil');
    await addAdvices(t, b, [w.users.swv_expert, second.id]);
    expect((await board.post(decision(b.requestId), SO({ schoolType: 'SBO', category: null }))).json().tlv).toMatchObject({ number: `${year}-0002`, category: null });

    // region B counts on its own
    const c = await tlvInAssessment('otherRegionPupil');
    await addAdvices(t, c, [await otherExpert(w, t, 'b1', 'b'), await otherExpert(w, t, 'b2', 'b')]);
    expect((await bConsultant.post(decision(c.requestId), SO())).json().tlv.number).toBe(`${year}-0001`);
  });

  it('counts validity in whole school years: a start mid-year counts the rest of that year', async () => {
    const cases: [string, number, string][] = [
      ['2026-03-01', 2, '2027-07-31'],
      ['2026-08-01', 1, '2027-07-31'],
      ['2026-07-31', 1, '2026-07-31'],
    ];
    for (const [validFrom, years, until] of cases) {
      const f = await tlvInAssessment();
      await addAdvices(t, f, [w.users.swv_expert, second.id]);
      const res = await consultant.post(decision(f.requestId), SO({ validFrom, years }));
      expect(res.json().tlv).toMatchObject({ validFrom, validUntil: until });
    }
  });

  it('checks the TLV details against the request', async () => {
    const f = await tlvInAssessment();
    await addAdvices(t, f, [w.users.swv_expert, second.id]);
    const issue = async (body: Record<string, unknown>) => {
      const res = await consultant.post(decision(f.requestId), body);
      expect(res.statusCode).toBe(400);
      return res.json().error.issues[0];
    };
    expect(await issue({ outcome: 'granted', reasons: 'Ja' })).toMatchObject({ field: 'tlv', rule: 'required' });
    expect(await issue(SO({ schoolType: 'SBO', category: 'laag' }))).toMatchObject({ field: 'tlv.category', rule: 'tlv_sbo_no_category' });
    expect(await issue(SO({ category: null }))).toMatchObject({ field: 'tlv.category', rule: 'required' });
    expect(await issue({ ...SO(), outcome: 'refused' })).toMatchObject({ field: 'tlv' });
    expect(await issue(SO({ years: 13 }))).toMatchObject({ field: 'tlv.years' });
    const advice = await freshRequest(w, t, { pupil: 'otherSchoolPupil', status: 'in_assessment', type: 'advice', consultant: true });
    const res = await consultant.post(decision(advice.requestId), SO());
    expect(res.json().error.issues[0]).toMatchObject({ field: 'tlv', rule: 'tlv_only_for_tlv_request' });
    expect(await raw('select 1 from request_decisions where request_id in ($1, $2)', [f.requestId, advice.requestId])).toHaveLength(0);
    // with the two advices a refusal is taken, and gives no TLV
    const refused = await consultant.post(decision(f.requestId), { outcome: 'refused', reasons: 'Het regulier onderwijs kan dit met een arrangement.' });
    expect(refused.json()).toMatchObject({ outcome: 'refused', tlv: null });
  });

  it('is immutable once taken', async () => {
    const f = await freshRequest(w, t, { pupil: 'ownPupil', status: 'in_assessment', type: 'arrangement', consultant: true });
    expect((await consultant.post(decision(f.requestId), { outcome: 'partly', reasons: 'Deels.', criteria: 'Criteria 2026' })).statusCode).toBe(201);
    expect((await consultant.post(decision(f.requestId), { outcome: 'granted', reasons: 'Toch wel.' })).statusCode).toBe(403);
    await expect(raw(`update request_decisions set reasons = 'anders' where request_id = $1`, [f.requestId])).rejects.toThrow();
    expect((await parent.get(decision(f.requestId))).json()).toMatchObject({ outcome: 'partly', reasons: 'Deels.', criteria: 'Criteria 2026', sentOn: today() });
  });
});

describe('letter and objection dossier', () => {
  it('are PDFs for who may, with the objection route in the letter', async () => {
    await raw(
      `update regions set settings = settings || '{"parentSupport":{"name":"Steunpunt Passend Wijzer","email":"info@wijzer.test","phone":"010-1234567"}}' where id = $1`,
      [w.a.regionId],
    );
    const f = await tlvInAssessment();
    await addAdvices(t, f, [w.users.swv_expert, second.id]);
    await consultant.post(decision(f.requestId), SO());
    const letter = await parent.get(`${decision(f.requestId)}/letter`);
    expect(letter.statusCode).toBe(200);
    expect(letter.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    expect(letter.headers['content-disposition']).toMatch(/^attachment; filename="besluit-tlv-\d{4}-\d{4}\.pdf"$/);
    const text = pdfTexts(letter.rawPayload).join(' ');
    const deadline = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${addDays(today(), 42)}T00:00:00Z`));
    expect(text).toContain(`uiterlijk op ${deadline}`);
    expect(text).toContain('Landelijke Bezwaaradviescommissie');
    expect(text).toContain('Steunpunt Passend Wijzer');
    expect(text).toContain('Deskundige tweede');
    expect((await teacher.get(`${decision(f.requestId)}/letter`)).statusCode).toBe(404);

    const dossier = await consultant.get(`/api/v1/support-requests/${f.requestId}/objection-dossier`);
    expect(dossier.statusCode).toBe(200);
    expect(dossier.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    expect(dossier.headers['content-disposition']).toBe('attachment; filename="bezwaardossier.pdf"');
    const dossierText = pdfTexts(dossier.rawPayload).join(' ');
    expect(dossierText).toContain('Beide deskundigen adviseren SO.');
    expect(dossierText).toContain('Deze leerling heeft een kleine groep en veel structuur nodig.');
    expect((await parent.get(`/api/v1/support-requests/${f.requestId}/objection-dossier`)).statusCode).toBe(403);
    expect((await ib.get(`/api/v1/support-requests/${f.requestId}/objection-dossier`)).statusCode).toBe(403);
    const audits = await raw<{ action: string; details: { document: string } }>(
      `select action, details from audit_events where subject_id = $1 and action = 'decision.export' order by seq`,
      [f.requestId],
    );
    expect(audits.map((a) => a.details.document)).toEqual(['letter', 'objection_dossier']);
  });

  it('are not there before the decision', async () => {
    const f = await tlvInAssessment();
    expect((await consultant.get(`${decision(f.requestId)}/letter`)).statusCode).toBe(404);
    expect((await consultant.get(`/api/v1/support-requests/${f.requestId}/objection-dossier`)).statusCode).toBe(404);
  });
});

describe('objections', () => {
  it('are registered also when late, flagged as such, and move forward only', async () => {
    const f = await freshRequest(w, t, { pupil: 'ownPupil', status: 'in_assessment', type: 'arrangement', consultant: true });
    const sentOn = addDays(today(), -60);
    await consultant.post(decision(f.requestId), { outcome: 'refused', reasons: 'Niet nodig.', sentOn });
    const d = (await parent.get(decision(f.requestId))).json();
    expect(d).toMatchObject({ sentOn, objectionDeadline: addDays(sentOn, 42), objectionOpen: false });
    const url = `/api/v1/support-requests/${f.requestId}/objections`;
    const late = await consultant.post(url, { receivedOn: today(), lodgedBy: 'Ouder Test', grounds: 'Wij zijn het niet eens.' });
    expect(late.statusCode).toBe(201);
    expect(late.json()).toMatchObject({ late: true, status: 'received', nextStatuses: ['forwarded', 'upheld', 'rejected', 'withdrawn'] });
    const onTime = await consultant.post(url, { receivedOn: addDays(sentOn, 42), lodgedBy: 'Ouder Test', grounds: 'Op tijd.' });
    expect(onTime.json().late).toBe(false);
    expect((await consultant.post(url, { receivedOn: addDays(today(), 1), lodgedBy: 'X', grounds: 'Y' })).json().error.issues[0]).toMatchObject({
      field: 'receivedOn',
      rule: 'date_in_future',
    });
    expect((await consultant.post(url, { receivedOn: addDays(sentOn, -1), lodgedBy: 'X', grounds: 'Y' })).json().error.issues[0]).toMatchObject({
      field: 'receivedOn',
    });
    expect((await parent.post(url, { receivedOn: today(), lodgedBy: 'X', grounds: 'Y' })).statusCode).toBe(403);

    const patch = (body: Record<string, unknown>) => consultant.patch(`/api/v1/objections/${late.json().id}`, body);
    expect((await patch({ status: 'forwarded' })).json()).toMatchObject({ status: 'forwarded', nextStatuses: ['upheld', 'rejected', 'withdrawn'] });
    expect((await patch({ status: 'received' })).statusCode).toBe(409);
    expect((await patch({ status: 'rejected', outcomeNote: 'De LBT adviseert ongegrond.' })).json()).toMatchObject({ status: 'rejected', outcomeNote: 'De LBT adviseert ongegrond.' });
    expect((await patch({ status: 'withdrawn' })).statusCode).toBe(409);
    const seen = (await parent.get(decision(f.requestId))).json();
    expect(seen.objections.map((o: { late: boolean; nextStatuses: string[] }) => [o.late, o.nextStatuses.length])).toEqual([
      [false, 0],
      [true, 0],
    ]);
  });
});

describe('the return plan', () => {
  it('is written by the consultant or the school that filed the request', async () => {
    const f = await tlvInAssessment();
    await addAdvices(t, f, [w.users.swv_expert, second.id]);
    const tlvId = (await consultant.post(decision(f.requestId), SO())).json().tlv.id;
    const url = `/api/v1/tlvs/${tlvId}/return-plan`;
    const saved = await ib.put(url, { returnPlan: 'Na een jaar proefplaatsing terug naar groep 7.' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().tlv).toMatchObject({ returnPlan: 'Na een jaar proefplaatsing terug naar groep 7.' });
    expect(saved.json().policies.editReturnPlan).toBe(true);
    expect((await parent.put(url, { returnPlan: 'x' })).statusCode).toBe(403);
    expect((await teacher.put(url, { returnPlan: 'x' })).statusCode).toBe(404);
    expect((await ib.put(url, { returnPlan: '   ' })).statusCode).toBe(400);
  });
});

