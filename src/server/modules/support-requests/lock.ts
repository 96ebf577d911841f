import { sql } from 'drizzle-orm';
import { query, type Tx } from '../../platform/db.js';

/**
 * Every change to a request first takes its row lock, so writers queue and each one then reads
 * (and checks the version of) what the one before it committed; under RLS another region's row is
 * not there to lock.
 */
export async function lockRequest(tx: Tx, id: string): Promise<void> {
  await query(tx, sql`select 1 from support_requests where id = ${id} for update`);
}
