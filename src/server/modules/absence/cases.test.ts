import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAbsenceCase, TAbsenceCaseList, TPupilAbsence } from '../../../shared/schemas/absence.js';
import { createTestApp, type TestClient, type TTestApp } from '../../testing/app.js';
import { buildWorld, WORLD_PASSWORD, type TWorld } from '../../testing/world.js';
import { absenceConsentPupil, resetAbsence } from './fixtures.js';
import { addDays } from '../../../shared/school-year.js';
import { dutchDate } from '../opps/clocks.js';

let t: TTestApp;
let w: TWorld;
let ib: TestClient;
let consultant: TestClient;
let leerplicht: TestClient;
let partner: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.database);
  const as = (k: string) => t.signIn(w.emails[k]!, WORLD_PASSWORD);
  ib = await as('school_care_coordinator');
  consultant = await as('swv_consultant');
  leerplicht = await as('attendance_officer');
  partner = await as('care_partner');
});
afterAll(() => t.close());

const dutchDay = (offset = 0) => addDays(dutchDate(), offset);
const caseOf = (res: { json(): unknown }) => res.json() as TAbsenceCase;
const listOf = (res: { json(): unknown }) => res.json() as TAbsenceCaseList;
const issue = (res: { json(): unknown }) => (res.json() as { error: { issues: { field: string; rule: string; message: string }[] } }).error.issues[0]!;
const errorOf = (res: { json(): unknown }) => (res.json() as { error: { code: string; message: string } }).error;
/** The mail's text with quoted-printable soft breaks undone. */
const plain = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
const stored = async (pupilId: string) => {
  const [r] = await t.database.raw<{ cases: number; episodes: number }>(
    `select (select count(*) from absence_cases where pupil_id = $1)::int as cases, (select count(*) from absence_episodes where pupil_id = $1)::int as episodes`,
    [pupilId],
  );
  return r;
};
const audits = async (caseId: string) =>
  (await t.database.raw<{ action: string; details: unknown }>(`select action, details from audit_events where subject_id = $1 order by seq`, [caseId]));

