import { expect } from 'vitest';
import type { TAbsenceOverview } from '../../../shared/schemas/absence.js';
import { addDays } from '../../../shared/school-year.js';
import type { TAccessCase } from '../../testing/access.js';
import type { TTestApp } from '../../testing/app.js';
import { pinnedPupils, type TActorKey, type TWorld } from '../../testing/world.js';
import { dutchDate } from '../opps/clocks.js';
import { insertCase } from './figures-fixtures.js';

/**
 * The figures: the SWV office sees its region, leerplicht the children living in its gemeente,
 * the gemeente's analyst and the OPR the region anonymised (counts only, below 5 as '<5'). School
 * staff, teachers, parents, care partners and experts see no figures (403).
 */
const REGION: readonly TActorKey[] = ['swv_admin', 'swv_consultant', 'swv_board', 'b_admin', 'b_consultant'];
const ANONYMISED: readonly TActorKey[] = ['municipality_analyst', 'opr_member'];
const FIGURES: readonly TActorKey[] = [...REGION, 'attendance_officer', ...ANONYMISED];
const FILERS: readonly TActorKey[] = [...REGION, 'attendance_officer'];

const seeded = new WeakMap<TWorld, Promise<string[]>>();
/** The seeded children, for the (synchronous) checks. */
const seededIds = new WeakMap<TWorld, string[]>();

/**
 * Cases of children the world did not pin (so other modules' rows keep their pupils to
 * themselves): in region A three open cases of children living in G2 — one a thuiszitter for
 * three months — and one closed; in region B one open case.
 */
async function seed(w: TWorld, t: TTestApp) {
  // another module's rows may have cleared the region's cases (tasks' clearTasks): seed again then
  const ids = seededIds.get(w);
  if (ids && !(await t.database.raw('select 1 from absence_cases where pupil_id = $1', [ids[0]])).length) seeded.delete(w);
  let done = seeded.get(w);
  if (!done) {
    done = (async () => {
      const today = dutchDate();
      const d = (n: number) => addDays(today, n);
      const pinned = pinnedPupils(w);
      const free = async (regionId: string, n: number) =>
        (await t.database.raw<{ id: string }>(`select id from pupils where region_id = $1 and not (id = any($2::uuid[])) order by id desc limit $3`, [regionId, pinned, n])).map((r) => r.id);
      const [a1, a2, a3, a4] = await free(w.a.regionId, 4);
      const [b1] = await free(w.b.regionId, 1);
      const by = w.users.swv_consultant;
      const add = (regionId: string, user: string, spec: Parameters<typeof insertCase>[3]) => insertCase(t.database, regionId, user, spec);
      await add(w.a.regionId, by, { pupilId: a1!, openedOn: d(-90), episodes: [{ kind: 'long_relative', startedOn: d(-90) }] });
      await add(w.a.regionId, by, { pupilId: a2!, openedOn: d(-10), episodes: [{ kind: 'unauthorised', startedOn: d(-10) }] });
      await add(w.a.regionId, by, { pupilId: a3!, openedOn: d(-40), ownerUserId: by, nextDate: d(-1), episodes: [{ kind: 'sick_partly', startedOn: d(-40) }] });
      await add(w.a.regionId, by, { pupilId: a4!, openedOn: d(-200), closedOn: d(-30), closeReason: 'back_at_school', episodes: [{ kind: 'long_relative', startedOn: d(-200), endedOn: d(-31) }] });
      await add(w.b.regionId, w.users.b_consultant, { pupilId: b1!, openedOn: d(-60), episodes: [{ kind: 'absolute', startedOn: d(-60) }] });
      const ids = [a1!, a2!, a3!, a4!, b1!];
      seededIds.set(w, ids);
      return ids;
    })();
    seeded.set(w, done);
  }
  return done;
}

const period = () => {
  const today = dutchDate();
  return `from=${addDays(today, -365)}&to=${today}`;
};

const counts = (v: TAbsenceOverview) => [
  v.pupils, v.open.total, v.open.thuiszitters, v.open.noOwner, v.open.nextDatePassed, v.closed.total,
  ...[...v.open.byKind, ...v.open.bySchool, ...v.open.byGemeente, ...v.closed.byReason].map((r) => r.count),
  ...v.trend.flatMap((m) => [m.opened, m.closed, m.openAtEnd]),
];

