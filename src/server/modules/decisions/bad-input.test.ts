import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TTestApp } from '../../testing/app.js';
import { expectCleanRefusals } from '../../testing/bad-input.js';
import { freshRequest } from '../../testing/requests.js';
import { buildWorld, WORLD_PASSWORD, type TWorld } from '../../testing/world.js';
import { addAdvices, decidedTlv, otherExpert } from './access.js';

let t: TTestApp;
let w: TWorld;
let consultant: TestClient;
let expert: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.database);
  consultant = await t.signIn(w.emails.swv_consultant!, WORLD_PASSWORD);
  expert = await t.signIn(w.emails.swv_expert!, WORLD_PASSWORD);
});
afterAll(() => t.close());

/** Everything a write of this module could touch; a refused request must leave all of it as it was. */
async function snapshot() {
  const [row] = await t.database.raw(
    `select (select string_agg(md5(e::text), ',' order by e.id) from request_experts e) as experts,
            (select string_agg(md5(d::text), ',' order by d.request_id) from request_decisions d) as decisions,
            (select string_agg(md5(x::text), ',' order by x.id) from tlvs x) as tlvs,
            (select string_agg(md5(c::text), ',' order by c.region_id, c.year) from tlv_counters c) as counters,
            (select string_agg(md5(o::text), ',' order by o.id) from objections o) as objections,
            (select string_agg(id || status, ',' order by id) from support_requests) as requests,
            (select count(*) from audit_events) as audit`,
  );
  return row;
}

const KEYS = [
  'expertId', 'expertKind', 'impartial', 'advice', 'recommendation', 'outcome', 'reasons', 'criteria', 'sentOn', 'tlv',
  'receivedOn', 'lodgedBy', 'grounds', 'status', 'outcomeNote', 'returnPlan',
];

const WRITES: { name: string; as: () => TestClient; method?: string; url: () => Promise<string> }[] = [
  {
    name: 'POST /support-requests/:id/experts',
    as: () => consultant,
    url: async () => `/api/v1/support-requests/${(await freshRequest(w, t, { pupil: 'ownPupil', status: 'in_assessment', type: 'tlv', consultant: true })).requestId}/experts`,
  },
  {
    name: 'POST /support-requests/:id/experts/:rowId/advice',
    as: () => expert,
    async url() {
      const { requestId } = await freshRequest(w, t, { pupil: 'ownPupil', status: 'in_assessment', type: 'tlv', consultant: true, expert: true });
      const [row] = await t.database.raw<{ id: string }>('select id from request_experts where request_id = $1', [requestId]);
      return `/api/v1/support-requests/${requestId}/experts/${row!.id}/advice`;
    },
  },
  {
    name: 'POST /support-requests/:id/decision (TLV)',
    as: () => consultant,
    async url() {
      const f = await freshRequest(w, t, { pupil: 'ownPupil', status: 'in_assessment', type: 'tlv', consultant: true });
      await addAdvices(t, f, [w.users.swv_expert, await otherExpert(w, t)]);
      return `/api/v1/support-requests/${f.requestId}/decision`;
    },
  },
  {
    name: 'POST /support-requests/:id/objections',
    as: () => consultant,
    url: async () => `/api/v1/support-requests/${(await freshRequest(w, t, { pupil: 'ownPupil', status: 'decided', consultant: true })).requestId}/objections`,
  },
  {
    name: 'PATCH /objections/:id',
    as: () => consultant,
    method: 'PATCH',
    async url() {
      const f = await freshRequest(w, t, { pupil: 'ownPupil', status: 'decided', consultant: true });
      const [o] = await t.database.raw<{ id: string }>(
        `insert into objections (region_id, request_id, pupil_id, received_on, lodged_by, grounds, status, registered_by)
         values ($1, $2, $3, current_date, 'Ouder', 'Bezwaar', 'forwarded', $4) returning id`,
        [f.regionId, f.requestId, f.pupilId, w.users.swv_consultant],
      );
      return `/api/v1/objections/${o!.id}`;
    },
  },
  {
    name: 'PUT /tlvs/:id/return-plan',
    as: () => consultant,
    method: 'PUT',
    url: async () => `/api/v1/tlvs/${(await decidedTlv(w, t, 'ownPupil', { returnPlan: 'Het plan zoals het was' })).tlvId}/return-plan`,
  },
];

describe('bad input to every decision write', () => {
  for (const route of WRITES) {
    it(`${route.name} answers 4xx with a clear message and changes nothing`, async () => {
      const url = await route.url();
      await expectCleanRefusals({ client: route.as(), method: route.method ?? 'POST', url, keys: KEYS, snapshot, numRuns: 30 });
    });
  }
});

describe('validation names the field and the rule', () => {
  it('in a decision with a TLV', async () => {
    const f = await freshRequest(w, t, { pupil: 'ownPupil', status: 'in_assessment', type: 'tlv', consultant: true });
    const before = await snapshot();
    const res = await consultant.post(`/api/v1/support-requests/${f.requestId}/decision`, {
      outcome: 'misschien',
      reasons: '',
      sentOn: '2026-02-30',
      tlv: { schoolType: 'MBO', category: 'extra', validFrom: 'morgen', years: 0 },
      extra: true,
    });
    expect(res.statusCode).toBe(400);
    const rules = Object.fromEntries(res.json().error.issues.map((i: { field: string; rule: string }) => [i.field, i.rule]));
    expect(rules).toMatchObject({
      outcome: 'invalid_enum',
      reasons: 'required',
      sentOn: 'invalid_date',
      'tlv.schoolType': 'invalid_enum',
      'tlv.category': 'invalid_enum',
      'tlv.validFrom': 'invalid_date',
      'tlv.years': 'too_small',
      '(body)': 'unknown_field',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('a malformed id is a 400, an unknown one a 404', async () => {
    expect((await consultant.get('/api/v1/support-requests/not-an-id/decision')).json().error.issues[0]).toMatchObject({ field: 'id', rule: 'invalid_uuid' });
    expect((await consultant.get('/api/v1/support-requests/00000000-0000-4000-8000-000000000000/experts')).statusCode).toBe(404);
    expect((await consultant.patch('/api/v1/objections/00000000-0000-4000-8000-000000000000', { status: 'forwarded' })).statusCode).toBe(404);
    expect((await consultant.put('/api/v1/tlvs/00000000-0000-4000-8000-000000000000/return-plan', { returnPlan: 'x' })).statusCode).toBe(404);
    expect((await consultant.get('/api/v1/tlv-clocks?pageSize=0')).statusCode).toBe(400);
    expect((await consultant.get('/api/v1/tlv-clocks?schoolId=00000000-0000-4000-8000-000000000000')).json().error.issues[0]).toMatchObject({
      field: 'schoolId',
      rule: 'unknown_school',
    });
  });
});
