import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n from 'i18next';
import { createElement as h, type ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import nl from '../../i18n/nl.json' with { type: 'json' };
import { SessionProvider } from '../../session.js';
import type { Me, Pupil } from '../../types.js';
import ArrangementPage from './ArrangementPage.js';
import CataloguePage from './CataloguePage.js';
import CostsPage from './CostsPage.js';
import { arrangementKey, catalogueKey, costsKey, pupilArrangementsKey, type TArrangement, type TCatalogue, type TCostReport, type TPupilArrangements } from './data.js';
import PupilArrangementsPage from './PupilArrangementsPage.js';

/**
 * The pages rendered to HTML with their data already in the cache: every text comes from the
 * message file (no raw keys), parents read B1 words and no staff names, over budget is said in words.
 */
beforeAll(async () => {
  await i18n.use(initReactI18next).init({ resources: { nl: { translation: nl } }, lng: 'nl', interpolation: { escapeValue: false } });
});

const PUPIL = '11111111-1111-4111-8111-111111111111';
const ARR = '22222222-2222-4222-8222-222222222222';
const me = (role: Me['activeMembership'] extends infer M ? (M extends { role: infer R } ? R : never) : never): Me => {
  const m = { id: 'm', role, regionId: 'r', regionName: 'Regio', organisationId: 's', organisationName: 'De Regenboog' };
  return { user: { id: 'u', name: 'Test', email: 't@x', locale: 'nl' }, activeMembership: m, memberships: [m], secondFactor: { required: false, enabled: true } };
};

const arrangement = (over: Partial<TArrangement> = {}): TArrangement => ({
  id: ARR,
  pupil: { id: PUPIL, name: 'Sanne de Vries' },
  school: { id: 's', name: 'De Regenboog' },
  requestId: '33333333-3333-4333-8333-333333333333',
  type: { id: 't', name: 'Leesbegeleiding', description: 'Begeleiding bij lezen.' },
  goals: [{ goal: 'Leest vlot', criterion: '3 fouten of minder' }],
  executor: { kind: 'own_staff', name: 'Juf Anja' },
  hours: 1.5,
  startOn: '2026-08-01',
  endOn: '2027-07-31',
  evaluationDates: ['2026-10-01', '2027-01-15'],
  nextEvaluationOn: '2027-01-15',
  status: 'active',
  spends: [{ id: 's1', spentOn: '2026-09-01', amountCents: 350000, hours: 2, description: 'Lessen', recordedByName: 'Test IB' }],
  totals: { budgetCents: 320000, spentCents: 350000, spentHours: 2, remainingCents: -30000, overBudget: true },
  evaluations: [],
  policies: { manage: true, recordSpend: true, evaluate: true, end: true, requestExtension: true },
  ...over,
});

function render(page: ComponentType, path: string, pattern: string, who: Me, cache: [readonly unknown[], unknown][]) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY, retry: false } } });
  for (const [key, data] of cache) client.setQueryData(key, data);
  // React marks text joins with <!-- -->; they are no part of what a reader sees
  return renderToString(
    h(
      QueryClientProvider,
      { client },
      h(SessionProvider, { value: who }, h(MemoryRouter, { initialEntries: [path] }, h(Routes, null, h(Route, { path: pattern, element: h(page) })))),
    ),
  ).replace(/<!-- -->/g, '');
}

const noRawKeys = (html: string) => expect(html).not.toMatch(/arrangements\.[a-z]|errors\.arrangement_/);

