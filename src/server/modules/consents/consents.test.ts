import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BREAK_GLASS_HOURS } from '../../../shared/consent.js';
import { BREAK_GLASS_REASON_MIN } from '../../../shared/schemas/consent.js';
import type { TMemberActor } from '../../platform/context.js';
import { withTenant } from '../../platform/tenancy.js';
import { createTestApp, type TestClient, type TTestApp } from '../../testing/app.js';
import { buildWorld, type TActorKey, type TWorld, WORLD_PASSWORD } from '../../testing/world.js';
import { loadChildRelation } from '../pupils/relation.js';
import { freshConsent, freshPupil, freshStaff } from './access.js';

let t: TTestApp;
let w: TWorld;
const as = {} as Record<'ib' | 'parent' | 'partner' | 'consultant' | 'admin' | 'pupil' | 'pupil16', TestClient>;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.database);
  const keys: [keyof typeof as, TActorKey][] = [
    ['ib', 'school_care_coordinator'], ['parent', 'parent'], ['partner', 'care_partner'], ['consultant', 'swv_consultant'],
    ['admin', 'swv_admin'], ['pupil', 'pupil'], ['pupil16', 'pupil16'],
  ];
  for (const [k, actor] of keys) as[k] = await t.signIn(w.emails[actor]!, WORLD_PASSWORD);
});
afterAll(() => t.close());

const raw = <R = Record<string, unknown>>(text: string, params?: unknown[]) => t.database.raw<R>(text, params);
const count = async (table: string) => Number((await raw<{ n: string }>(`select count(*) as n from ${table}`))[0]!.n);
const auditOf = (action: string, pupilId: string) =>
  raw<{ actor_user_id: string; reason: string | null; subject_id: string }>(
    'select actor_user_id, reason, subject_id from audit_events where action = $1 and pupil_id = $2 order by seq',
    [action, pupilId],
  );
const today = () => new Date().toISOString().slice(0, 10);
const body = (o: Record<string, unknown> = {}) => ({
  recipientOrganisationIds: [w.partnerOrg],
  categories: ['dossier', 'opp'],
  purpose: 'Afstemmen met het CJG',
  legalBasis: 'consent',
  validFrom: today(),
  ...o,
});
const issue = (res: { json(): { error: { issues?: { field: string; rule: string; message: string }[] } } }) => res.json().error.issues?.[0];

