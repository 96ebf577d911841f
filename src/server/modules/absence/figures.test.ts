import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countingSince,
  DEFAULT_ABSENCE_SETTINGS,
  daysWithoutEducation,
  isThuiszitter,
  type TEpisodeFacts,
  type TThuiszitterDefinition,
} from '../../../shared/absence.js';
import { addDays } from '../../../shared/school-year.js';
import { query } from '../../platform/db.js';
import { withTenant } from '../../platform/tenancy.js';
import { seedAbsenceCases } from '../../seed/absence.js';
import { generateRegion } from '../../seed/generate.js';
import { createTestApp, type TTestApp } from '../../testing/app.js';
import { buildWorld, type TWorld } from '../../testing/world.js';
import { countingSinceSql, daysWithoutEducationSql, isThuiszitterSql } from './counting.js';
import { insertCase } from './figures-fixtures.js';
import { loadFigures, type TFiguresInput } from './figures.js';
import { loadInspectorate } from './inspectorate.js';
import { presentOverview } from './overview-presenter.js';

const TODAY = '2026-03-15';
const FROM = '2025-09-01';
const DEF = DEFAULT_ABSENCE_SETTINGS.thuiszitter;

let t: TTestApp;
let w: TWorld;
let pupils: string[];
let G1: string;
let G2: string;
let schools: string[];
const ids: Record<string, string> = {};

const figures = (input: Partial<TFiguresInput> = {}) =>
  withTenant(t.database.db, w.a.regionId, (tx) =>
    loadFigures(tx, { scope: { kind: 'region' }, def: DEF, from: FROM, to: TODAY, today: TODAY, ...input }),
  );

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.database);
  G1 = w.a.gemeenteIds[0]!;
  G2 = w.a.gemeenteIds[1]!;
  schools = w.a.schools.map((s) => s.id);
  // nine pupils of region A that the world did not pin, placed at known schools and gemeenten
  const pinned = new Set([w.ownGroupPupil, w.ownPupil, w.otherSchoolPupil, w.otherGemeentePupil, w.selfPupil, w.consentPupil, w.expiredConsentPupil, w.withdrawnConsentPupil, w.noConsentPupil, w.olderPupil]);
  const free = w.a.pupilIds.filter((id) => !pinned.has(id));
  const place = [
    [schools[0], G2], // case 2
    [schools[1], G2], // case 3
    [schools[1], G2], // case 4
    [schools[2], G1], // case 5: the second child living in G1
    [schools[0], G2], // case 6
    [schools[0], G2], // case 7
    [schools[0], G2], // case 8
    [schools[0], G2], // case 9
    [schools[2], G2], // spare for the rule comparison
  ] as const;
  pupils = [w.ownGroupPupil];
  for (const [i, [school, gemeente]] of place.entries()) {
    const id = free[i]!;
    await t.database.raw('update pupils set school_id = $2, group_id = null, gemeente_id = $3 where id = $1', [id, school, gemeente]);
    pupils.push(id);
  }
  const by = w.users.swv_consultant;
  const owner = w.users.swv_consultant;
  const add = (key: string, spec: Parameters<typeof insertCase>[3]) => insertCase(t.database, w.a.regionId, by, spec).then((id) => (ids[key] = id));
  // 1: thuiszitter since 5 January (69 days), next date passed, G1, school 1
  await add('c1', { pupilId: pupils[0]!, openedOn: '2026-01-05', ownerUserId: owner, plan: 'Plan', nextDate: '2026-03-01', episodes: [{ kind: 'long_relative', startedOn: '2026-01-05' }] });
  // 2: unauthorised absence does not count; no owner
  await add('c2', { pupilId: pupils[1]!, openedOn: '2026-03-01', episodes: [{ kind: 'unauthorised', startedOn: '2026-03-01' }] });
  // 3: sick but partly able since 1 December, an offer from 1 February: 62 days without education
  await add('c3', { pupilId: pupils[2]!, openedOn: '2025-12-01', ownerUserId: owner, nextDate: '2026-04-01', offerFrom: '2026-02-01', episodes: [{ kind: 'sick_partly', startedOn: '2025-12-01' }] });
  // 4: an exemption stops the count
  await add('c4', {
    pupilId: pupils[3]!,
    openedOn: '2026-02-01',
    ownerUserId: owner,
    nextDate: '2026-03-20',
    episodes: [{ kind: 'long_relative', startedOn: '2026-02-01' }, { kind: 'exemption_5a', startedOn: '2026-03-01' }],
  });
  // 5: absolute absence for 14 days: not yet a thuiszitter; G1, school 3
  await add('c5', { pupilId: pupils[4]!, openedOn: '2026-03-01', episodes: [{ kind: 'absolute', startedOn: '2026-03-01' }] });
  // 6–8: closed (two in the period, one long before)
  await add('c6', { pupilId: pupils[5]!, openedOn: '2025-09-01', closedOn: '2025-11-15', closeReason: 'back_at_school', episodes: [{ kind: 'long_relative', startedOn: '2025-09-01', endedOn: '2025-11-14' }] });
  await add('c7', { pupilId: pupils[6]!, openedOn: '2025-10-01', closedOn: '2026-01-20', closeReason: 'other_school', episodes: [{ kind: 'absolute', startedOn: '2025-10-01', endedOn: '2026-01-19' }] });
  await add('c8', { pupilId: pupils[7]!, openedOn: '2024-05-01', closedOn: '2024-06-01', closeReason: 'moved', episodes: [{ kind: 'long_relative', startedOn: '2024-05-01', endedOn: '2024-06-01' }] });
  // 9: open case whose only episode ended: counted as open, not by kind, not a thuiszitter
  await add('c9', { pupilId: pupils[8]!, openedOn: '2026-01-10', episodes: [{ kind: 'long_relative', startedOn: '2026-01-10', endedOn: '2026-02-10' }] });
});
afterAll(() => t.close());

