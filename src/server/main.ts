import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { buildApp } from './app.js';
import { openDb } from './platform/db.js';
import { startMailSink } from './platform/dev-mail-sink.js';
import { readEnv } from './platform/env.js';
import { startJobs } from './platform/jobs.js';
import { createMailer } from './platform/mail.js';
import { DIGEST_PLAN_QUEUE, digestJobs } from './modules/tasks/digest.js';
import { ESCALATION_PLAN_QUEUE, escalationJobs } from './modules/absence/escalations.js';
import { dutchDate } from './modules/opps/clocks.js';
import { DEMO_ACCOUNTS_DOC, seedDemoRegion } from './seed/demo.js';

/** A stable development secret kept beside the embedded database, never in the repository. */
function devSecret(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, '.auth-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

async function main() {
  const env = readEnv();
  const dataDir = resolve(env.DATA_DIR);
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  if (env.NODE_ENV === 'production' && !env.AUTH_SECRET) throw new Error('AUTH_SECRET is required in production');
  const secret = env.AUTH_SECRET ?? devSecret(dataDir);

  const database = await openDb({ url: env.DATABASE_URL, dataDir: join(dataDir, 'pglite') });
  await database.migrate();
  const seeded = await seedDemoRegion(database);

  let smtpUrl = env.SMTP_URL;
  let sink: Awaited<ReturnType<typeof startMailSink>> | undefined;
  if (!smtpUrl) {
    sink = await startMailSink(join(dataDir, 'outbox'));
    smtpUrl = sink.url;
  }
  const mailer = createMailer(smtpUrl, env.MAIL_FROM);
  const app = await buildApp({
    database,
    mailer,
    secret,
    publicUrl,
    logLevel: env.LOG_LEVEL,
    signInRateLimit: env.SIGN_IN_RATE_LIMIT,
    webDir: resolve(env.WEB_DIR),
  });
  await app.listen({ port: env.PORT, host: env.HOST });

  // after listen: the site answers while pg-boss sets up its schema on a first start
  const definitions = [...digestJobs(app.ctx), ...escalationJobs(app.ctx)];
  const jobs =
    env.JOBS === 'on'
      ? await startJobs({ database, databaseUrl: env.DATABASE_URL, definitions, log: app.log }).catch((err: Error) => {
          // the site keeps serving; the log says why there are no digests
          app.log.error({ err: { name: err.name, message: err.message } }, 'jobs could not start');
          return null;
        })
      : null;
  // `npm run jobs:digest` (scripts/digest-now.ts) signals this process to plan today's digests
  // and absence escalations now (each once per day, however often it is asked)
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, 'server.pid'), String(process.pid));
  process.on('SIGUSR2', () => {
    if (!jobs) return console.log('JOBS=off: no digests or escalations planned');
    const day = dutchDate();
    Promise.all([jobs.queue.send(DIGEST_PLAN_QUEUE, { day }), jobs.queue.send(ESCALATION_PLAN_QUEUE, { day })]).then(
      () => console.log('digests and absence escalations for today planned'),
      (err: Error) => console.error(`planning digests or escalations failed: ${err.message}`),
    );
  });

  const where = database.kind === 'pglite' ? `embedded database in ${join(dataDir, 'pglite')}` : 'PostgreSQL (DATABASE_URL)';
  console.log(`\nRondom is running at ${publicUrl}  (${where})`);
  console.log(seeded ? 'Demo region created.' : 'Demo region already present.');
  console.log(`Demo accounts: ${DEMO_ACCOUNTS_DOC}`);
  if (sink) console.log(`Mail is delivered over SMTP to a local sink; messages are saved in ${join(dataDir, 'outbox')}`);
  console.log(jobs ? 'Background jobs are on (the digest e-mail goes out every morning at 06:30, absence escalations at 07:00).' : 'Background jobs are off (JOBS=off).');

  const stop = async () => {
    await jobs?.stop();
    await app.close();
    mailer.close();
    await sink?.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