describe('giving consent', () => {
  it('a guardian gives it as themselves in the portal', async () => {
    const { pupilId, guardianId } = await freshPupil(t, w, { parent: true });
    const res = await as.parent.post(`/api/v1/pupils/${pupilId}/consents`, body({ validUntil: '2099-07-31' }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'valid', givenBy: { kind: 'guardian', name: 'Ouder Proef' }, categories: ['dossier', 'opp'] });
    expect(res.json().recipients.organisations).toEqual([expect.objectContaining({ id: w.partnerOrg, partnerKind: 'cjg' })]);
    const [row] = await raw('select given_by_kind, given_by_guardian_id, recorded_by, valid_until::text as until from consents where id = $1', [res.json().id]);
    expect(row).toEqual({ given_by_kind: 'guardian', given_by_guardian_id: guardianId, recorded_by: w.users.parent, until: '2099-07-31' });
    expect(await auditOf('consent.give', pupilId)).toEqual([expect.objectContaining({ actor_user_id: w.users.parent, subject_id: res.json().id })]);
  });

  it('the school records a paper form and must name a guardian with gezag of this child', async () => {
    const { pupilId, guardianId } = await freshPupil(t, w, { parent: true });
    const other = await freshPupil(t, w);
    const before = await count('consents');
    const missing = await as.ib.post(`/api/v1/pupils/${pupilId}/consents`, body());
    expect(missing.statusCode).toBe(400);
    expect(issue(missing)).toMatchObject({ field: 'givenByGuardianId', rule: 'required' });
    const wrong = await as.ib.post(`/api/v1/pupils/${pupilId}/consents`, body({ givenByGuardianId: other.guardianId }));
    expect(issue(wrong)).toMatchObject({ field: 'givenByGuardianId', rule: 'unknown_guardian' });
    expect(await count('consents')).toBe(before);
    const ok = await as.ib.post(`/api/v1/pupils/${pupilId}/consents`, body({ givenByGuardianId: guardianId }));
    expect(ok.statusCode).toBe(201);
    const [row] = await raw('select recorded_by, given_by_guardian_id from consents where id = $1', [ok.json().id]);
    expect(row).toEqual({ recorded_by: w.users.school_care_coordinator, given_by_guardian_id: guardianId });
  });

  it('a guardian cannot sign for the other guardian', async () => {
    const { pupilId } = await freshPupil(t, w, { parent: true });
    const [g] = await raw<{ id: string }>(`insert into guardians (region_id, pupil_id, name, has_gezag) values ($1, $2, 'Andere Ouder', true) returning id`, [w.a.regionId, pupilId]);
    const res = await as.parent.post(`/api/v1/pupils/${pupilId}/consents`, body({ givenByGuardianId: g!.id }));
    expect(res.statusCode).toBe(400);
    expect(issue(res)).toMatchObject({ field: 'givenByGuardianId', rule: 'given_by_self' });
  });

  it('the pupil from 16 gives it as the pupil; at 14 they may not', async () => {
    const res = await as.pupil16.post(`/api/v1/pupils/${w.olderPupil}/consents`, body({ recipientOrganisationIds: [], recipientKinds: ['smw'] }));
    expect(res.statusCode).toBe(201);
    expect(res.json().givenBy).toEqual({ kind: 'pupil', name: null });
    expect((await as.pupil.post(`/api/v1/pupils/${w.selfPupil}/consents`, body())).statusCode).toBe(403);
  });

  it('refuses bad terms with a clear rule per field, and stores nothing', async () => {
    const { pupilId } = await freshPupil(t, w, { parent: true });
    const url = `/api/v1/pupils/${pupilId}/consents`;
    const before = await count('consents');
    const cases: [Record<string, unknown>, string, string][] = [
      [{ recipientOrganisationIds: [] }, 'recipientOrganisationIds', 'recipient_required'],
      [{ recipientOrganisationIds: [w.schoolA1] }, 'recipientOrganisationIds', 'not_a_partner'],
      [{ recipientOrganisationIds: [w.b.partnerIds[0]] }, 'recipientOrganisationIds', 'not_a_partner'],
      [{ validFrom: '2026-05-01', validUntil: '2026-04-30' }, 'validUntil', 'until_before_from'],
      [{ validFrom: '2026-02-30' }, 'validFrom', 'invalid_date'],
      [{ categories: [] }, 'categories', 'category_required'],
      [{ categories: ['medisch'] }, 'categories.0', 'invalid_enum'],
      [{ legalBasis: 'zomaar' }, 'legalBasis', 'invalid_enum'],
      [{ purpose: '   ' }, 'purpose', 'required'],
    ];
    for (const [change, field, rule] of cases) {
      const res = await as.parent.post(url, body(change));
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(res.json().error.issues, JSON.stringify(change)).toContainEqual(expect.objectContaining({ field, rule }));
      expect(res.json().error.issues.every((i: { message: string }) => i.message && !i.message.startsWith('validation.'))).toBe(true);
    }
    expect(await count('consents')).toBe(before);
    const en = await as.parent.post(url, body({ validFrom: '2026-05-01', validUntil: '2026-04-30' }), { 'accept-language': 'en' });
    expect(issue(en)?.message).toMatch(/end date/i);
  });

  it('a change is a new record that ends the old one; the old terms stay as they were', async () => {
    const { pupilId, guardianId } = await freshPupil(t, w, { parent: true });
    const oldId = await freshConsent(t, w, pupilId, { guardianId });
    const res = await as.parent.post(`/api/v1/pupils/${pupilId}/consents`, body({ categories: ['dossier'], replacesId: oldId }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ replacesId: oldId, status: 'valid' });
    const [old] = await raw<Record<string, unknown>>('select categories, replaced_by_id, withdrawn_by, withdrawn_at from consents where id = $1', [oldId]);
    expect(old).toMatchObject({ categories: ['dossier', 'opp'], replaced_by_id: res.json().id, withdrawn_by: w.users.parent });
    expect(old!.withdrawn_at).not.toBeNull();
    expect((await auditOf('consent.change', pupilId)).length).toBe(1);
    // the old one is no longer valid, so it cannot be replaced again
    const again = await as.parent.post(`/api/v1/pupils/${pupilId}/consents`, body({ replacesId: oldId }));
    expect(issue(again)).toMatchObject({ field: 'replacesId', rule: 'consent_not_valid' });
  });

  it('cannot replace a consent of another child', async () => {
    const mine = await freshPupil(t, w, { parent: true });
    const other = await freshPupil(t, w, { parent: true });
    const theirs = await freshConsent(t, w, other.pupilId);
    const res = await as.parent.post(`/api/v1/pupils/${mine.pupilId}/consents`, body({ replacesId: theirs }));
    expect(issue(res)).toMatchObject({ field: 'replacesId', rule: 'consent_not_valid' });
    const [row] = await raw('select withdrawn_at from consents where id = $1', [theirs]);
    expect(row).toEqual({ withdrawn_at: null });
  });

  it('the database refuses to edit the terms of a consent, even for the owner', async () => {
    const { pupilId } = await freshPupil(t, w);
    const id = await freshConsent(t, w, pupilId);
    await expect(raw(`update consents set categories = array['attachments'] where id = $1`, [id])).rejects.toThrow(/immutable/);
  });
});

