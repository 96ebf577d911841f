import PgBoss from 'pg-boss';
import type { Database, Tx } from './db.js';
import { withTenant } from './tenancy.js';

/**
 * Background jobs on pg-boss 10, in the application's own database (schema `pgboss`). On
 * PostgreSQL pg-boss keeps a small pool of its own; on PGlite (one connection, in-process) it goes
 * through the same client: parameterless SQL (its migrations, several statements) to `exec`,
 * parameterised SQL to `query`. Every tenant job carries its region and runs inside that region's
 * tenant transaction; every job is idempotent, so a retry or a second run does no harm.
 */

export interface TJobLog {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** What a handler may do besides its own work: queue further jobs (never inside a transaction on PGlite). */
export interface TJobQueue {
  send(queue: string, data: object, options?: PgBoss.SendOptions): Promise<string | null>;
  insert(queue: string, jobs: { data: object; singletonKey?: string; singletonSeconds?: number }[]): Promise<void>;
}

export interface TJobDefinition {
  queue: string;
  /** Run on a schedule (cron in Europe/Amsterdam), with `{}` as its data. */
  cron?: string;
  /** How many times pg-boss retries a failed run (with backoff). */
  retryLimit?: number;
  run(data: Record<string, unknown>, jobs: TJobQueue): Promise<void>;
}

/** A job about one region: `regionId` is in its data, and it runs inside withTenant for that region. */
export function tenantJob<T extends { regionId: string }>(
  database: Database,
  queue: string,
  handler: (tx: Tx, data: T) => Promise<void>,
  o: { retryLimit?: number } = {},
): TJobDefinition {
  return {
    queue,
    retryLimit: o.retryLimit,
    async run(data) {
      const regionId = data.regionId;
      if (typeof regionId !== 'string') throw new Error(`job ${queue} has no regionId`);
      await withTenant(database.db, regionId, (tx) => handler(tx, data as T));
    },
  };
}

export interface TJobs {
  boss: PgBoss;
  queue: TJobQueue;
  stop(): Promise<void>;
}

const SCHEMA = 'pgboss';

/** pg-boss's view of our database: its own pool on PostgreSQL, the shared client on PGlite. */
function bossOptions(database: Database, url: string | undefined): PgBoss.ConstructorOptions {
  if (database.kind === 'postgres' && url) return { connectionString: url, max: 3, schema: SCHEMA, application_name: 'rondom-jobs' };
  const lite = database.pglite;
  return {
    schema: SCHEMA,
    db: {
      async executeSql(text: string, values?: unknown[]) {
        if (values && values.length > 0) return { rows: await database.raw(text, values) };
        if (lite) {
          // several statements in one string (pg-boss's migrations): the rows of the last one
          const results = await lite.exec(text);
          return { rows: results.at(-1)?.rows ?? [] };
        }
        return { rows: (await database.raw(text)) ?? [] };
      },
    },
  };
}

/**
 * Starts pg-boss: creates the queues, registers the schedules and the workers. `work: false`
 * only creates queues and schedules (tests that drive jobs by hand).
 */
export async function startJobs(o: {
  database: Database;
  databaseUrl?: string;
  definitions: TJobDefinition[];
  log: TJobLog;
  work?: boolean;
  pollingIntervalSeconds?: number;
}): Promise<TJobs> {
  const boss = new PgBoss({
    ...bossOptions(o.database, o.databaseUrl),
    // the embedded database is one connection for everything: keep pg-boss's own traffic low
    maintenanceIntervalSeconds: 300,
  });
  boss.on('error', (err) => o.log.error({ err: { name: err.name, message: err.message } }, 'jobs: pg-boss error'));
  await boss.start();
  const queue: TJobQueue = {
    send: (name, data, options = {}) => boss.send(name, data, options),
    insert: (name, jobs) => boss.insert(jobs.map((j) => ({ name, ...j }))),
  };
  for (const d of o.definitions) {
    await boss.createQueue(d.queue, { name: d.queue, retryLimit: d.retryLimit ?? 3, retryDelay: 60, retryBackoff: true });
    if (d.cron) await boss.schedule(d.queue, d.cron, {}, { tz: 'Europe/Amsterdam' });
    if (o.work === false) continue;
    await boss.work<Record<string, unknown>>(d.queue, { pollingIntervalSeconds: o.pollingIntervalSeconds ?? 2 }, async (batch) => {
      for (const job of batch) {
        try {
          await d.run(job.data ?? {}, queue);
        } catch (err) {
          // ids only: a job's data never holds more than ids and a day
          o.log.error({ queue: d.queue, jobId: job.id, err: { name: (err as Error).name, message: (err as Error).message } }, 'jobs: run failed');
          throw err;
        }
      }
    });
  }
  o.log.info({ queues: o.definitions.map((d) => d.queue) }, 'jobs: started');
  return { boss, queue, stop: () => boss.stop({ graceful: true, timeout: 10_000 }) };
}
