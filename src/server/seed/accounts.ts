import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import type { TRole } from '../../shared/roles.js';
import type { Database } from '../platform/db.js';

/** Creates a user who can sign in with e-mail + password (as better-auth stores it), if absent. */
export async function ensureAccount(database: Database, o: { name: string; email: string; password: string }): Promise<string> {
  const [existing] = await database.raw<{ id: string }>('select id from users where email = $1', [o.email]);
  if (existing) return existing.id;
  const id = randomUUID().replace(/-/g, '');
  await database.raw('insert into users (id, name, email, email_verified) values ($1, $2, $3, true)', [id, o.name, o.email]);
  await database.raw(
    `insert into accounts (id, account_id, provider_id, user_id, password) values ($1, $2, 'credential', $2, $3)`,
    [randomUUID().replace(/-/g, ''), id, await hashPassword(o.password)],
  );
  return id;
}

export async function addMembership(database: Database, o: { regionId: string; userId: string; role: TRole; organisationId: string | null }): Promise<string> {
  const [m] = await database.raw<{ id: string }>(
    `insert into memberships (region_id, user_id, organisation_id, role) values ($1, $2, $3, $4)
     on conflict on constraint memberships_unique do update set ended_at = null returning id`,
    [o.regionId, o.userId, o.organisationId, o.role],
  );
  return m!.id;
}
