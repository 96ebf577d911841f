import { sql } from 'drizzle-orm';
import type { Db, Tx } from './db.js';

/**
 * Runs `fn` in a transaction scoped to one region: `app.region_id` is set for the transaction
 * only, and the role drops to rondom_app, which owns nothing and cannot bypass RLS. Every route's
 * data access goes through here.
 */
export async function withTenant<T>(db: Db, regionId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    // one round trip: set_config('role', …, true) is SET LOCAL ROLE
    await tx.execute(sql`select set_config('app.region_id', ${regionId}, true), set_config('role', 'rondom_app', true)`);
    return fn(tx as Tx);
  });
}
