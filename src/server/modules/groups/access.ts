import { expect } from 'vitest';
import type { TAccessCase } from '../../testing/access.js';

let n = 0;
const SCHOOL_A1_STAFF = ['school_director', 'school_care_coordinator', 'teacher'] as const;

export const groupAccess: TAccessCase[] = [
  {
    route: 'GET /api/v1/groups',
    relation: 'all groups for the admin, own school’s for school staff',
    request: () => ({ url: '/api/v1/groups?pageSize=100' }),
    allow: ['swv_admin', 'b_admin', ...SCHOOL_A1_STAFF],
    deny: 403,
    check(res, actor, w) {
      const items = (res.json() as { items: { id: string; schoolId: string }[] }).items;
      const ids = items.map((i) => i.id);
      expect(ids.includes(w.groupA1)).toBe(actor !== 'b_admin');
      expect(ids.includes(w.groupB1)).toBe(actor === 'b_admin');
      if (actor !== 'swv_admin' && actor !== 'b_admin') expect(items.every((i) => i.schoolId === w.schoolA1)).toBe(true);
    },
  },
  {
    route: 'GET /api/v1/groups/:id',
    relation: 'a group of school A1',
    request: (w) => ({ url: `/api/v1/groups/${w.groupA1}` }),
    allow: ['swv_admin', ...SCHOOL_A1_STAFF],
    deny: 404,
  },
  {
    route: 'GET /api/v1/groups/:id',
    relation: 'a group of another school (A2)',
    request: (w) => ({ url: `/api/v1/groups/${w.a.schools[1]!.groupIds[0]}` }),
    allow: ['swv_admin'],
    deny: 404,
  },
  {
    route: 'POST /api/v1/groups',
    relation: 'a new group at school A1',
    request: (w) => ({ url: '/api/v1/groups', body: { schoolId: w.schoolA1, name: `Groep T${++n}`, schoolYear: '2026-2027' } }),
    allow: ['swv_admin', 'school_director', 'school_care_coordinator'],
    ok: 201,
    // another region does not know school A1 at all
    deny: (a) => (a.startsWith('b_') ? 400 : 403),
  },
  {
    route: 'PATCH /api/v1/groups/:id',
    relation: 'a group of school A1',
    request: (w) => ({ url: `/api/v1/groups/${w.groupA2}`, body: { name: `Groep hernoemd ${++n}` } }),
    allow: ['swv_admin', 'school_director', 'school_care_coordinator'],
    deny: (a) => (a === 'teacher' ? 403 : 404),
  },
];