describe('the consent list', () => {
  it('shows every record with its status, who gave it, and hides staff names from the family', async () => {
    const { pupilId, guardianId } = await freshPupil(t, w, { parent: true });
    const valid = await freshConsent(t, w, pupilId, { guardianId });
    const expired = await freshConsent(t, w, pupilId, { until: 'past' });
    const withdrawn = await freshConsent(t, w, pupilId, { withdrawn: true });
    const [ny] = await raw<{ id: string }>(
      `insert into consents (region_id, pupil_id, given_by_kind, recorded_by, recipient_kinds, categories, purpose, legal_basis, valid_from)
       values ($1, $2, 'guardian', $3, array['cjg'], array['opp'], 'Later', 'consent', current_date + 10) returning id`,
      [w.a.regionId, pupilId, w.users.parent],
    );
    const replacing = await as.parent.post(`/api/v1/pupils/${pupilId}/consents`, body({ replacesId: valid }));
    const status = (items: { id: string; status: string }[]) => Object.fromEntries(items.map((i) => [i.id, i.status]));

    const forParent = (await as.parent.get(`/api/v1/pupils/${pupilId}/consents`)).json();
    expect(status(forParent.items)).toEqual({
      [valid]: 'replaced', [expired]: 'expired', [withdrawn]: 'withdrawn', [ny!.id]: 'not_yet', [replacing.json().id]: 'valid',
    });
    expect(forParent.policies).toEqual({ give: true });
    const byId = (items: { id: string }[], id: string) => items.find((i) => i.id === id) as Record<string, unknown>;
    // recorded by the IB'er: the family sees "staff", not who
    expect(byId(forParent.items, withdrawn).withdrawnBy).toEqual({ kind: 'staff', name: null });
    expect(byId(forParent.items, valid).withdrawnBy).toEqual({ kind: 'guardian', name: 'Ouder Proef' });
    expect(byId(forParent.items, valid).givenBy).toEqual({ kind: 'guardian', name: 'Ouder Proef' });
    expect(byId(forParent.items, ny!.id).recordedBy).toEqual({ kind: 'guardian', name: 'Ouder Proef' });
    expect(byId(forParent.items, replacing.json().id).policies).toEqual({ withdraw: true, change: true });
    expect(byId(forParent.items, ny!.id).policies).toEqual({ withdraw: true, change: false });
    expect(byId(forParent.items, expired).policies).toEqual({ withdraw: false, change: false });

    const forSchool = (await as.ib.get(`/api/v1/pupils/${pupilId}/consents`)).json();
    expect(byId(forSchool.items, withdrawn).withdrawnBy).toEqual({ kind: 'staff', name: 'Test school_care_coordinator' });
    expect(JSON.stringify(forParent)).not.toContain('Test school_care_coordinator');
    expect(await auditOf('consent.list', pupilId)).toHaveLength(2);
  });

  it('the consultant in the kernteam reads it but changes nothing', async () => {
    const list = (await as.consultant.get(`/api/v1/pupils/${w.consentPupil}/consents`)).json();
    expect(list.policies).toEqual({ give: false });
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((i: { policies: object }) => JSON.stringify(i.policies) === '{"withdraw":false,"change":false}')).toBe(true);
  });
});