describe('registering absence', () => {
  it('opens a case with a counter; another kind joins it; the same kind twice or overlapping is refused', async () => {
    const { pupilId } = await resetAbsence(w, t, 'ownGroupPupil', { none: true });
    const url = `/api/v1/pupils/${pupilId}/absence/episodes`;
    const first = await ib.post(url, { kind: 'long_relative', startedOn: dutchDay(-30), reasonIds: ['psychisch', 'wachtlijst'] });
    expect(first.statusCode).toBe(201);
    const opened = caseOf(first);
    expect(opened).toMatchObject({
      status: 'open',
      openedOn: dutchDay(-30),
      countingSince: dutchDay(-30),
      daysWithoutEducation: 30,
      thuiszitter: true,
      owner: null,
      flags: ['no_owner', 'no_plan', 'no_next_date'],
      episodes: [{ kind: 'long_relative', endedOn: null, reasons: [{ id: 'psychisch', label: 'Psychische klachten' }, { id: 'wachtlijst' }] }],
      rowVersion: 1,
      policies: { update: true, close: true, addEpisode: true, endEpisode: true },
    });

    const second = await leerplicht.post(url, { kind: 'sick', startedOn: dutchDay(-5), reasonNote: 'Griep' });
    expect(second.statusCode).toBe(201);
    expect(caseOf(second)).toMatchObject({ id: opened.id, rowVersion: 2, daysWithoutEducation: 30 });
    expect(caseOf(second).episodes.map((e) => e.kind)).toEqual(['long_relative', 'sick']);

    const twice = await ib.post(url, { kind: 'long_relative', startedOn: dutchDay(-2), reasonIds: ['psychisch'] });
    expect(twice.statusCode).toBe(400);
    expect(issue(twice)).toMatchObject({ field: 'kind', rule: 'episode_already_open' });
    expect(issue(twice).message).not.toMatch(/^validation\./);

    const overlap = await ib.post(url, { kind: 'sick', startedOn: dutchDay(-8), endedOn: dutchDay(-4), reasonIds: ['lichamelijk'] });
    expect(issue(overlap)).toMatchObject({ field: 'startedOn', rule: 'episode_overlaps' });
    // before the open one: no overlap, it is history
    const earlier = await ib.post(url, { kind: 'sick', startedOn: dutchDay(-60), endedOn: dutchDay(-50), reasonIds: ['lichamelijk'] });
    expect(earlier.statusCode).toBe(201);

    const future = await ib.post(url, { kind: 'unauthorised', startedOn: dutchDay(2), reasonIds: ['psychisch'] });
    expect(issue(future)).toMatchObject({ field: 'startedOn', rule: 'date_in_future' });
    const unknown = await ib.post(url, { kind: 'unauthorised', startedOn: dutchDay(-1), reasonIds: ['verzonnen'] });
    expect(issue(unknown)).toMatchObject({ field: 'reasonIds', rule: 'unknown_reason' });
    const backwards = await ib.post(url, { kind: 'unauthorised', startedOn: dutchDay(-1), endedOn: dutchDay(-3), reasonIds: ['psychisch'] });
    expect(issue(backwards)).toMatchObject({ field: 'endedOn', rule: 'end_before_start' });
    expect(await stored(pupilId)).toEqual({ cases: 1, episodes: 3 });

    const actions = (await audits(opened.id)).map((a) => a.action);
    expect(actions).toEqual(['absence.case.open', 'absence.episode.create', 'absence.episode.create', 'absence.episode.create']);

    const page = (await ib.get(`/api/v1/pupils/${pupilId}/absence`)).json() as TPupilAbsence;
    expect(page.openCase?.id).toBe(opened.id);
    expect(page.policies.register).toBe(true);
    expect(page.reasons.map((r) => r.id)).toContain('psychisch');
  });

  it('an exemption stops the counter; a retired reason cannot be chosen', async () => {
    const { pupilId } = await resetAbsence(w, t, 'ownSchoolPupil', { episodes: [{ kind: 'long_relative', startedAgo: 40 }] });
    const ex = await ib.post(`/api/v1/pupils/${pupilId}/absence/episodes`, {
      kind: 'exemption_5a', startedOn: dutchDay(-3), exemptionEndsOn: dutchDay(100), reasonIds: ['lichamelijk'],
    });
    expect(ex.statusCode).toBe(201);
    expect(caseOf(ex)).toMatchObject({ countingSince: null, daysWithoutEducation: 0, thuiszitter: false });
    const noEnd = await ib.post(`/api/v1/pupils/${pupilId}/absence/episodes`, { kind: 'exemption_5b', startedOn: dutchDay(-3), reasonIds: ['lichamelijk'] });
    expect(issue(noEnd)).toMatchObject({ field: 'exemptionEndsOn', rule: 'exemption_needs_end_date' });

    const reasons = [{ id: 'oud', label: 'Oude reden', active: false }, { id: 'nieuw', label: 'Nieuwe reden', active: true }];
    await t.database.raw(`update regions set settings = jsonb_set(settings, '{absence}', $2::jsonb) where id = $1`, [w.a.regionId, JSON.stringify({ reasons })]);
    try {
      const retired = await ib.post(`/api/v1/pupils/${pupilId}/absence/episodes`, { kind: 'unauthorised', startedOn: dutchDay(-1), reasonIds: ['oud'] });
      expect(issue(retired)).toMatchObject({ field: 'reasonIds', rule: 'unknown_reason' });
      const page = (await ib.get(`/api/v1/pupils/${pupilId}/absence`)).json() as TPupilAbsence;
      expect(page.reasons).toEqual([{ id: 'nieuw', label: 'Nieuwe reden' }]);
    } finally {
      await t.database.raw(`update regions set settings = settings - 'absence' where id = $1`, [w.a.regionId]);
    }
  });
});

