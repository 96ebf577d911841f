import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TRole } from '../../../shared/roles.js';
import type { TTask, TTaskList, TTeamTasks } from '../../../shared/schemas/task.js';
import { withTenant } from '../../platform/tenancy.js';
import { createTestApp, type TTestApp } from '../../testing/app.js';
import { buildWorld, type TWorld, WORLD_PASSWORD } from '../../testing/world.js';
import { taskPath } from '../../../shared/tasks.js';
import { dutchDate } from '../opps/clocks.js';
import { seedTasks, TASK_DAY, type TTaskFixture } from './fixtures.js';
import { listTasks, ownerScope, summariseOwners, type TTaskScope } from './queries.js';

let t: TTestApp;
let w: TWorld;
let f: TTaskFixture;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.database);
});
afterAll(() => t.close());
beforeEach(async () => {
  f = await seedTasks(w, t);
});

const on = (day: string) => sql`${day}::date`;
/** "kind pupil due[!]" for each task of the scope on `day`, in the order listed. */
async function tasksOn(scope: TTaskScope | ((tx: Parameters<typeof ownerScope>[0]) => Promise<TTaskScope>), day = TASK_DAY) {
  return withTenant(t.database.db, w.a.regionId, async (tx) => {
    const s = typeof scope === 'function' ? await scope(tx) : scope;
    const { rows, total, overdue } = await listTasks(tx, s, { page: 1, pageSize: 100, today: on(day), withOwners: true });
    return { lines: rows.map((r) => `${r.kind} ${pupilKey(r.pupil_id)} ${r.due_on}${r.overdue ? '!' : ''}`), total, overdue, rows };
  });
}
const pupilKey = (id: string) =>
  (['ownPupil', 'ownGroupPupil', 'selfPupil', 'otherSchoolPupil', 'consentPupil'] as const).find((k) => w[k] === id) ?? id;
const inboxOf = (role: TRole, day?: string) => tasksOn((tx) => ownerScope(tx, w.users[role]), day);