describe('withdrawing consent', () => {
  it('ends the care partner’s access at once', async () => {
    const { pupilId, guardianId } = await freshPupil(t, w, { parent: true, careTeam: true });
    const id = await freshConsent(t, w, pupilId, { guardianId });
    expect((await as.partner.get(`/api/v1/pupils/${pupilId}`)).statusCode).toBe(200);
    const res = await as.parent.post(`/api/v1/consents/${id}/withdraw`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'withdrawn', withdrawnBy: { kind: 'guardian' } });
    expect((await as.partner.get(`/api/v1/pupils/${pupilId}`)).statusCode).toBe(404);
    expect((await as.partner.get(`/api/v1/pupils/${pupilId}/care-team`)).statusCode).toBe(404);
    const [row] = await raw<{ withdrawn_by: string; withdrawn_at: unknown }>('select withdrawn_by, withdrawn_at from consents where id = $1', [id]);
    expect(row!.withdrawn_by).toBe(w.users.parent);
    expect(row!.withdrawn_at).not.toBeNull();
    expect(await auditOf('consent.withdraw', pupilId)).toEqual([expect.objectContaining({ subject_id: id, actor_user_id: w.users.parent })]);
  });

  it('a second withdrawal is refused with a clear message and changes nothing', async () => {
    const { pupilId } = await freshPupil(t, w, { parent: true });
    const id = await freshConsent(t, w, pupilId, { withdrawn: true });
    const [before] = await raw('select withdrawn_at, withdrawn_by from consents where id = $1', [id]);
    const res = await as.parent.post(`/api/v1/consents/${id}/withdraw`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/loopt niet meer/);
    expect((await raw('select withdrawn_at, withdrawn_by from consents where id = $1', [id]))[0]).toEqual(before);
  });

  it('an unknown consent is not found', async () => {
    expect((await as.parent.post('/api/v1/consents/00000000-0000-4000-8000-000000000000/withdraw')).statusCode).toBe(404);
  });
});

