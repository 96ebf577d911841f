import type { TAccessCase } from '../../testing/access.js';
import { EVERY_MEMBER } from '../../testing/access.js';

export const meAccess: TAccessCase[] = [
  {
    route: 'GET /api/v1/me',
    relation: 'oneself',
    request: () => ({ url: '/api/v1/me' }),
    allow: [...EVERY_MEMBER, 'lonely'],
  },
  {
    route: 'PUT /api/v1/me/locale',
    relation: 'oneself',
    request: () => ({ url: '/api/v1/me/locale', body: { locale: 'nl' } }),
    allow: [...EVERY_MEMBER, 'lonely'],
    ok: 204,
  },
  {
    route: 'PUT /api/v1/me/active-membership',
    relation: 'someone else’s membership',
    request: async (w, t) => {
      const [m] = await t.database.raw<{ id: string }>('select id from memberships where user_id = $1', [w.users.swv_admin]);
      return { url: '/api/v1/me/active-membership', body: { membershipId: m!.id } };
    },
    allow: ['swv_admin'],
    ok: 204,
    deny: 404,
    lonely: 404,
  },
];