describe('working a case', () => {
  it('sets owner, plan and next date; the new owner gets a mail without the child; a stale version is refused', async () => {
    const f = await resetAbsence(w, t, 'absencePupil');
    const url = `/api/v1/absence/cases/${f.caseId}`;
    const candidates = (await consultant.get(`${url}/owner-candidates`)).json() as { items: { id: string; role: string }[] };
    // the care partner is in the kernteam with a consent sharing 'absence'; the IB'er of A1 is not the child's school
    expect(candidates.items.map((c) => c.id)).toEqual(expect.arrayContaining([w.users.swv_consultant, w.users.care_partner]));
    expect(candidates.items.map((c) => c.id)).not.toContain(w.users.school_care_coordinator);
    expect(candidates.items.map((c) => c.id)).not.toContain(w.users.attendance_officer);

    const notCandidate = await consultant.put(url, { ownerUserId: w.users.teacher, plan: null, planBy: null, nextDate: null, offerFrom: null, rowVersion: 1 });
    expect(issue(notCandidate)).toMatchObject({ field: 'ownerUserId', rule: 'unknown_owner' });
    const offerAhead = await consultant.put(url, { ownerUserId: null, plan: null, planBy: null, nextDate: null, offerFrom: dutchDay(3), rowVersion: 1 });
    expect(issue(offerAhead)).toMatchObject({ field: 'offerFrom', rule: 'date_in_future' });

    const mailsBefore = t.mail.received.length;
    const body = { ownerUserId: w.users.care_partner, plan: 'Twee ochtenden dagbesteding, dan opbouwen naar school', planBy: 'CJG-coach', nextDate: dutchDay(14), offerFrom: dutchDay(-10), rowVersion: 1 };
    const set = await consultant.put(url, body);
    expect(set.statusCode).toBe(200);
    expect(caseOf(set)).toMatchObject({
      owner: { id: w.users.care_partner },
      plan: body.plan,
      nextDate: dutchDay(14),
      offerFrom: dutchDay(-10),
      // the counter stopped the day the offer started
      daysWithoutEducation: 30,
      flags: [],
      rowVersion: 2,
    });
    expect(t.mail.received.length).toBe(mailsBefore + 1);
    const mail = plain(t.mail.received.at(-1)!);
    expect(mail).toContain(w.emails.care_partner);
    expect(mail).toContain(`/verzuim/${f.caseId}`);
    const [p] = await t.database.raw<{ first_name: string; last_name: string }>('select first_name, last_name from pupils where id = $1', [f.pupilId]);
    expect(mail).not.toContain(p!.first_name);
    expect(mail).not.toContain(p!.last_name);
    expect(mail).not.toContain(f.pupilId);

    // the owner sees and works it now
    expect((await partner.get(url)).statusCode).toBe(200);
    const stale = await consultant.put(url, { ...body, plan: 'Iets anders', rowVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('conflict');
    expect(issue(stale)).toMatchObject({ field: 'rowVersion', rule: 'changed_meanwhile' });
    // the same owner again: no second mail
    const again = await consultant.put(url, { ...body, plan: 'Iets anders', rowVersion: 2 });
    expect(again.statusCode).toBe(200);
    expect(t.mail.received.length).toBe(mailsBefore + 1);
    // a date agreed earlier and already gone by may be written down: the case shows red at once
    const past = await consultant.put(url, { ...body, plan: 'Iets anders', nextDate: dutchDay(-1), rowVersion: 3 });
    expect(past.statusCode).toBe(200);
    expect(caseOf(past).flags).toContain('next_date_passed');
    const update = (await audits(f.caseId!)).filter((a) => a.action === 'absence.case.update');
    expect(update).toHaveLength(3);
    expect(JSON.stringify(update)).not.toContain(p!.last_name);
  });

  it('ends an episode, then closes as back at school: open episodes end and the case leaves the open list', async () => {
    const f = await resetAbsence(w, t, 'ownSchoolPupil', {
      episodes: [{ kind: 'long_relative', startedAgo: 50 }, { kind: 'sick', startedAgo: 10 }, { kind: 'unauthorised', startedAgo: 90, endedAgo: 60 }],
    });
    const url = `/api/v1/absence/cases/${f.caseId}`;
    const [longId, sickId, oldId] = f.episodeIds;
    const early = await ib.post(`${url}/episodes/${sickId}/end`, { endedOn: dutchDay(-11) });
    expect(issue(early)).toMatchObject({ field: 'endedOn', rule: 'end_before_start' });
    const ahead = await ib.post(`${url}/episodes/${sickId}/end`, { endedOn: dutchDay(1) });
    expect(issue(ahead)).toMatchObject({ field: 'endedOn', rule: 'date_in_future' });
    const ended = await ib.post(`${url}/episodes/${sickId}/end`, { endedOn: dutchDay(-2) });
    expect(ended.statusCode).toBe(200);
    expect(caseOf(ended).episodes.find((e) => e.id === sickId)?.endedOn).toBe(dutchDay(-2));
    const twice = await ib.post(`${url}/episodes/${oldId}/end`, { endedOn: dutchDay(-1) });
    expect(twice.statusCode).toBe(409);
    expect(errorOf(twice).message).toBe('Dit verzuim is al beëindigd.');
    expect((await ib.post(`${url}/episodes/00000000-0000-4000-8000-000000000000/end`, { endedOn: dutchDay(-1) })).statusCode).toBe(404);

    const beforeOpen = await ib.post(`${url}/close`, { reason: 'back_at_school', closedOn: dutchDay(-100) });
    expect(issue(beforeOpen)).toMatchObject({ field: 'closedOn', rule: 'end_before_start' });
    const beforeSick = await ib.post(`${url}/close`, { reason: 'back_at_school', closedOn: dutchDay(-20) });
    expect(issue(beforeSick)).toMatchObject({ field: 'closedOn', rule: 'episode_starts_after_close' });
    const other = await ib.post(`${url}/close`, { reason: 'other', closedOn: dutchDay(0) });
    expect(issue(other)).toMatchObject({ field: 'note', rule: 'close_note_required' });

    const closed = await ib.post(`${url}/close`, { reason: 'back_at_school', closedOn: dutchDay(-1), note: 'Gaat weer hele dagen' });
    expect(closed.statusCode).toBe(200);
    const c = caseOf(closed);
    expect(c).toMatchObject({ status: 'closed', closedOn: dutchDay(-1), closeReason: 'back_at_school', flags: [], daysWithoutEducation: 49 });
    expect(c.policies).toEqual({ update: false, close: false, addEpisode: false, endEpisode: false });
    expect(c.episodes.find((e) => e.id === longId)?.endedOn).toBe(dutchDay(-1));
    expect(c.episodes.find((e) => e.id === sickId)?.endedOn).toBe(dutchDay(-2));

    const again = await ib.post(`${url}/close`, { reason: 'back_at_school', closedOn: dutchDay(0) });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).message).toBe('Deze zaak is al gesloten.');
    const edit = await ib.put(url, { ownerUserId: null, plan: null, planBy: null, nextDate: null, offerFrom: null, rowVersion: c.rowVersion });
    expect(edit.statusCode).toBe(409);

    const open = listOf(await ib.get('/api/v1/absence/cases?pageSize=100'));
    expect(open.items.map((i) => i.id)).not.toContain(f.caseId);
    const history = listOf(await ib.get('/api/v1/absence/cases?status=closed&pageSize=100'));
    expect(history.items.find((i) => i.id === f.caseId)).toMatchObject({ closedOn: dutchDay(-1), closeReason: 'back_at_school', daysWithoutEducation: 49 });
    const page = (await ib.get(`/api/v1/pupils/${f.pupilId}/absence`)).json() as TPupilAbsence;
    expect(page.openCase).toBeNull();
    expect(page.closedCases.map((x) => x.id)).toEqual([f.caseId]);
    // a new episode opens a new case
    const next = await ib.post(`/api/v1/pupils/${f.pupilId}/absence/episodes`, { kind: 'sick', startedOn: dutchDay(0), reasonIds: ['lichamelijk'] });
    expect(next.statusCode).toBe(201);
    expect(caseOf(next).id).not.toBe(f.caseId);
  });
});

