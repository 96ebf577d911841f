import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCase, TMyCases } from '../../../shared/schemas/case-lead.js';
import { createTestApp, type TestClient, type TTestApp } from '../../testing/app.js';
import { buildWorld, WORLD_PASSWORD, type TWorld } from '../../testing/world.js';
import { resetCase } from './fixtures.js';

let t: TTestApp;
let w: TWorld;
let ib: TestClient;
let director: TestClient;
let consultant: TestClient;
let partner: TestClient;
let parent: TestClient;
let teacher: TestClient;
let bConsultant: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.database);
  const as = (k: string) => t.signIn(w.emails[k]!, WORLD_PASSWORD);
  ib = await as('school_care_coordinator');
  director = await as('school_director');
  consultant = await as('swv_consultant');
  partner = await as('care_partner');
  parent = await as('parent');
  teacher = await as('teacher');
  bConsultant = await as('b_consultant');
});
afterAll(() => t.close());

const caseOf = (res: { json(): unknown }) => res.json() as TCase;
const issue = (res: { json(): unknown }) => (res.json() as { error: { issues: { field: string; rule: string; message: string }[] } }).error.issues[0]!;
const errorOf = (res: { json(): unknown }) => (res.json() as { error: { code: string; message: string } }).error;
const planBody = (over: Record<string, unknown> = {}) => ({
  trigger: 'Wachtlijst jeugdhulp langer dan 6 weken',
  triggerOn: null,
  action: 'Overbruggingszorg via het wijkteam',
  actorName: 'CJG-coach',
  ...over,
});
/** The mail's text with quoted-printable soft breaks undone. */
const plain = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
const dutchDay = (offset = 0) => {
  const d = new Date(Date.now() + offset * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(d);
};

describe('the regievoerder', () => {
  it('is named, handed over with the history kept, and closed; the new lead gets a mail without the child', async () => {
    const id = await resetCase(w, t, 'consentPupil');
    const none = await consultant.get(`/api/v1/pupils/${id}/case`);
    expect(none.statusCode).toBe(200);
    expect(caseOf(none)).toMatchObject({ caseLead: null, history: [], policies: { setCaseLead: true, close: false } });
    expect(caseOf(none).candidates.map((c) => c.userId).sort()).toEqual([w.users.care_partner, w.users.swv_consultant].sort());

    const named = await consultant.put(`/api/v1/pupils/${id}/case-lead`, { userId: w.users.swv_consultant });
    expect(named.statusCode).toBe(200);
    expect(caseOf(named).caseLead).toMatchObject({ person: { id: w.users.swv_consultant }, organisation: { id: w.a.swvId }, isMe: true });

    const mailsBefore = t.mail.received.length;
    const handed = await consultant.put(`/api/v1/pupils/${id}/case-lead`, { userId: w.users.care_partner, note: 'Zij kent het gezin het best' });
    expect(handed.statusCode).toBe(200);
    const body = caseOf(handed);
    expect(body.caseLead).toMatchObject({ person: { id: w.users.care_partner }, organisation: { id: w.partnerOrg }, note: 'Zij kent het gezin het best', isMe: false });
    expect(body.history.map((h) => [h.person.id, h.endReason])).toEqual([
      [w.users.care_partner, null],
      [w.users.swv_consultant, 'handed_over'],
    ]);
    expect(body.history[1]).toMatchObject({ endedBy: { id: w.users.swv_consultant }, namedBy: { id: w.users.swv_consultant } });
    // the consultant manages the kernteam, so still may act; the policy says so
    expect(body.policies.setCaseLead).toBe(true);

    expect(t.mail.received.length).toBe(mailsBefore + 1);
    const mail = plain(t.mail.received.at(-1)!);
    expect(mail).toContain(w.emails.care_partner);
    expect(mail).toContain(`/leerlingen/${id}/regie`);
    const [p] = await t.database.raw<{ first_name: string; last_name: string }>('select first_name, last_name from pupils where id = $1', [id]);
    expect(mail).not.toContain(p!.first_name);
    expect(mail).not.toContain(p!.last_name);

    const [audit] = await t.database.raw<{ details: Record<string, unknown>; pupil_id: string }>(
      `select details, pupil_id from audit_events where action = 'case_lead.set' and pupil_id = $1 order by seq desc limit 1`,
      [id],
    );
    expect(audit!.details).toMatchObject({ fromUserId: w.users.swv_consultant, toUserId: w.users.care_partner, changed: true });

    // naming the one who leads changes nothing and sends nothing
    const again = await consultant.put(`/api/v1/pupils/${id}/case-lead`, { userId: w.users.care_partner });
    expect(caseOf(again).history).toHaveLength(2);
    expect(t.mail.received.length).toBe(mailsBefore + 1);

    const closed = await consultant.post(`/api/v1/pupils/${id}/case/close`, { note: 'Hulp loopt, het gaat goed.' });
    expect(closed.statusCode).toBe(200);
    expect(caseOf(closed).caseLead).toBeNull();
    expect(caseOf(closed).history[0]).toMatchObject({ endReason: 'case_closed', endNote: 'Hulp loopt, het gaat goed.', endedBy: { id: w.users.swv_consultant } });
    expect(caseOf(closed).policies.close).toBe(false);

    const twice = await consultant.post(`/api/v1/pupils/${id}/case/close`, { note: 'Nog een keer' });
    expect(twice.statusCode).toBe(409);
    expect(errorOf(twice).message).toMatch(/geen open casus/i);
  });

  it('is someone from the kernteam or the school\'s IB\'er', async () => {
    const id = await resetCase(w, t, 'ownGroupPupil');
    const res = await ib.put(`/api/v1/pupils/${id}/case-lead`, { userId: w.users.teacher });
    expect(res.statusCode).toBe(400);
    expect(issue(res)).toMatchObject({ field: 'userId', rule: 'not_a_case_lead_candidate' });
    expect(issue(res).message).toMatch(/kernteam/);
    expect(await t.database.raw('select 1 from case_leads where pupil_id = $1', [id])).toHaveLength(0);
  });

  it('is read by the teacher, who may not change it', async () => {
    const id = await resetCase(w, t, 'ownGroupPupil', { lead: 'school_care_coordinator' });
    const res = await teacher.get(`/api/v1/pupils/${id}/case`);
    expect(res.statusCode).toBe(200);
    expect(caseOf(res).policies).toMatchObject({ setCaseLead: false, editSignalPlan: false, readHistory: true });
    expect(caseOf(res).candidates).toEqual([]);
    expect((await teacher.put(`/api/v1/pupils/${id}/case-lead`, { userId: w.users.school_care_coordinator })).statusCode).toBe(403);
  });
});

describe('the signaleringsplan', () => {
  it('goes B, then C, then D; a change needs the version read', async () => {
    const id = await resetCase(w, t, 'ownPupil', { lead: 'school_care_coordinator' });
    const early = await ib.put(`/api/v1/pupils/${id}/signal-plans/C`, planBody());
    expect(early.statusCode).toBe(400);
    expect(issue(early)).toMatchObject({ field: 'level', rule: 'signal_plan_needs_previous' });
    expect(issue(early).message).toMatch(/plan B/);

    expect((await ib.put(`/api/v1/pupils/${id}/signal-plans/B`, planBody({ triggerOn: dutchDay(14) }))).statusCode).toBe(200);
    expect((await ib.put(`/api/v1/pupils/${id}/signal-plans/D`, planBody())).statusCode).toBe(400);
    expect((await ib.put(`/api/v1/pupils/${id}/signal-plans/C`, planBody({ trigger: 'Geen verbetering bij de evaluatie' }))).statusCode).toBe(200);
    const d = await director.put(`/api/v1/pupils/${id}/signal-plans/D`, planBody({ trigger: 'Dreigt thuis te komen zitten' }));
    expect(d.statusCode).toBe(200);
    const plans = caseOf(d).signalPlans;
    expect(plans.map((p) => [p.level, p.rowVersion, p.status])).toEqual([['B', 1, 'waiting'], ['C', 1, 'waiting'], ['D', 1, 'waiting']]);

    const blind = await ib.put(`/api/v1/pupils/${id}/signal-plans/B`, planBody());
    expect(blind.statusCode).toBe(409);
    expect(issue(blind)).toMatchObject({ field: 'rowVersion', rule: 'changed_meanwhile' });
    const updated = await ib.put(`/api/v1/pupils/${id}/signal-plans/B`, planBody({ action: 'Wijkteam en school samen', rowVersion: 1 }));
    expect(updated.statusCode).toBe(200);
    expect(caseOf(updated).signalPlans[0]).toMatchObject({ action: 'Wijkteam en school samen', rowVersion: 2 });
    const stale = await director.put(`/api/v1/pupils/${id}/signal-plans/B`, planBody({ rowVersion: 1 }));
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).message).toMatch(/net gewijzigd/);
    const actions = await t.database.raw<{ action: string }>(
      `select action from audit_events where pupil_id = $1 and subject_type = 'signal_plan' order by seq`,
      [id],
    );
    expect(actions.map((a) => a.action)).toEqual(['signal_plan.create', 'signal_plan.create', 'signal_plan.create', 'signal_plan.update']);
  });

  it('signals from the trigger date on, while waiting', async () => {
    const id = await resetCase(w, t, 'ownPupil', { lead: 'school_care_coordinator' });
    const at = async (triggerOn: string | null, level: 'B' | 'C' | 'D', rowVersion?: number) =>
      caseOf(await ib.put(`/api/v1/pupils/${id}/signal-plans/${level}`, planBody({ triggerOn, rowVersion }))).signalPlans.find((p) => p.level === level)!;
    expect((await at(dutchDay(-1), 'B')).triggered).toBe(true);
    expect((await at(dutchDay(0), 'C')).triggered).toBe(true);
    expect((await at(dutchDay(1), 'D')).triggered).toBe(false);
    expect((await at(null, 'D', 1)).triggered).toBe(false);
    const body = caseOf(await ib.get(`/api/v1/pupils/${id}/case`));
    expect(body.today).toBe(dutchDay(0));
  });

  it('starts with a note (recorded), closes, and waits again', async () => {
    const id = await resetCase(w, t, 'ownPupil', { lead: 'school_care_coordinator', plans: [{ level: 'B', triggerIn: -3 }] });
    const url = `/api/v1/pupils/${id}/signal-plans/B/status`;
    const bare = await ib.post(url, { status: 'activated' });
    expect(bare.statusCode).toBe(400);
    expect(issue(bare)).toMatchObject({ field: 'note', rule: 'signal_activation_note_required' });
    const started = await ib.post(url, { status: 'activated', note: 'Wachtlijst is nu 8 weken' });
    expect(started.statusCode).toBe(200);
    expect(caseOf(started).signalPlans[0]).toMatchObject({ status: 'activated', statusNote: 'Wachtlijst is nu 8 weken', triggered: false, rowVersion: 2 });
    const [audit] = await t.database.raw<{ details: Record<string, unknown> }>(
      `select details from audit_events where action = 'signal_plan.activate' and pupil_id = $1`,
      [id],
    );
    expect(audit!.details).toEqual({ level: 'B', from: 'waiting', to: 'activated' });
    const same = await ib.post(url, { status: 'activated', note: 'Nog eens' });
    expect(same.statusCode).toBe(400);
    expect(issue(same).rule).toBe('signal_status_unchanged');
    expect((await ib.post(url, { status: 'closed' })).statusCode).toBe(200);
    const back = await ib.post(url, { status: 'waiting' });
    expect(caseOf(back).signalPlans[0]).toMatchObject({ status: 'waiting', statusNote: null, triggered: true });
    expect((await ib.post(`/api/v1/pupils/${id}/signal-plans/C/status`, { status: 'closed' })).statusCode).toBe(404);
  });

  it('needs an open case; closing the case closes the plans still waiting', async () => {
    const id = await resetCase(w, t, 'ownPupil', {
      lead: 'school_care_coordinator',
      plans: [{ level: 'B', status: 'activated' }, { level: 'C' }],
    });
    const closed = caseOf(await ib.post(`/api/v1/pupils/${id}/case/close`, { note: 'Afgerond' }));
    expect(closed.signalPlans.map((p) => [p.level, p.status, p.statusNote])).toEqual([['B', 'activated', null], ['C', 'closed', 'Afgerond']]);
    const write = await ib.put(`/api/v1/pupils/${id}/signal-plans/D`, planBody());
    expect(write.statusCode).toBe(409);
    expect(errorOf(write).message).toMatch(/regievoerder/);
    expect((await ib.post(`/api/v1/pupils/${id}/signal-plans/C/status`, { status: 'waiting' })).statusCode).toBe(409);
  });
});