function checkOverview(v: TAbsenceOverview, actor: TActorKey, w: TWorld, pupilIds: string[]) {
  const G1 = w.a.gemeenteIds[0]!;
  const G2 = w.a.gemeenteIds[1]!;
  const body = JSON.stringify(v);
  // counts only: no child of ours appears by id, whoever asks
  for (const id of pupilIds) expect(body).not.toContain(id);
  if (actor === 'b_admin' || actor === 'b_consultant') {
    expect(v.scope.kind).toBe('region');
    // region B's own children (other modules' tests add some), its schools, never region A's gemeente
    expect(v.pupils).toBeGreaterThanOrEqual(10);
    expect(v.open.bySchool.every((r) => w.b.schools.some((s) => s.id === r.key))).toBe(true);
    expect(v.open.byGemeente.some((r) => r.key === G2)).toBe(false);
    return;
  }
  if (actor === 'attendance_officer') {
    // only the one child living in G1 is in scope; the G2 thuiszitter is not counted
    expect(v.scope).toMatchObject({ kind: 'gemeente' });
    expect(v.pupils).toBe(1);
    expect(v.open.byGemeente.every((r) => r.key === G1)).toBe(true);
    expect(v.anonymised).toBe(false);
    return;
  }
  if (ANONYMISED.includes(actor)) {
    expect(v.anonymised).toBe(true);
    expect(v.durations).toBeNull();
    expect(counts(v)).toContain('<5');
    // anything shown as a number is at least 5
    expect(counts(v).every((n) => n === '<5' || (typeof n === 'number' && n >= 5))).toBe(true);
    if (v.open.thuiszitters === '<5') expect(v.open.per1000).toBeNull();
    return;
  }
  expect(v).toMatchObject({ anonymised: false, scope: { kind: 'region' } });
  expect(v.pupils).toBeGreaterThanOrEqual(40);
  expect(v.open.total).toBeGreaterThanOrEqual(3);
  expect(v.open.thuiszitters).toBeGreaterThanOrEqual(2);
  expect(v.open.byGemeente.find((r) => r.key === G2)?.count).toBeGreaterThanOrEqual(3);
  expect(v.durations?.n).toBeGreaterThanOrEqual(2);
  expect(typeof v.open.per1000).toBe('number');
}

export const absenceOverviewAccess: TAccessCase[] = [
  {
    route: 'GET /api/v1/absence/overview',
    relation: 'the figures: SWV the region, leerplicht its gemeente, analyst and OPR anonymised; region B its own',
    async request(w, t) {
      await seed(w, t);
      return { url: `/api/v1/absence/overview?${period()}` };
    },
    allow: FIGURES,
    deny: 403,
    check: (res, actor, w) => checkOverview(res.json() as TAbsenceOverview, actor, w, seededIds.get(w) ?? []),
  },
  {
    route: 'GET /api/v1/absence/overview.csv',
    relation: 'the figures as CSV; the anonymised viewers get "< 5"',
    async request(w, t) {
      await seed(w, t);
      return { url: `/api/v1/absence/overview.csv?${period()}` };
    },
    allow: FIGURES,
    deny: 403,
    check(res, actor) {
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="verzuim-cijfers-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"$/);
      expect(res.body.charCodeAt(0)).toBe(0xfeff);
      if (ANONYMISED.includes(actor)) expect(res.body).toContain(';< 5');
      else expect(res.body).not.toContain('< 5');
    },
  },
  {
    route: 'GET /api/v1/absence/inspectorate.csv',
    relation: 'the count for the inspectorate: only those who file it (SWV, leerplicht); anonymised viewers refused',
    async request(w, t) {
      await seed(w, t);
      return { url: `/api/v1/absence/inspectorate.csv?${period()}` };
    },
    allow: FILERS,
    deny: 403,
    check(res) {
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.body.charCodeAt(0)).toBe(0xfeff);
      const lines = res.body.slice(1).trim().split('\r\n');
      expect(lines[0]).toMatch(/^Categorie;Open bij begin periode;/);
      expect(lines).toHaveLength(9);
    },
  },
];
