import { openDb } from '../platform/db.js';
import { verifyAuditChains } from '../platform/audit.js';
import { readEnv } from '../platform/env.js';
import { join, resolve } from 'node:path';

/** `npm run audit:verify`: checks every region's hash chain; exits 1 on a break. */
const env = readEnv();
const database = await openDb({ url: env.DATABASE_URL, dataDir: join(resolve(env.DATA_DIR), 'pglite') });
try {
  const result = await verifyAuditChains(database.raw);
  for (const b of result.breaks) console.error(`BREAK region ${b.regionId} at seq ${b.seq}: ${b.problem}`);
  console.log(`${result.events} audit events in ${result.regions} regions checked; ${result.breaks.length ? `${result.breaks.length} chain(s) broken` : 'all chains intact'}.`);
  process.exitCode = result.breaks.length ? 1 : 0;
} finally {
  await database.close();
}
