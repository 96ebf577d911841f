import { expect } from 'vitest';
import type { TTaskList, TTeamTasks } from '../../../shared/schemas/task.js';
import type { TAccessCase } from '../../testing/access.js';
import { EVERY_MEMBER } from '../../testing/access.js';
import type { TTestApp } from '../../testing/app.js';
import type { TActorKey, TWorld } from '../../testing/world.js';
import { dutchDate } from '../opps/clocks.js';
import { seedTasks, type TTaskFixture } from './fixtures.js';

/** The fixture once per test app (each actor's request would otherwise reseed it), again if something cleared it. */
const seeded = new WeakMap<TTestApp, TTaskFixture>();
async function withTasks(w: TWorld, t: TTestApp) {
  const f = seeded.get(t);
  if (f) {
    const [still] = await t.database.raw('select 1 from signal_plans where id = $1', [f.signalPlanId]);
    if (still) return f;
  }
  const fresh = await seedTasks(w, t, { relativeTo: dutchDate() });
  seeded.set(t, fresh);
  return fresh;
}

const onlyRegionB = (res: { json(): unknown }, w: TWorld) => {
  const bSchools = new Set(w.b.schools.map((s) => s.id));
  return (res.json() as TTaskList).items.every((i) => bSchools.has(i.school.id));
};
const pupilsOf = (res: { json(): unknown }) => new Set((res.json() as TTaskList).items.map((i) => i.pupil.id));

/** Whose children each actor finds in their own inbox (fixtures.ts says what waits on whom). */
function inboxPupils(a: TActorKey, w: TWorld): string[] {
  switch (a) {
    case 'school_care_coordinator':
      return [w.ownPupil, w.selfPupil];
    case 'teacher':
    case 'parent':
      return [w.ownPupil];
    case 'swv_consultant':
    case 'swv_expert':
      return [w.ownGroupPupil];
    case 'care_partner':
      return [w.consentPupil];
    default:
      return [];
  }
}

const SCHOOL_A1_LEADS = ['school_care_coordinator', 'school_director'] as const;
const SWV_OFFICE = ['swv_consultant', 'swv_board'] as const;

export const taskAccess: TAccessCase[] = [
  {
    route: 'GET /api/v1/tasks',
    relation: 'one’s own inbox: only what waits on oneself (and one’s school as its IB’er)',
    async request(w, t) {
      await withTasks(w, t);
      return { url: '/api/v1/tasks?pageSize=100' };
    },
    allow: EVERY_MEMBER,
    check(res, a, w) {
      // region B's people may have tasks of their own there (other modules' rows leave some): never region A's
      if (a === 'b_consultant' || a === 'b_admin') expect(onlyRegionB(res, w)).toBe(true);
      else expect([...pupilsOf(res)].sort()).toEqual(inboxPupils(a, w).sort());
    },
  },
  {
    route: 'GET /api/v1/tasks/team',
    relation: 'own school for the IB’er and director, the region for the SWV office',
    async request(w, t) {
      await withTasks(w, t);
      return { url: '/api/v1/tasks/team?pageSize=100' };
    },
    allow: [...SCHOOL_A1_LEADS, ...SWV_OFFICE, 'b_consultant'],
    deny: 403,
    check(res, a, w) {
      const body = res.json() as TTeamTasks;
      const schools = new Set(body.items.map((i) => i.school.id));
      if (a === 'b_consultant') expect(onlyRegionB(res, w)).toBe(true);
      else if (a === 'swv_consultant' || a === 'swv_board') {
        expect(schools.has(w.schoolA2)).toBe(true);
        // a school's drafts are its own; an action's words stay with the school's table
        expect(body.items.some((i) => i.detail === 'draft')).toBe(false);
        expect(body.items.filter((i) => i.kind === 'action_item').every((i) => i.title === null)).toBe(true);
      } else expect([...schools]).toEqual([w.schoolA1]);
    },
  },
  {
    route: 'GET /api/v1/tasks/team',
    relation: 'school A1 asked for by name',
    async request(w, t) {
      await withTasks(w, t);
      return { url: `/api/v1/tasks/team?schoolId=${w.schoolA1}` };
    },
    allow: [...SCHOOL_A1_LEADS, ...SWV_OFFICE],
    // another region does not know school A1
    deny: (a) => (a === 'b_consultant' ? 400 : 403),
    check: (res, _a, w) => expect([...new Set((res.json() as TTeamTasks).items.map((i) => i.school.id))]).toEqual([w.schoolA1]),
  },
  {
    route: 'GET /api/v1/tasks/team',
    relation: 'another school (A2)',
    async request(w, t) {
      await withTasks(w, t);
      return { url: `/api/v1/tasks/team?schoolId=${w.schoolA2}` };
    },
    allow: [...SWV_OFFICE],
    deny: (a) => (a === 'b_consultant' ? 400 : 403),
    check: (res, _a, w) => expect(pupilsOf(res).has(w.otherSchoolPupil)).toBe(true),
  },
  {
    route: 'GET /api/v1/me/digest',
    relation: 'oneself',
    request: () => ({ url: '/api/v1/me/digest' }),
    allow: [...EVERY_MEMBER, 'lonely'],
    check: (res) => expect(res.json()).toEqual({ enabled: true }),
  },
  {
    route: 'PUT /api/v1/me/digest',
    relation: 'oneself',
    request: () => ({ url: '/api/v1/me/digest', body: { enabled: true } }),
    allow: [...EVERY_MEMBER, 'lonely'],
  },
];
