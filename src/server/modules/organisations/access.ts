import { expect } from 'vitest';
import { type TAccessCase, REGION_A_STAFF } from '../../testing/access.js';

const STAFF_EVERYWHERE = [...REGION_A_STAFF, 'b_admin', 'b_consultant'] as const;
let n = 0;

export const organisationAccess: TAccessCase[] = [
  {
    route: 'GET /api/v1/organisations',
    relation: 'the region’s organisations, never another region’s',
    request: () => ({ url: '/api/v1/organisations?pageSize=100' }),
    allow: STAFF_EVERYWHERE,
    check(res, actor, w) {
      const ids = (res.json() as { items: { id: string }[] }).items.map((i) => i.id);
      const own = actor.startsWith('b_') ? w.schoolB1 : w.schoolA1;
      const foreign = actor.startsWith('b_') ? w.schoolA1 : w.schoolB1;
      expect(ids).toContain(own);
      expect(ids).not.toContain(foreign);
    },
  },
  {
    route: 'GET /api/v1/organisations/:id',
    relation: 'a school in the region',
    request: (w) => ({ url: `/api/v1/organisations/${w.schoolA2}` }),
    allow: REGION_A_STAFF,
    deny: 404,
  },
  {
    route: 'GET /api/v1/organisations/:id',
    relation: 'a school in another region',
    request: (w) => ({ url: `/api/v1/organisations/${w.schoolB1}` }),
    allow: ['b_admin', 'b_consultant'],
    deny: 404,
  },
  {
    route: 'POST /api/v1/organisations',
    relation: 'a new partner organisation in the actor’s own region',
    request: () => ({ url: '/api/v1/organisations', body: { kind: 'partner', name: `Wijkteam ${++n}`, partnerKind: 'wijkteam' } }),
    allow: ['swv_admin', 'b_admin'],
    ok: 201,
    deny: 403,
  },
  {
    route: 'PATCH /api/v1/organisations/:id',
    relation: 'a school in the region',
    request: (w) => ({ url: `/api/v1/organisations/${w.schoolA2}`, body: { schoolBoard: 'Stichting Test' } }),
    allow: ['swv_admin'],
    // region A's staff may read it, so a refusal does not hide it from them; others get 404
    deny: (a) => ((REGION_A_STAFF as readonly string[]).includes(a) ? 403 : 404),
  },
  {
    route: 'PATCH /api/v1/organisations/:id',
    relation: 'a school in another region',
    request: (w) => ({ url: `/api/v1/organisations/${w.schoolB1}`, body: { schoolBoard: 'Stichting Test' } }),
    allow: ['b_admin'],
    deny: (a) => (a === 'b_consultant' ? 403 : 404),
  },
];