describe('the kernteam', () => {
  it('the school finds a colleague by name; who is already in the kernteam is not offered again', async () => {
    const { pupilId } = await freshPupil(t, w, { parent: true });
    const find = async (q: string) =>
      (await as.ib.get(`/api/v1/pupils/${pupilId}/care-team/candidates?q=${encodeURIComponent(q)}`)).json().items as { userId: string; role: string; organisation: { id: string } }[];
    const found = await find('care_partner');
    expect(found).toEqual([{ userId: w.users.care_partner, name: 'Test care_partner', role: 'care_partner', organisation: { id: w.partnerOrg, name: expect.any(String) } }]);
    expect(await find('opr_member')).toEqual([]);
    await as.ib.post(`/api/v1/pupils/${pupilId}/care-team`, { userId: w.users.care_partner });
    expect(await find('care_partner')).toEqual([]);
    const long = await as.ib.get(`/api/v1/pupils/${pupilId}/care-team/candidates?q=${'x'.repeat(101)}`);
    expect(long.statusCode).toBe(400);
    expect(long.json().error.issues[0]).toMatchObject({ field: 'q', rule: 'too_long' });
  });

  it('the school adds a care partner, sees that no consent covers them yet, and removes them', async () => {
    const { pupilId } = await freshPupil(t, w, { parent: true });
    const url = `/api/v1/pupils/${pupilId}/care-team`;
    const added = await as.ib.post(url, { userId: w.users.care_partner, task: 'CJG-coach' });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      user: { id: w.users.care_partner, name: 'Test care_partner' },
      organisation: { id: w.partnerOrg, kind: 'partner', partnerKind: 'cjg' },
      role: 'care_partner',
      task: 'CJG-coach',
      consentCovers: false,
    });
    // in the kernteam without consent: still nothing to see
    expect((await as.partner.get(`/api/v1/pupils/${pupilId}`)).statusCode).toBe(404);
    // a consent for the kind of organisation covers them
    await as.parent.post(`/api/v1/pupils/${pupilId}/consents`, body({ recipientOrganisationIds: [], recipientKinds: ['cjg'] }));
    const list = (await as.ib.get(url)).json();
    expect(list.items.find((i: { user: { id: string } }) => i.user.id === w.users.care_partner).consentCovers).toBe(true);
    expect(list.policies).toEqual({ add: true });
    expect((await as.partner.get(`/api/v1/pupils/${pupilId}`)).statusCode).toBe(200);
    expect((await as.ib.post(url, { userId: w.users.care_partner })).statusCode).toBe(409);

    const del = await as.ib.delete(`${url}/${added.json().id}`);
    expect(del.statusCode).toBe(204);
    const [row] = await raw<{ removed_at: unknown }>('select removed_at from care_team_members where id = $1', [added.json().id]);
    expect(row!.removed_at).not.toBeNull();
    expect((await as.partner.get(`/api/v1/pupils/${pupilId}`)).statusCode).toBe(404);
    expect((await as.ib.delete(`${url}/${added.json().id}`)).statusCode).toBe(404);
    // after removal they can be added again
    expect((await as.ib.post(url, { userId: w.users.care_partner })).statusCode).toBe(201);
    expect((await auditOf('care_team.add', pupilId)).length).toBe(2);
    expect((await auditOf('care_team.remove', pupilId)).length).toBe(1);
  });

  it('refuses people who cannot be in a kernteam here, saying why', async () => {
    const { pupilId } = await freshPupil(t, w);
    const url = `/api/v1/pupils/${pupilId}/care-team`;
    const before = await count('care_team_members');
    expect(issue(await as.ib.post(url, { userId: w.users.b_consultant }))).toMatchObject({ field: 'userId', rule: 'unknown_user' });
    expect(issue(await as.ib.post(url, { userId: 'nobody' }))).toMatchObject({ field: 'userId', rule: 'unknown_user' });
    expect(issue(await as.ib.post(url, { userId: w.users.municipality_analyst }))).toMatchObject({ field: 'userId', rule: 'not_care_team_role' });
    expect(issue(await as.ib.post(url, { userId: w.users.parent }))).toMatchObject({ field: 'userId', rule: 'unknown_user' });
    // someone working for two organisations: say which
    const two = await freshStaff(t, w, 'care_partner', w.partnerOrg);
    await raw(`insert into memberships (region_id, user_id, organisation_id, role) values ($1, $2, $3, 'care_partner')`, [w.a.regionId, two, w.a.partnerIds[1]]);
    expect(issue(await as.ib.post(url, { userId: two }))).toMatchObject({ field: 'organisationId', rule: 'choose_organisation' });
    expect(issue(await as.ib.post(url, { userId: two, organisationId: w.a.partnerIds[2] }))).toMatchObject({ field: 'organisationId', rule: 'not_member_of_organisation' });
    expect(await count('care_team_members')).toBe(before);
    const ok = await as.ib.post(url, { userId: two, organisationId: w.a.partnerIds[1] });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().organisation.id).toBe(w.a.partnerIds[1]);
  });

  it('the consultant in the kernteam manages it; the care partner only reads it', async () => {
    const { pupilId } = await freshPupil(t, w, { school: 'A2', careTeam: true, consent: 'valid' });
    const url = `/api/v1/pupils/${pupilId}/care-team`;
    const forPartner = (await as.partner.get(url)).json();
    expect(forPartner.policies).toEqual({ add: false });
    expect(forPartner.items).toHaveLength(2);
    expect((await as.partner.post(url, { userId: await freshStaff(t, w) })).statusCode).toBe(403);
    expect((await as.consultant.post(url, { userId: await freshStaff(t, w), task: 'Ambulant begeleider' })).statusCode).toBe(201);
  });
});