const byKey = (rows: { key: string; count: unknown }[]) => Object.fromEntries(rows.map((r) => [r.key, r.count]));

describe('the region figures', () => {
  it('counts the open cases, thuiszitters and what needs attention on a fixed day', async () => {
    const f = await figures();
    expect(f.pupils).toBe(40);
    expect(f.open).toMatchObject({ total: 6, thuiszitters: 2, noOwner: 3, nextDatePassed: 1 });
    expect(byKey(f.open.byKind)).toEqual({ long_relative: 2, unauthorised: 1, sick_partly: 1, exemption_5a: 1, absolute: 1 });
    expect(f.open.byKind[0]).toEqual({ key: 'long_relative', label: null, count: 2 });
    expect(byKey(f.open.bySchool)).toEqual({ [schools[0]!]: 3, [schools[1]!]: 2, [schools[2]!]: 1 });
    expect(f.open.bySchool.every((r) => typeof r.label === 'string' && r.label.length > 0)).toBe(true);
    expect(byKey(f.open.byGemeente)).toEqual({ [G1]: 2, [G2]: 4 });
  });

  it('measures the durations of the thuiszitters (percentile_disc: a real case each)', async () => {
    // case 1: 5 Jan → 15 Mar = 69 days; case 3: 1 Dec → the offer on 1 Feb = 62 days
    expect((await figures()).durations).toEqual({ p50: 62, p90: 69, n: 2 });
  });

  it('counts only the cases closed within the period, by reason', async () => {
    const f = await figures();
    expect(f.closed.total).toBe(2);
    expect(byKey(f.closed.byReason)).toEqual({ back_at_school: 1, other_school: 1 });
    const narrow = await figures({ from: '2025-12-01', to: '2026-02-28' });
    expect(narrow.closed).toEqual({ total: 1, byReason: [{ key: 'other_school', label: null, count: 1 }] });
  });

  it('gives a trend per month: opened, closed and open at the end of the month (or of the period)', async () => {
    const f = await figures();
    expect(f.trend).toEqual([
      { month: '2025-09', opened: 1, closed: 0, openAtEnd: 1 },
      { month: '2025-10', opened: 1, closed: 0, openAtEnd: 2 },
      { month: '2025-11', opened: 0, closed: 1, openAtEnd: 1 },
      { month: '2025-12', opened: 1, closed: 0, openAtEnd: 2 },
      { month: '2026-01', opened: 2, closed: 1, openAtEnd: 3 },
      { month: '2026-02', opened: 1, closed: 0, openAtEnd: 4 },
      { month: '2026-03', opened: 2, closed: 0, openAtEnd: 6 },
    ]);
    // a period starting mid-month counts from its first day only
    const mid = await figures({ from: '2026-01-08', to: '2026-01-31' });
    expect(mid.trend).toEqual([{ month: '2026-01', opened: 1, closed: 1, openAtEnd: 3 }]);
  });

  it('measures "now" on the day it is given', async () => {
    const f = await figures({ today: '2026-01-31', to: '2026-01-31' });
    // open on 31 January: cases 1, 3, 9; only case 3 (61 days since 1 Dec) and case 1 (26 days: not yet) count
    expect(f.open).toMatchObject({ total: 3, thuiszitters: 1 });
    expect(f.durations).toEqual({ p50: 61, p90: 61, n: 1 });
  });

  it('keeps leerplicht to the children living in their gemeente', async () => {
    const f = await figures({ scope: { kind: 'gemeente', gemeenteId: G1 } });
    expect(f.pupils).toBe(2);
    // case 3 (a thuiszitter living in G2) is not counted for G1
    expect(f.open).toMatchObject({ total: 2, thuiszitters: 1, noOwner: 1, nextDatePassed: 1 });
    expect(byKey(f.open.byGemeente)).toEqual({ [G1]: 2 });
    expect(f.closed.total).toBe(0);
    expect(f.durations).toEqual({ p50: 69, p90: 69, n: 1 });
  });

  it('sees only its own region', async () => {
    const f = await withTenant(t.database.db, w.b.regionId, (tx) =>
      loadFigures(tx, { scope: { kind: 'region' }, def: DEF, from: FROM, to: TODAY, today: TODAY }),
    );
    expect(f.pupils).toBe(10);
    expect(f.open.total).toBe(0);
    expect(f.trend.every((m) => m.opened === 0 && m.openAtEnd === 0)).toBe(true);
  });

  it('follows the region\'s own definition', async () => {
    const f = await figures({ def: { minDays: 10, countedKinds: ['absolute', 'unauthorised'] } });
    // case 2 (unauthorised, 14 days) and case 5 (absolute, 14 days)
    expect(f.open.thuiszitters).toBe(2);
    expect(f.durations).toEqual({ p50: 14, p90: 14, n: 2 });
  });
});

