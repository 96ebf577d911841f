import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n from 'i18next';
import { createElement as h, type ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import nl from '../../i18n/nl.json' with { type: 'json' };
import { SessionProvider } from '../../session.js';
import type { Me } from '../../types.js';
import { defaultPeriod, overviewKey, periodProblem, settingsKey, type TAbsenceOverview, type TAbsenceSettingsAnswer, topWithRest } from './figures-data.js';
import OverviewPage from './OverviewPage.js';
import { ladderKeys, toFormField, toInput, toValues } from './SettingsForm.js';
import SettingsPage from './SettingsPage.js';

/**
 * The figures and settings pages rendered to HTML with their data in the cache: every text from
 * the message file, a hidden count said as "< 5" and explained, each chart's numbers in a table,
 * no durations in the anonymised view, and the ladder as editable steps.
 */
beforeAll(async () => {
  await i18n.use(initReactI18next).init({ resources: { nl: { translation: nl } }, lng: 'nl', interpolation: { escapeValue: false } });
});

const me = (role: NonNullable<Me['activeMembership']>['role']): Me => {
  const m = { id: 'm', role, regionId: 'r', regionName: 'Regio', organisationId: 's', organisationName: 'SWV' };
  return { user: { id: 'u', name: 'Test', email: 't@x', locale: 'nl' }, activeMembership: m, memberships: [m], secondFactor: { required: false, enabled: true } };
};

function render(page: ComponentType, path: string, pattern: string, who: Me, cache: [readonly unknown[], unknown][]) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY, retry: false } } });
  for (const [key, data] of cache) client.setQueryData(key, data);
  return renderToString(
    h(
      QueryClientProvider,
      { client },
      h(SessionProvider, { value: who }, h(MemoryRouter, { initialEntries: [path] }, h(Routes, null, h(Route, { path: pattern, element: h(page) })))),
    ),
  ).replace(/<!-- -->/g, '');
}
const noRawKeys = (html: string) => expect(html).not.toMatch(/absence\.[a-z]+\.|validation\.|errors\./);
/** The text of the table of one figure, cell by cell, e.g. "Terug op school|7". */
function tableRows(html: string, id: string): string[] {
  const table = new RegExp(`id="${id}-caption"[\\s\\S]*?</table>`).exec(html)?.[0] ?? '';
  const body = table.slice(table.indexOf('<tbody'));
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) =>
    [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '').trim()).join('|'),
  );
}

const PERIOD = { from: '2026-01-01', to: '2026-12-31' };
const overview = (over: Partial<TAbsenceOverview> = {}): TAbsenceOverview => ({
  anonymised: false,
  scope: { kind: 'region', name: 'Samenwerkingsverband Demo' },
  period: PERIOD,
  today: '2026-11-02',
  pupils: 12400,
  open: {
    total: 23,
    thuiszitters: 9,
    per1000: 0.73,
    noOwner: 3,
    nextDatePassed: 0,
    byKind: [
      { key: 'long_relative', label: null, count: 14 },
      { key: 'absolute', label: null, count: 6 },
      { key: 'sick_partly', label: null, count: 4 },
    ],
    bySchool: [
      { key: 's1', label: 'De Regenboog', count: 8 },
      { key: 's2', label: 'Het Kompas', count: 15 },
    ],
    byGemeente: [
      { key: 'g1', label: 'Utrecht', count: 20 },
      { key: 'unknown', label: null, count: 3 },
    ],
  },
  durations: { p50: 42, p90: 130, n: 9 },
  closed: {
    total: 11,
    byReason: [
      { key: 'back_at_school', label: null, count: 7 },
      { key: 'other_school', label: null, count: 4 },
    ],
  },
  trend: [
    { month: '2026-10', opened: 5, closed: 2, openAtEnd: 20 },
    { month: '2026-11', opened: 4, closed: 1, openAtEnd: 23 },
  ],
  ...over,
});
const overviewPage = (who: Me, data: TAbsenceOverview) =>
  render(OverviewPage, `/verzuim/cijfers?van=${PERIOD.from}&tot=${PERIOD.to}`, '/verzuim/cijfers', who, [[overviewKey(PERIOD), data]]);

