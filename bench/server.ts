import { buildApp } from '../src/server/app.js';
import { openDb } from '../src/server/platform/db.js';
import { startMailSink } from '../src/server/platform/dev-mail-sink.js';
import { createMailer } from '../src/server/platform/mail.js';

/**
 * The API as production runs it, in its own process (so the load generator does not share its
 * event loop): buildApp on PostgreSQL, no web app. Started by bench/run.ts; prints "ready".
 */
async function main() {
  const url = process.env.DATABASE_URL;
  const port = Number(process.env.PORT);
  if (!url || !port) throw new Error('DATABASE_URL and PORT are required');
  const database = await openDb({ url });
  const sink = await startMailSink();
  const mailer = createMailer(sink.url, 'Rondom bench <bench@rondom.test>');
  const app = await buildApp({
    database,
    mailer,
    secret: 'bench-secret-bench-secret-bench-secret-0123456789',
    publicUrl: `http://127.0.0.1:${port}`,
    logLevel: process.env.LOG_LEVEL ?? 'silent',
    signInRateLimit: 100,
  });
  await app.listen({ port, host: '127.0.0.1' });
  console.log('ready');
  const stop = async () => {
    await app.close();
    // better-auth may still finish a session write after the last answer
    await new Promise((r) => setTimeout(r, 300));
    mailer.close();
    await sink.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