describe('the case list', () => {
  it('filters, counts what needs attention, sorts, and keeps each to their scope', async () => {
    await t.database.raw('delete from absence_cases where region_id = $1', [w.a.regionId]);
    const own = await resetAbsence(w, t, 'ownGroupPupil', { episodes: [{ kind: 'absolute', startedAgo: 60 }], owner: 'school_care_coordinator', plan: 'Plan', nextDateIn: 7 });
    const late = await resetAbsence(w, t, 'ownSchoolPupil', { episodes: [{ kind: 'sick', startedAgo: 5 }], owner: 'swv_consultant', plan: 'Plan', nextDateIn: -2 });
    const other = await resetAbsence(w, t, 'otherSchoolPupil', { episodes: [{ kind: 'long_relative', startedAgo: 20 }] });
    const done = await resetAbsence(w, t, 'noConsentPupil', { closedAgo: 3 });

    const all = listOf(await consultant.get('/api/v1/absence/cases?pageSize=100'));
    // attention first (no owner, next date passed), then the longest without education
    expect(all.items.map((i) => i.id)).toEqual([other.caseId, late.caseId, own.caseId]);
    expect(all).toMatchObject({ total: 3, attentionCount: 2 });
    expect(all.items[0]).toMatchObject({ kinds: ['long_relative'], daysWithoutEducation: 20, thuiszitter: false, flags: ['no_owner', 'no_plan', 'no_next_date'] });
    expect(all.items[2]).toMatchObject({ daysWithoutEducation: 60, thuiszitter: true, owner: { id: w.users.school_care_coordinator } });

    const q = (s: string) => consultant.get(`/api/v1/absence/cases?${s.includes('pageSize') ? '' : 'pageSize=100&'}${s}`).then(listOf);
    expect((await q('attention=true')).items.map((i) => i.id)).toEqual([other.caseId, late.caseId]);
    expect((await q('thuiszitter=true')).items.map((i) => i.id)).toEqual([own.caseId]);
    const sick = await q('kind=sick');
    expect(sick.items.map((i) => i.id)).toEqual([late.caseId]);
    // the attention count is the scope's, whatever the filters
    expect(sick.attentionCount).toBe(2);
    expect((await q(`schoolId=${w.schoolA2}`)).items.map((i) => i.id)).toEqual([other.caseId]);
    expect((await q(`gemeenteId=${w.a.gemeenteIds[0]}`)).items.map((i) => i.id)).toEqual([own.caseId]);
    expect((await q('status=closed')).items.map((i) => i.id)).toEqual([done.caseId]);
    const paged = await q('pageSize=1&page=2');
    expect(paged).toMatchObject({ total: 3, page: 2, pageSize: 1 });
    expect(paged.items.map((i) => i.id)).toEqual([late.caseId]);

    // the school sees its own pupils; leerplicht the children living in its gemeente
    expect(listOf(await ib.get('/api/v1/absence/cases?pageSize=100')).items.map((i) => i.id).sort()).toEqual([own.caseId, late.caseId].sort());
    const lp = listOf(await leerplicht.get('/api/v1/absence/cases?pageSize=100'));
    expect(lp.items.map((i) => i.id)).toEqual([own.caseId]);
    expect(lp.attentionCount).toBe(0);
    expect((await leerplicht.get(`/api/v1/absence/cases/${other.caseId}`)).statusCode).toBe(404);
    expect((await partner.get('/api/v1/absence/cases')).statusCode).toBe(403);
    expect((await ib.get('/api/v1/absence/cases?status=half')).statusCode).toBe(400);
  });

  it('a care partner sees a kernteam child only while a consent shares absence', async () => {
    const id = await absenceConsentPupil(w, t);
    const f = await resetAbsence(w, t, 'absencePupil');
    expect((await partner.get(`/api/v1/absence/cases/${f.caseId}`)).statusCode).toBe(200);
    await t.database.raw(`update consents set withdrawn_at = now(), withdrawn_by = $2 where pupil_id = $1 and 'absence' = any(categories)`, [id, w.users.school_care_coordinator]);
    try {
      expect((await partner.get(`/api/v1/absence/cases/${f.caseId}`)).statusCode).toBe(404);
      const candidates = (await consultant.get(`/api/v1/absence/cases/${f.caseId}/owner-candidates`)).json() as { items: { id: string }[] };
      expect(candidates.items.map((c) => c.id)).not.toContain(w.users.care_partner);
    } finally {
      await t.database.raw(`update consents set withdrawn_at = null, withdrawn_by = null where pupil_id = $1 and 'absence' = any(categories)`, [id]);
    }
  });
});