describe('the inbox, on a fixed day', () => {
  it('gives each person what waits on them, the late first', async () => {
    const ib = await inboxOf('school_care_coordinator');
    expect(ib.lines).toEqual([
      'opp_due ownPupil 2026-02-16!',
      'meeting_report ownPupil 2026-03-09!',
      'request_waiting selfPupil 2026-03-19',
      'arrangement_evaluation ownPupil 2026-03-20',
      'consent_expiring ownPupil 2026-03-31',
    ]);
    expect([ib.total, ib.overdue]).toEqual([5, 2]);
    expect((await inboxOf('teacher')).lines).toEqual(['action_item ownPupil 2026-03-20']);
    expect((await inboxOf('parent')).lines).toEqual(['action_item ownPupil 2026-03-15', 'consent_expiring ownPupil 2026-03-31']);
    expect((await inboxOf('swv_consultant')).lines).toEqual(['request_waiting ownGroupPupil 2026-03-15']);
    expect((await inboxOf('swv_expert')).lines).toEqual(['advice_waiting ownGroupPupil 2026-03-23']);
    expect((await inboxOf('care_partner')).lines).toEqual(['signal_trigger consentPupil 2026-03-01!']);
    // the director watches through the team view; nothing waits on them by name
    expect((await inboxOf('school_director')).lines).toEqual([]);
  });

  it('a task goes when its thing is done', async () => {
    const db = t.database;
    await db.raw(`update action_items set status = 'done', done_at = now() where owner_id = $1`, [w.users.teacher]);
    await db.raw(`update meetings set status = 'closed', closed_at = now() where id = $1`, [f.meetingId]);
    await db.raw(`update request_experts set advice = 'Past bij SO', submitted_at = now() where id = $1`, [f.expertRowId]);
    await db.raw(`update signal_plans set status = 'activated' where id = $1`, [f.signalPlanId]);
    await db.raw(`update support_requests set status = 'submitted', submitted_at = '2026-03-09T10:00:00+01:00' where id = $1`, [f.draftRequestId]);
    await db.raw(`update tlvs set return_plan = 'Terug naar de basisschool', return_plan_at = now() where id = $1`, [f.tlvId]);
    await db.raw(`insert into arrangement_evaluations (region_id, arrangement_id, pupil_id, held_on, goals_met, outcome, summary, recorded_by)
                  values ($1, $2, $3, '2026-03-09', 'partly', 'continue', 'Gaat vooruit', $4)`, [w.a.regionId, f.arrangementId, w.ownPupil, w.users.school_care_coordinator]);
    // renewing a consent ends the old one (replaced), the new one runs a year
    const [renewed] = await db.raw<{ id: string }>(
      `insert into consents (region_id, pupil_id, given_by_kind, given_by_guardian_id, recorded_by, categories, purpose, legal_basis, valid_from, valid_until, replaces_id)
       select region_id, pupil_id, given_by_kind, given_by_guardian_id, recorded_by, categories, purpose, legal_basis, '2026-03-10', '2027-03-31', id
         from consents where id = $1 returning id`,
      [f.consentId],
    );
    await db.raw('update consents set replaced_by_id = $2, withdrawn_at = now(), withdrawn_by = $3 where id = $1', [f.consentId, renewed!.id, w.users.parent]);
    await db.raw(`insert into opps (region_id, pupil_id, seq, status, adopted_at, created_by) values ($1, $2, 1, 'adopted', '2026-03-09T10:00:00+01:00', $3)`, [
      w.a.regionId,
      w.ownPupil,
      w.users.school_care_coordinator,
    ]);
    expect((await inboxOf('teacher')).lines).toEqual([]);
    expect((await inboxOf('parent')).lines).toEqual(['action_item ownPupil 2026-03-15']);
    expect((await inboxOf('swv_expert')).lines).toEqual([]);
    expect((await inboxOf('care_partner')).lines).toEqual([]);
    // the adopted OPP's yearly evaluation is a year off: not yet on the list
    expect((await inboxOf('school_care_coordinator')).lines).toEqual([]);
    // the submitted draft now waits on the SWV (unassigned: in nobody's inbox, in the team view)
    const region = await tasksOn({ kind: 'region' });
    expect(region.rows.find((r) => r.request_id === f.draftRequestId)?.owner_user_id).toBeNull();
    expect(region.lines).not.toContain('tlv_return_plan otherSchoolPupil 2026-07-31');
  });

  it('moves with the calendar: the next evaluation, the consent past its end, a plan triggered later', async () => {
    const later = await inboxOf('school_care_coordinator', '2026-04-01');
    expect(later.lines).toEqual([
      'opp_due ownPupil 2026-02-16!',
      'meeting_report ownPupil 2026-03-09!',
      'request_waiting selfPupil 2026-03-19!',
      'arrangement_evaluation ownPupil 2026-03-20!',
    ]);
    expect((await inboxOf('care_partner', '2026-02-28')).lines).toEqual([]);
    // a new regievoerder takes the task over
    await t.database.raw('update case_leads set ended_at = now(), end_reason = $2 where pupil_id = $1', [w.consentPupil, 'handed_over']);
    await t.database.raw('insert into case_leads (region_id, pupil_id, user_id, organisation_id, started_by) values ($1, $2, $3, $4, $3)', [
      w.a.regionId,
      w.consentPupil,
      w.users.swv_consultant,
      w.a.swvId,
    ]);
    expect((await inboxOf('care_partner')).lines).toEqual([]);
    expect((await inboxOf('swv_consultant')).lines).toContain('signal_trigger consentPupil 2026-03-01!');
  });
});

