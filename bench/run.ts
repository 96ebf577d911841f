import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { listPupils, loadGuardians, loadPupil } from '../src/server/modules/pupils/queries.js';
import { loadDossier } from '../src/server/modules/dossiers/queries.js';
import { loadChildRelation } from '../src/server/modules/pupils/relation.js';
import { appendAudit } from '../src/server/platform/audit.js';
import { seedDossiers } from '../src/server/seed/dossiers.js';
import { seedMeetings } from '../src/server/seed/meetings.js';
import { seedAbsenceCases } from '../src/server/seed/absence.js';
import { loadFigures } from '../src/server/modules/absence/figures.js';
import { absenceSettings } from '../src/shared/absence.js';
import { addDays } from '../src/shared/school-year.js';
import { dutchDate } from '../src/server/modules/opps/clocks.js';
import { listTasks } from '../src/server/modules/tasks/queries.js';
import { inboxScope } from '../src/server/modules/tasks/scope.js';
import { seedSupport } from '../src/server/seed/support.js';
import { listRequests } from '../src/server/modules/support-requests/queries.js';
import { supportRequestPolicy } from '../src/server/policies/support-request.js';
import { type Database, openDb, type Tx } from '../src/server/platform/db.js';
import { pupilPolicy } from '../src/server/policies/pupil.js';
import type { TMemberActor } from '../src/server/platform/context.js';
import { addMembership, ensureAccount } from '../src/server/seed/accounts.js';
import { removeRegions, seedScale } from '../src/server/seed/cli.js';
import { freePort, startPostgres, type TPgServer } from './pg.js';
import { summariseProfile } from './profile.js';

/**
 * `npm run bench -- --scale region|national`: seeds the synthetic dataset on PostgreSQL, starts
 * the API in its own process, measures the hot pupil endpoints with autocannon next to the same
 * SQL through `pg`, writes bench/results/<scale>-<date>.json and prints the ratios.
 * Without DATABASE_URL it runs its own throw-away PostgreSQL server.
 */

const HERE = dirname(fileURLToPath(import.meta.url));
const PASSWORD = 'bench-password-123';
const log = (s: string) => console.log(`[bench] ${s}`);

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: 'region' },
    pupils: { type: 'string' },
    regions: { type: 'string' },
    'schools-per-region': { type: 'string' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '4' },
    iterations: { type: 'string', default: '2000' },
    // Node 20's parseArgs has no --no-… negation: spell the opt-out as its own flag
    'no-profile': { type: 'boolean', default: false },
    reset: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    'log-level': { type: 'string', default: 'silent' },
  },
});

const SCALES = {
  region: { regions: 1, pupils: 4000, schoolsPerRegion: 20 },
  national: { regions: 150, pupils: 2_500_000, schoolsPerRegion: undefined as number | undefined },
};
if (!(args.scale! in SCALES)) throw new Error('--scale must be region or national');
const scale = args.scale as keyof typeof SCALES;
const plan = {
  regions: Number(args.regions ?? SCALES[scale].regions),
  pupils: Number(args.pupils ?? SCALES[scale].pupils),
  schoolsPerRegion: args['schools-per-region'] ? Number(args['schools-per-region']) : SCALES[scale].schoolsPerRegion,
};
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const ITERATIONS = Number(args.iterations);
const PREFIX = `bench-${scale}`;

// ---------------------------------------------------------------------------------------------

function percentile(sorted: number[], q: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
function summary(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: round(percentile(s, 0.5)),
    p95: round(percentile(s, 0.95)),
    p99: round(percentile(s, 0.99)),
    mean: round(s.reduce((a, b) => a + b, 0) / (s.length || 1)),
  };
}