describe('the figures page', () => {
  it('for the SWV: key figures, every chart with a table of the same numbers, durations, both downloads', () => {
    const html = overviewPage(me('swv_consultant'), overview());
    noRawKeys(html);
    expect(html).toContain('Regio: Samenwerkingsverband Demo');
    expect(html).toContain('Nu open (stand van 2 november 2026)');
    expect(html).toContain('Thuiszitters per 1.000 leerlingen');
    expect(html).toContain('0,7');
    // red is repeated in words
    expect(html).toContain('Vraagt aandacht: </strong>Wijs een eigenaar toe.');
    expect(html).toContain('42 dagen');
    expect(html).toContain('130 dagen');
    expect(tableRows(html, 'absence-by-kind')).toEqual(['Langdurig relatief verzuim|14', 'Absoluut verzuim|6', 'Ziek, maar deels belastbaar|4']);
    // largest first
    expect(tableRows(html, 'absence-by-school')).toEqual(['Het Kompas|15', 'De Regenboog|8']);
    expect(tableRows(html, 'absence-by-gemeente')).toEqual(['Utrecht|20', 'Gemeente niet bekend|3']);
    expect(tableRows(html, 'absence-closed')).toEqual(['Terug op school|7', 'Naar een andere school|4']);
    expect(tableRows(html, 'absence-trend')).toEqual(['okt 2026|5|2|20', 'nov 2026|4|1|23']);
    // the chart is for the eye only
    expect(html).toMatch(/<div aria-hidden="true" class="rondom-chart"/);
    expect(html).toContain('href="/api/v1/absence/overview.csv?from=2026-01-01&amp;to=2026-12-31"');
    expect(html).toContain('Telling voor de inspectie (CSV)');
    expect(html).not.toContain('Aantallen onder de 5');
  });

  it('anonymised: "< 5" explained once, no durations, no inspectorate count', () => {
    const data = overview({
      anonymised: true,
      pupils: 12400,
      open: {
        ...overview().open,
        thuiszitters: '<5',
        per1000: null,
        noOwner: '<5',
        nextDatePassed: '<5',
        byKind: [
          { key: 'long_relative', label: null, count: 14 },
          { key: 'absolute', label: null, count: '<5' },
        ],
        byGemeente: [{ key: 'g1', label: 'Utrecht', count: '<5' }],
      },
      durations: null,
      trend: [{ month: '2026-11', opened: '<5', closed: '<5', openAtEnd: '<5' }],
    });
    const html = overviewPage(me('municipality_analyst'), data);
    noRawKeys(html);
    expect(html).toContain('Dit is een geanonimiseerd overzicht');
    expect(html.split('Aantallen onder de 5 tonen we niet, zodat niemand herkenbaar is').length).toBe(2);
    expect(tableRows(html, 'absence-by-kind')).toEqual(['Langdurig relatief verzuim|14', 'Absoluut verzuim|&lt; 5']);
    expect(html).not.toContain('&lt;5');
    expect(html).not.toMatch(/dagen|Duur:/);
    expect(html).not.toContain('inspectie');
    expect(html).toContain('Cijfers als CSV');
    // '<5' may be 0 here, and the analyst cannot act on it: no red marks
    expect(html).not.toContain('Vraagt aandacht');
    expect(html).toContain('Niet getoond: minder dan 5 thuiszitters.');
    // a chart whose every count is hidden would be empty: only its table (gemeente and trend here)
    expect(html.match(/class="rondom-chart"/g)).toHaveLength(3);
    expect(tableRows(html, 'absence-trend')).toEqual(['nov 2026|&lt; 5|&lt; 5|&lt; 5']);
  });

  it('with no cases: says so instead of empty charts', () => {
    const zero = overview({
      open: { total: 0, thuiszitters: 0, per1000: 0, noOwner: 0, nextDatePassed: 0, byKind: [], bySchool: [], byGemeente: [] },
      durations: { p50: null, p90: null, n: 0 },
      closed: { total: 0, byReason: [] },
      trend: [{ month: '2026-11', opened: 0, closed: 0, openAtEnd: 0 }],
    });
    const html = overviewPage(me('swv_consultant'), zero);
    noRawKeys(html);
    expect(html).toContain('Er zijn geen verzuimzaken');
    expect(html).toContain('Er zijn nu geen thuiszitters.');
    expect(html).not.toContain('Open zaken per soort verzuim');
  });

  it('a bad period is named next to its field and asks nothing', () => {
    const html = render(OverviewPage, '/verzuim/cijfers?van=2026-05-01&tot=2026-01-01', '/verzuim/cijfers', me('swv_consultant'), []);
    expect(html).toContain('De einddatum ligt vóór de begindatum');
    expect(html).not.toContain('Laden');
  });
});

