import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/school-year.js';
import { createTestApp, type TestClient, type TTestApp } from '../../testing/app.js';
import { buildWorld, type TWorld, WORLD_PASSWORD } from '../../testing/world.js';
import { dutchDate } from '../opps/clocks.js';
import { insertCase } from './figures-fixtures.js';

let t: TTestApp;
let w: TWorld;
let consultant: TestClient;
let officer: TestClient;
let analyst: TestClient;
const today = dutchDate();
const d = (n: number) => addDays(today, n);
const PERIOD = `from=${d(-365)}&to=${today}`;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.database);
  consultant = await t.signIn(w.emails.swv_consultant!, WORLD_PASSWORD);
  officer = await t.signIn(w.emails.attendance_officer!, WORLD_PASSWORD);
  analyst = await t.signIn(w.emails.municipality_analyst!, WORLD_PASSWORD);
  const by = w.users.swv_consultant;
  // the G1 child: a thuiszitter for 60 days, no owner; a G2 child: absolute absence, closed last month
  await insertCase(t.database, w.a.regionId, by, { pupilId: w.ownGroupPupil, openedOn: d(-60), episodes: [{ kind: 'long_relative', startedOn: d(-60) }] });
  await insertCase(t.database, w.a.regionId, by, {
    pupilId: w.otherSchoolPupil,
    openedOn: d(-120),
    closedOn: d(-30),
    closeReason: 'other_school',
    episodes: [{ kind: 'absolute', startedOn: d(-120), endedOn: d(-31) }],
  });
  await insertCase(t.database, w.a.regionId, by, { pupilId: w.otherGemeentePupil, openedOn: d(-5), ownerUserId: by, episodes: [{ kind: 'exemption_5c', startedOn: d(-5) }] });
});
afterAll(() => t.close());