class CookieJar {
  private jar = new Map<string, string>();
  absorb(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [kv] = c.split(';');
      const i = kv!.indexOf('=');
      const name = kv!.slice(0, i).trim();
      const value = kv!.slice(i + 1).trim();
      if (!value || /max-age=0/i.test(c)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }
  get(name: string) {
    return this.jar.get(name);
  }
  header() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

async function signIn(base: string, email: string): Promise<string> {
  const jar = new CookieJar();
  jar.absorb(await fetch(`${base}/healthz`));
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: base,
      cookie: jar.header(),
      'x-csrf-token': jar.get('rondom_csrf') ?? '',
    },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  jar.absorb(res);
  const check = await fetch(`${base}/api/v1/me`, { headers: { cookie: jar.header() } });
  if (!check.ok) throw new Error(`session of ${email} does not work: ${check.status}`);
  return jar.header();
}

interface TCannonResult {
  name: string;
  path: string;
  actor: string;
  connections: number;
  durationSeconds: number;
  requests: number;
  non2xx: number;
  errors: number;
  reqPerSec: number;
  /** from the per-response times autocannon reports (every response), ms */
  measured: ReturnType<typeof summary>;
  /** autocannon's own histogram (it has no p95): ms */
  autocannon: { p50: number; p90: number; p97_5: number; p99: number; mean: number };
}

async function cannon(
  name: string,
  base: string,
  cookie: string,
  paths: string[],
  o: { duration: number; connections: number; actor: string },
): Promise<TCannonResult> {
  const samples: number[] = [];
  let i = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const inst = autocannon(
      {
        url: base,
        connections: o.connections,
        duration: o.duration,
        headers: { cookie },
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    inst.on('response', (_client, _status, _bytes, ms) => samples.push(ms));
  });
  const out: TCannonResult = {
    name,
    path: paths[0]!.replace(/[0-9a-f-]{36}/, ':id'),
    actor: o.actor,
    connections: o.connections,
    durationSeconds: o.duration,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    reqPerSec: round(result.requests.average, 1),
    measured: summary(samples),
    autocannon: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      mean: round(result.latency.mean),
    },
  };
  log(
    `${name.padEnd(26)} ${String(out.reqPerSec).padStart(7)} req/s  p50 ${out.measured.p50} ms  p95 ${out.measured.p95} ms  (autocannon p97.5 ${out.autocannon.p97_5} ms)  non-2xx ${out.non2xx}`,
  );
  if (out.non2xx || out.errors) log(`  !! ${out.non2xx} non-2xx answers, ${out.errors} errors`);
  return out;
}

/** A transaction-shaped executor over one `pg` client: runs the endpoint's own query functions without fastify, auth or drizzle's session. */
function pgExecutor(client: pg.Client): Tx {
  const dialect = new PgDialect();
  return {
    async execute(statement: SQL) {
      const q = dialect.sqlToQuery(statement);
      return client.query(q.sql, q.params as unknown[]);
    },
  } as unknown as Tx;
}

/** The SQL of one request as the app runs it: begin, tenant settings, the work, commit. */
async function timeSql(client: pg.Client, regionId: string, work: (tx: Tx, i: number) => Promise<unknown>, iterations: number) {
  const tx = pgExecutor(client);
  const samples: number[] = [];
  for (let i = 0; i < iterations + 50; i++) {
    const t0 = performance.now();
    await client.query('begin');
    await tx.execute(sql`select set_config('app.region_id', ${regionId}, true)`);
    await tx.execute(sql`set local role rondom_app`);
    await work(tx, i);
    await client.query('commit');
    if (i >= 50) samples.push(performance.now() - t0);
  }
  return summary(samples);
}

/** The query text and parameters a function sends, captured without running it. */
async function capture(fn: (tx: Tx) => Promise<unknown>): Promise<{ sql: string; params: unknown[] }[]> {
  const dialect = new PgDialect();
  const seen: { sql: string; params: unknown[] }[] = [];
  const tx = {
    async execute(statement: SQL) {
      const q = dialect.sqlToQuery(statement);
      seen.push({ sql: q.sql, params: q.params });
      return { rows: [] };
    },
  } as unknown as Tx;
  await fn(tx);
  return seen;
}

async function explain(client: pg.Client, regionId: string, statement: { sql: string; params: unknown[] }): Promise<string> {
  await client.query('begin');
  try {
    await client.query(`select set_config('app.region_id', $1, true)`, [regionId]);
    await client.query('set local role rondom_app');
    const res = await client.query(`explain (analyze, buffers, costs off) ${statement.sql}`, statement.params);
    return res.rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await client.query('rollback');
  }
}

async function startServer(url: string, port: number, nodeArgs: string[] = []): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', join(HERE, 'server.ts')], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), LOG_LEVEL: args['log-level'] },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`API server exited (${code}) before it was ready`)));
  });
  return child;
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Every statement one request sends to PostgreSQL, from the server log (log_statement = all for
 * the moment of the trace). Requests are separated by marker queries.
 */