describe('break-the-glass', () => {
  const reason = 'Acute zorgen gemeld door de huisarts, ouders onbereikbaar';

  it('needs a real reason, opens the file for BREAK_GLASS_HOURS, and is audited with the reason', async () => {
    const { pupilId } = await freshPupil(t, w, { parent: true });
    const url = `/api/v1/pupils/${pupilId}/break-glass`;
    expect((await as.consultant.get(`/api/v1/pupils/${pupilId}/care-team`)).statusCode).toBe(404);
    const before = await count('break_glass_accesses');
    const short = await as.consultant.post(url, { reason: 'even kijken' });
    expect(short.statusCode).toBe(400);
    expect(issue(short)).toMatchObject({ field: 'reason', rule: 'reason_too_short' });
    expect(issue(short)?.message).toContain(String(BREAK_GLASS_REASON_MIN));
    expect(await count('break_glass_accesses')).toBe(before);

    const res = await as.consultant.post(url, { reason });
    expect(res.statusCode).toBe(201);
    const [row] = await raw<{ user_id: string; hours: number }>(
      `select user_id, extract(epoch from expires_at - started_at) / 3600 as hours from break_glass_accesses where id = $1`, [res.json().id]);
    expect({ ...row, hours: Number(row!.hours) }).toEqual({ user_id: w.users.swv_consultant, hours: BREAK_GLASS_HOURS });
    expect(await auditOf('pupil.break_glass', pupilId)).toEqual([expect.objectContaining({ actor_user_id: w.users.swv_consultant, reason })]);

    const [m] = await raw<{ id: string }>('select id from memberships where user_id = $1', [w.users.swv_consultant]);
    const actor = { userId: w.users.swv_consultant, membership: { id: m!.id, regionId: w.a.regionId, role: 'swv_consultant', organisationId: w.a.swvId } } as TMemberActor;
    const rel = await withTenant(t.database.db, w.a.regionId, (tx) => loadChildRelation(tx, actor, pupilId));
    expect(rel?.breakGlass).toBe(true);
    // the file is open now, and a second opening is not needed
    expect((await as.consultant.get(`/api/v1/pupils/${pupilId}/care-team`)).statusCode).toBe(200);
    expect((await as.consultant.get(`/api/v1/pupils/${pupilId}/consents`)).statusCode).toBe(200);
    expect((await as.consultant.post(url, { reason })).statusCode).toBe(403);
  });

  it('for a child that does not exist: not found', async () => {
    const res = await as.consultant.post('/api/v1/pupils/00000000-0000-4000-8000-000000000000/break-glass', { reason });
    expect(res.statusCode).toBe(404);
  });

  it('an expired opening no longer opens the file', async () => {
    const { pupilId } = await freshPupil(t, w);
    await raw(`insert into break_glass_accesses (region_id, pupil_id, user_id, reason, started_at, expires_at)
      values ($1, $2, $3, $4, now() - interval '2 days', now() - interval '1 day')`, [w.a.regionId, pupilId, w.users.swv_consultant, reason]);
    expect((await as.consultant.get(`/api/v1/pupils/${pupilId}/care-team`)).statusCode).toBe(404);
  });

  it('functioneel beheer reviews the openings, once each', async () => {
    const { pupilId } = await freshPupil(t, w);
    const opened = (await as.consultant.post(`/api/v1/pupils/${pupilId}/break-glass`, { reason })).json();
    const open = (await as.admin.get('/api/v1/break-glass?reviewed=false&pageSize=100')).json();
    const item = open.items.find((i: { id: string }) => i.id === opened.id);
    expect(item).toMatchObject({ reason, user: { id: w.users.swv_consultant }, pupil: { id: pupilId, displayName: expect.stringContaining('Proef') }, reviewedAt: null, policies: { review: true } });
    expect(open.total).toBeGreaterThanOrEqual(open.items.length);

    const rev = await as.admin.post(`/api/v1/break-glass/${opened.id}/review`, { note: 'Terecht: huisarts belde' });
    expect(rev.statusCode).toBe(200);
    expect(rev.json()).toMatchObject({ reviewNote: 'Terecht: huisarts belde', reviewedBy: { id: w.users.swv_admin }, policies: { review: false } });
    const still = (await as.admin.get('/api/v1/break-glass?reviewed=false&pageSize=100')).json();
    expect(still.items.map((i: { id: string }) => i.id)).not.toContain(opened.id);
    const done = (await as.admin.get('/api/v1/break-glass?reviewed=true&pageSize=100')).json();
    expect(done.items.map((i: { id: string }) => i.id)).toContain(opened.id);
    const again = await as.admin.post(`/api/v1/break-glass/${opened.id}/review`, { note: 'Nog eens' });
    expect(again.statusCode).toBe(409);
    const [row] = await raw('select review_note from break_glass_accesses where id = $1', [opened.id]);
    expect(row).toEqual({ review_note: 'Terecht: huisarts belde' });
    expect((await as.admin.post(`/api/v1/break-glass/${opened.id}/review`, { note: '' })).statusCode).toBe(400);
    expect((await as.consultant.get('/api/v1/break-glass')).statusCode).toBe(403);
  });
});

