import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { type SQL, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from '../db/schema/index.js';

export type TSchema = typeof schema;
// biome-ignore lint/suspicious/noExplicitAny: both drivers' result kinds
export type Db = PgDatabase<PgQueryResultHKT, TSchema, any>;
// biome-ignore lint/suspicious/noExplicitAny: both drivers' result kinds
export type Tx = PgTransaction<PgQueryResultHKT, TSchema, any>;
export type Executor = Db | Tx;

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../db/migrations');

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Parameterised SQL on the owner connection, outside any tenant (platform code only). */
  raw<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  /** Parameterless multi-statement SQL (pg-boss on PGlite needs this). */
  exec(text: string): Promise<void>;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the client, e.g. to dump a migrated template for tests. */
  pglite?: PGlite;
}

export const PGLITE_EXTENSIONS = { pg_trgm, unaccent, btree_gin };

export async function openDb(opts: { url?: string; dataDir?: string; pglite?: PGlite }): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: 10 });
    // only statements we name (queryPrepared) are cached; they keep one generic plan per connection
    pool.on('connect', (client) => void client.query('set plan_cache_mode = force_generic_plan').catch(() => {}));
    // an idle connection the server closed (restart, dropped database) must not crash the process
    pool.on('error', (err) => console.error(`database connection lost: ${(err as { code?: string }).code ?? err.name}`));
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return {
      kind: 'postgres',
      db,
      async raw(text, params) {
        return (await pool.query(text, params as unknown[])).rows;
      },
      async exec(text) {
        await pool.query(text);
      },
      async migrate() {
        await migratePg(drizzlePg({ client: pool, schema }), { migrationsFolder: MIGRATIONS_DIR });
        await pool.query('select rondom_secure_tenant_tables()');
      },
      close: () => pool.end(),
    };
  }
  let client = opts.pglite;
  if (!client) {
    if (opts.dataDir && opts.dataDir !== 'memory://') mkdirSync(opts.dataDir, { recursive: true });
    client = await PGlite.create({ dataDir: opts.dataDir, extensions: PGLITE_EXTENSIONS });
  }
  const lite = client;
  const db = drizzlePglite({ client: lite, schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    pglite: lite,
    async raw(text, params) {
      // biome-ignore lint/suspicious/noExplicitAny: row type chosen by caller
      return (await lite.query<any>(text, params as unknown[])).rows;
    },
    async exec(text) {
      await lite.exec(text);
    },
    async migrate() {
      await migratePglite(drizzlePglite({ client: lite, schema }), { migrationsFolder: MIGRATIONS_DIR });
      await lite.query('select rondom_secure_tenant_tables()');
    },
    close: () => lite.close(),
  };
}

/** Health check: a round trip to the database. */
export async function pingDb(database: Database): Promise<boolean> {
  try {
    await database.db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}

/** Runs a SQL statement and returns its rows, typed by the caller (both drivers return `.rows`). */
export async function query<T = Record<string, unknown>>(ex: Executor, statement: SQL): Promise<T[]> {
  const res = (await ex.execute(statement)) as unknown as { rows: T[] };
  return res.rows;
}

/**
 * Like `query`, for a hot statement that costs more to plan than to run (the task inbox's union of
 * every clock): on a PostgreSQL server it is prepared once per connection under a name derived
 * from its text and keeps a generic plan; its parameters are equalities on indexed columns, so the
 * generic plan is the custom one. On PGlite it runs like `query`.
 */
export async function queryPrepared<T = Record<string, unknown>>(ex: Executor, statement: SQL): Promise<T[]> {
  const session = (ex as unknown as { session?: { client?: unknown } }).session;
  const client = session?.client;
  if (!(client instanceof pg.Client) && !(client instanceof pg.Pool)) return query<T>(ex, statement);
  const { sql: text, params } = (ex as unknown as { dialect: { sqlToQuery(s: SQL): { sql: string; params: unknown[] } } }).dialect.sqlToQuery(statement);
  const name = `rondom_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
  return (await client.query({ name, text, values: params as unknown[] })).rows as T[];
}
