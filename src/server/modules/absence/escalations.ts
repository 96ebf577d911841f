import { sql } from 'drizzle-orm';
import {
  absenceSettings,
  countingSince,
  dueSteps,
  type TAbsenceSettings,
  type TCaseFacts,
  type TEpisodeFacts,
  type TLadderStep,
} from '../../../shared/absence.js';
import { appendAudit } from '../../platform/audit.js';
import { type Database, query, type Tx } from '../../platform/db.js';
import { pickLocale } from '../../platform/i18n.js';
import type { TJobDefinition, TJobQueue } from '../../platform/jobs.js';
import type { Mailer } from '../../platform/mail.js';
import { withTenant } from '../../platform/tenancy.js';
import { dutchDate } from '../opps/clocks.js';
import { noticeMail, type TNoticeMailFacts } from './escalations-mail.js';

/**
 * The escalation ladder as a daily job (PRODUCT.md module 8, ADR 013). Every morning a planner
 * queues one job per region; that job, in the region's tenant transaction, works out for each
 * open case which ladder steps have come due (shared/absence.ts dueSteps) and whether its next
 * date has passed, and records each in absence_notices. The unique (region, case, key) makes it
 * idempotent: only a row actually inserted leads to a mail, so a second run (or a retry) tells
 * nobody twice. A step that stays due is recorded on the first run that sees it, so a day the job
 * did not run is made up the next day.
 */
export const ESCALATION_PLAN_QUEUE = 'absence-escalations-plan';
export const ESCALATION_QUEUE = 'absence-escalations';
/** Every morning at 07:00 Dutch time, after the digest (06:30). */
export const ESCALATION_CRON = '0 7 * * *';

export interface TEscalationContext {
  database: Database;
  mailer: Mailer;
  publicUrl: string;
}