describe('the anonymised view', () => {
  it('shows every count below 5 (0 too) as "<5", no durations and no rate on fewer than 5 thuiszitters', async () => {
    const v = presentOverview(await figures(), { anonymised: true, scope: { kind: 'region', name: 'A' }, from: FROM, to: TODAY, today: TODAY });
    expect(v.pupils).toBe(40);
    expect(v.open).toMatchObject({ total: 6, thuiszitters: '<5', per1000: null, noOwner: '<5', nextDatePassed: '<5' });
    expect(v.durations).toBeNull();
    for (const list of [v.open.byKind, v.open.bySchool, v.open.byGemeente, v.closed.byReason]) {
      expect(list.every((r) => r.count === '<5')).toBe(true);
    }
    expect(v.trend[2]).toEqual({ month: '2025-11', opened: '<5', closed: '<5', openAtEnd: '<5' });
    expect(v.trend[6]!.openAtEnd).toBe(6);
  });

  it('gives the rate and durations in full to the region', async () => {
    const v = presentOverview(await figures(), { anonymised: false, scope: { kind: 'region', name: 'A' }, from: FROM, to: TODAY, today: TODAY });
    expect(v.open.per1000).toBe(50);
    expect(v.durations).toEqual({ p50: 62, p90: 69, n: 2 });
  });
});

describe('the inspectorate count', () => {
  it('balances per kind: open at start + new − ended = open at end, with durations of those still open', async () => {
    const rows = await withTenant(t.database.db, w.a.regionId, (tx) =>
      loadInspectorate(tx, { scope: { kind: 'region' }, from: '2025-12-01', to: TODAY, today: TODAY }),
    );
    const k = Object.fromEntries(rows.map((r) => [r.kind, r]));
    expect(rows).toHaveLength(8);
    // long_relative: case 1 (new), case 4 (new), case 9 (new, ended); case 6 ended before the period
    expect(k.long_relative).toMatchObject({ openAtStart: 0, started: 3, ended: 1, openAtEnd: 2, upTo3Months: 2, medianDays: 42 });
    // absolute: case 7 open at start, ended in January; case 5 new
    expect(k.absolute).toMatchObject({ openAtStart: 1, started: 1, ended: 1, openAtEnd: 1 });
    // sick_partly since 1 December: new on the period's first day, 104 days: 3–6 months
    expect(k.sick_partly).toMatchObject({ openAtStart: 0, started: 1, openAtEnd: 1, upTo3Months: 0, from3To6Months: 1, over6Months: 0, medianDays: 104 });
    expect(k.exemption_5b).toMatchObject({ openAtStart: 0, started: 0, ended: 0, openAtEnd: 0, medianDays: null });
    for (const r of rows) expect(r.openAtStart + r.started - r.ended).toBe(r.openAtEnd);
  });
});