describe('figure helpers', () => {
  it('the default period is 12 whole months up to today', () => {
    expect(defaultPeriod('2026-11-02')).toEqual({ from: '2025-12-01', to: '2026-11-02' });
    expect(periodProblem({ from: '2020-01-01', to: '2026-01-01' })?.key).toBe('absence.figures.period.tooLong');
    expect(periodProblem({ from: '2026-02-30', to: '2026-03-01' })?.field).toBe('from');
  });

  it('top schools and the rest: a lower bound when some counts are hidden', () => {
    const rows = Array.from({ length: 18 }, (_, i) => ({ key: `s${i}`, label: `School ${i}`, count: i < 15 ? 20 - i : ('<5' as const) }));
    const top = topWithRest(rows, 15, 'Overige scholen');
    expect(top).toHaveLength(16);
    expect(top[15]).toEqual({ key: 'other', label: 'Overige scholen', count: 3, atLeast: true });
    expect(topWithRest(rows.slice(0, 16), 15, 'x')).toHaveLength(16);
  });
});

const settings = (over: Partial<TAbsenceSettingsAnswer> = {}): TAbsenceSettingsAnswer => ({
  thuiszitter: { minDays: 28, countedKinds: ['long_relative', 'absolute', 'sick_partly'] },
  ladder: [
    { key: 'no_plan', condition: 'no_plan', after: { amount: 2, unit: 'weeks' }, target: 'coordinator' },
    { key: 'no_offer', condition: 'no_offer', after: { amount: 3, unit: 'months' }, target: 'escalation_contact' },
  ],
  reasons: [
    { id: 'psychisch', label: 'Psychische klachten', active: true },
    { id: 'oud', label: 'Oude reden', active: false },
  ],
  coordinator: { id: 'c1', name: 'Carla Consulent' },
  escalationContact: { name: 'Eva Escalatie', email: 'eva@gemeente.nl' },
  coordinatorCandidates: [
    { id: 'c1', name: 'Carla Consulent' },
    { id: 'c2', name: 'Kees Consulent' },
  ],
  policies: { update: true },
  ...over,
});
const settingsPage = (who: Me, data: TAbsenceSettingsAnswer) => render(SettingsPage, '/instellingen-verzuim', '/instellingen-verzuim', who, [[settingsKey, data]]);