describe('the team views, on a fixed day', () => {
  it('a school sees all its tasks with their owners; the region sees who has what, and no school drafts', async () => {
    const school = await tasksOn({ kind: 'school', schoolId: w.schoolA1, swv: false });
    expect(school.lines).toEqual([
      'opp_due ownPupil 2026-02-16!',
      'meeting_report ownPupil 2026-03-09!',
      'action_item ownPupil 2026-03-15',
      'request_waiting ownGroupPupil 2026-03-15',
      'request_waiting selfPupil 2026-03-19',
      'action_item ownPupil 2026-03-20',
      'arrangement_evaluation ownPupil 2026-03-20',
      'advice_waiting ownGroupPupil 2026-03-23',
      'consent_expiring ownPupil 2026-03-31',
      'consent_expiring ownPupil 2026-03-31',
    ]);
    const region = await tasksOn({ kind: 'region' });
    expect(region.lines).not.toContain('request_waiting selfPupil 2026-03-19');
    expect(region.lines).toEqual(
      expect.arrayContaining([
        'request_waiting otherSchoolPupil 2026-03-06!',
        'signal_trigger consentPupil 2026-03-01!',
        'tlv_reassess otherSchoolPupil 2026-07-31',
        'tlv_return_plan otherSchoolPupil 2026-07-31',
      ]),
    );
    const owners = await withTenant(t.database.db, w.a.regionId, (tx) => summariseOwners(tx, { kind: 'region' }, { today: on(TASK_DAY) }));
    const line = (o: (typeof owners)[number]) =>
      `${o.owner_name ?? (o.owner_school_id ? `IB ${o.owner_school_id === w.schoolA2 ? 'A2' : 'A1'}` : 'niemand')} ${o.open}/${o.overdue}`;
    // the most overdue first; among equals the order is by name
    expect(owners.map(line)[0]).toBe('IB A1 3/1');
    expect(owners.map(line).sort()).toEqual(
      [
        'IB A1 3/1',
        'Test school_care_coordinator 1/1',
        'niemand 1/1',
        'Test care_partner 1/1',
        'IB A2 2/0',
        'Test parent 2/0',
        'Test swv_consultant 1/0',
        'Test swv_expert 1/0',
        'Test teacher 1/0',
      ].sort(),
    );
  });
});

describe('absence tasks, on a fixed day', () => {
  /** An open case for `pupil` (region A), opened on 2026-03-02. */
  async function absenceCase(pupil: string, o: { owner?: string; nextDate?: string } = {}) {
    const [c] = await t.database.raw<{ id: string }>(
      `insert into absence_cases (region_id, pupil_id, opened_on, opened_by, owner_user_id, next_date) values ($1, $2, '2026-03-02', $3, $4, $5) returning id`,
      [w.a.regionId, pupil, w.users.school_care_coordinator, o.owner ?? null, o.nextDate ?? null],
    );
    return c!.id;
  }
  const setCoordinator = (userId: string | null) =>
    t.database.raw(`update regions set settings = settings || jsonb_build_object('absence', jsonb_build_object('coordinatorUserId', $2::text)) where id = $1`, [
      w.a.regionId,
      userId,
    ]);
  const absenceLines = (lines: string[]) => lines.filter((l) => l.startsWith('absence_'));

  it('a case without owner waits on the coordinator (on nobody without one); a passed next date on the owner; closing ends both', async () => {
    const unowned = await absenceCase(w.otherSchoolPupil);
    const owned = await absenceCase(w.ownPupil, { owner: w.users.attendance_officer, nextDate: '2026-03-09' });
    try {
      // no coordinator yet: unassigned, which the SWV's team view shows
      expect(absenceLines((await inboxOf('swv_consultant')).lines)).toEqual([]);
      const region = await tasksOn({ kind: 'region' });
      const row = region.rows.find((r) => r.kind === 'absence_no_owner')!;
      expect([row.subject_id, row.owner_user_id, row.owner_school_id, row.school_id]).toEqual([unowned, null, null, w.schoolA2]);
      await setCoordinator(w.users.swv_consultant);
      expect(absenceLines((await inboxOf('swv_consultant')).lines)).toEqual(['absence_no_owner otherSchoolPupil 2026-03-02!']);
      expect(absenceLines((await inboxOf('attendance_officer')).lines)).toEqual(['absence_next_date ownPupil 2026-03-09!']);
      // the next date is today: not yet a task
      expect(absenceLines((await inboxOf('attendance_officer', '2026-03-09')).lines)).toEqual([]);
      // the school's team view shows its pupil's case with who has it
      const school = await tasksOn({ kind: 'school', schoolId: w.schoolA2, swv: true });
      expect(school.rows.filter((r) => r.kind === 'absence_no_owner').map((r) => r.owner_name)).toEqual(['Test swv_consultant']);
      expect(absenceLines((await tasksOn({ kind: 'school', schoolId: w.schoolA1, swv: false })).lines)).toEqual(['absence_next_date ownPupil 2026-03-09!']);
      await t.database.raw(`update absence_cases set closed_on = '2026-03-10', close_reason = 'back_at_school' where id in ($1, $2)`, [unowned, owned]);
      expect(absenceLines((await inboxOf('swv_consultant')).lines)).toEqual([]);
      expect(absenceLines((await inboxOf('attendance_officer')).lines)).toEqual([]);
      expect(absenceLines((await tasksOn({ kind: 'region' })).lines)).toEqual([]);
    } finally {
      await t.database.raw(`update regions set settings = settings - 'absence' where id = $1`, [w.a.regionId]);
    }
  });

  it('links to the case', async () => {
    const caseId = await absenceCase(w.ownPupil, { owner: w.users.school_care_coordinator, nextDate: '2000-01-01' });
    const ib = await t.signIn(w.emails.school_care_coordinator!, WORLD_PASSWORD);
    const list = (await ib.get('/api/v1/tasks?kind=absence_next_date')).json() as TTaskList;
    expect(list.items.map((i) => [i.kind, i.absenceCaseId, i.overdue])).toEqual([['absence_next_date', caseId, true]]);
    expect(taskPath({ ...list.items[0]!, pupilId: list.items[0]!.pupil.id })).toBe(`/verzuim/${caseId}`);
  });
});

