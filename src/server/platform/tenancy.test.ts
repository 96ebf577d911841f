import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRegion } from '../seed/generate.js';
import { openTestDb } from '../testing/db.js';
import { query } from './db.js';
import { withTenant } from './tenancy.js';

let database: Awaited<ReturnType<typeof openTestDb>>;
let regionA: string;
let regionB: string;

beforeAll(async () => {
  database = await openTestDb();
  regionA = (await generateRegion(database, { slug: 'ta', name: 'A', schools: 2, pupils: 10 })).regionId;
  regionB = (await generateRegion(database, { slug: 'tb', name: 'B', schools: 2, pupils: 7 })).regionId;
});
afterAll(() => database.drop());

describe('row-level security', () => {
  it('is enabled and forced on every table with a region_id', async () => {
    const tables = await database.raw<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean; policies: number }>(
      `select c.relname, c.relrowsecurity, c.relforcerowsecurity,
              (select count(*)::int from pg_policies p where p.tablename = c.relname) as policies
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r'
          and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'region_id' and not a.attisdropped)`,
    );
    expect(tables.length).toBeGreaterThan(5);
    const unsafe = tables.filter((t) => !t.relrowsecurity || !t.relforcerowsecurity || t.policies === 0).map((t) => t.relname);
    expect(unsafe).toEqual([]);
  });

  it('puts region_id first in every tenant primary key and unique constraint', async () => {
    const bad = await database.raw<{ conname: string }>(
      `select con.conname from pg_constraint con
         join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and con.contype in ('p', 'u')
          and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'region_id')
          and (select a.attname from pg_attribute a where a.attrelid = c.oid and a.attnum = con.conkey[1]) <> 'region_id'`,
    );
    expect(bad.map((b) => b.conname)).toEqual([]);
  });

  it('gives the app role no way around it: not superuser, no BYPASSRLS, owns no table', async () => {
    const [role] = await database.raw<{ rolsuper: boolean; rolbypassrls: boolean }>(
      `select rolsuper, rolbypassrls from pg_roles where rolname = 'rondom_app'`,
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    const owned = await database.raw(`select relname from pg_class where relowner = (select oid from pg_roles where rolname = 'rondom_app')`);
    expect(owned).toEqual([]);
  });

  it('shows a request only its own region', async () => {
    const count = (regionId: string) =>
      withTenant(database.db, regionId, async (tx) => (await query<{ n: number }>(tx, sql`select count(*)::int as n from pupils`))[0]!.n);
    expect(await count(regionA)).toBe(10);
    expect(await count(regionB)).toBe(7);
  });

  it('shows a request without region context zero rows', async () => {
    const n = await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local role rondom_app`);
      return (await query<{ n: number }>(tx, sql`select (select count(*) from pupils) + (select count(*) from organisations) + (select count(*) from regions) + (select count(*) from users) as n`))[0]!.n;
    });
    expect(Number(n)).toBe(0);
  });

  it('refuses to write a row into another region', async () => {
    await expect(
      withTenant(database.db, regionA, (tx) =>
        tx.execute(sql`insert into organisations (region_id, kind, name) values (${regionB}, 'partner', 'Sneaky')`),
      ),
    ).rejects.toThrow();
    const [row] = await database.raw(`select count(*)::int as n from organisations where name = 'Sneaky'`);
    expect(row).toEqual({ n: 0 });
  });

  it('keeps sessions and password hashes out of reach of the app role', async () => {
    await expect(withTenant(database.db, regionA, (tx) => tx.execute(sql`select * from accounts`))).rejects.toThrow();
    await expect(withTenant(database.db, regionA, (tx) => tx.execute(sql`select token from sessions`))).rejects.toThrow();
  });
});
