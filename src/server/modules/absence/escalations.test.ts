import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TAbsenceSettings } from '../../../shared/absence.js';
import { startJobs, type TJobQueue } from '../../platform/jobs.js';
import type { Mailer } from '../../platform/mail.js';
import { withTenant } from '../../platform/tenancy.js';
import { createTestApp, type TTestApp } from '../../testing/app.js';
import { buildWorld, type TWorld } from '../../testing/world.js';
import {
  ESCALATION_PLAN_QUEUE,
  ESCALATION_QUEUE,
  escalationJobs,
  planEscalations,
  runEscalations,
  type TEscalationContext,
  type TEscalationJob,
} from './escalations.js';

let t: TTestApp;
let w: TWorld;
let ctx: TEscalationContext;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.database);
  ctx = { database: t.database, mailer: t.app.ctx.mailer, publicUrl: t.app.ctx.publicUrl };
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.database.raw('delete from absence_cases');
  await t.database.raw(`update regions set settings = settings - 'absence'`);
  await t.database.raw(`update users set locale = 'nl'`);
});

/** The mail's text: quoted-printable undone, as UTF-8. */
const plain = (raw: string) =>
  Buffer.from(raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))), 'latin1')
    .toString('utf8')
    .replace(/\r/g, '');
const since = (n: number) => t.mail.received.slice(n).map(plain);
const to = (mails: string[], email: string) => mails.filter((m) => new RegExp(`^To: .*${email.replace(/[.+]/g, '\\$&')}`, 'mi').test(m));

const run = (day: string, regionId = w.a.regionId) => withTenant(t.database.db, regionId, (tx) => runEscalations(ctx, tx, { regionId, day }));