describe('GET /api/v1/absence/overview', () => {
  it('answers the region figures and writes counts only to the audit trail', async () => {
    const res = await consultant.get(`/api/v1/absence/overview?${PERIOD}`);
    expect(res.statusCode).toBe(200);
    const v = res.json();
    expect(v).toMatchObject({ anonymised: false, scope: { kind: 'region', name: `Regio A w` }, today, pupils: 40 });
    expect(v.open).toMatchObject({ total: 2, thuiszitters: 1, noOwner: 1, nextDatePassed: 0, per1000: 25 });
    expect(v.durations).toEqual({ p50: 60, p90: 60, n: 1 });
    expect(v.closed).toEqual({ total: 1, byReason: [{ key: 'other_school', label: null, count: 1 }] });
    expect(v.trend.length).toBeGreaterThanOrEqual(12);
    const [event] = await t.database.raw<{ action: string; details: Record<string, unknown>; pupil_id: string | null }>(
      `select action, details, pupil_id from audit_events where action = 'absence_figures.read' order by seq desc limit 1`,
    );
    expect(event).toMatchObject({ action: 'absence_figures.read', pupil_id: null, details: { format: 'json', scope: 'region', anonymised: false, open: 2, closed: 1 } });
  });

  it('gives leerplicht the children living in their gemeente, by the gemeente\'s name', async () => {
    const v = (await officer.get(`/api/v1/absence/overview?${PERIOD}`)).json();
    const [g1] = await t.database.raw<{ name: string }>('select name from organisations where id = $1', [w.a.gemeenteIds[0]]);
    expect(v.scope).toEqual({ kind: 'gemeente', name: g1!.name });
    // the G2 children (the closed case, the exemption) are not counted
    expect(v).toMatchObject({ pupils: 1, open: { total: 1, thuiszitters: 1, per1000: 1000 }, closed: { total: 0 } });
  });

  it('gives the analyst the region anonymised', async () => {
    const v = (await analyst.get(`/api/v1/absence/overview?${PERIOD}`)).json();
    expect(v).toMatchObject({ anonymised: true, pupils: 40, durations: null, open: { total: '<5', thuiszitters: '<5', per1000: null } });
    expect(v.open.byKind).toEqual(expect.arrayContaining([{ key: 'long_relative', label: null, count: '<5' }]));
  });

  it('refuses a bad period with a clear message', async () => {
    const cases: [string, string][] = [
      ['', 'from'],
      [`from=${today}`, 'to'],
      [`from=${today}&to=${d(-1)}`, 'to'],
      [`from=${d(-6 * 366)}&to=${today}`, 'from'],
      ['from=2026-02-30&to=2026-03-01', 'from'],
      ['from=2026-1-1&to=2026-03-01', 'from'],
      ['from=yesterday&to=today', 'from'],
    ];
    for (const [q, field] of cases) {
      const res = await consultant.get(`/api/v1/absence/overview?${q}`);
      expect(res.statusCode, q).toBe(400);
      const issue = res.json().error.issues.find((i: { field: string }) => i.field === field);
      expect(issue, `${q}: ${res.body}`).toBeTruthy();
      expect(issue.message).not.toMatch(/^validation\./);
    }
    const [msg] = (await consultant.get(`/api/v1/absence/overview?from=${today}&to=${d(-1)}`)).json().error.issues;
    expect(msg.message).toMatch(/einddatum/);
  });

  it('answers any query string with figures or a clean 400, never a 500', async () => {
    const date = fc.oneof(
      fc.date({ min: new Date('1900-01-01'), max: new Date('2200-12-31'), noInvalidDate: true }).map((x) => x.toISOString().slice(0, 10)),
      fc.string({ maxLength: 12 }),
      fc.constantFrom('2026-02-29', '2024-02-29', '0000-00-00', '9999-12-31', ''),
    );
    await fc.assert(
      fc.asyncProperty(fc.option(date, { nil: undefined }), fc.option(date, { nil: undefined }), async (from, to) => {
        const q = new URLSearchParams();
        if (from !== undefined) q.set('from', from);
        if (to !== undefined) q.set('to', to);
        for (const path of ['overview', 'overview.csv', 'inspectorate.csv']) {
          const res = await consultant.get(`/api/v1/absence/${path}?${q}`);
          expect([200, 400], `${path}?${q}: ${res.body.slice(0, 200)}`).toContain(res.statusCode);
          if (res.statusCode === 400) expect(res.json().error.issues[0].message).not.toMatch(/^validation\./);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('the CSV files', () => {
  it('writes the overview as Dutch rows with the reason and kind in words', async () => {
    const res = await consultant.get(`/api/v1/absence/overview.csv?${PERIOD}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="verzuim-cijfers-${d(-365)}-${today}.csv"`);
    const lines = res.body.slice(1).split('\r\n');
    expect(lines[0]).toBe('Onderdeel;Sleutel;Omschrijving;Waarde');
    expect(lines).toContain('Open zaken;thuiszitters;Thuiszitters;1');
    expect(lines).toContain('Open zaken;per1000;Thuiszitters per 1.000 leerlingen;25');
    expect(lines).toContain('Open naar soort verzuim;long_relative;Langdurig relatief verzuim;1');
    expect(lines).toContain('Afgesloten naar reden;other_school;Naar een andere school;1');
    expect(lines).toContain('Dagen zonder onderwijs (thuiszitters);p50;Mediaan (p50);60');
    const [event] = await t.database.raw<{ details: Record<string, unknown> }>(
      `select details from audit_events where action = 'absence_figures.export' order by seq desc limit 1`,
    );
    expect(event!.details).toMatchObject({ format: 'csv', open: 2 });
  });

  it('gives the analyst "< 5" and no durations', async () => {
    const lines = (await analyst.get(`/api/v1/absence/overview.csv?${PERIOD}`)).body.split('\r\n');
    expect(lines).toContain('Open zaken;total;Open zaken;< 5');
    expect(lines.some((l) => l.startsWith('Dagen zonder onderwijs'))).toBe(false);
  });

  it('writes the inspectorate count: every category on its line, the balance per category', async () => {
    const res = await consultant.get(`/api/v1/absence/inspectorate.csv?from=${d(-90)}&to=${today}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="verzuim-telling-inspectie-${d(-90)}-${today}.csv"`);
    const lines = res.body.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(
      'Categorie;Open bij begin periode;Nieuw in periode;Beëindigd in periode;Open aan eind periode;Open aan eind: tot 3 maanden;Open aan eind: 3 tot 6 maanden;Open aan eind: langer dan 6 maanden;Open aan eind: mediaan duur (dagen)',
    );
    expect(lines).toContain('Langdurig relatief verzuim;0;1;0;1;1;0;0;60');
    expect(lines).toContain('Absoluut verzuim;1;0;1;0;0;0;0;');
    expect(lines).toContain('Vrijstelling 5c;0;1;0;1;1;0;0;5');
    expect(lines).toContain('Vrijstelling 5b;0;0;0;0;0;0;0;');
    expect(lines).toHaveLength(9);
    // leerplicht: their gemeente only (the G2 exemption is not theirs)
    const own = (await officer.get(`/api/v1/absence/inspectorate.csv?from=${d(-90)}&to=${today}`)).body.split('\r\n');
    expect(own).toContain('Vrijstelling 5c;0;0;0;0;0;0;0;');
    expect(own).toContain('Langdurig relatief verzuim;0;1;0;1;1;0;0;60');
  });

  it('refuses the inspectorate count to anonymised viewers', async () => {
    expect((await analyst.get(`/api/v1/absence/inspectorate.csv?${PERIOD}`)).statusCode).toBe(403);
  });
});