describe('who sees the case', () => {
  it('the parent reads one contact and the plan, and changes nothing', async () => {
    const id = await resetCase(w, t, 'ownPupil', { lead: 'school_care_coordinator', plans: [{ level: 'B', triggerIn: -1 }] });
    const res = await parent.get(`/api/v1/pupils/${id}/case`);
    expect(res.statusCode).toBe(200);
    const body = caseOf(res);
    expect(body.caseLead).toMatchObject({ person: { id: w.users.school_care_coordinator }, email: w.emails.school_care_coordinator, note: null });
    expect(body.history).toEqual([]);
    expect(body.candidates).toEqual([]);
    expect(body.signalPlans).toMatchObject([{ level: 'B', triggered: true }]);
    expect(body.policies).toEqual({ setCaseLead: false, close: false, readHistory: false, readSignalPlan: true, editSignalPlan: false });
    expect((await parent.put(`/api/v1/pupils/${id}/signal-plans/C`, planBody())).statusCode).toBe(403);
    expect((await parent.post(`/api/v1/pupils/${id}/signal-plans/B/status`, { status: 'closed' })).statusCode).toBe(403);
    expect((await parent.post(`/api/v1/pupils/${id}/case/close`, { note: 'Klaar' })).statusCode).toBe(403);
  });

  it('a care partner outside the kernteam, or without consent, gets 404', async () => {
    const other = await resetCase(w, t, 'otherSchoolPupil', { lead: 'school_care_coordinator' });
    expect((await partner.get(`/api/v1/pupils/${other}/case`)).statusCode).toBe(404);
    const noConsent = await resetCase(w, t, 'noConsentPupil', { lead: 'swv_consultant' });
    expect((await partner.get(`/api/v1/pupils/${noConsent}/case`)).statusCode).toBe(404);
    expect((await partner.put(`/api/v1/pupils/${noConsent}/signal-plans/B`, planBody())).statusCode).toBe(404);
  });

  it('a case lead whose consent lapsed still sees the case and can hand it over', async () => {
    const id = await resetCase(w, t, 'noConsentPupil', { lead: 'care_partner' });
    const res = await partner.get(`/api/v1/pupils/${id}/case`);
    expect(res.statusCode).toBe(200);
    expect(caseOf(res).policies).toMatchObject({ setCaseLead: true, editSignalPlan: true });
    expect((await partner.put(`/api/v1/pupils/${id}/case-lead`, { userId: w.users.swv_consultant })).statusCode).toBe(200);
    expect((await partner.get(`/api/v1/pupils/${id}/case`)).statusCode).toBe(404);
  });

  it('another region gets 404 both ways', async () => {
    const own = await resetCase(w, t, 'ownPupil', { lead: 'school_care_coordinator' });
    expect((await bConsultant.get(`/api/v1/pupils/${own}/case`)).statusCode).toBe(404);
    expect((await bConsultant.put(`/api/v1/pupils/${own}/case-lead`, { userId: w.users.b_consultant })).statusCode).toBe(404);
    const theirs = await resetCase(w, t, 'otherRegionPupil', { lead: 'b_consultant' });
    expect((await bConsultant.get(`/api/v1/pupils/${theirs}/case`)).statusCode).toBe(200);
    expect((await ib.get(`/api/v1/pupils/${theirs}/case`)).statusCode).toBe(404);
    await resetCase(w, t, 'otherRegionPupil');
  });
});

