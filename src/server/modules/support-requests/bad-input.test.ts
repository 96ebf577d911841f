import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRequestStatus } from '../../../shared/support-request.js';
import { createTestApp, type TestClient, type TTestApp } from '../../testing/app.js';
import { expectCleanRefusals } from '../../testing/bad-input.js';
import { freshRequest } from '../../testing/requests.js';
import { buildWorld, WORLD_PASSWORD, type TWorld } from '../../testing/world.js';

let t: TTestApp;
let w: TWorld;
let ib: TestClient;
let consultant: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.database);
  ib = await t.signIn(w.emails.school_care_coordinator!, WORLD_PASSWORD);
  consultant = await t.signIn(w.emails.swv_consultant!, WORLD_PASSWORD);
});
afterAll(() => t.close());

/** Everything a request write could touch; a refused request must leave all of it as it was. */
async function snapshot() {
  const [row] = await t.database.raw(
    `select (select string_agg(md5(r::text), ',' order by r.id) from support_requests r) as requests,
            (select count(*) from support_request_events) as events,
            (select count(*) from support_request_comments) as comments,
            (select string_agg(md5(a::text), ',' order by a.attachment_id) from support_request_attachments a) as links,
            (select string_agg(md5(a.id::text || coalesce(a.removed_at::text, '')), ',' order by a.id) from attachments a) as attachments,
            (select count(*) from audit_events) as audit`,
  );
  return row;
}

const KEYS = [
  'clientKey', 'type', 'question', 'tried', 'tlvSchoolType', 'parentsInformedOn', 'parentsView', 'rowVersion',
  'note', 'reason', 'consultantId', 'body', 'file', 'checklistItemId',
];

/** A file linked to the request, so its removal can be tried. */
async function withFile(requestId: string, regionId: string, pupilId: string) {
  const [a] = await t.database.raw<{ id: string }>(
    `insert into attachments (region_id, pupil_id, category, file_name, content_type, size_bytes, data, uploaded_by)
     values ($1, $2, 'request', 'verslag.pdf', 'application/pdf', 9, $3, $4) returning id`,
    [regionId, pupilId, Buffer.from('%PDF-1.4\n'), w.users.school_care_coordinator],
  );
  await t.database.raw('insert into support_request_attachments (region_id, request_id, attachment_id) values ($1, $2, $3)', [regionId, requestId, a!.id]);
  return a!.id;
}

type TFixture = { requestId: string; attachmentId: string };
const WRITES: { name: string; as: () => TestClient; status: TRequestStatus; url: (f: TFixture) => string; method?: string }[] = [
  { name: 'POST /pupils/:id/support-requests', as: () => ib, status: 'draft', url: () => `/api/v1/pupils/${w.ownPupil}/support-requests` },
  { name: 'PATCH /support-requests/:id', as: () => ib, status: 'draft', url: (f) => `/api/v1/support-requests/${f.requestId}`, method: 'PATCH' },
  { name: 'POST /support-requests/:id/submit', as: () => ib, status: 'draft', url: (f) => `/api/v1/support-requests/${f.requestId}/submit` },
  { name: 'POST /support-requests/:id/complete', as: () => consultant, status: 'submitted', url: (f) => `/api/v1/support-requests/${f.requestId}/complete` },
  { name: 'POST /support-requests/:id/start-assessment', as: () => consultant, status: 'complete', url: (f) => `/api/v1/support-requests/${f.requestId}/start-assessment` },
  { name: 'POST /support-requests/:id/close', as: () => consultant, status: 'decided', url: (f) => `/api/v1/support-requests/${f.requestId}/close` },
  { name: 'POST /support-requests/:id/withdraw', as: () => ib, status: 'submitted', url: (f) => `/api/v1/support-requests/${f.requestId}/withdraw` },
  { name: 'PUT /support-requests/:id/consultant', as: () => consultant, status: 'submitted', url: (f) => `/api/v1/support-requests/${f.requestId}/consultant`, method: 'PUT' },
  { name: 'POST /support-requests/:id/comments', as: () => ib, status: 'submitted', url: (f) => `/api/v1/support-requests/${f.requestId}/comments` },
  { name: 'POST /support-requests/:id/attachments', as: () => ib, status: 'submitted', url: (f) => `/api/v1/support-requests/${f.requestId}/attachments` },
  {
    name: 'DELETE /support-requests/:id/attachments/:attachmentId',
    as: () => ib,
    status: 'submitted',
    url: (f) => `/api/v1/support-requests/${f.requestId}/attachments/${f.attachmentId}`,
    method: 'DELETE',
  },
];

