import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import PgBoss from 'pg-boss';
import { ESCALATION_PLAN_QUEUE } from '../modules/absence/escalations.js';
import { DIGEST_PLAN_QUEUE } from '../modules/tasks/digest.js';
import { dutchDate } from '../modules/opps/clocks.js';
import { readEnv } from '../platform/env.js';

/**
 * `npm run jobs:digest`: plans today's digest e-mails and absence escalations now instead of at
 * 06:30 and 07:00 (for a check by hand, or a journey test). The running server's workers send
 * them, once per person (or case and step), region and day, exactly as on the schedule. On PostgreSQL the plan job is queued in pg-boss; on the embedded
 * database (held open by the server) the server is asked with SIGUSR2, by the pid it wrote.
 */
const env = readEnv();
const day = dutchDate();
if (env.DATABASE_URL) {
  const boss = new PgBoss({ connectionString: env.DATABASE_URL, schema: 'pgboss', max: 1, supervise: false, schedule: false, migrate: false });
  await boss.start();
  await boss.send(DIGEST_PLAN_QUEUE, { day });
  await boss.send(ESCALATION_PLAN_QUEUE, { day });
  await boss.stop({ graceful: false, wait: true });
  console.log(`Digests and absence escalations for ${day} queued; the server's workers send them.`);
} else {
  const file = join(resolve(env.DATA_DIR), 'server.pid');
  let pid: number;
  try {
    pid = Number(readFileSync(file, 'utf8'));
  } catch {
    throw new Error(`No running server found (${file}). Start it first: npm start`);
  }
  process.kill(pid, 'SIGUSR2');
  console.log(`Asked the server (pid ${pid}) to plan the digests and absence escalations for ${day}; mail lands in ${join(resolve(env.DATA_DIR), 'outbox')}.`);
}