describe('Mijn regie', () => {
  it('lists the children I lead: signalling ones first, with the next meeting, actions and plans; paged', async () => {
    await t.database.raw(`delete from case_leads where user_id = any($1::text[])`, [[w.users.school_care_coordinator, w.users.swv_consultant]]);
    const a = await resetCase(w, t, 'ownGroupPupil', { lead: 'school_care_coordinator', plans: [{ level: 'B', triggerIn: 5 }] });
    const b = await resetCase(w, t, 'ownPupil', { lead: 'school_care_coordinator' });
    const c = await resetCase(w, t, 'selfPupil', { lead: 'school_care_coordinator', plans: [{ level: 'B', triggerIn: -1 }, { level: 'C', triggerIn: 0 }] });
    await t.database.raw('delete from meetings where pupil_id = any($1::uuid[])', [[a, b, c]]);
    await t.database.raw(`update pupils set last_name = case when id = $1 then 'Bakker' else 'Aarts' end, name_prefix = null where id in ($1, $2)`, [a, b]);
    const meeting = async (pupilId: string, status: string, startsIn: string, next: string | null) => {
      const [m] = await t.database.raw<{ id: string }>(
        `insert into meetings (region_id, pupil_id, school_id, kind, status, starts_at, location, organiser_id, created_by, next_meeting_on, closed_at)
         values ($1, $2, $3, 'mdo', $4, now() + $5::interval, 'Op school', $6, $6, $7::date, case when $4 = 'closed' then now() + $5::interval end)
         returning id`,
        [w.a.regionId, pupilId, w.schoolA1, status, startsIn, w.users.school_care_coordinator, next],
      );
      return m!.id;
    };
    const held = await meeting(a, 'closed', '-30 days', '2030-01-15');
    const past = await meeting(a, 'scheduled', '-2 days', null);
    const later = await meeting(a, 'scheduled', '20 days', null);
    const soon = await meeting(a, 'scheduled', '3 days', null);
    await meeting(a, 'cancelled', '1 day', null);
    for (const [title, status] of [['Bellen', 'open'], ['Verslag', 'done'], ['Toets', 'open']] as const) {
      await t.database.raw(
        `insert into action_items (region_id, meeting_id, pupil_id, title, owner_id, due_on, status, created_by)
         values ($1, $2, $3, $4, $5, current_date, $6, $5)`,
        [w.a.regionId, held, a, title, w.users.teacher, status],
      );
    }
    void past;
    void later;

    const res = await ib.get('/api/v1/case-leads/mine');
    expect(res.statusCode).toBe(200);
    const body = res.json() as TMyCases;
    expect(body.total).toBe(3);
    expect(body.items[0]).toMatchObject({ pupil: { id: c }, triggeredPlans: 2, openActions: 0, nextMeeting: null, agreedNextOn: null });
    const rowA = body.items.find((i) => i.pupil.id === a)!;
    expect(rowA).toMatchObject({ school: { id: w.schoolA1 }, nextMeeting: { id: soon }, agreedNextOn: '2030-01-15', openActions: 2, triggeredPlans: 0 });
    // after the signalling child, by name
    expect(body.items.slice(1).map((i) => i.pupil.id)).toEqual([b, a]);

    const paged = (await ib.get('/api/v1/case-leads/mine?page=2&pageSize=2')).json() as TMyCases;
    expect([paged.total, paged.items.length, paged.page, paged.pageSize]).toEqual([3, 1, 2, 2]);
    const past3 = (await ib.get('/api/v1/case-leads/mine?page=9&pageSize=2')).json() as TMyCases;
    expect([past3.total, past3.items.length]).toEqual([3, 0]);

    expect((await consultant.get('/api/v1/case-leads/mine')).json()).toMatchObject({ items: [], total: 0 });
    expect((await parent.get('/api/v1/case-leads/mine')).statusCode).toBe(403);
    expect((await ib.get('/api/v1/case-leads/mine?pageSize=1000')).statusCode).toBe(400);
  });
});
