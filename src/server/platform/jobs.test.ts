import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TTestApp } from '../testing/app.js';
import { query } from './db.js';
import { startJobs, type TJobs, tenantJob } from './jobs.js';

let t: TTestApp;
let jobs: TJobs;
const seen: { region: string; rows: number }[] = [];
const errors: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const regions = await t.database.raw<{ id: string }>(`insert into regions (slug, name, settings) values ('j-a', 'Regio J', '{}'), ('j-b', 'Regio K', '{}') returning id`);
  jobs = await startJobs({
    database: t.database,
    log: { info: () => undefined, error: (o) => errors.push(JSON.stringify(o)) },
    pollingIntervalSeconds: 0.5,
    definitions: [
      {
        queue: 'test-fan-out',
        async run(_data, queue) {
          for (const r of regions) await queue.send('test-tenant', { regionId: r.id });
        },
      },
      tenantJob<{ regionId: string }>(t.database, 'test-tenant', async (tx, data) => {
        // inside the region's tenant transaction: RLS shows this region's row only
        const rows = await query<{ id: string }>(tx, sql`select id from regions`);
        const [setting] = await query<{ region: string }>(tx, sql`select current_setting('app.region_id', true) as region`);
        expect(setting!.region).toBe(data.regionId);
        seen.push({ region: data.regionId, rows: rows.length });
      }),
    ],
  });
}, 120_000);
afterAll(async () => {
  await jobs.stop();
  await t.close();
});

async function until(check: () => boolean, ms = 20_000) {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
}

describe('jobs on pg-boss, on the embedded database', () => {
  it('runs a job, which queues tenant jobs that each run inside their own region', async () => {
    await jobs.queue.send('test-fan-out', {});
    await until(() => seen.length >= 2);
    expect(seen).toHaveLength(2);
    expect(new Set(seen.map((s) => s.region)).size).toBe(2);
    expect(seen.every((s) => s.rows === 1)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('refuses a tenant job without its region (and pg-boss keeps it for a retry)', async () => {
    await jobs.queue.send('test-tenant', {}, { retryLimit: 0 });
    await until(() => errors.length > 0);
    expect(errors[0]).toContain('has no regionId');
    errors.length = 0;
  });
});