describe('bad input to every support request write', () => {
  for (const route of WRITES) {
    it(`${route.name} answers 4xx with a clear message and changes nothing`, async () => {
      const f = await freshRequest(w, t, { pupil: 'ownPupil', status: route.status, type: 'advice', consultant: route.status === 'decided' });
      const attachmentId = await withFile(f.requestId, f.regionId, f.pupilId);
      await expectCleanRefusals({
        client: route.as(),
        method: route.method ?? 'POST',
        url: route.url({ requestId: f.requestId, attachmentId }),
        keys: KEYS,
        snapshot,
        numRuns: 25,
      });
    });
  }
});

describe('validation names the field and the rule', () => {
  it('in a new request', async () => {
    const before = await snapshot();
    const res = await ib.post(`/api/v1/pupils/${w.ownPupil}/support-requests`, {
      clientKey: 'niet-uniek',
      type: 'bijles',
      parentsInformedOn: '2026-02-30',
      question: 'x'.repeat(5001),
      colour: 'rood',
    });
    expect(res.statusCode).toBe(400);
    const rules = Object.fromEntries(res.json().error.issues.map((i: { field: string; rule: string }) => [i.field, i.rule]));
    expect(rules).toMatchObject({ clientKey: 'invalid_uuid', type: 'invalid_enum', parentsInformedOn: 'invalid_date', question: 'too_long', '(body)': 'unknown_field' });
    expect(await snapshot()).toEqual(before);
  });

  it('a school type on a request that is not a TLV, and a date still to come', async () => {
    const before = await snapshot();
    const res = await ib.post(`/api/v1/pupils/${w.ownPupil}/support-requests`, {
      clientKey: randomUUID(),
      type: 'advice',
      tlvSchoolType: 'SO',
      parentsInformedOn: '2999-01-01',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((i: { field: string; rule: string }) => [i.field, i.rule])).toEqual([
      ['tlvSchoolType', 'tlv_only'],
      ['parentsInformedOn', 'date_in_future'],
    ]);
    expect(res.json().error.issues[0].message).toMatch(/toelaatbaarheidsverklaring/);
    expect(await snapshot()).toEqual(before);
  });

  it('a file that is not a PDF or image, and an unknown checklist item', async () => {
    const { requestId } = await freshRequest(w, t, { pupil: 'ownPupil', status: 'submitted', type: 'tlv' });
    const before = await snapshot();
    const exe = await ib.post(`/api/v1/support-requests/${requestId}/attachments`, { file: { fileName: 'a.exe', contentBase64: Buffer.from('MZ\x90\x00').toString('base64') } });
    expect(exe.json().error.issues[0]).toMatchObject({ field: 'file', rule: 'file_type_not_allowed' });
    const pdf = { fileName: 'a.pdf', contentBase64: Buffer.from('%PDF-1.4\n').toString('base64') };
    const item = await ib.post(`/api/v1/support-requests/${requestId}/attachments`, { file: pdf, checklistItemId: 'iets' });
    expect(item.json().error.issues[0]).toMatchObject({ field: 'checklistItemId', rule: 'not_a_file_item' });
    expect(await snapshot()).toEqual(before);
  });

  it('a malformed id is a 400, an unknown one a 404, a bad filter a 400', async () => {
    expect((await ib.get('/api/v1/support-requests/not-an-id')).json().error.issues[0]).toMatchObject({ field: 'id', rule: 'invalid_uuid' });
    expect((await ib.get(`/api/v1/support-requests/${randomUUID()}`)).statusCode).toBe(404);
    expect((await consultant.get('/api/v1/support-requests?status=klaar')).statusCode).toBe(400);
    expect((await consultant.get('/api/v1/support-requests?pageSize=0')).statusCode).toBe(400);
    expect((await consultant.get('/api/v1/support-requests?schoolId=school')).statusCode).toBe(400);
  });
});