describe('arrangement pages', () => {
  it('one arrangement for staff: goals, next evaluation, over budget in words, who recorded, the forms to open', () => {
    const html = render(ArrangementPage, `/arrangementen/${ARR}`, '/arrangementen/:id', me('school_care_coordinator'), [[arrangementKey(ARR), arrangement()]]);
    noRawKeys(html);
    expect(html).toContain('Leesbegeleiding voor Sanne de Vries');
    expect(html).toContain('Leest vlot');
    expect(html).toMatch(/15 januari 2027 \(volgende\)/);
    expect(html).toMatch(/overschreden met €.300,00/);
    expect(html).toContain('Test IB');
    expect(html).toContain('Uitgave vastleggen');
    expect(html).toContain('Arrangement beëindigen');
  });

  it('one arrangement for a parent: plain words, no staff names, no buttons', () => {
    const a = arrangement({
      executor: { kind: 'own_staff', name: null },
      spends: [{ id: 's1', spentOn: '2026-09-01', amountCents: 25000, hours: 2, description: 'Lessen', recordedByName: null }],
      totals: { budgetCents: 320000, spentCents: 25000, spentHours: 2, remainingCents: 295000, overBudget: false },
      policies: { manage: false, recordSpend: false, evaluate: false, end: false, requestExtension: false },
    });
    const html = render(ArrangementPage, `/arrangementen/${ARR}`, '/arrangementen/:id', me('parent'), [[arrangementKey(ARR), a]]);
    noRawKeys(html);
    expect(html).toContain('Wat is het doel?');
    expect(html).toContain('Wat is er uitgegeven?');
    expect(html).toMatch(/Er is €.250,00 uitgegeven aan de hulp voor uw kind/);
    expect(html).not.toContain('Vastgelegd door');
    expect(html).not.toContain('Uitgave vastleggen');
    expect(html).not.toContain('beëindigen');
    expect(html).not.toContain('<dialog');
  });

  it('the child\u2019s list for a parent, with totals', () => {
    const pupil: Pupil = {
      id: PUPIL, displayName: 'Sanne de Vries', firstName: 'Sanne', namePrefix: 'de', lastName: 'Vries', dateOfBirth: '2016-01-01',
      school: { id: 's', name: 'De Regenboog' }, group: null, enrolledOn: '2022-08-01', gemeente: null, guardians: [],
      policies: { update: false, dossier: true, opp: true, sharing: true, accessLog: true, breakGlass: false, requests: true, arrangements: true, meetings: true, caseLead: true, absence: false },
    };
    const list: TPupilArrangements = {
      items: [{ id: ARR, type: { id: 't', name: 'Leesbegeleiding' }, status: 'active', executorKind: 'own_staff', hours: 1.5, startOn: '2026-08-01', endOn: '2027-07-31', nextEvaluationOn: null, requestId: null, totals: { budgetCents: 320000, spentCents: 25000, spentHours: 2, remainingCents: 295000, overBudget: false } }],
      totals: { budgetCents: 320000, spentCents: 25000, spentHours: 2 },
    };
    const html = render(PupilArrangementsPage, `/leerlingen/${PUPIL}/arrangementen`, '/leerlingen/:id/arrangementen', me('parent'), [
      [['pupils', 'detail', PUPIL], pupil],
      [pupilArrangementsKey(PUPIL), list],
    ]);
    noRawKeys(html);
    expect(html).toContain('Welke extra hulp krijgt Sanne?');
    expect(html).toContain('1,5 uur per week');
    expect(html).toMatch(/€.3\.200,00/);
  });

  it('the catalogue, empty and filled, with beheer\u2019s buttons only for beheer', () => {
    const empty: TCatalogue = { items: [], page: 1, pageSize: 25, total: 0, policies: { manage: false } };
    const key = catalogueKey({ page: 1, pageSize: 25 });
    expect(render(CataloguePage, '/arrangementen', '/arrangementen', me('teacher'), [[key, empty]])).toContain('Er staan nog geen arrangementen in de catalogus.');
    const full: TCatalogue = {
      items: [{ id: 't', name: 'Plusklas', description: 'Meer uitdaging', typicalHours: 3, typicalCostCents: 180000, executors: ['pool'], active: true }],
      page: 1, pageSize: 25, total: 1, policies: { manage: true },
    };
    const html = render(CataloguePage, '/arrangementen', '/arrangementen', me('swv_admin'), [[key, full]]);
    noRawKeys(html);
    expect(html).toContain('3 uur per week');
    expect(html).toContain('Expertisepool van het samenwerkingsverband');
    expect(html).toContain('Niet meer aanbieden');
  });

  it('the costs report with both halves, totals and the CSV link', () => {
    const f = { spentFirstCents: 10000, spentSecondCents: 20000, spentTotalCents: 30000, budgetFirstCents: 61000, budgetSecondCents: 120000, budgetTotalCents: 181000, arrangements: 1 };
    const report: TCostReport = {
      view: 'schoolYear', year: 2026,
      periods: [{ from: '2026-08-01', to: '2026-12-31', schoolYear: 2026 }, { from: '2027-01-01', to: '2027-07-31', schoolYear: 2026 }],
      rows: [{ school: { id: 'a', name: 'De Regenboog' }, ...f }, { school: { id: 'b', name: 'Het Anker' }, ...f }],
      total: { ...f, spentTotalCents: 60000 },
    };
    const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date()).slice(0, 7).replace('-', '.')) >= 2026.08 ? 2026 : 0;
    const html = render(CostsPage, '/kosten', '/kosten', me('swv_board'), [[costsKey({ schoolYear: year || 2025 }), report]]);
    noRawKeys(html);
    expect(html).toContain('Uitgegeven aug–dec 2026');
    expect(html).toContain('Budget jan–jul 2027');
    expect(html).toMatch(/€.600,00/);
    expect(html).toContain('arrangement-costs.csv?schoolYear=');
  });
});
