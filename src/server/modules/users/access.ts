import { expect } from 'vitest';
import { ensureAccount, addMembership } from '../../seed/accounts.js';
import type { TAccessCase } from '../../testing/access.js';
import type { TTestApp } from '../../testing/app.js';
import type { TWorld } from '../../testing/world.js';

let n = 0;
/** A fresh teacher at school A1, so each allowed deactivation has its own target. */
async function freshTeacher(w: TWorld, t: TTestApp) {
  const id = await ensureAccount(t.database, { name: `Doel ${++n}`, email: `doel-${n}-${Date.now()}@target.test`, password: 'x-password-123' });
  const mid = await addMembership(t.database, { regionId: w.a.regionId, userId: id, role: 'teacher', organisationId: w.schoolA1 });
  return { id, mid };
}

export const userAccess: TAccessCase[] = [
  {
    route: 'GET /api/v1/users',
    relation: 'people of the actor’s region only',
    request: () => ({ url: '/api/v1/users?pageSize=100' }),
    allow: ['swv_admin', 'b_admin'],
    deny: 403,
    check(res, actor, w) {
      const ids = (res.json() as { items: { id: string }[] }).items.map((i) => i.id);
      expect(ids.includes(w.users.teacher)).toBe(actor === 'swv_admin');
      expect(ids.includes(w.users.b_consultant)).toBe(actor === 'b_admin');
      expect(ids).not.toContain(w.users.lonely);
    },
  },
  {
    route: 'GET /api/v1/users/:id',
    relation: 'a teacher in region A',
    request: (w) => ({ url: `/api/v1/users/${w.users.teacher}` }),
    allow: ['swv_admin', 'teacher'],
    deny: 404,
  },
  {
    route: 'POST /api/v1/users',
    relation: 'invite a teacher to school A1',
    request: (w) => ({ url: '/api/v1/users', body: { name: 'Nieuwe Leerkracht', email: `nieuw-${++n}@invite.test`, role: 'teacher', organisationId: w.schoolA1 } }),
    allow: ['swv_admin'],
    ok: 201,
    // region B's admin names a school that does not exist in their region
    deny: (a) => (a === 'b_admin' ? 400 : 403),
  },
  {
    route: 'POST /api/v1/users/:id/deactivate',
    relation: 'a teacher in region A',
    request: async (w, t) => ({ url: `/api/v1/users/${(await freshTeacher(w, t)).id}/deactivate` }),
    allow: ['swv_admin'],
    deny: 404,
  },
  {
    route: 'GET /api/v1/memberships',
    relation: 'roles of a teacher in region A',
    request: (w) => ({ url: `/api/v1/memberships?userId=${w.users.teacher}` }),
    allow: ['swv_admin', 'b_admin'],
    deny: 403,
    check(res, actor) {
      // region B's admin asks about a person not in their region: an empty answer, nothing leaks
      expect((res.json() as { items: unknown[] }).items.length > 0).toBe(actor === 'swv_admin');
    },
  },
  {
    route: 'POST /api/v1/memberships',
    relation: 'give a region A teacher a second school',
    request: (w) => ({ url: '/api/v1/memberships', body: { userId: w.users.teacher, role: 'teacher', organisationId: w.schoolA2 } }),
    allow: ['swv_admin'],
    ok: 201,
    deny: (a) => (a === 'b_admin' ? 400 : 403),
  },
  {
    route: 'DELETE /api/v1/memberships/:id',
    relation: 'a membership in region A',
    request: async (w, t) => ({ url: `/api/v1/memberships/${(await freshTeacher(w, t)).mid}` }),
    allow: ['swv_admin'],
    ok: 204,
    deny: 404,
  },
];
