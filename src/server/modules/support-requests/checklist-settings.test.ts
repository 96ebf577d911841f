import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TTestApp } from '../../testing/app.js';
import { expectCleanRefusals } from '../../testing/bad-input.js';
import { freshRequest } from '../../testing/requests.js';
import { buildWorld, WORLD_PASSWORD, type TWorld } from '../../testing/world.js';

let t: TTestApp;
let w: TWorld;
let admin: TestClient;
let adminB: TestClient;
let ib: TestClient;
let consultant: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.database);
  admin = await t.signIn(w.emails.swv_admin!, WORLD_PASSWORD);
  adminB = await t.signIn(w.emails.b_admin!, WORLD_PASSWORD);
  ib = await t.signIn(w.emails.school_care_coordinator!, WORLD_PASSWORD);
  consultant = await t.signIn(w.emails.swv_consultant!, WORLD_PASSWORD);
});
afterAll(() => t.close());

const PDF = { fileName: 'onderzoek.pdf', contentBase64: Buffer.from('%PDF-1.4\n%onderzoek\n').toString('base64') };
type TList = { type: string; custom: boolean; items: { id: string; kind: string; label: string | null }[] };
const listOf = (res: { json(): unknown }, type: string) => (res.json() as { items: TList[] }).items.find((i) => i.type === type)!;
const settings = async (regionId: string) => (await t.database.raw<{ s: unknown }>('select settings as s from regions where id = $1', [regionId]))[0]!.s;

describe('the region’s own intake checklist', () => {
  it('is what the school must complete: a document the region asks for stops "complete" until it is uploaded', async () => {
    const put = await admin.put('/api/v1/request-checklists/arrangement', {
      items: [{ kind: 'parents_informed' }, { kind: 'document', label: 'Verslag psychologisch onderzoek' }],
    });
    expect(put.statusCode).toBe(200);
    expect(listOf(put, 'arrangement')).toEqual({
      type: 'arrangement',
      custom: true,
      items: [
        { id: 'parents_informed', kind: 'parents_informed', label: null },
        { id: 'document:verslag-psychologisch-onderzoek', kind: 'document', label: 'Verslag psychologisch onderzoek' },
      ],
    });
    // the other region and the other settings are untouched
    expect(listOf(await adminB.get('/api/v1/request-checklists'), 'arrangement').custom).toBe(false);
    expect(await settings(w.a.regionId)).toMatchObject({ requireSecondFactorForStaff: expect.any(Boolean) });

    const { requestId } = await freshRequest(w, t, { pupil: 'ownPupil', status: 'submitted', type: 'arrangement' });
    const detail = (await ib.get(`/api/v1/support-requests/${requestId}`)).json();
    expect(detail.checklist.map((c: { label: string | null; met: boolean }) => [c.label, c.met])).toEqual([
      [null, true],
      ['Verslag psychologisch onderzoek', false],
    ]);
    const refused = await consultant.post(`/api/v1/support-requests/${requestId}/complete`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.issues[0].message).toBe('Dit document ontbreekt nog: Verslag psychologisch onderzoek.');
    const up = await ib.post(`/api/v1/support-requests/${requestId}/attachments`, { file: PDF, checklistItemId: 'document:verslag-psychologisch-onderzoek' });
    expect(up.statusCode).toBe(201);
    expect((await consultant.post(`/api/v1/support-requests/${requestId}/complete`, {})).statusCode).toBe(200);

    // back to the default: the document is no longer asked for
    const reset = await admin.delete('/api/v1/request-checklists/arrangement');
    expect(listOf(reset, 'arrangement')).toMatchObject({ custom: false, items: [{ id: 'dossier_present' }, { id: 'parents_informed' }] });
  });

  it('refuses a document without a name, a name on a fact, and an item twice, changing nothing', async () => {
    const before = await settings(w.a.regionId);
    const issue = async (items: unknown[]) => {
      const res = await admin.put('/api/v1/request-checklists/tlv', { items });
      expect(res.statusCode).toBe(400);
      return res.json().error.issues[0];
    };
    expect(await issue([{ kind: 'document' }])).toMatchObject({ field: 'items.0.label', rule: 'required' });
    expect(await issue([{ kind: 'opp_adopted', label: 'OPP' }])).toMatchObject({
      field: 'items.0.label',
      message: 'Alleen een document krijgt een eigen naam. Laat dit veld leeg.',
    });
    expect(await issue([{ kind: 'opp_adopted' }, { kind: 'opp_adopted' }])).toMatchObject({ field: 'items.1', message: 'Dit onderdeel staat al op de lijst.' });
    expect((await admin.put('/api/v1/request-checklists/verzuim', { items: [] })).statusCode).toBe(400);
    expect(await settings(w.a.regionId)).toEqual(before);
    await expectCleanRefusals({ client: admin, method: 'PUT', url: '/api/v1/request-checklists/tlv', keys: ['items', 'kind', 'label'], snapshot: () => settings(w.a.regionId), numRuns: 30 });
  });
});
