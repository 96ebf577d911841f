import { type SQL, sql } from 'drizzle-orm';
import type { TTaskKind } from '../../../shared/meeting.js';
import { INBOX_PATH, taskKindKey } from '../../../shared/tasks.js';
import { appendAudit } from '../../platform/audit.js';
import { type Database, query, type Tx } from '../../platform/db.js';
import { pickLocale, t, type TLocale } from '../../platform/i18n.js';
import { type TJobDefinition, type TJobQueue, tenantJob } from '../../platform/jobs.js';
import type { Mailer } from '../../platform/mail.js';
import { withTenant } from '../../platform/tenancy.js';
import { dutchDate } from '../opps/clocks.js';
import { countTasksByKind, ownerScope } from './queries.js';

/**
 * The daily e-mail with one's open tasks (PRODUCT.md module 17). A planner, on a schedule, queues
 * one job per region and person; that job sends at most one mail per region, person and day: the
 * row in digest_sends is written first, in the region's tenant transaction, and only a new row
 * leads to a mail. The mail says how many tasks of each kind wait, never about which child.
 */
export const DIGEST_PLAN_QUEUE = 'digest-plan';
export const DIGEST_SEND_QUEUE = 'digest-send';
/** Every morning at 06:30 Dutch time, before the school day starts. */
export const DIGEST_CRON = '30 6 * * *';

export interface TDigestContext {
  database: Database;
  mailer: Mailer;
  publicUrl: string;
}

