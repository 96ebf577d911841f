import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startJobs, type TJobQueue } from '../../platform/jobs.js';
import { withTenant } from '../../platform/tenancy.js';
import { createTestApp, type TTestApp } from '../../testing/app.js';
import { buildWorld, type TWorld } from '../../testing/world.js';
import { addMembership } from '../../seed/accounts.js';
import { DIGEST_PLAN_QUEUE, DIGEST_SEND_QUEUE, digestJobs, planDigests, sendDigest, type TDigestContext, type TDigestJob } from './digest.js';
import { seedTasks, TASK_DAY } from './fixtures.js';

let t: TTestApp;
let w: TWorld;
let ctx: TDigestContext;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.database);
  ctx = { database: t.database, mailer: t.app.ctx.mailer, publicUrl: t.app.ctx.publicUrl };
});
afterAll(() => t.close());
beforeEach(async () => {
  await seedTasks(w, t);
  await t.database.raw('delete from digest_sends');
  await t.database.raw('update users set digest_opt_out = false');
});

/** The mail's text: quoted-printable undone, as UTF-8. */
const plain = (raw: string) =>
  Buffer.from(raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))), 'latin1').toString('utf8');
const mailsTo = (email: string) => t.mail.received.map(plain).filter((m) => new RegExp(`^To: ${email}`, 'mi').test(m));

/** Plans the day as the schedule would, keeping the queued jobs instead of handing them to pg-boss. */
async function plan(day = TASK_DAY): Promise<TDigestJob[]> {
  const jobs: TDigestJob[] = [];
  const queue: TJobQueue = {
    send: async () => null,
    insert: async (name, items) => {
      expect(name).toBe(DIGEST_SEND_QUEUE);
      for (const i of items) {
        expect(i.singletonKey).toBe(`${(i.data as TDigestJob).regionId}:${(i.data as TDigestJob).userId}:${day}`);
        jobs.push(i.data as TDigestJob);
      }
    },
  };
  await planDigests(ctx, queue, day);
  return jobs;
}
const run = (job: TDigestJob) => withTenant(t.database.db, job.regionId, (tx) => sendDigest(ctx, tx, job));
const jobFor = (jobs: TDigestJob[], userId: string, regionId = w.a.regionId) => jobs.find((j) => j.userId === userId && j.regionId === regionId)!;