async function traceStatements(
  server: TPgServer,
  url: string,
  base: string,
  requests: { label: string; path: string; cookie: string }[],
) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`alter system set log_statement = 'all'`);
  await admin.query('select pg_reload_conf()');
  await sleep(300);
  await admin.query(`select 'bench-marker-start'`);
  for (const r of requests) {
    const res = await fetch(`${base}${r.path}`, { headers: { cookie: r.cookie } });
    await res.text();
    await sleep(300);
    await admin.query(`select 'bench-marker-${r.label}'`);
  }
  await admin.query('alter system reset log_statement');
  await admin.query('select pg_reload_conf()');
  await admin.end();
  await sleep(300);
  const lines = readFileSync(server.logFile, 'utf8').split('\n');
  const out: Record<string, string[]> = {};
  let current: string | null = null;
  for (const line of lines) {
    const m = /LOG:\s+(?:statement|execute [^:]*):\s(.*)$/.exec(line);
    if (!m) continue;
    const text = m[1]!;
    const marker = /select 'bench-marker-([^']+)'/.exec(text);
    if (marker) {
      current =
        marker[1] === 'start'
          ? requests[0]!.label
          : (requests[requests.findIndex((r) => r.label === marker[1]) + 1]?.label ?? null);
      continue;
    }
    if (current && !/alter system|pg_reload_conf/.test(text)) {
      const list = out[current] ?? [];
      list.push(text.slice(0, 200));
      out[current] = list;
    }
  }
  return Object.fromEntries(requests.map((r) => [r.label, { statements: out[r.label]?.length ?? 0, sql: out[r.label] ?? [] }]));
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const t0 = performance.now();
  let server: TPgServer | null = null;
  let api: ChildProcess | null = null;
  let database: Database | null = null;
  const cleanup = () => {
    if (api && api.exitCode === null) api.kill('SIGTERM');
    server?.stop();
  };
  process.on('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  try {
    let url = process.env.DATABASE_URL;
    let pgVersion = 'from DATABASE_URL';
    let pgSettings: Record<string, string> = {};
    if (!url) {
      log('no DATABASE_URL: starting a throw-away PostgreSQL server');
      server = await startPostgres(log);
      url = server.url;
      pgVersion = server.version;
      pgSettings = server.settings;
      log(`${pgVersion} on ${url}`);
    }
    database = await openDb({ url });
    await database.migrate();

    // --- seed ---
    const existing = await database.raw<{ n: string }>('select count(*) as n from regions where slug like $1', [`${PREFIX}-%`]);
    let seedSeconds: number | null = null;
    if (Number(existing[0]!.n) > 0 && args.reuse) {
      log(`reusing ${existing[0]!.n} ${PREFIX} regions already in the database`);
    } else {
      if (Number(existing[0]!.n) > 0 && !args.reset)
        throw new Error(`${PREFIX} regions exist in this database: pass --reuse or --reset`);
      if (args.reset) await removeRegions(database, PREFIX);
      log(`seeding ${plan.regions} region(s), ${plan.pupils} pupils…`);
      const seeded = await seedScale(database, { ...plan, prefix: PREFIX, log: (s) => log(`  ${s}`) });
      seedSeconds = round(seeded.seconds, 1);
      log(`seeded in ${seedSeconds} s`);
    }
    const [region] = await database.raw<{ id: string; slug: string }>(
      'select id, slug from regions where slug like $1 order by slug limit 1',
      [`${PREFIX}-%`],
    );
    const [swv] = await database.raw<{ id: string }>(`select id from organisations where region_id = $1 and kind = 'swv'`, [
      region!.id,
    ]);
    const [school] = await database.raw<{ id: string }>(
      `select school_id as id from pupils where region_id = $1 group by school_id order by count(*) desc, school_id limit 1`,
      [region!.id],
    );
    const counts = (
      await database.raw<{ regions: string; pupils: string; guardians: string; region_pupils: string; school_pupils: string }>(
        `select (select count(*) from regions where slug like $3) as regions, (select count(*) from pupils) as pupils,
              (select count(*) from guardians) as guardians, (select count(*) from pupils where region_id = $1) as region_pupils,
              (select count(*) from pupils where region_id = $1 and school_id = $2) as school_pupils`,
        [region!.id, school!.id, `${PREFIX}-%`],
      )
    )[0]!;
    log(
      `dataset: ${counts.regions} regions, ${counts.pupils} pupils, ${counts.guardians} guardians; measured region ${region!.slug}: ${counts.region_pupils} pupils, school: ${counts.school_pupils}`,
    );

    // --- actors ---
    const consultantId = await ensureAccount(database, {
      name: 'Bench Consulent',
      email: `consultant@${PREFIX}.test`,
      password: PASSWORD,
    });
    const consultantMembership = await addMembership(database, {
      regionId: region!.id,
      userId: consultantId,
      role: 'swv_consultant',
      organisationId: swv!.id,
    });
    const ibId = await ensureAccount(database, { name: 'Bench IB', email: `ib@${PREFIX}.test`, password: PASSWORD });
    const ibMembership = await addMembership(database, {
      regionId: region!.id,
      userId: ibId,
      role: 'school_care_coordinator',
      organisationId: school!.id,
    });

    const regionIds = (
      await database.raw<{ id: string }>('select id from pupils where region_id = $1 order by md5(id::text) limit 1000', [
        region!.id,
      ])
    ).map((r) => r.id);
    const schoolIds = (
      await database.raw<{ id: string }>(
        'select id from pupils where region_id = $1 and school_id = $2 order by md5(id::text) limit 1000',
        [region!.id, school!.id],
      )
    ).map((r) => r.id);
    // a tenth of the pupils have a groeidocument (250 k at national scale): the measured region gets them here
    await seedDossiers(database, region!.id, 0.1);
    const dossierIds = (
      await database.raw<{ pupil_id: string }>(
        `select d.pupil_id from dossiers d join pupils p on p.region_id = d.region_id and p.id = d.pupil_id
          where d.region_id = $1 and p.school_id = $2 order by md5(d.pupil_id::text) limit 1000`,
        [region!.id, school!.id],
      )
    ).map((r) => r.pupil_id);
    // support requests: 3 % of every region's pupils (index sizes as nationally), and a busy SWV
    // in the measured region: a fifth of its pupils, several years of requests (~3,000 at national scale)
    const withoutRequests = await database.raw<{ id: string }>(
      `select r.id from regions r where r.slug like $1 and not exists (select 1 from support_requests s where s.region_id = r.id)`,
      [`${PREFIX}-%`],
    );
    for (const r of withoutRequests) await seedSupport(database, r.id, 0.03, [], consultantId);
    await seedSupport(database, region!.id, 0.2, [], consultantId);
    // meetings, regievoerders, action items and signaleringsplannen for half of those children
    const withoutMeetings = await database.raw<{ id: string }>(
      `select r.id from regions r where r.slug like $1 and not exists (select 1 from case_leads c where c.region_id = r.id)`,
      [`${PREFIX}-%`],
    );
    for (const r of withoutMeetings) await seedMeetings(database, r.id);
    // verzuim: ~0.4 % of every region's pupils with an open case and ~1.5 % with a closed one; the
    // measured region three times that (a region with a thuiszitter problem: ~200 open, ~750 closed)
    const [measuredAbsence] = await database.raw<{ n: number }>('select count(*)::int as n from absence_cases where region_id = $1', [region!.id]);
    if (!measuredAbsence!.n) await seedAbsenceCases(database, region!.id, { by: consultantId, openShare: 0.012, closedShare: 0.045 });
    const withoutAbsence = await database.raw<{ id: string }>(
      `select r.id from regions r where r.slug like $1 and not exists (select 1 from absence_cases c where c.region_id = r.id)`,
      [`${PREFIX}-%`],
    );
    for (const r of withoutAbsence) await seedAbsenceCases(database, r.id, { by: consultantId });
    const [absenceCount] = await database.raw<{ n: number; region_n: number; region_open: number }>(
      `select count(*)::int as n, count(*) filter (where region_id = $1)::int as region_n,
              count(*) filter (where region_id = $1 and closed_on is null)::int as region_open from absence_cases`,
      [region!.id],
    );
    log(`absence cases: ${absenceCount!.n} in all, ${absenceCount!.region_n} in the measured region (${absenceCount!.region_open} open)`);
    const [requestCount] = await database.raw<{ n: number; region_n: number }>(
      'select count(*)::int as n, count(*) filter (where region_id = $1)::int as region_n from support_requests',
      [region!.id],
    );
    log(`support requests: ${requestCount!.n} in all, ${requestCount!.region_n} in the measured region`);
    const [dossierCount] = await database.raw<{ n: number }>('select count(*)::int as n from dossiers');
    log(`dossiers: ${dossierCount!.n} in all, ${dossierIds.length} at the measured school`);
    const [common] = await database.raw<{ last_name: string; n: string }>(
      'select last_name, count(*) as n from pupils where region_id = $1 group by last_name order by count(*) desc, last_name limit 1',
      [region!.id],
    );
    const q = common!.last_name;
    log(`search word: "${q}" (${common!.n} pupils of the region have this last name)`);

    // --- the API in its own process ---
    const port = await freePort();
    api = await startServer(url, port);
    const base = `http://127.0.0.1:${port}`;
    const consultant = await signIn(base, `consultant@${PREFIX}.test`);
    const ib = await signIn(base, `ib@${PREFIX}.test`);

    const searchPath = `/api/v1/pupils?q=${encodeURIComponent(q)}`;
    const readPaths = regionIds.map((id) => `/api/v1/pupils/${id}`);
    const schoolReadPaths = schoolIds.map((id) => `/api/v1/pupils/${id}`);
    const dossierPaths = dossierIds.map((id) => `/api/v1/pupils/${id}/dossier`);
    // the SWV's list as people use it: the first page, a filter of each kind, the own queue, a later page
    const requestListPaths = [
      '/api/v1/support-requests',
      '/api/v1/support-requests?type=tlv',
      '/api/v1/support-requests?status=decided',
      `/api/v1/support-requests?schoolId=${school!.id}`,
      '/api/v1/support-requests?consultantId=me',
      '/api/v1/support-requests?type=arrangement&status=in_assessment',
      '/api/v1/support-requests?page=4',
    ];
    // the region's figures over the last twelve months, as the overview page opens
    const today = dutchDate();
    const figuresPeriod = { from: addDays(today, -365), to: today };
    const overviewPath = `/api/v1/absence/overview?from=${figuresPeriod.from}&to=${figuresPeriod.to}`;
    // warm up: JIT, connection pool, caches
    await cannon('warm-up', base, consultant, [...readPaths.slice(0, 200), searchPath], {
      duration: 3,
      connections: CONNECTIONS,
      actor: 'consultant',
    });

    const c = { connections: CONNECTIONS };
    const http = [
      await cannon('healthz (no auth)', base, '', ['/healthz'], { ...c, duration: 5, actor: 'anonymous' }),
      await cannon('me (auth only)', base, consultant, ['/api/v1/me'], { ...c, duration: 5, actor: 'consultant' }),
      await cannon('read, consultant', base, consultant, readPaths, { ...c, duration: DURATION, actor: 'consultant' }),
      await cannon('read, care coordinator', base, ib, schoolReadPaths, { ...c, duration: DURATION, actor: 'care coordinator' }),
      await cannon('dossier read, care coordinator', base, ib, dossierPaths, { ...c, duration: DURATION, actor: 'care coordinator' }),
      await cannon('dossier read, care coordinator, c=1', base, ib, dossierPaths, { connections: 1, duration: Math.max(3, DURATION / 2), actor: 'care coordinator' }),
      await cannon('request list, consultant', base, consultant, requestListPaths, { ...c, duration: DURATION, actor: 'consultant' }),
      await cannon('request list, care coordinator', base, ib, ['/api/v1/support-requests'], { ...c, duration: DURATION, actor: 'care coordinator' }),
      await cannon('inbox, consultant', base, consultant, ['/api/v1/tasks', '/api/v1/tasks?page=2'], { ...c, duration: DURATION, actor: 'consultant' }),
      await cannon('inbox, care coordinator', base, ib, ['/api/v1/tasks'], { ...c, duration: DURATION, actor: 'care coordinator' }),
      await cannon('absence overview, consultant', base, consultant, [overviewPath], { ...c, duration: DURATION, actor: 'consultant' }),
      await cannon('search, consultant', base, consultant, [searchPath], { ...c, duration: DURATION, actor: 'consultant' }),
      await cannon('search, care coordinator', base, ib, [searchPath], { ...c, duration: DURATION, actor: 'care coordinator' }),
      await cannon('read, consultant, c=1', base, consultant, readPaths, {
        connections: 1,
        duration: Math.max(3, DURATION / 2),
        actor: 'consultant',
      }),
    ];
    let trace: Awaited<ReturnType<typeof traceStatements>> | null = null;
    if (server) {
      trace = await traceStatements(server, url, base, [
        { label: 'read (consultant)', path: readPaths[0]!, cookie: consultant },
        { label: 'search (consultant)', path: searchPath, cookie: consultant },
        { label: 'me (auth only)', path: '/api/v1/me', cookie: consultant },
        { label: 'absence overview (consultant)', path: overviewPath, cookie: consultant },
      ]);
      for (const [k, v] of Object.entries(trace)) log(`statements per request, ${k}: ${v.statements}`);
    }
    await stopServer(api);
    api = null;

    // where the API process spends its CPU during reads (a separate run: profiling slows it down)
    let profile: ReturnType<typeof summariseProfile> | null = null;
    if (!args['no-profile']) {
      const dir = mkdtempSync(join(tmpdir(), 'rondom-bench-prof-'));
      api = await startServer(url, port, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
      const cookie = await signIn(base, `consultant@${PREFIX}.test`);
      await cannon('read, consultant (profiled)', base, cookie, readPaths, {
        connections: CONNECTIONS,
        duration: Math.max(3, DURATION / 2),
        actor: 'consultant',
      });
      await stopServer(api);
      api = null;
      const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
      if (file) {
        profile = summariseProfile(join(dir, file));
        log(
          `profile of reads: ${profile.busyPercent}% busy; inclusive: ${profile.inclusiveByPackage
            .slice(0, 8)
            .map((p) => `${p.name} ${p.percentOfBusy}%`)
            .join(', ')}`,
        );
      }
      rmSync(dir, { recursive: true, force: true });
    }

    // --- the same SQL through pg ---
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const actorOf = (userId: string, membershipId: string, role: 'swv_consultant' | 'school_care_coordinator', orgId: string) =>
      ({
        userId,
        membership: { id: membershipId, regionId: region!.id, role, organisationId: orgId, gemeenteId: null },
        // the inbox reads every membership of the person in the region
        memberships: [{ id: membershipId, regionId: region!.id, role, organisationId: orgId, gemeenteId: null }],
      }) as unknown as TMemberActor;
    const consultantActor = actorOf(consultantId, consultantMembership, 'swv_consultant', swv!.id);
    const ibActor = actorOf(ibId, ibMembership, 'school_care_coordinator', school!.id);
    const auditActor = (a: TMemberActor) => ({
      userId: a.userId,
      membershipId: a.membership.id,
      role: a.membership.role,
      organisationId: a.membership.organisationId,
    });
    const read = (a: TMemberActor, ids: string[], withAudit: boolean) => async (tx: Tx, i: number) => {
      const id = ids[i % ids.length]!;
      await loadPupil(tx, id, a);
      if (withAudit)
        await appendAudit(tx, region!.id, auditActor(a), {
          action: 'pupil.read',
          subjectType: 'pupil',
          subjectId: id,
          pupilId: id,
        });
      await loadGuardians(tx, id);
    };
    const search = (a: TMemberActor, withAudit: boolean) => async (tx: Tx) => {
      const { rows } = await listPupils(tx, pupilPolicy.scope(a), a.membership.organisationId, {
        q,
        page: 1,
        pageSize: 25,
      });
      if (withAudit)
        await appendAudit(tx, region!.id, auditActor(a), {
          action: 'pupil.list',
          subjectType: 'pupil',
          details: { results: rows.length, searched: true },
        });
    };
    const dossierRead = (a: TMemberActor, withAudit: boolean) => async (tx: Tx, i: number) => {
      const id = dossierIds[i % dossierIds.length]!;
      await loadChildRelation(tx, a, id);
      await loadDossier(tx, id, true);
      if (withAudit)
        await appendAudit(tx, region!.id, auditActor(a), { action: 'dossier.read', subjectType: 'dossier', subjectId: id, pupilId: id });
    };
    const requestFilters = [{}, { type: 'tlv' }, { status: 'decided' }, { schoolId: school!.id }, { consultantId: consultantId }, { type: 'arrangement', status: 'in_assessment' }, { page: 4 }] as const;
    const requestList = (a: TMemberActor, all: boolean, withAudit: boolean) => async (tx: Tx, i: number) => {
      const f = all ? requestFilters[i % requestFilters.length]! : {};
      const { rows } = await listRequests(tx, a, supportRequestPolicy.scope(a), { page: 1, pageSize: 25, ...f } as Parameters<typeof listRequests>[3]);
      if (withAudit)
        await appendAudit(tx, region!.id, auditActor(a), { action: 'support_request.list', subjectType: 'support_request', details: { results: rows.length } });
    };
    // the inbox as the route runs it: one union over every clock, then the audit append
    const inbox = (a: TMemberActor, withAudit: boolean) => async (tx: Tx, i: number) => {
      const { rows, total, overdue } = await listTasks(tx, inboxScope(a), { page: 1 + (i % 2), pageSize: 25 });
      if (withAudit)
        await appendAudit(tx, region!.id, auditActor(a), { action: 'task.list', subjectType: 'task', details: { results: rows.length, total, overdue } });
    };
    // the overview as the route runs it: one statement for every figure, then the audit append
    const figuresInput = { scope: { kind: 'region' as const }, def: absenceSettings(null).thuiszitter, ...figuresPeriod, today };
    const overview = (withAudit: boolean) => async (tx: Tx) => {
      const f = await loadFigures(tx, figuresInput);
      if (withAudit)
        await appendAudit(tx, region!.id, auditActor(consultantActor), {
          action: 'absence_figures.read',
          subjectType: 'absence_figures',
          details: { format: 'json', scope: 'region', anonymised: false, ...figuresPeriod, open: f.open.total, closed: f.closed.total },
        });
    };
    const raw = {
      'absence overview, consultant': await timeSql(client, region!.id, overview(false), Math.min(ITERATIONS, 500)),
      'absence overview, consultant, with audit': await timeSql(client, region!.id, overview(true), Math.min(ITERATIONS, 500)),
      'inbox, consultant': await timeSql(client, region!.id, inbox(consultantActor, false), ITERATIONS),
      'inbox, consultant, with audit': await timeSql(client, region!.id, inbox(consultantActor, true), ITERATIONS),
      'inbox, care coordinator': await timeSql(client, region!.id, inbox(ibActor, false), ITERATIONS),
      'request list, consultant': await timeSql(client, region!.id, requestList(consultantActor, true, false), ITERATIONS),
      'request list, consultant, with audit': await timeSql(client, region!.id, requestList(consultantActor, true, true), ITERATIONS),
      'request list, care coordinator': await timeSql(client, region!.id, requestList(ibActor, false, false), ITERATIONS),
      'read, consultant': await timeSql(client, region!.id, read(consultantActor, regionIds, false), ITERATIONS),
      'read, consultant, with audit': await timeSql(client, region!.id, read(consultantActor, regionIds, true), ITERATIONS),
      'read, care coordinator': await timeSql(client, region!.id, read(ibActor, schoolIds, false), ITERATIONS),
      'dossier read, care coordinator': await timeSql(client, region!.id, dossierRead(ibActor, false), ITERATIONS),
      'dossier read, care coordinator, with audit': await timeSql(client, region!.id, dossierRead(ibActor, true), ITERATIONS),
      'search, consultant': await timeSql(client, region!.id, search(consultantActor, false), ITERATIONS),
      'search, consultant, with audit': await timeSql(client, region!.id, search(consultantActor, true), ITERATIONS),
      'search, care coordinator': await timeSql(client, region!.id, search(ibActor, false), ITERATIONS),
      'audit append alone': await timeSql(
        client,
        region!.id,
        async (tx) => appendAudit(tx, region!.id, auditActor(consultantActor), { action: 'pupil.read', subjectType: 'pupil' }),
        ITERATIONS,
      ),
      'tenant tx alone (begin, set_config, set role, commit)': await timeSql(client, region!.id, async () => {}, ITERATIONS),
    };
    for (const [k, v] of Object.entries(raw)) log(`SQL ${k.padEnd(54)} p50 ${v.p50} ms  p95 ${v.p95} ms`);

    // query plans, in the tenant context
    const [readStmt] = await capture((tx) => loadPupil(tx, regionIds[0]!, consultantActor));
    const [searchStmt] = await capture((tx) =>
      listPupils(tx, pupilPolicy.scope(consultantActor), swv!.id, { q, page: 1, pageSize: 25 }),
    );
    const [ibSearchStmt] = await capture((tx) =>
      listPupils(tx, pupilPolicy.scope(ibActor), school!.id, { q, page: 1, pageSize: 25 }),
    );
    const [requestListStmt] = await capture((tx) =>
      listRequests(tx, consultantActor, supportRequestPolicy.scope(consultantActor), { page: 1, pageSize: 25 } as Parameters<typeof listRequests>[3]),
    );
    const [overviewStmt] = await capture(async (tx) => {
      // the capturing executor answers no rows: only the statement text is wanted
      await loadFigures(tx, figuresInput).catch(() => null);
    });
    const plans = {
      absenceOverview: await explain(client, region!.id, overviewStmt!),
      requestListConsultant: await explain(client, region!.id, requestListStmt!),
      read: await explain(client, region!.id, readStmt!),
      searchConsultant: await explain(client, region!.id, searchStmt!),
      searchCareCoordinator: await explain(client, region!.id, ibSearchStmt!),
    };
    const [auditCount] = (await client.query('select count(*)::int as n from audit_events where region_id = $1', [region!.id]))
      .rows;
    await client.end();

    // --- verdict ---
    const by = (name: string) => http.find((h) => h.name === name)!;
    const ratios = {
      'read, consultant: p95 / SQL p95': round(by('read, consultant').measured.p95 / raw['read, consultant'].p95),
      'read, consultant: p95 / SQL-with-audit p95': round(
        by('read, consultant').measured.p95 / raw['read, consultant, with audit'].p95,
      ),
      'read, consultant c=1: p95 / SQL p95': round(by('read, consultant, c=1').measured.p95 / raw['read, consultant'].p95),
      'read, consultant c=1: p95 / SQL-with-audit p95': round(
        by('read, consultant, c=1').measured.p95 / raw['read, consultant, with audit'].p95,
      ),
      'read, care coordinator: p95 / SQL p95': round(
        by('read, care coordinator').measured.p95 / raw['read, care coordinator'].p95,
      ),
      'dossier read: p95 / SQL p95': round(by('dossier read, care coordinator').measured.p95 / raw['dossier read, care coordinator'].p95),
      'dossier read: p95 / SQL-with-audit p95': round(
        by('dossier read, care coordinator').measured.p95 / raw['dossier read, care coordinator, with audit'].p95,
      ),
      'dossier read c=1: p95 / SQL-with-audit p95': round(
        by('dossier read, care coordinator, c=1').measured.p95 / raw['dossier read, care coordinator, with audit'].p95,
      ),
      'request list, consultant: p95 / SQL-with-audit p95': round(
        by('request list, consultant').measured.p95 / raw['request list, consultant, with audit'].p95,
      ),
      'inbox, consultant: p95 / SQL-with-audit p95': round(by('inbox, consultant').measured.p95 / raw['inbox, consultant, with audit'].p95),
      'absence overview: p95 / SQL-with-audit p95': round(
        by('absence overview, consultant').measured.p95 / raw['absence overview, consultant, with audit'].p95,
      ),
      'search, consultant: p95 / SQL p95': round(by('search, consultant').measured.p95 / raw['search, consultant'].p95),
      'search, care coordinator: p95 / SQL p95': round(
        by('search, care coordinator').measured.p95 / raw['search, care coordinator'].p95,
      ),
    };
    const budgets = [
      {
        check: 'request list p95 ≤ 50 ms (consultant, with filters)',
        value: by('request list, consultant').measured.p95,
        ok: by('request list, consultant').measured.p95 <= 50,
      },
      {
        check: 'request list p95 ≤ 50 ms (care coordinator)',
        value: by('request list, care coordinator').measured.p95,
        ok: by('request list, care coordinator').measured.p95 <= 50,
      },
      {
        check: 'inbox p95 ≤ 50 ms (consultant)',
        value: by('inbox, consultant').measured.p95,
        ok: by('inbox, consultant').measured.p95 <= 50,
      },
      {
        check: 'inbox p95 ≤ 50 ms (care coordinator)',
        value: by('inbox, care coordinator').measured.p95,
        ok: by('inbox, care coordinator').measured.p95 <= 50,
      },
      {
        check: 'absence overview p95 ≤ 200 ms (consultant, last 12 months)',
        value: by('absence overview, consultant').measured.p95,
        ok: by('absence overview, consultant').measured.p95 <= 200,
      },
      {
        check: 'read p95 ≤ 25 ms (consultant)',
        value: by('read, consultant').measured.p95,
        ok: by('read, consultant').measured.p95 <= 25,
      },
      {
        check: 'read p95 ≤ 25 ms (care coordinator)',
        value: by('read, care coordinator').measured.p95,
        ok: by('read, care coordinator').measured.p95 <= 25,
      },
      {
        check: 'read p95 ≤ 3× its SQL p95 (consultant, c=4)',
        value: ratios['read, consultant: p95 / SQL p95'],
        ok: ratios['read, consultant: p95 / SQL p95'] <= 3,
      },
      {
        check: 'dossier read p95 ≤ 25 ms (care coordinator)',
        value: by('dossier read, care coordinator').measured.p95,
        ok: by('dossier read, care coordinator').measured.p95 <= 25,
      },
      {
        check: 'dossier read p95 ≤ 3× its SQL p95 (with audit, c=4)',
        value: ratios['dossier read: p95 / SQL-with-audit p95'],
        ok: ratios['dossier read: p95 / SQL-with-audit p95'] <= 3,
      },
      {
        check: 'search p95 ≤ 50 ms (consultant)',
        value: by('search, consultant').measured.p95,
        ok: by('search, consultant').measured.p95 <= 50,
      },
      {
        check: 'search p95 ≤ 50 ms (care coordinator)',
        value: by('search, care coordinator').measured.p95,
        ok: by('search, care coordinator').measured.p95 <= 50,
      },
    ];
    console.log('\nratios (endpoint p95 / raw SQL p95):');
    for (const [k, v] of Object.entries(ratios)) console.log(`  ${k.padEnd(50)} ${v}×`);
    console.log('\nbudgets:');
    for (const b of budgets) console.log(`  ${b.ok ? 'PASS' : 'FAIL'}  ${b.check}: ${b.value}`);

    const date = new Date().toISOString().slice(0, 10);
    const file = join(HERE, 'results', `${scale}-${date}.json`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(
      file,
      `${JSON.stringify(
        {
          scale,
          date: new Date().toISOString(),
          machine: {
            cpus: cpus().length,
            cpuModel: cpus()[0]?.model,
            memoryGb: round(totalmem() / 2 ** 30, 1),
            node: process.version,
          },
          postgres: { version: pgVersion, settings: pgSettings },
          dataset: {
            planned: plan,
            regions: Number(counts.regions),
            pupils: Number(counts.pupils),
            guardians: Number(counts.guardians),
            measuredRegion: region!.slug,
            regionPupils: Number(counts.region_pupils),
            schoolPupils: Number(counts.school_pupils),
            seedSeconds,
            searchWord: q,
            searchWordPupils: Number(common!.n),
            auditEventsAfter: auditCount?.n,
            supportRequests: requestCount!.n,
            regionSupportRequests: requestCount!.region_n,
            absenceCases: absenceCount!.n,
            regionAbsenceCases: absenceCount!.region_n,
            regionOpenAbsenceCases: absenceCount!.region_open,
          },
          method: {
            http: `autocannon ${DURATION} s per endpoint (5 s for healthz/me), ${CONNECTIONS} connections, loopback; API in its own Node process, log level ${args['log-level']}. p50/p95 computed from every response time autocannon reports ('response' event); autocannon's own histogram has no p95 and is listed as is (p90/p97.5).`,
            sql: `${ITERATIONS} iterations (after 50 warm-up) on one pg connection, sequential: begin; set_config('app.region_id'); set local role rondom_app; the endpoint's own query functions (loadPupil + loadGuardians, or listPupils), optionally with appendAudit; commit. Timed from begin to commit.`,
          },
          http,
          sql: raw,
          ratios,
          budgets,
          plans,
          statementsPerRequest: trace,
          profile,
          totalSeconds: round((performance.now() - t0) / 1000, 1),
        },
        null,
        2,
      )}\n`,
    );
    console.log(`\nwritten ${file}`);
  } finally {
    await database?.close();
    cleanup();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