export interface TEscalationJob {
  regionId: string;
  /** The Dutch calendar day the job runs for (YYYY-MM-DD). */
  day: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Queues the day's runs: one per region, keyed so a second plan that day adds none. */
export async function planEscalations(ctx: TEscalationContext, queue: TJobQueue, day: string): Promise<number> {
  const regions = await ctx.database.raw<{ id: string }>('select id from regions order by id');
  await queue.insert(
    ESCALATION_QUEUE,
    regions.map(({ id }) => ({ data: { regionId: id, day } satisfies TEscalationJob, singletonKey: `${id}:${day}`, singletonSeconds: 24 * 60 * 60 })),
  );
  return regions.length;
}

interface TOpenCase extends TCaseFacts {
  id: string;
  pupilId: string;
  episodes: TEpisodeFacts[];
  /** Keys of the notices recorded on earlier runs. */
  recorded: string[];
}

interface TPerson {
  name: string;
  email: string;
  locale: string | null;
  external: boolean;
}

/** A notice the job may record: a ladder step, or the next-date reminder (keyed by that date). */
export interface TDueNotice {
  key: string;
  kind: 'escalation' | 'next_date_passed';
  dueOn: string;
  step: TLadderStep | null;
}

/** What is due on `today` for one open case; pure, so tests can hold it to fixed dates. */
export function dueNotices(settings: TAbsenceSettings, c: TOpenCase, today: string): TDueNotice[] {
  const since = countingSince(c.episodes, settings.thuiszitter, today);
  const steps: TDueNotice[] = dueSteps(settings.ladder, c, since, today).map(({ step, dueOn }) => ({ key: step.key, kind: 'escalation', dueOn, step }));
  if (!c.closedOn && c.nextDate && c.nextDate < today) {
    steps.push({ key: `next_date:${c.nextDate}`, kind: 'next_date_passed', dueOn: c.nextDate, step: null });
  }
  return steps;
}

async function openCases(tx: Tx): Promise<TOpenCase[]> {
  return query<TOpenCase>(
    tx,
    sql`select c.id, c.pupil_id as "pupilId", c.opened_on::text as "openedOn", null as "closedOn", c.owner_user_id as "ownerUserId", c.plan,
               c.next_date::text as "nextDate", c.offer_from::text as "offerFrom",
               coalesce((select json_agg(json_build_object('kind', e.kind, 'startedOn', e.started_on::text, 'endedOn', e.ended_on::text))
                           from absence_episodes e where e.region_id = c.region_id and e.case_id = c.id), '[]'::json) as episodes,
               array(select n.key from absence_notices n where n.region_id = c.region_id and n.case_id = c.id) as recorded
          from absence_cases c
         where c.closed_on is null
         order by c.opened_on, c.id`,
  );
}

const personCols = sql`u.name, u.email, u.locale, false as external`;

/** The coordinator; if none is set (or they left), every active consultant of the region. */
async function findCoordinators(tx: Tx, settings: TAbsenceSettings): Promise<TPerson[]> {
  const consultant = sql`u.deactivated_at is null
    and exists (select 1 from memberships m where m.user_id = u.id and m.role = 'swv_consultant' and m.ended_at is null)`;
  if (settings.coordinatorUserId) {
    const named = await query<TPerson>(tx, sql`select ${personCols} from users u where u.id = ${settings.coordinatorUserId} and ${consultant}`);
    if (named.length) return named;
  }
  return query<TPerson>(tx, sql`select ${personCols} from users u where ${consultant} order by u.name, u.id`);
}

/** An owner still at work in the region (an active membership), or nobody. */
async function owner(tx: Tx, userId: string | null): Promise<TPerson[]> {
  if (!userId) return [];
  return query<TPerson>(
    tx,
    sql`select ${personCols} from users u where u.id = ${userId} and u.deactivated_at is null
          and exists (select 1 from memberships m where m.user_id = u.id and m.ended_at is null)`,
  );
}

async function recipientsFor(
  tx: Tx,
  settings: TAbsenceSettings,
  coordinators: () => Promise<TPerson[]>,
  c: TOpenCase,
  n: TDueNotice,
): Promise<{ people: TPerson[]; standIn: TNoticeMailFacts['standIn'] }> {
  if (n.kind === 'next_date_passed') {
    const own = await owner(tx, c.ownerUserId);
    return own.length ? { people: own, standIn: null } : { people: await coordinators(), standIn: 'no_owner' };
  }
  if (n.step?.target === 'escalation_contact') {
    const contact = settings.escalationContact;
    if (contact) return { people: [{ name: contact.name, email: contact.email, locale: null, external: true }], standIn: null };
    return { people: await coordinators(), standIn: 'no_contact' };
  }
  return { people: await coordinators(), standIn: null };
}

export interface TEscalationOutcome {
  escalations: number;
  reminders: number;
  mails: number;
  /** Notices whose mail failed: not recorded, so a retry (or tomorrow) tries them again. */
  failed: number;
  /** The kind of the first failure (a name only: SMTP messages may hold addresses). */
  error?: string;
}

/**
 * One region's run for `job.day`, inside its tenant transaction. Each notice has its own savepoint:
 * the row first, the mails after it; a mail that fails undoes that notice only.
 */
export async function runEscalations(ctx: TEscalationContext, tx: Tx, job: TEscalationJob): Promise<TEscalationOutcome> {
  if (!DAY.test(job.day)) throw new Error('escalation job without a valid day');
  const [region] = await query<{ name: string; absence: Partial<TAbsenceSettings> | null }>(
    tx,
    sql`select name, settings->'absence' as absence from regions where id = ${job.regionId}`,
  );
  if (!region) return { escalations: 0, reminders: 0, mails: 0, failed: 0 };
  const settings = absenceSettings(region.absence);
  const out: TEscalationOutcome = { escalations: 0, reminders: 0, mails: 0, failed: 0 };
  // looked up once per run, and only when a notice needs them
  let known: Promise<TPerson[]> | undefined;
  const coordinators = () => (known ??= findCoordinators(tx, settings));
  for (const c of await openCases(tx)) {
    // most due steps were recorded on an earlier day: skip them before looking up anyone
    for (const n of dueNotices(settings, c, job.day).filter((x) => !c.recorded.includes(x.key))) {
      const { people, standIn } = await recipientsFor(tx, settings, coordinators, c, n);
      const names = people.map((p) => (p.external ? `${p.name} <${p.email}>` : p.name));
      try {
        const sent = await tx.transaction(async (sp) => {
          const fresh = await query(
            sp as Tx,
            sql`insert into absence_notices (region_id, case_id, kind, key, due_on, recipients)
                values (${job.regionId}, ${c.id}, ${n.kind}, ${n.key}, ${n.dueOn}::date, ${sql`array[${sql.join(
                  names.map((x) => sql`${x}`),
                  sql`, `,
                )}]::text[]`})
                on conflict do nothing returning id`,
          );
          if (fresh.length === 0) return null;
          await appendAudit(
            sp as Tx,
            job.regionId,
            { userId: null, membershipId: null, role: null, organisationId: null },
            { action: n.kind === 'escalation' ? 'absence.escalated' : 'absence.next_date_reminded', subjectType: 'absence_case', subjectId: c.id, pupilId: c.pupilId, details: { key: n.key, recipients: people.length } },
          );
          const facts: TNoticeMailFacts = {
            kind: n.kind,
            step: n.step,
            dueOn: n.dueOn,
            caseUrl: `${ctx.publicUrl}/verzuim/${c.id}`,
            region: region.name,
            standIn,
            external: false,
          };
          for (const p of people) {
            await ctx.mailer.send({ to: p.email, ...noticeMail(pickLocale(p.locale), { ...facts, external: p.external }, p.name) });
          }
          return people.length;
        });
        // recorded on an earlier run: nobody is told again
        if (sent === null) continue;
        out[n.kind === 'escalation' ? 'escalations' : 'reminders'] += 1;
        out.mails += sent;
      } catch (err) {
        out.failed += 1;
        out.error ??= (err as Error).name;
      }
    }
  }
  return out;
}

/** The ladder's two queues: the morning plan (across regions) and one run per region and day. */
export function escalationJobs(ctx: TEscalationContext): TJobDefinition[] {
  return [
    {
      queue: ESCALATION_PLAN_QUEUE,
      cron: ESCALATION_CRON,
      retryLimit: 2,
      async run(data, queue) {
        // from the schedule: today; by hand (SIGUSR2, scripts/digest-now.ts) it may name the day
        const day = typeof data.day === 'string' && DAY.test(data.day) ? data.day : dutchDate();
        await planEscalations(ctx, queue, day);
      },
    },
    {
      queue: ESCALATION_QUEUE,
      retryLimit: 3,
      async run(data) {
        const job = data as unknown as TEscalationJob;
        if (typeof job.regionId !== 'string') throw new Error(`job ${ESCALATION_QUEUE} has no regionId`);
        const out = await withTenant(ctx.database.db, job.regionId, (tx) => runEscalations(ctx, tx, job));
        // what went out is committed; pg-boss retries the run for the mails that failed
        if (out.failed > 0) throw new Error(`${out.failed} absence notices could not be sent (${out.error})`);
      },
    },
  ];
}