describe('the daily digest', () => {
  it('run twice, sends exactly one mail: counts per kind, the late first, a link, and no child', async () => {
    const jobs = await plan();
    const ib = jobFor(jobs, w.users.school_care_coordinator);
    expect(await run(ib)).toBe('sent');
    expect(await run(ib)).toBe('already_sent');
    const mails = mailsTo(w.emails.school_care_coordinator!);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail).toContain('Subject: Rondom: uw taken voor vandaag (5, waarvan 2 te laat)');
    const body = mail.slice(mail.indexOf('Goedemorgen'));
    const late = body.slice(body.indexOf('Te laat (2):'), body.indexOf('Binnenkort')).replace(/\r/g, '');
    expect(late.split('\n').filter((l) => l.startsWith('- ')).sort()).toEqual(['- OPP opstellen: 1', '- Verslag van een overleg afmaken: 1']);
    expect(body).toMatch(/Binnenkort \(3\):\s+- (Aanvraag oppakken|Arrangement evalueren|Toestemming loopt bijna af): 1/);
    expect(body).toContain(`${t.app.ctx.publicUrl}/taken`);
    const names = await t.database.raw<{ first_name: string; last_name: string }>('select first_name, last_name from pupils where id = any($1)', [
      [w.ownPupil, w.selfPupil],
    ]);
    for (const p of names) {
      expect(mail).not.toContain(p.first_name);
      expect(mail).not.toContain(p.last_name);
    }
    const [row] = await t.database.raw<{ task_count: number }>('select task_count from digest_sends where user_id = $1', [w.users.school_care_coordinator]);
    expect(row!.task_count).toBe(5);
    const [audit] = await t.database.raw<{ n: string }>(`select count(*) as n from audit_events where action = 'task.digest_sent' and subject_id = $1`, [
      w.users.school_care_coordinator,
    ]);
    expect(Number(audit!.n)).toBe(1);
  });

  it('no mail without tasks (the day is still marked), in the person’s language', async () => {
    const jobs = await plan();
    const before = t.mail.received.length;
    expect(await run(jobFor(jobs, w.users.school_director))).toBe('no_tasks');
    expect(t.mail.received.length).toBe(before);
    const [row] = await t.database.raw<{ task_count: number }>('select task_count from digest_sends where user_id = $1', [w.users.school_director]);
    expect(row!.task_count).toBe(0);
    await t.database.raw(`update users set locale = 'en' where id = $1`, [w.users.swv_expert]);
    expect(await run(jobFor(jobs, w.users.swv_expert))).toBe('sent');
    expect(mailsTo(w.emails.swv_expert!).at(-1)).toContain('Subject: Rondom: your tasks for today (1)');
    await t.database.raw(`update users set locale = 'nl' where id = $1`, [w.users.swv_expert]);
  });

  it('opted-out people get none: not planned, and not sent when they opted out after the plan', async () => {
    await t.database.raw('update users set digest_opt_out = true where id = $1', [w.users.teacher]);
    const jobs = await plan();
    expect(jobs.some((j) => j.userId === w.users.teacher)).toBe(false);
    expect(jobs.some((j) => j.userId === w.users.parent)).toBe(true);
    await t.database.raw('update users set digest_opt_out = true where id = $1', [w.users.parent]);
    const before = mailsTo(w.emails.parent!).length;
    expect(await run(jobFor(jobs, w.users.parent))).toBe('skipped');
    expect(mailsTo(w.emails.parent!).length).toBe(before);
  });

  it('a person in two regions gets one mail per region, each about that region', async () => {
    // the care partner also works in region B, where an action from a meeting waits on them
    await addMembership(t.database, { regionId: w.b.regionId, userId: w.users.care_partner, role: 'care_partner', organisationId: w.b.partnerIds[0]! });
    const [m] = await t.database.raw<{ id: string }>(
      `insert into meetings (region_id, pupil_id, school_id, kind, status, starts_at, organiser_id, created_by)
       select region_id, id, school_id, 'ot', 'closed', '2026-03-03T10:00:00+01:00', $2, $2 from pupils where id = $1 returning id`,
      [w.otherRegionPupil, w.users.b_consultant],
    );
    await t.database.raw(
      `insert into action_items (region_id, meeting_id, pupil_id, title, owner_id, due_on, created_by) values ($1, $2, $3, 'Wachtlijst nabellen', $4, '2026-03-12', $5)`,
      [w.b.regionId, m!.id, w.otherRegionPupil, w.users.care_partner, w.users.b_consultant],
    );
    const jobs = await plan();
    const mine = jobs.filter((j) => j.userId === w.users.care_partner);
    expect(mine.map((j) => j.regionId).sort()).toEqual([w.a.regionId, w.b.regionId].sort());
    for (const j of mine) expect(await run(j)).toBe('sent');
    for (const j of mine) expect(await run(j)).toBe('already_sent');
    const mails = mailsTo(w.emails.care_partner!);
    expect(mails).toHaveLength(2);
    // buildWorld names the regions "Regio A w" and "Regio B w"
    expect(mails.filter((x) => x.includes('Rondom (Regio A w)'))).toHaveLength(1);
    expect(mails.filter((x) => x.includes('Rondom (Regio B w)'))).toHaveLength(1);
  });

  it('runs through pg-boss on the embedded database: a second plan for the day sends nothing more', async () => {
    const jobs = await startJobs({ database: t.database, definitions: digestJobs(ctx), log: { info: () => undefined, error: () => undefined }, pollingIntervalSeconds: 0.5 });
    try {
      const recipients = (await plan()).length;
      await t.database.raw('delete from digest_sends');
      const before = t.mail.received.length;
      const ibBefore = mailsTo(w.emails.school_care_coordinator!).length;
      const settled = async () => {
        for (let i = 0; i < 200; i++) {
          const [c] = await t.database.raw<{ n: string }>('select count(*) as n from digest_sends');
          if (Number(c!.n) >= recipients) return;
          await new Promise((r) => setTimeout(r, 100));
        }
        throw new Error('the digests did not all run');
      };
      await jobs.queue.send(DIGEST_PLAN_QUEUE, { day: TASK_DAY });
      await settled();
      // one mail for every region and person with tasks: in region A the IB'er, teacher, parent,
      // consultant, expert and care partner
      const [withTasks] = await t.database.raw<{ n: string }>('select count(*) as n from digest_sends where task_count > 0');
      const sent = t.mail.received.length - before;
      expect(sent).toBe(Number(withTasks!.n));
      expect(sent).toBeGreaterThanOrEqual(6);
      expect(mailsTo(w.emails.school_care_coordinator!)).toHaveLength(ibBefore + 1);
      await jobs.queue.send(DIGEST_PLAN_QUEUE, { day: TASK_DAY });
      await new Promise((r) => setTimeout(r, 3000));
      expect(t.mail.received.length - before).toBe(sent);
    } finally {
      await jobs.stop();
    }
  }, 60_000);
});