describe('GET /api/v1/tasks and /api/v1/tasks/team', () => {
  beforeEach(async () => {
    f = await seedTasks(w, t, { relativeTo: dutchDate() });
  });

  it('the inbox pages through the tasks, with the totals and what the web needs to link', async () => {
    const ib = await t.signIn(w.emails.school_care_coordinator!, WORLD_PASSWORD);
    const first = (await ib.get('/api/v1/tasks?pageSize=2')).json() as TTaskList;
    expect([first.total, first.overdue, first.items.length]).toEqual([5, 2, 2]);
    expect(first.items.map((i) => [i.kind, i.overdue, i.daysUntilDue])).toEqual([
      ['opp_due', true, -22],
      ['meeting_report', true, -1],
    ]);
    expect(first.items[1]).toMatchObject({ meetingId: f.meetingId, pupil: { id: w.ownPupil }, school: { id: w.schoolA1 } });
    expect(first.items[0]!.owner).toBeUndefined();
    const last = (await ib.get('/api/v1/tasks?pageSize=2&page=3')).json() as TTaskList;
    expect(last.items.map((i: TTask) => i.kind)).toEqual(['consent_expiring']);
    expect(last.items[0]!.dueOn).toBe(new Date(Date.parse(`${dutchDate()}T00:00:00Z`) + 21 * 86_400_000).toISOString().slice(0, 10));
    const past = (await ib.get('/api/v1/tasks?pageSize=2&page=9')).json() as TTaskList;
    expect([past.items.length, past.total, past.overdue]).toEqual([0, 5, 2]);
    const [audit] = await t.database.raw<{ details: Record<string, unknown> }>(
      `select details from audit_events where action = 'task.list' and actor_user_id = $1 order by seq desc limit 1`,
      [w.users.school_care_coordinator],
    );
    expect(audit!.details).toMatchObject({ total: 5, overdue: 2 });
  });

  it('a parent sees their own tasks, and no staff names anywhere', async () => {
    const parent = await t.signIn(w.emails.parent!, WORLD_PASSWORD);
    const res = await parent.get('/api/v1/tasks');
    const list = res.json() as TTaskList;
    expect(list.items.map((i) => i.kind)).toEqual(['action_item', 'consent_expiring']);
    expect(res.body).not.toMatch(/Test (school|swv|teacher|care)/);
    expect((await parent.get('/api/v1/tasks/team')).statusCode).toBe(403);
  });

  it('the team view: owners by name or as the school’s IB’ers, the summary, and the filters', async () => {
    const consultant = await t.signIn(w.emails.swv_consultant!, WORLD_PASSWORD);
    const all = (await consultant.get('/api/v1/tasks/team?pageSize=100')).json() as TTeamTasks;
    const unassigned = all.items.find((i) => i.requestId === f.unassignedRequestId)!;
    expect(unassigned.owner).toEqual({ kind: 'unassigned' });
    const tlv = all.items.find((i) => i.kind === 'tlv_reassess')!;
    expect(tlv.owner).toMatchObject({ kind: 'school', schoolId: w.schoolA2 });
    expect(tlv.detail).toBe('2024-0007');
    // what was said at a school's table stays there: no action titles for the SWV office
    expect(all.items.filter((i) => i.kind === 'action_item').map((i) => i.title)).toEqual([null, null]);
    expect(all.owners.find((o) => o.owner.kind === 'unassigned')).toEqual({ owner: { kind: 'unassigned' }, open: 1, overdue: 1 });

    const mine = (await consultant.get(`/api/v1/tasks/team?ownerId=${w.users.care_partner}`)).json() as TTeamTasks;
    expect(mine.items.map((i) => [i.kind, i.owner])).toEqual([['signal_trigger', { kind: 'user', id: w.users.care_partner, name: 'Test care_partner' }]]);
    // the summary still shows every owner, to pick another
    expect(mine.owners.length).toBe(all.owners.length);
    const none = (await consultant.get('/api/v1/tasks/team?ownerId=none')).json() as TTeamTasks;
    expect(none.items.map((i) => i.requestId)).toEqual([f.unassignedRequestId]);
    const a2 = (await consultant.get(`/api/v1/tasks/team?ownerId=school:${w.schoolA2}&kind=tlv_reassess`)).json() as TTeamTasks;
    expect(a2.items.map((i) => i.kind)).toEqual(['tlv_reassess']);
    const school = (await consultant.get(`/api/v1/tasks/team?schoolId=${w.schoolA2}`)).json() as TTeamTasks;
    expect(new Set(school.items.map((i) => i.school.id))).toEqual(new Set([w.schoolA2]));

    const ib = await t.signIn(w.emails.school_care_coordinator!, WORLD_PASSWORD);
    const own = (await ib.get('/api/v1/tasks/team?pageSize=100')).json() as TTeamTasks;
    expect(new Set(own.items.map((i) => i.school.id))).toEqual(new Set([w.schoolA1]));
    expect(own.items.find((i) => i.kind === 'action_item' && i.owner?.kind === 'user' && i.owner.id === w.users.teacher)?.title).toBe(
      'Leesplan afstemmen met de RT',
    );
    expect((await ib.get(`/api/v1/tasks/team?schoolId=${w.schoolA2}`)).statusCode).toBe(403);
  });

  it('refuses bad filters with the field and the rule', async () => {
    const consultant = await t.signIn(w.emails.swv_consultant!, WORLD_PASSWORD);
    for (const [q, field] of [
      ['kind=opp', 'kind'],
      ['ownerId=school:nope', 'ownerId'],
      ['ownerId=a%20b', 'ownerId'],
      ['schoolId=123', 'schoolId'],
      ['page=0', 'page'],
      ['pageSize=1000', 'pageSize'],
    ] as const) {
      const res = await consultant.get(`/api/v1/tasks/team?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.issues[0].field, q).toBe(field);
    }
    const res = await consultant.get(`/api/v1/tasks/team?schoolId=${w.a.swvId}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0]).toMatchObject({ field: 'schoolId', rule: 'unknown_school' });
  });
});

describe('GET and PUT /api/v1/me/digest', () => {
  it('is on unless turned off, and only changes the person’s own setting', async () => {
    const teacher = await t.signIn(w.emails.teacher!, WORLD_PASSWORD);
    expect((await teacher.get('/api/v1/me/digest')).json()).toEqual({ enabled: true });
    expect((await teacher.put('/api/v1/me/digest', { enabled: false })).json()).toEqual({ enabled: false });
    expect((await teacher.get('/api/v1/me/digest')).json()).toEqual({ enabled: false });
    const [row] = await t.database.raw<{ n: string }>('select count(*) as n from users where digest_opt_out');
    expect(Number(row!.n)).toBe(1);
    await teacher.put('/api/v1/me/digest', { enabled: true });
    expect((await teacher.get('/api/v1/me/digest')).json()).toEqual({ enabled: true });
  });
});
