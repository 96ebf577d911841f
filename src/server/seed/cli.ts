import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type Database, openDb } from '../platform/db.js';
import { generateRegion } from './generate.js';

/**
 * Synthetic data at scale: `npm run seed -- --regions 150 --pupils 2500000`. Regions are named
 * `<prefix>-001…` (prefix `bench` by default) so a second run can find — and refuse, or with
 * `--reset` remove — what an earlier run made. Seeding writes as the database owner, which must be
 * a superuser (or have BYPASSRLS): every tenant table has forced row-level security.
 */

export interface TScaleSpec {
  regions: number;
  /** pupils over all regions */
  pupils: number;
  /** default: about 280 pupils per school, as in Dutch primary education */
  schoolsPerRegion?: number;
  prefix?: string;
  reset?: boolean;
  /** regions generated at the same time (each on its own connection) */
  concurrency?: number;
  log?: (line: string) => void;
}

export interface TScaleResult {
  regions: { slug: string; regionId: string; swvId: string; schoolIds: string[] }[];
  pupils: number;
  guardians: number;
  seconds: number;
}

export const PUPILS_PER_SCHOOL = 280;

async function existingRegions(database: Database, prefix: string) {
  return database.raw<{ id: string; slug: string }>(`select id, slug from regions where slug like $1 order by slug`, [
    `${prefix}-%`,
  ]);
}

/**
 * Removes the prefix's regions and everything in them. The audit trail is append-only (a trigger
 * refuses deletes); synthetic regions' trails go too, so triggers are switched off for this
 * transaction only (session_replication_role: superuser).
 */
export async function removeRegions(database: Database, prefix: string): Promise<number> {
  const regions = await existingRegions(database, prefix);
  if (!regions.length) return 0;
  const ids = regions.map((r) => r.id);
  const tables = await database.raw<{ relname: string }>(
    `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attname = 'region_id' and not a.attisdropped
      where n.nspname = 'public' and c.relkind = 'r'`,
  );
  const statements = [
    'begin',
    'set local session_replication_role = replica',
    ...tables.map((t) => `delete from "${t.relname}" where region_id = any('{${ids.join(',')}}'::uuid[])`),
    `delete from regions where id = any('{${ids.join(',')}}'::uuid[])`,
    'commit',
  ];
  await database.exec(statements.join(';\n'));
  return regions.length;
}

/** Seeds `regions` regions with `pupils` pupils between them. Refuses when the prefix is taken, unless `reset`. */
export async function seedScale(database: Database, spec: TScaleSpec): Promise<TScaleResult> {
  const prefix = spec.prefix ?? 'bench';
  const log = spec.log ?? (() => {});
  const found = await existingRegions(database, prefix);
  if (found.length) {
    if (!spec.reset)
      throw new Error(
        `${found.length} regions named ${prefix}-… exist already (e.g. ${found[0]!.slug}); run with --reset to replace them`,
      );
    const t0 = performance.now();
    const n = await removeRegions(database, prefix);
    log(`removed ${n} earlier ${prefix} regions in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const perRegion = Math.floor(spec.pupils / spec.regions);
  const schools = spec.schoolsPerRegion ?? Math.max(2, Math.round(perRegion / PUPILS_PER_SCHOOL));
  const started = performance.now();
  const out: TScaleResult['regions'] = [];
  let pupils = 0;
  let next = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= spec.regions) return;
      const count = perRegion + (i < spec.pupils % spec.regions ? 1 : 0);
      const slug = `${prefix}-${String(i + 1).padStart(3, '0')}`;
      const g = await generateRegion(database, {
        slug,
        name: `Bench regio ${i + 1}`,
        schools,
        pupils: count,
        gemeenten: Math.max(2, Math.round(schools / 20)),
        seed: 1000 + i,
      });
      out.push({ slug, regionId: g.regionId, swvId: g.swvId, schoolIds: g.schools.map((s) => s.id) });
      pupils += count;
      const s = (performance.now() - started) / 1000;
      log(
        `${slug}: ${count} pupils, ${schools} schools — ${out.length}/${spec.regions} regions, ${pupils} pupils in ${s.toFixed(1)} s (${Math.round(pupils / s)} pupils/s)`,
      );
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, spec.concurrency ?? 2) }, worker));
  // fresh statistics: the planner must know the tables are large now
  await database.exec('analyze');
  const [g] = await database.raw<{ n: string }>(`select count(*) as n from guardians where region_id = any($1::uuid[])`, [
    out.map((r) => r.regionId),
  ]);
  out.sort((a, b) => a.slug.localeCompare(b.slug));
  return { regions: out, pupils, guardians: Number(g?.n ?? 0), seconds: (performance.now() - started) / 1000 };
}

async function main() {
  const { values } = parseArgs({
    options: {
      regions: { type: 'string', default: '1' },
      pupils: { type: 'string', default: '4000' },
      'schools-per-region': { type: 'string' },
      prefix: { type: 'string', default: 'bench' },
      reset: { type: 'boolean', default: false },
      concurrency: { type: 'string', default: '2' },
    },
  });
  const regions = Number(values.regions);
  const pupils = Number(values.pupils);
  if (!Number.isInteger(regions) || regions < 1 || !Number.isInteger(pupils) || pupils < regions)
    throw new Error('--regions and --pupils must be whole numbers, at least one pupil per region');
  if (!/^[a-z0-9-]+$/.test(values.prefix)) throw new Error('--prefix: lower-case letters, digits and dashes');
  const url = process.env.DATABASE_URL;
  if (!url && pupils > 50_000)
    throw new Error('DATABASE_URL is required for more than 50,000 pupils (the embedded database is for development)');
  const database = await openDb(url ? { url } : { dataDir: resolve(process.env.DATA_DIR ?? './data', 'pglite') });
  try {
    await database.migrate();
    const result = await seedScale(database, {
      regions,
      pupils,
      schoolsPerRegion: values['schools-per-region'] ? Number(values['schools-per-region']) : undefined,
      prefix: values.prefix,
      reset: values.reset,
      concurrency: Number(values.concurrency),
      log: (line) => console.log(line),
    });
    console.log(
      `seeded ${result.regions.length} regions, ${result.pupils} pupils, ${result.guardians} guardians in ${result.seconds.toFixed(1)} s`,
    );
  } finally {
    await database.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
