import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type Database, openDb, PGLITE_EXTENSIONS } from '../platform/db.js';

/** A migrated database of this test file's own: PGlite from the dump, or a clone of the template. */
export async function openTestDb(): Promise<Database & { drop(): Promise<void> }> {
  const template = process.env.RONDOM_TEST_TEMPLATE_DB;
  if (process.env.DATABASE_URL && template) {
    const base = new URL(process.env.DATABASE_URL);
    const name = `rondom_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base.toString() });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    const database = await openDb({ url: url.toString() });
    return {
      ...database,
      async drop() {
        await database.close();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const dump = process.env.RONDOM_TEST_DUMP;
  if (!dump) throw new Error('global setup did not run');
  const lite = await PGlite.create({
    loadDataDir: new Blob([readFileSync(dump)]),
    extensions: PGLITE_EXTENSIONS,
  });
  const database = await openDb({ pglite: lite });
  return { ...database, drop: () => database.close() };
}