async function openCase(o: {
  pupil?: string;
  regionId?: string;
  openedOn?: string;
  kind?: string;
  startedOn?: string;
  owner?: string | null;
  plan?: string | null;
  nextDate?: string | null;
  offerFrom?: string | null;
}) {
  const regionId = o.regionId ?? w.a.regionId;
  const pupil = o.pupil ?? w.ownPupil;
  const by = regionId === w.a.regionId ? w.users.school_care_coordinator : w.users.b_consultant;
  const [c] = await t.database.raw<{ id: string }>(
    `insert into absence_cases (region_id, pupil_id, opened_on, opened_by, owner_user_id, plan, next_date, offer_from)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [regionId, pupil, o.openedOn ?? '2026-03-01', by, o.owner ?? null, o.plan ?? null, o.nextDate ?? null, o.offerFrom ?? null],
  );
  await t.database.raw(
    `insert into absence_episodes (region_id, case_id, pupil_id, kind, started_on, reason_ids, created_by) values ($1, $2, $3, $4, $5, '{psychisch}', $6)`,
    [regionId, c!.id, pupil, o.kind ?? 'long_relative', o.startedOn ?? o.openedOn ?? '2026-03-01', by],
  );
  return c!.id;
}
const setAbsence = (regionId: string, s: Partial<TAbsenceSettings>) =>
  t.database.raw(`update regions set settings = settings || jsonb_build_object('absence', $2::jsonb) where id = $1`, [regionId, JSON.stringify(s)]);
const notices = (caseId: string) =>
  t.database.raw<{ key: string; kind: string; due_on: string; recipients: string[] }>(
    `select key, kind, due_on::text, recipients from absence_notices where case_id = $1 order by sent_at, key`,
    [caseId],
  );
/** The region's active consultants: told when no coordinator is named. */
const consultantsOf = (regionId: string) =>
  t.database.raw<{ name: string; email: string }>(
    `select u.name, u.email from users u where u.deactivated_at is null and exists
       (select 1 from memberships m where m.user_id = u.id and m.region_id = $1 and m.role = 'swv_consultant' and m.ended_at is null) order by u.name`,
    [regionId],
  );

describe('the escalation ladder, on fixed dates', () => {
  it('fires each step on its day only, once; without a coordinator every consultant is told', async () => {
    const caseId = await openCase({});
    const consultants = await consultantsOf(w.a.regionId);
    expect(await run('2026-03-14')).toMatchObject({ escalations: 0, mails: 0 });
    const before = t.mail.received.length;
    expect(await run('2026-03-15')).toMatchObject({ escalations: 1, mails: consultants.length });
    // run twice: told once
    expect(await run('2026-03-15')).toMatchObject({ escalations: 0, mails: 0 });
    expect(await run('2026-03-16')).toMatchObject({ escalations: 0, mails: 0 });
    expect(await notices(caseId)).toEqual([{ key: 'no_plan', kind: 'escalation', due_on: '2026-03-15', recipients: consultants.map((c) => c.name) }]);
    const mails = since(before);
    expect(mails).toHaveLength(consultants.length);
    const mail = to(mails, w.emails.swv_consultant!)[0]!;
    expect(mail).toContain('2 weken zonder plan: de coördinator thuiszitters wordt ingeschakeld');
    expect(mail).toContain(`${t.app.ctx.publicUrl}/verzuim/${caseId}`);
    expect(mail).toContain('een leerling');
    const [p] = await t.database.raw<{ first_name: string; last_name: string }>('select first_name, last_name from pupils where id = $1', [w.ownPupil]);
    expect(mail).not.toContain(p!.first_name);
    expect(mail).not.toContain(p!.last_name);
    const [audit] = await t.database.raw<{ n: string }>(`select count(*) as n from audit_events where action = 'absence.escalated' and subject_id = $1`, [caseId]);
    expect(Number(audit!.n)).toBe(1);

    // three months out of education: the breakthrough approach; no contact set, so the consultants, told why
    expect(await run('2026-05-31')).toMatchObject({ escalations: 0 });
    const later = t.mail.received.length;
    expect(await run('2026-06-01')).toMatchObject({ escalations: 1 });
    const breakthrough = to(since(later), w.emails.swv_consultant!)[0]!;
    expect(breakthrough).toContain('3 maanden zonder onderwijsaanbod: doorbraakaanpak');
    expect(breakthrough).toContain('geen escalatiecontactpersoon ingesteld');
    expect((await notices(caseId)).map((n) => n.key)).toEqual(['no_plan', 'no_offer']);
  });

  it('tells the named coordinator alone, and the escalation contact in Dutch and English', async () => {
    await t.database.raw(`update users set locale = 'en' where id = $1`, [w.users.swv_consultant]);
    await setAbsence(w.a.regionId, {
      coordinatorUserId: w.users.swv_consultant,
      escalationContact: { name: 'Escalatieteam Regio', email: 'escalatie@gemeente.test' },
    });
    const caseId = await openCase({ openedOn: '2026-01-05' });
    const before = t.mail.received.length;
    expect(await run('2026-04-06')).toMatchObject({ escalations: 2, mails: 2 });
    const mails = since(before);
    expect(mails).toHaveLength(2);
    const coordinator = to(mails, w.emails.swv_consultant!)[0]!;
    expect(coordinator).toContain('2 weeks without a plan: the thuiszitter coordinator is called in');
    const contact = to(mails, 'escalatie@gemeente.test')[0]!;
    expect(contact).toContain('3 maanden zonder onderwijsaanbod: doorbraakaanpak');
    expect(contact).toContain('3 months without an education offer: breakthrough approach');
    expect(contact).toContain(`/verzuim/${caseId}`);
    expect(await notices(caseId)).toEqual([
      { key: 'no_offer', kind: 'escalation', due_on: '2026-04-05', recipients: ['Escalatieteam Regio <escalatie@gemeente.test>'] },
      { key: 'no_plan', kind: 'escalation', due_on: '2026-01-19', recipients: ['Test swv_consultant'] },
    ].sort((a, b) => a.key.localeCompare(b.key)));
  });

  it('a plan in time stops the first step; an offer stops the second', async () => {
    const withPlan = await openCase({ plan: 'Gesprek met ouders en school, daarna deeltijd terug' });
    expect(await run('2026-03-20')).toMatchObject({ escalations: 0 });
    await t.database.raw('update absence_cases set offer_from = $2 where id = $1', [withPlan, '2026-05-15']);
    expect(await run('2026-06-10')).toMatchObject({ escalations: 0 });
    expect(await notices(withPlan)).toEqual([]);
    // an exemption stops the count: the "no offer" step counts from the opening then
    const exempt = await openCase({ pupil: w.selfPupil, kind: 'exemption_5a', plan: 'Vrijstelling loopt' });
    expect(await run('2026-05-31')).toMatchObject({ escalations: 0 });
    expect((await notices(exempt)).map((n) => n.key)).toEqual([]);
  });

  it('each region only its own cases and its own consultants', async () => {
    const a = await openCase({});
    const b = await openCase({ regionId: w.b.regionId, pupil: w.otherRegionPupil });
    const before = t.mail.received.length;
    expect(await run('2026-03-15')).toMatchObject({ escalations: 1 });
    expect((await notices(a)).length).toBe(1);
    expect((await notices(b)).length).toBe(0);
    expect(to(since(before), w.emails.b_consultant!)).toHaveLength(0);
    expect(await run('2026-03-15', w.b.regionId)).toMatchObject({ escalations: 1 });
    expect((await notices(b))[0]!.recipients).toEqual((await consultantsOf(w.b.regionId)).map((c) => c.name));
    expect(to(since(before), w.emails.b_consultant!)).toHaveLength(1);
    expect(to(since(before), w.emails.swv_consultant!)).toHaveLength(1);
  });

  it('a passed next date reminds the owner once per date, again when a moved date passes', async () => {
    const caseId = await openCase({ owner: w.users.school_care_coordinator, plan: 'Plan', nextDate: '2026-03-10', offerFrom: '2026-03-02' });
    expect(await run('2026-03-10')).toMatchObject({ reminders: 0 });
    const before = t.mail.received.length;
    expect(await run('2026-03-11')).toMatchObject({ reminders: 1, mails: 1 });
    expect(await run('2026-03-12')).toMatchObject({ reminders: 0, mails: 0 });
    const mail = to(since(before), w.emails.school_care_coordinator!);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toContain('10 maart 2026');
    expect(mail[0]).toContain(`/verzuim/${caseId}`);
    await t.database.raw(`update absence_cases set next_date = '2026-03-20' where id = $1`, [caseId]);
    expect(await run('2026-03-20')).toMatchObject({ reminders: 0 });
    expect(await run('2026-03-21')).toMatchObject({ reminders: 1 });
    expect((await notices(caseId)).map((n) => [n.key, n.kind, n.recipients])).toEqual([
      ['next_date:2026-03-10', 'next_date_passed', ['Test school_care_coordinator']],
      ['next_date:2026-03-20', 'next_date_passed', ['Test school_care_coordinator']],
    ]);
    // without an owner the coordinator hears of it, and why
    await setAbsence(w.a.regionId, { coordinatorUserId: w.users.swv_consultant });
    await t.database.raw(`update absence_cases set owner_user_id = null, next_date = '2026-03-25' where id = $1`, [caseId]);
    const later = t.mail.received.length;
    expect(await run('2026-03-26')).toMatchObject({ reminders: 1, mails: 1 });
    expect(to(since(later), w.emails.swv_consultant!)[0]).toContain('geen eigenaar');
  });

  it('a mail that fails records nothing, so the next run tells them after all', async () => {
    const caseId = await openCase({});
    const broken = { ...ctx, mailer: { send: async () => { throw new Error('smtp down'); }, close: () => undefined } as unknown as Mailer };
    const out = await withTenant(t.database.db, w.a.regionId, (tx) => runEscalations(broken, tx, { regionId: w.a.regionId, day: '2026-03-15' }));
    expect(out).toMatchObject({ escalations: 0, failed: 1, error: 'Error' });
    expect(await notices(caseId)).toEqual([]);
    expect(await run('2026-03-16')).toMatchObject({ escalations: 1, failed: 0 });
    expect((await notices(caseId)).map((n) => n.due_on)).toEqual(['2026-03-15']);
  });

  it('ignores closed cases', async () => {
    const caseId = await openCase({ nextDate: '2026-03-05' });
    await t.database.raw(`update absence_cases set closed_on = '2026-03-06', close_reason = 'back_at_school' where id = $1`, [caseId]);
    expect(await run('2026-07-01')).toEqual({ escalations: 0, reminders: 0, mails: 0, failed: 0 });
    expect(await notices(caseId)).toEqual([]);
  });

  it('plans one run per region and day', async () => {
    const jobs: TEscalationJob[] = [];
    const queue: TJobQueue = {
      send: async () => null,
      insert: async (name, items) => {
        expect(name).toBe(ESCALATION_QUEUE);
        for (const i of items) {
          expect(i.singletonKey).toBe(`${(i.data as TEscalationJob).regionId}:2026-03-15`);
          jobs.push(i.data as TEscalationJob);
        }
      },
    };
    await planEscalations(ctx, queue, '2026-03-15');
    expect(jobs.map((j) => j.regionId)).toEqual(expect.arrayContaining([w.a.regionId, w.b.regionId]));
  });

  it('runs through pg-boss on the embedded database: a second plan for the day tells nobody again', async () => {
    const a = await openCase({});
    const b = await openCase({ regionId: w.b.regionId, pupil: w.otherRegionPupil });
    const jobs = await startJobs({ database: t.database, definitions: escalationJobs(ctx), log: { info: () => undefined, error: () => undefined }, pollingIntervalSeconds: 0.5 });
    try {
      const before = t.mail.received.length;
      await jobs.queue.send(ESCALATION_PLAN_QUEUE, { day: '2026-03-15' });
      for (let i = 0; i < 200; i++) {
        const [c] = await t.database.raw<{ n: string }>('select count(*) as n from absence_notices where case_id in ($1, $2)', [a, b]);
        if (Number(c!.n) >= 2) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect((await notices(a)).length).toBe(1);
      expect((await notices(b)).length).toBe(1);
      const expected = (await consultantsOf(w.a.regionId)).length + (await consultantsOf(w.b.regionId)).length;
      // the mails go after the rows, in the same run: wait for them too
      for (let i = 0; i < 50 && t.mail.received.length - before < expected; i++) await new Promise((r) => setTimeout(r, 100));
      expect(t.mail.received.length - before).toBe(expected);
      await jobs.queue.send(ESCALATION_PLAN_QUEUE, { day: '2026-03-15' });
      await new Promise((r) => setTimeout(r, 3000));
      expect(t.mail.received.length - before).toBe(expected);
    } finally {
      await jobs.stop();
    }
  }, 60_000);
});
