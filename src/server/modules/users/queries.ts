import { sql } from 'drizzle-orm';
import type { TUser } from '../../../shared/schemas/user.js';
import { query, type Tx } from '../../platform/db.js';

/** Users of the region with their active memberships here (RLS limits both to this region). */
export async function listUsers(
  tx: Tx,
  o: { q?: string; userId?: string; page: number; pageSize: number },
): Promise<{ items: TUser[]; total: number }> {
  const q = o.q ? `%${o.q.toLowerCase().replace(/[%_\\]/g, '\\$&')}%` : null;
  const rows = await query<{
    id: string;
    name: string;
    email: string;
    deactivated_at: string | null;
    memberships: TUser['memberships'] | string;
    total: string | number;
  }>(tx, sql`select u.id, u.name, u.email, u.deactivated_at,
      coalesce((select json_agg(json_build_object('id', m.id, 'role', m.role, 'organisationId', m.organisation_id,
          'organisationName', o.name) order by m.created_at)
        from memberships m left join organisations o on o.region_id = m.region_id and o.id = m.organisation_id
        where m.user_id = u.id and m.ended_at is null), '[]'::json) as memberships,
      count(*) over () as total
    from users u
    where (${q}::text is null or lower(u.name) like ${q} or u.email like ${q})
      and (${o.userId ?? null}::text is null or u.id = ${o.userId ?? null})
    order by u.name, u.id
    limit ${o.pageSize} offset ${(o.page - 1) * o.pageSize}`);
  return {
    items: rows.map((r) => {
      const memberships = typeof r.memberships === 'string' ? JSON.parse(r.memberships) : r.memberships;
      // deactivated here: no active role left in this region (or the account is closed)
      return { id: r.id, name: r.name, email: r.email, deactivated: !!r.deactivated_at || memberships.length === 0, memberships };
    }),
    total: rows[0] ? Number(rows[0].total) : 0,
  };
}