describe('the SQL rules agree with the pure rules', () => {
  const d = (n: number) => addDays(TODAY, n);
  const sets: { name: string; episodes: TEpisodeFacts[]; offerFrom?: string; def?: TThuiszitterDefinition }[] = [
    { name: 'one long absence', episodes: [{ kind: 'long_relative', startedOn: d(-40), endedOn: null }] },
    { name: 'ended before today', episodes: [{ kind: 'long_relative', startedOn: d(-40), endedOn: d(-5) }] },
    { name: 'ends today (still open)', episodes: [{ kind: 'long_relative', startedOn: d(-30), endedOn: TODAY }] },
    { name: 'an open exemption stops the count', episodes: [{ kind: 'long_relative', startedOn: d(-40), endedOn: null }, { kind: 'exemption_5b', startedOn: d(-10), endedOn: null }] },
    { name: 'an ended exemption does not', episodes: [{ kind: 'exemption_5a', startedOn: d(-60), endedOn: d(-31) }, { kind: 'absolute', startedOn: d(-30), endedOn: null }] },
    { name: 'sick does not count', episodes: [{ kind: 'sick', startedOn: d(-100), endedOn: null }] },
    { name: 'one day short', episodes: [{ kind: 'sick_partly', startedOn: d(-20), endedOn: null }, { kind: 'long_relative', startedOn: d(-27), endedOn: null }] },
    { name: 'exactly the minimum, earliest counted start', episodes: [{ kind: 'unauthorised', startedOn: d(-50), endedOn: null }, { kind: 'long_relative', startedOn: d(-28), endedOn: null }] },
    { name: 'starts in the future', episodes: [{ kind: 'long_relative', startedOn: d(3), endedOn: null }] },
    { name: 'an offer stops the days', episodes: [{ kind: 'long_relative', startedOn: d(-90), endedOn: null }], offerFrom: d(-20) },
    { name: 'an offer from tomorrow does not', episodes: [{ kind: 'absolute', startedOn: d(-90), endedOn: null }], offerFrom: d(1) },
    { name: 'another definition', episodes: [{ kind: 'sick', startedOn: d(-12), endedOn: null }], def: { minDays: 10, countedKinds: ['sick'] } },
  ];

  it.each(sets)('$name', async ({ episodes, offerFrom, def = DEF }) => {
    const pupilId = pupils[9]!;
    await t.database.raw('delete from absence_cases where pupil_id = $1', [pupilId]);
    const id = await insertCase(t.database, w.a.regionId, w.users.swv_consultant, { pupilId, openedOn: d(-120), offerFrom: offerFrom ?? null, episodes });
    const today = sql`${TODAY}::date`;
    const since = countingSinceSql('c', today, def);
    const [row] = await withTenant(t.database.db, w.a.regionId, (tx) =>
      query<{ since: string | null; days: number; thuiszitter: boolean }>(
        tx,
        sql`select s.since::text as since, ${daysWithoutEducationSql('c', sql`s.since`, today)} as days,
                   ${isThuiszitterSql(sql`s.since`, today, def)} as thuiszitter
              from absence_cases c cross join lateral (select ${since} as since) s where c.id = ${id}::uuid`,
      ),
    );
    const pure = countingSince(episodes, def, TODAY);
    expect(row!.since).toBe(pure);
    expect(row!.thuiszitter).toBe(isThuiszitter(pure, def, TODAY));
    expect(Number(row!.days)).toBe(daysWithoutEducation(pure, TODAY, offerFrom ?? null));
  });
});

describe('the synthetic seed', () => {
  it('gives a share of the pupils a case of a realistic kind, some open without owner, and keeps to the rules', async () => {
    const r = await generateRegion(t.database, { slug: 'seed-absence', name: 'Seed', schools: 4, pupils: 1000, seed: 5 });
    await seedAbsenceCases(t.database, r.regionId, { by: w.users.swv_consultant, openShare: 0.05, closedShare: 0.15, today: TODAY });
    const [c] = await t.database.raw<{ open: number; closed: number; kinds: number; no_owner: number; passed: number; bad: number }>(
      `select count(*) filter (where closed_on is null)::int as open, count(*) filter (where closed_on is not null)::int as closed,
              (select count(distinct kind)::int from absence_episodes where region_id = $1) as kinds,
              count(*) filter (where closed_on is null and owner_user_id is null)::int as no_owner,
              count(*) filter (where closed_on is null and next_date < $2::date)::int as passed,
              (select count(*)::int from absence_episodes e join absence_cases k on k.region_id = e.region_id and k.id = e.case_id
                where e.region_id = $1 and (e.started_on > $2::date or k.opened_on > $2::date or k.closed_on >= $2::date)) as bad
         from absence_cases where region_id = $1`,
      [r.regionId, TODAY],
    );
    expect(c!.open).toBeGreaterThan(25);
    expect(c!.open).toBeLessThan(80);
    expect(c!.closed).toBeGreaterThan(100);
    expect(c!.closed).toBeLessThan(200);
    expect(c!.kinds).toBeGreaterThanOrEqual(5);
    expect(c!.no_owner).toBeGreaterThan(0);
    expect(c!.passed).toBeGreaterThan(0);
    expect(c!.bad).toBe(0);
    const f = await withTenant(t.database.db, r.regionId, (tx) =>
      loadFigures(tx, { scope: { kind: 'region' }, def: DEF, from: addDays(TODAY, -730), to: TODAY, today: TODAY }),
    );
    expect(f.open.total).toBe(c!.open);
    expect(f.closed.total).toBe(c!.closed);
    expect(f.open.thuiszitters).toBeGreaterThan(0);
  });
});