describe('who looked in the file, and what was shared', () => {
  it('parents see organisation and role, and "met spoedtoegang", but no names and no reason', async () => {
    const { pupilId, guardianId } = await freshPupil(t, w, { parent: true });
    const reason = 'Zorgmelding van de wijkagent over de thuissituatie';
    await as.consultant.post(`/api/v1/pupils/${pupilId}/break-glass`, { reason });
    await as.consultant.get(`/api/v1/pupils/${pupilId}/care-team`);
    await as.ib.get(`/api/v1/pupils/${pupilId}/consents`);
    await freshConsent(t, w, pupilId, { guardianId });

    const res = await as.parent.get(`/api/v1/pupils/${pupilId}/access-log?pageSize=2`);
    expect(res.statusCode).toBe(200);
    const log = res.json();
    expect(log).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(log.items).toEqual([
      { at: expect.any(String), organisation: { id: w.schoolA1, name: expect.any(String) }, role: 'school_care_coordinator', action: 'consent.list', breakGlass: false },
      { at: expect.any(String), organisation: { id: w.a.swvId, name: expect.any(String) }, role: 'swv_consultant', action: 'care_team.read', breakGlass: true },
    ]);
    const page2 = (await as.parent.get(`/api/v1/pupils/${pupilId}/access-log?page=2&pageSize=2`)).json();
    // the parent's own look is logged too, but the list shows who else looked unless they ask
    expect(page2.total).toBe(3);
    expect(page2.items.map((i: { action: string; breakGlass: boolean }) => [i.action, i.breakGlass])).toEqual([
      ['pupil.break_glass', true],
    ]);
    const withOwn = (await as.parent.get(`/api/v1/pupils/${pupilId}/access-log?includeOwn=true`)).json();
    expect(withOwn.total).toBe(5);
    expect(withOwn.items[0]).toMatchObject({ role: 'parent', action: 'access_log.read', organisation: null });
    const text = JSON.stringify(log) + JSON.stringify(page2);
    expect(text).not.toContain(reason);
    expect(text).not.toContain('Test swv_consultant');
    expect(text).not.toContain('Test school_care_coordinator');
    expect((await auditOf('access_log.read', pupilId)).map((a) => a.actor_user_id)).toEqual([w.users.parent, w.users.parent, w.users.parent]);
  });

  it('shows the consents in force and the kernteam organisations with what is shared with each', async () => {
    const { pupilId, guardianId } = await freshPupil(t, w, { parent: true, careTeam: true });
    const valid = await freshConsent(t, w, pupilId, { guardianId });
    await freshConsent(t, w, pupilId, { withdrawn: true });
    const res = await as.parent.get(`/api/v1/pupils/${pupilId}/sharing`);
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.consents.map((c: { id: string }) => c.id)).toEqual([valid]);
    expect(s.consents[0]).toMatchObject({ categories: ['dossier', 'opp'], recipients: { organisations: [{ id: w.partnerOrg }], kinds: [] } });
    const byOrg = Object.fromEntries(s.careTeam.map((c: { organisation: { id: string }; consentCategories: string[] }) => [c.organisation.id, c.consentCategories]));
    expect(byOrg).toEqual({ [w.partnerOrg]: ['dossier', 'opp'], [w.a.swvId]: [] });
    expect(s.parents).toEqual({ keepAccess: true, refusedAt: null });
    expect(s.policies).toEqual({ setParentsAccess: false });
    expect((await auditOf('sharing.read', pupilId)).length).toBe(1);
  });
});

