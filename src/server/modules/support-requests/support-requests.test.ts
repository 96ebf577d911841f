import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TTestApp } from '../../testing/app.js';
import { freshRequest } from '../../testing/requests.js';
import { buildWorld, WORLD_PASSWORD, type TWorld } from '../../testing/world.js';
import { freshOpp } from '../opps/access.js';

let t: TTestApp;
let w: TWorld;
let ib: TestClient;
let director: TestClient;
let consultant: TestClient;
let board: TestClient;
let expert: TestClient;
let parent: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.database);
  const as = (k: string) => t.signIn(w.emails[k]!, WORLD_PASSWORD);
  ib = await as('school_care_coordinator');
  director = await as('school_director');
  consultant = await as('swv_consultant');
  board = await as('swv_board');
  expert = await as('swv_expert');
  parent = await as('parent');
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.database.raw('delete from support_requests');
});

const PDF = { fileName: 'handtekening ouders.pdf', contentBase64: Buffer.from('%PDF-1.4\n%getekend\n').toString('base64') };

async function row(id: string) {
  const [r] = await t.database.raw<{ status: string; row_version: number; consultant_id: string | null; parents_signature_id: string | null; question: string | null }>(
    'select status, row_version, consultant_id, parents_signature_id, question from support_requests where id = $1',
    [id],
  );
  return r!;
}
const count = async (table: string) => Number((await t.database.raw<{ n: string }>(`select count(*) as n from ${table}`))[0]!.n);
const fieldsOf = (res: { json(): unknown }) => (res.json() as { error: { issues: { field: string }[] } }).error.issues.map((i) => i.field);

/** A new TLV draft for ownPupil (the world's parent's child at school A1). */
async function draft(body: Record<string, unknown> = {}) {
  const res = await ib.post(`/api/v1/pupils/${w.ownPupil}/support-requests`, { clientKey: randomUUID(), type: 'tlv', ...body });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; rowVersion: number };
}

