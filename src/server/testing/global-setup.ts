import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDb, PGLITE_EXTENSIONS } from '../platform/db.js';
import { PGlite } from '@electric-sql/pglite';

/**
 * Migrates once per run: a PGlite data-dir dump every test file loads (fast), or — when
 * DATABASE_URL is set — a template database each test file clones.
 */
export default async function setup() {
  const dir = join(tmpdir(), `rondom-test-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    const admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    const template = `rondom_tpl_${process.pid}`;
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const tplUrl = new URL(url);
    tplUrl.pathname = `/${template}`;
    const database = await openDb({ url: tplUrl.toString() });
    await database.migrate();
    await database.close();
    process.env.RONDOM_TEST_TEMPLATE_DB = template;
    return async () => {
      await admin.query(`drop database if exists ${template}`);
      await admin.end();
    };
  }
  const lite = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  const database = await openDb({ pglite: lite });
  await database.migrate();
  const dump = await lite.dumpDataDir('none');
  const file = join(dir, 'migrated.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await lite.close();
  process.env.RONDOM_TEST_DUMP = file;
  return undefined;
}