describe("parents' access from 16", () => {
  it('the pupil of 17 takes it away and gives it back; the parent loses and regains the pupil page', async () => {
    const page = `/api/v1/pupils/${w.olderPupil}`;
    const url = `${page}/parents-access`;
    expect((await as.parent.get(page)).statusCode).toBe(404);
    const sharing = (await as.pupil16.get(`${page}/sharing`)).json();
    expect(sharing.parents.keepAccess).toBe(false);
    expect(sharing.policies).toEqual({ setParentsAccess: true });

    const back = await as.pupil16.put(url, { parentsKeepAccess: true });
    expect(back.statusCode).toBe(200);
    expect(back.json()).toEqual({ parentsKeepAccess: true, refusedAt: null });
    expect((await as.parent.get(page)).statusCode).toBe(200);
    expect((await as.parent.get(`${page}/access-log`)).statusCode).toBe(200);

    const away = await as.pupil16.put(url, { parentsKeepAccess: false });
    expect(away.json().parentsKeepAccess).toBe(false);
    expect((await as.parent.get(page)).statusCode).toBe(404);
    const [row] = await raw<{ refused: unknown }>('select parents_access_refused_at as refused from pupils where id = $1', [w.olderPupil]);
    expect(row!.refused).not.toBeNull();
    const audits = await raw<{ details: { parentsKeepAccess: boolean } }>(
      `select details from audit_events where action = 'pupil.parents_access' and pupil_id = $1 order by seq`, [w.olderPupil]);
    expect(audits.map((a) => a.details.parentsKeepAccess)).toEqual([true, false]);
  });

  it('a pupil of 14 may not decide it yet', async () => {
    const res = await as.pupil.put(`/api/v1/pupils/${w.selfPupil}/parents-access`, { parentsKeepAccess: false });
    expect(res.statusCode).toBe(403);
    const [row] = await raw('select parents_access_refused_at as refused from pupils where id = $1', [w.selfPupil]);
    expect(row).toEqual({ refused: null });
  });
});

describe('API description', () => {
  it('publishes the consent routes in the OpenAPI document', async () => {
    const doc = (await t.client().get('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/pupils/{id}/consents', '/api/v1/consents/{id}/withdraw', '/api/v1/pupils/{id}/care-team/{memberId}', '/api/v1/break-glass', '/api/v1/pupils/{id}/access-log']),
    );
  });
});