export interface TDigestJob {
  regionId: string;
  userId: string;
  /** The Dutch calendar day the digest is for (YYYY-MM-DD). */
  day: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const BATCH = 500;

/** Who gets a digest in the current region: an active membership, not deactivated, not opted out. */
export async function digestRecipients(tx: Tx): Promise<string[]> {
  const rows = await query<{ id: string }>(
    tx,
    sql`select u.id from users u
         where u.deactivated_at is null and not u.digest_opt_out
           and exists (select 1 from memberships m where m.user_id = u.id and m.ended_at is null)
         order by u.id`,
  );
  return rows.map((r) => r.id);
}

/** Queues the day's digests: one job per region and recipient, keyed so a second plan adds none. */
export async function planDigests(ctx: TDigestContext, queue: TJobQueue, day: string): Promise<number> {
  // the one cross-region step: the list of regions; each region's people are read in its own tenant
  const regions = await ctx.database.raw<{ id: string }>('select id from regions order by id');
  let planned = 0;
  for (const { id: regionId } of regions) {
    const users = await withTenant(ctx.database.db, regionId, (tx) => digestRecipients(tx));
    // queued outside the tenant transaction: on PGlite pg-boss shares the one connection
    for (let i = 0; i < users.length; i += BATCH) {
      const jobs = users.slice(i, i + BATCH).map((userId) => ({
        data: { regionId, userId, day } satisfies TDigestJob,
        singletonKey: `${regionId}:${userId}:${day}`,
        singletonSeconds: 24 * 60 * 60,
      }));
      await queue.insert(DIGEST_SEND_QUEUE, jobs);
    }
    planned += users.length;
  }
  return planned;
}

export type TDigestOutcome = 'sent' | 'no_tasks' | 'skipped' | 'already_sent';

/**
 * One person's digest for one region and day, inside that region's tenant transaction. The mail
 * goes last: if it fails, the transaction (and its digest_sends row) rolls back and pg-boss retries.
 */
export async function sendDigest(ctx: TDigestContext, tx: Tx, job: TDigestJob): Promise<TDigestOutcome> {
  if (!DAY.test(job.day)) throw new Error('digest job without a valid day');
  const fresh = await query(
    tx,
    sql`insert into digest_sends (region_id, user_id, day, task_count) values (${job.regionId}, ${job.userId}, ${job.day}::date, 0)
        on conflict do nothing returning user_id`,
  );
  if (fresh.length === 0) return 'already_sent';
  const [user] = await query<{ name: string; email: string; locale: string; region_name: string }>(
    tx,
    sql`select u.name, u.email, u.locale, (select r.name from regions r where r.id = ${job.regionId}) as region_name
          from users u
         where u.id = ${job.userId} and u.deactivated_at is null and not u.digest_opt_out
           and exists (select 1 from memberships m where m.user_id = u.id and m.ended_at is null)`,
  );
  // opted out, deactivated or gone since the plan: nothing today (the row says it was handled)
  if (!user) return 'skipped';
  const today: SQL = sql`${job.day}::date`;
  const counts = await countTasksByKind(tx, await ownerScope(tx, job.userId), today);
  const total = counts.reduce((n, c) => n + c.open, 0);
  const overdue = counts.reduce((n, c) => n + c.overdue, 0);
  await query(tx, sql`update digest_sends set task_count = ${total} where region_id = ${job.regionId} and user_id = ${job.userId} and day = ${job.day}::date`);
  if (total === 0) return 'no_tasks';
  await appendAudit(
    tx,
    job.regionId,
    { userId: null, membershipId: null, role: null, organisationId: null },
    { action: 'task.digest_sent', subjectType: 'user', subjectId: job.userId, details: { day: job.day, tasks: total, overdue } },
  );
  await ctx.mailer.send({ to: user.email, ...digestMail(pickLocale(user.locale), { ...user, publicUrl: ctx.publicUrl, counts, total, overdue }) });
  return 'sent';
}

/** The mail: counts per kind, what is late first; a link to the inbox; no child, no names but the reader's. */
export function digestMail(
  locale: TLocale,
  d: { name: string; region_name: string; publicUrl: string; counts: { kind: TTaskKind; open: number; overdue: number }[]; total: number; overdue: number },
): { subject: string; text: string } {
  const tr = (key: string, params: Record<string, unknown> = {}) => t(locale, `tasks.digest.${key}`, params);
  const line = (kind: TTaskKind, count: number) => `- ${t(locale, taskKindKey(kind))}: ${count}`;
  const late = d.counts.filter((c) => c.overdue > 0).sort((a, b) => b.overdue - a.overdue);
  const soon = d.counts.filter((c) => c.open > c.overdue).sort((a, b) => b.open - b.overdue - (a.open - a.overdue));
  const lines = [
    tr('greeting', { name: d.name }),
    '',
    tr('intro', { count: d.total, region: d.region_name }),
    ...(d.overdue > 0 ? ['', tr('lateHeading', { count: d.overdue }), ...late.map((c) => line(c.kind, c.overdue))] : []),
    ...(soon.length ? ['', tr('soonHeading', { count: d.total - d.overdue }), ...soon.map((c) => line(c.kind, c.open - c.overdue))] : []),
    '',
    tr('link', { url: `${d.publicUrl}${INBOX_PATH}` }),
    '',
    '--',
    tr('footer', { url: `${d.publicUrl}/account` }),
  ];
  return {
    subject: d.overdue > 0 ? tr('subjectLate', { count: d.total, overdue: d.overdue }) : tr('subject', { count: d.total }),
    text: lines.join('\n'),
  };
}

/** The digest's two queues: the morning plan (across regions), and one send per region and person. */
export function digestJobs(ctx: TDigestContext): TJobDefinition[] {
  return [
    {
      queue: DIGEST_PLAN_QUEUE,
      cron: DIGEST_CRON,
      retryLimit: 2,
      async run(data, queue) {
        // from the schedule: today; when queued by hand (scripts/digest-now.ts) it may name the day
        const day = typeof data.day === 'string' && DAY.test(data.day) ? data.day : dutchDate();
        await planDigests(ctx, queue, day);
      },
    },
    tenantJob<TDigestJob & Record<string, unknown>>(ctx.database, DIGEST_SEND_QUEUE, async (tx, data) => {
      await sendDigest(ctx, tx, data);
    }),
  ];
}