describe('the settings page', () => {
  it('for functioneel beheer: the definition, the ladder rows, the coordinator, the contact and the reasons as a form', () => {
    const html = settingsPage(me('swv_admin'), settings());
    noRawKeys(html);
    expect(html).toContain('Wanneer is een kind thuiszitter?');
    expect(html).toContain('Een vrijstelling stopt de telling altijd.');
    // (react-hook-form fills the fields after mounting; toValues is tested below)
    expect(html).toContain('for="abs-set-minDays"');
    // exemptions are not offered as kinds that count
    expect(html).toContain('Langdurig relatief verzuim');
    expect(html).not.toContain('Vrijstelling 5a');
    // the ladder: one fieldset per step, with its sentence
    expect(html).toContain('<legend class="rondom-fieldset__legend">Stap 1</legend>');
    expect(html).toContain('<legend class="rondom-fieldset__legend">Stap 2</legend>');
    expect(html).toContain('Na 2 weken zonder plan (geteld vanaf de dag dat de zaak begon): Rondom roept de coördinator thuiszitters erbij.');
    expect(html).toContain('Na 3 maanden zonder onderwijsaanbod (geteld vanaf de eerste dag zonder onderwijs): Rondom roept het escalatiecontact erbij.');
    expect(html).toContain('Stap 2 verwijderen');
    expect(html).toContain('Stap toevoegen');
    expect(html).toContain('Alle consulenten');
    expect(html).toContain('Kees Consulent');
    expect(html).toContain('Escalatiecontact (doorbraakaanpak)');
    expect(html).toContain('Reden 2 verwijderen');
    expect(html).toContain('Niet meer kiezen');
    expect(html).toContain('Instellingen opslaan');
  });

  it('for a consultant: the same settings to read, no form', () => {
    const html = settingsPage(me('swv_consultant'), settings({ policies: { update: false } }));
    noRawKeys(html);
    expect(html).toContain('Alleen de beheerder van het samenwerkingsverband kan ze wijzigen.');
    expect(html).toContain('Na 28 dagen zonder onderwijs is een kind thuiszitter.');
    expect(html).toContain('Na 2 weken zonder plan');
    expect(html).toContain('Carla Consulent');
    expect(html).toContain('Oude reden (niet meer te kiezen)');
    expect(html).not.toMatch(/<form|<input|Opslaan/);
  });
});

describe('the settings form and the API', () => {
  it('keeps the keys of existing steps, makes unique keys for new ones, and sends only the reasons kept', () => {
    const v = toValues(settings());
    expect(v.minDays).toBe('28');
    expect(v.reasons[1]).toEqual({ id: 'oud', label: 'Oude reden', retired: true, removed: false });
    expect(v.coordinatorUserId).toBe('c1');
    v.ladder.push({ key: '', condition: 'no_plan', amount: '6', unit: 'weeks', target: 'escalation_contact' });
    v.ladder[0]!.amount = '3';
    expect(ladderKeys(v.ladder)).toEqual(['no_plan', 'no_offer', 'no_plan_2']);
    v.reasons[0]!.removed = true;
    v.reasons.push({ id: '', label: ' Wachtlijst ', retired: false, removed: false });
    const { input, sent } = toInput(v);
    expect(input.ladder[0]).toEqual({ key: 'no_plan', condition: 'no_plan', after: { amount: 3, unit: 'weeks' }, target: 'coordinator' });
    expect(input.reasons).toEqual([
      { id: 'oud', label: 'Oude reden', active: false },
      { label: 'Wachtlijst', active: true },
    ]);
    expect(sent).toEqual([1, 2]);
    expect(input.escalationContact).toEqual({ name: 'Eva Escalatie', email: 'eva@gemeente.nl' });
    // the server's field names land on the form's fields
    expect(toFormField('reasons.0.label', sent)).toBe('reasons.1.label');
    expect(toFormField('reasons', sent)).toBe('reasons');
    expect(toFormField('ladder.2.after.amount', sent)).toBe('ladder.2.amount');
    expect(toFormField('ladder', sent)).toBe('ladder');
    expect(toFormField('thuiszitter.countedKinds', sent)).toBe('countedKinds');
    expect(toFormField('escalationContact.email', sent)).toBe('contactEmail');
  });
});