describe('a request from draft to assessment', () => {
  it('walks the flow: complete is refused while the checklist misses items, and says which', async () => {
    const d = await draft({ question: 'Welke school past bij hem?' });
    expect(d).toMatchObject({ status: 'draft', type: 'tlv', question: 'Welke school past bij hem?', policies: { edit: true, submit: true, withdraw: true } });

    // question, tried and the school type are needed to submit; nothing changes without them
    const early = await ib.post(`/api/v1/support-requests/${d.id}/submit`, { rowVersion: 1 });
    expect(early.statusCode).toBe(400);
    expect(fieldsOf(early)).toEqual(['tried', 'tlvSchoolType']);
    expect(early.json().error.issues[0].message).toMatch(/voordat u de aanvraag indient/);
    expect((await row(d.id)).status).toBe('draft');

    const patched = await ib.patch(`/api/v1/support-requests/${d.id}`, {
      rowVersion: 1,
      tried: 'Extra begeleiding in een klein groepje',
      tlvSchoolType: 'SO',
      parentsInformedOn: '2026-01-05',
      parentsView: '',
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ rowVersion: 2, tlvSchoolType: 'SO', parentsView: null });

    const submitted = await ib.post(`/api/v1/support-requests/${d.id}/submit`, { rowVersion: 2 });
    expect(submitted.statusCode).toBe(200);
    const s = submitted.json();
    expect(s).toMatchObject({ status: 'submitted', checklistMet: false, policies: { edit: true, submit: false } });
    expect(s.submittedAt).toBeTruthy();
    expect(s.checklist.map((c: { id: string; met: boolean }) => [c.id, c.met])).toEqual([
      ['opp_adopted', false],
      ['dossier_present', false],
      ['parents_informed', true],
      ['parents_signed', false],
    ]);

    // the consultant sees it, but "complete" is not offered and is refused with what is missing
    const seen = (await consultant.get(`/api/v1/support-requests/${d.id}`)).json();
    expect(seen.policies).toMatchObject({ markComplete: false, assignConsultant: true, edit: false });
    const refused = await consultant.post(`/api/v1/support-requests/${d.id}/complete`, {});
    expect(refused.statusCode).toBe(409);
    expect(fieldsOf(refused)).toEqual(['checklist.opp_adopted', 'checklist.dossier_present', 'checklist.parents_signed']);
    expect(refused.json().error.issues[2].message).toMatch(/ondertekende formulier/);
    expect((await row(d.id)).status).toBe('submitted');

    // the school adds what is missing after submitting: an adopted plan, needs, the signed form
    await freshOpp(w, t, 'ownPupil', 'adopted');
    await t.database.raw(
      `insert into dossiers (region_id, pupil_id, needs) values ($1, $2, '["Heeft rust en structuur nodig"]')
       on conflict (region_id, pupil_id) do update set needs = excluded.needs`,
      [w.a.regionId, w.ownPupil],
    );
    const wrongItem = await ib.post(`/api/v1/support-requests/${d.id}/attachments`, { file: PDF, checklistItemId: 'opp_adopted' });
    expect(wrongItem.statusCode).toBe(400);
    expect(fieldsOf(wrongItem)).toEqual(['checklistItemId']);
    const uploaded = await ib.post(`/api/v1/support-requests/${d.id}/attachments`, { file: PDF, checklistItemId: 'parents_signed' });
    expect(uploaded.statusCode).toBe(201);
    expect(uploaded.json()).toMatchObject({ checklistMet: true, parentsSigned: true, attachments: [{ checklistItemId: 'parents_signed', contentType: 'application/pdf' }] });
    expect((await row(d.id)).parents_signature_id).toBe(uploaded.json().attachments[0].id);

    // the download is audited, neutral in name, never cached
    const file = await consultant.get(`/api/v1/support-requests/${d.id}/attachments/${uploaded.json().attachments[0].id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="aanvraag-bijlage-[0-9a-f]{8}\.pdf"$/);
    expect(file.headers['cache-control']).toBe('no-store');
    expect(file.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    expect((await consultant.get(`/api/v1/support-requests/${d.id}`)).json().policies.markComplete).toBe(true);
    const complete = await consultant.post(`/api/v1/support-requests/${d.id}/complete`, {});
    expect(complete.statusCode).toBe(200);
    expect(complete.json()).toMatchObject({ status: 'complete', policies: { edit: false, startAssessment: true } });
    // no longer at intake: the school cannot change the files
    expect((await ib.delete(`/api/v1/support-requests/${d.id}/attachments/${uploaded.json().attachments[0].id}`)).statusCode).toBe(403);

    const started = await consultant.post(`/api/v1/support-requests/${d.id}/start-assessment`, {});
    expect(started.statusCode).toBe(200);
    const a = started.json();
    expect(a).toMatchObject({ status: 'in_assessment', consultant: { id: w.users.swv_consultant, name: 'Test swv_consultant' } });
    expect(a.policies).toMatchObject({ assignExperts: true, decide: true, withdraw: false });
    expect(a.timeline.map((e: { status: string }) => e.status)).toEqual(['draft', 'submitted', 'complete', 'in_assessment']);
    expect(a.timeline[3].by).toMatchObject({ name: 'Test swv_consultant', role: 'swv_consultant' });
    expect(a.timeline[0].by).toMatchObject({ name: 'Test school_care_coordinator', role: 'school_care_coordinator' });

    const audits = await t.database.raw<{ action: string }>(`select action from audit_events where subject_id = $1 order by seq`, [d.id]);
    expect(audits.map((x) => x.action)).toEqual(
      expect.arrayContaining(['support_request.create', 'support_request.submit', 'support_request.markComplete', 'support_request.startAssessment']),
    );
  });

  it('removing the signed form takes the signature away again', async () => {
    const d = await draft();
    const up = (await ib.post(`/api/v1/support-requests/${d.id}/attachments`, { file: PDF, checklistItemId: 'parents_signed' })).json();
    const removed = await ib.delete(`/api/v1/support-requests/${d.id}/attachments/${up.attachments[0].id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toMatchObject({ parentsSigned: false, attachments: [] });
    expect((await row(d.id)).parents_signature_id).toBeNull();
    expect((await ib.get(`/api/v1/support-requests/${d.id}/attachments/${up.attachments[0].id}`)).statusCode).toBe(404);
  });

  it('withdraws with a reason, at any time before a decision', async () => {
    const { requestId } = await freshRequest(w, t, { pupil: 'ownPupil', status: 'in_assessment', consultant: true });
    const noReason = await director.post(`/api/v1/support-requests/${requestId}/withdraw`, { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(fieldsOf(noReason)).toEqual(['reason']);
    const res = await director.post(`/api/v1/support-requests/${requestId}/withdraw`, { reason: 'Ouders verhuizen naar het buitenland' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'withdrawn', withdrawnReason: 'Ouders verhuizen naar het buitenland', policies: { withdraw: false } });
    expect(res.json().timeline.at(-1)).toMatchObject({ status: 'withdrawn', note: 'Ouders verhuizen naar het buitenland' });

    const decided = await freshRequest(w, t, { pupil: 'ownPupil', status: 'decided', consultant: true });
    expect((await director.post(`/api/v1/support-requests/${decided.requestId}/withdraw`, { reason: 'Te laat' })).statusCode).toBe(403);
  });

  it('closes a decided request with a note', async () => {
    const { requestId } = await freshRequest(w, t, { pupil: 'ownPupil', status: 'decided', consultant: true });
    const res = await consultant.post(`/api/v1/support-requests/${requestId}/close`, { note: 'Arrangement loopt' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'closed', outcome: 'granted' });
    expect(res.json().closedAt).toBeTruthy();
  });
});

describe('idempotence and concurrency', () => {
  it('the same form sent twice (or at once) makes one request', async () => {
    const clientKey = randomUUID();
    const body = { clientKey, type: 'advice', question: 'Hoe helpen we haar?' };
    const first = await ib.post(`/api/v1/pupils/${w.ownPupil}/support-requests`, body);
    const again = await ib.post(`/api/v1/pupils/${w.ownPupil}/support-requests`, body);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);

    const key2 = randomUUID();
    const both = await Promise.all([0, 1].map(() => ib.post(`/api/v1/pupils/${w.ownPupil}/support-requests`, { ...body, clientKey: key2 })));
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(await count('support_requests')).toBe(2);
    // the same key for another child is a misuse, not a replay
    const misuse = await ib.post(`/api/v1/pupils/${w.ownGroupPupil}/support-requests`, body);
    expect(misuse.statusCode).toBe(409);
    expect(await count('support_requests')).toBe(2);
  });

  it('an edit or step on an older version is refused and names that someone else changed it', async () => {
    const d = await draft({ question: 'Eerste vraag' });
    await ib.patch(`/api/v1/support-requests/${d.id}`, { rowVersion: 1, question: 'Tweede vraag' });
    const stale = await director.patch(`/api/v1/support-requests/${d.id}`, { rowVersion: 1, question: 'Overschreven?' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/Iemand anders heeft deze aanvraag net veranderd/);
    expect((await row(d.id)).question).toBe('Tweede vraag');

    const { requestId } = await freshRequest(w, t, { pupil: 'ownPupil', status: 'submitted', type: 'advice' });
    const v = (await consultant.get(`/api/v1/support-requests/${requestId}`)).json().rowVersion;
    // the consultant takes it; the director's page still shows the version before that
    expect((await consultant.put(`/api/v1/support-requests/${requestId}/consultant`, { consultantId: w.users.swv_consultant })).statusCode).toBe(200);
    const late = await director.post(`/api/v1/support-requests/${requestId}/withdraw`, { reason: 'Niet meer nodig', rowVersion: v });
    expect(late.statusCode).toBe(409);
    expect((await row(requestId)).status).toBe('submitted');
    // two steps on the same version at once: one wins, the other is told the request changed
    const [c1, c2] = await Promise.all([0, 1].map(() => consultant.post(`/api/v1/support-requests/${requestId}/complete`, { rowVersion: v + 1 })));
    expect([c1!.statusCode, c2!.statusCode].sort()).toEqual([200, 409]);
    expect(await count('support_request_events')).toBe(1);
  });
});

describe('the list, its lead times and medians', () => {
  /** A request with fixed step moments (Dutch noon), as the SWV's figures are read off them. */
  async function dated(pupil: string, o: { type: string; status: string; submitted: string; completed?: string; decided?: string; consultant?: string }) {
    const at = (d?: string) => (d ? `${d} 12:00:00+01` : null);
    const [r] = await t.database.raw<{ id: string }>(
      `insert into support_requests (region_id, pupil_id, school_id, type, status, client_key, consultant_id, submitted_at, completed_at, decided_at, created_by)
       select region_id, id, school_id, $2, $3, gen_random_uuid(), $4, $5, $6, $7, $8 from pupils where id = $1 returning id`,
      [pupil, o.type, o.status, o.consultant ?? null, at(o.submitted), at(o.completed), at(o.decided), w.users.school_care_coordinator],
    );
    return r!.id;
  }

  it('reports lead times per request and their medians over the filtered set', async () => {
    const a = await dated(w.ownPupil, { type: 'tlv', status: 'decided', submitted: '2026-01-05', completed: '2026-01-10', decided: '2026-02-04' });
    const b = await dated(w.ownGroupPupil, { type: 'arrangement', status: 'decided', submitted: '2026-01-12', completed: '2026-01-13', decided: '2026-01-23' });
    const c = await dated(w.otherSchoolPupil, { type: 'arrangement', status: 'complete', submitted: '2026-02-01', completed: '2026-02-09', consultant: w.users.swv_consultant });
    await dated(w.selfPupil, { type: 'advice', status: 'submitted', submitted: '2026-02-10' });
    // a draft of the school is not the SWV's business yet
    await t.database.raw(
      `insert into support_requests (region_id, pupil_id, school_id, type, client_key, created_by) select region_id, id, school_id, 'mdo', gen_random_uuid(), $2 from pupils where id = $1`,
      [w.ownPupil, w.users.school_care_coordinator],
    );

    const res = await consultant.get('/api/v1/support-requests?pageSize=10');
    expect(res.statusCode).toBe(200);
    const list = res.json();
    expect(list.total).toBe(4);
    expect(list.items.map((i: { id: string }) => i.id).slice(0, 3)).toEqual([expect.any(String), c, b]);
    const byId = Object.fromEntries(list.items.map((i: { id: string }) => [i.id, i]));
    expect(byId[a]).toMatchObject({ receivedToComplete: 5, completeToDecided: 25, receivedToDecided: 30, outcome: null });
    expect(byId[b]).toMatchObject({ receivedToComplete: 1, completeToDecided: 10, receivedToDecided: 11 });
    expect(byId[c]).toMatchObject({ receivedToComplete: 8, completeToDecided: null, receivedToDecided: null, consultant: { id: w.users.swv_consultant } });
    // medians of 5, 1, 8 → 5; of 25, 10 → 17.5; of 30, 11 → 20.5
    expect(list.summary).toMatchObject({
      total: 4,
      medians: { receivedToComplete: 5, completeToDecided: 17.5, receivedToDecided: 20.5 },
      byStatus: { draft: 0, submitted: 1, complete: 1, decided: 2, in_assessment: 0 },
    });

    const arrangements = (await consultant.get('/api/v1/support-requests?type=arrangement')).json();
    expect(arrangements.summary).toMatchObject({ total: 2, medians: { receivedToComplete: 4.5, completeToDecided: 10 } });
    const mine = (await consultant.get('/api/v1/support-requests?consultantId=me')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([c]);
    const schoolA2 = (await consultant.get(`/api/v1/support-requests?schoolId=${w.schoolA2}`)).json();
    expect(schoolA2.items.map((i: { id: string }) => i.id)).toEqual([c]);
    const decided = (await board.get('/api/v1/support-requests?status=decided')).json();
    expect(decided.items.map((i: { id: string }) => i.id).sort()).toEqual([a, b].sort());

    // pages: two per page, the summary still covers all
    const p2 = (await consultant.get('/api/v1/support-requests?pageSize=3&page=2')).json();
    expect(p2).toMatchObject({ page: 2, pageSize: 3, total: 4, summary: { total: 4 } });
    expect(p2.items.map((i: { id: string }) => i.id)).toEqual([a]);
    const past = (await consultant.get('/api/v1/support-requests?pageSize=3&page=9')).json();
    expect(past).toMatchObject({ items: [], total: 4 });

    // the school sees its own (with its draft), with what is still missing
    const own = (await ib.get('/api/v1/support-requests')).json();
    expect(own.total).toBe(4);
    expect(own.items[0]).toMatchObject({ status: 'draft', type: 'mdo', missing: [{ id: 'parents_informed', kind: 'parents_informed' }] });
    expect((await ib.get(`/api/v1/support-requests?schoolId=${w.schoolA2}`)).statusCode).toBe(403);
    expect((await consultant.get(`/api/v1/support-requests?schoolId=${w.a.swvId}`)).statusCode).toBe(400);

    const listed = await t.database.raw<{ details: Record<string, unknown> }>(`select details from audit_events where action = 'support_request.list' order by seq desc limit 1`);
    expect(Object.keys(listed[0]!.details).sort()).toEqual(['mine', 'results', 'schoolId', 'status', 'total', 'type']);
  });
});

describe('who sees what', () => {
  it('parents never see drafts, comments, files or the school’s notes', async () => {
    const d = await draft({ question: 'Welke school past?' });
    expect((await parent.get(`/api/v1/support-requests/${d.id}`)).statusCode).toBe(404);
    expect((await parent.get('/api/v1/support-requests')).json().items).toEqual([]);
    expect((await parent.get(`/api/v1/pupils/${w.ownPupil}/support-requests`)).json()).toMatchObject({ items: [], policies: { create: false } });
    expect((await ib.get(`/api/v1/pupils/${w.ownPupil}/support-requests`)).json()).toMatchObject({ items: [{ id: d.id }], policies: { create: true } });

    const { requestId } = await freshRequest(w, t, { pupil: 'ownPupil', status: 'submitted', type: 'tlv' });
    await ib.post(`/api/v1/support-requests/${requestId}/attachments`, { file: PDF });
    await ib.post(`/api/v1/support-requests/${requestId}/comments`, { body: 'Het verslag volgt volgende week.' });
    const seen = await parent.get(`/api/v1/support-requests/${requestId}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ status: 'submitted', question: expect.any(String), tried: null, attachments: [], checklist: [] });
    expect(seen.json().policies).toMatchObject({ readComments: false, edit: false, readAttachments: false });
    expect((await parent.get(`/api/v1/support-requests/${requestId}/comments`)).statusCode).toBe(403);
    expect((await parent.get('/api/v1/support-requests')).json().items.map((i: { id: string }) => i.id)).toEqual([requestId]);

    const comments = (await consultant.get(`/api/v1/support-requests/${requestId}/comments`)).json();
    expect(comments.items).toEqual([
      expect.objectContaining({ body: 'Het verslag volgt volgende week.', author: expect.objectContaining({ name: 'Test school_care_coordinator', role: 'school_care_coordinator' }) }),
    ]);
    expect(comments.items[0].author.organisation).toBeTruthy();
  });

  it('an expert sees only the requests they advise on', async () => {
    const assigned = await freshRequest(w, t, { pupil: 'ownPupil', status: 'in_assessment', type: 'tlv', consultant: true, expert: true });
    const other = await freshRequest(w, t, { pupil: 'otherSchoolPupil', status: 'in_assessment', type: 'tlv', consultant: true });
    const list = (await expert.get('/api/v1/support-requests')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([assigned.requestId]);
    expect(list.summary.total).toBe(1);
    expect((await expert.get(`/api/v1/support-requests/${assigned.requestId}`)).json().policies).toMatchObject({ writeAdvice: true, readComments: true });
    expect((await expert.get(`/api/v1/support-requests/${other.requestId}`)).statusCode).toBe(404);
  });

  it('assigns only a consultant of the region', async () => {
    const { requestId } = await freshRequest(w, t, { pupil: 'otherSchoolPupil', status: 'submitted' });
    const consultants = (await board.get('/api/v1/swv-consultants')).json();
    expect(consultants.items).toEqual([{ id: w.users.swv_consultant, name: 'Test swv_consultant' }]);
    for (const consultantId of [w.users.swv_expert, w.users.b_consultant, 'nobody']) {
      const res = await consultant.put(`/api/v1/support-requests/${requestId}/consultant`, { consultantId });
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res)).toEqual(['consultantId']);
    }
    const ok = await consultant.put(`/api/v1/support-requests/${requestId}/consultant`, { consultantId: w.users.swv_consultant });
    expect(ok.json()).toMatchObject({ consultant: { id: w.users.swv_consultant } });
  });
});
