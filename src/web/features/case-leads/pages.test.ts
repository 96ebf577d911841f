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
import CasePage from './CasePage.js';
import { caseKey, myCasesKey, MY_CASES_PAGE_SIZE, type TCase, type TMyCases } from './data.js';
import MyCasesPage from './MyCasesPage.js';

/**
 * The pages rendered to HTML with their data in the cache: every text from the message file, the
 * signal said in words, parents get one contact and the plan without buttons or staff notes.
 */
beforeAll(async () => {
  await i18n.use(initReactI18next).init({ resources: { nl: { translation: nl } }, lng: 'nl', interpolation: { escapeValue: false } });
});

const PUPIL = '11111111-1111-4111-8111-111111111111';
const me = (role: NonNullable<Me['activeMembership']>['role']): Me => {
  const m = { id: 'm', role, regionId: 'r', regionName: 'Regio', organisationId: 's', organisationName: 'De Regenboog' };
  return { user: { id: 'u', name: 'Test', email: 't@x', locale: 'nl' }, activeMembership: m, memberships: [m], secondFactor: { required: false, enabled: true } };
};
const pupil: Pupil = {
  id: PUPIL, displayName: 'Sanne de Vries', firstName: 'Sanne', namePrefix: 'de', lastName: 'Vries', dateOfBirth: '2016-01-01',
  school: { id: 's', name: 'De Regenboog' }, group: null, enrolledOn: '2022-08-01', gemeente: null, guardians: [],
  policies: { update: false, dossier: true, opp: true, sharing: true, accessLog: true, breakGlass: false, requests: true, arrangements: true, meetings: true, caseLead: true, absence: false },
};
const IB = { id: 'ib', name: 'Iris Bakker' };
const theCase = (over: Partial<TCase> = {}): TCase => ({
  caseLead: { id: 'cl', person: IB, email: 'iris@regenboog.nl', organisation: { id: 's', name: 'De Regenboog' }, since: '2026-09-01T10:00:00.000Z', note: 'Afgesproken in het MDO', isMe: true },
  history: [
    { id: 'cl', person: IB, organisation: { id: 's', name: 'De Regenboog' }, from: '2026-09-01T10:00:00.000Z', until: null, endReason: null, endNote: null, note: 'Afgesproken in het MDO', namedBy: IB, endedBy: null },
  ],
  candidates: [{ userId: 'cp', name: 'Chris Peters', organisation: { id: 'p', name: 'CJG Noord' }, role: 'care_partner', task: 'Gezinscoach' }],
  signalPlans: [
    { id: 'b', level: 'B', trigger: 'Wachtlijst jeugdhulp langer dan 6 weken', triggerOn: '2026-11-01', action: 'Overbruggingszorg via het wijkteam', actorName: 'CJG-coach', status: 'waiting', statusNote: null, triggered: true, rowVersion: 1, updatedAt: '2026-09-01T10:00:00.000Z' },
  ],
  today: '2026-11-02',
  policies: { setCaseLead: true, close: true, readHistory: true, readSignalPlan: true, editSignalPlan: true },
  ...over,
});

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
const noRawKeys = (html: string) => expect(html).not.toMatch(/caseLeads\.[a-z]|validation\.|errors\./);
const casePage = (who: Me, c: TCase) =>
  render(CasePage, `/leerlingen/${PUPIL}/regie`, '/leerlingen/:id/regie', who, [
    [['pupils', 'detail', PUPIL], pupil],
    [caseKey(PUPIL), c],
  ]);

describe('the case page', () => {
  it('for the IB\'er: who leads, the handover and closing, the history, and a plan B that signals in words', () => {
    const html = casePage(me('school_care_coordinator'), theCase());
    noRawKeys(html);
    expect(html).toContain('Regie en signaleringsplan van Sanne de Vries');
    expect(html).toContain('Iris Bakker (dat bent u)');
    expect(html).toContain('Regie overdragen');
    expect(html).toContain('Casus afsluiten');
    expect(html).toContain('Voert nu de regie');
    expect(html).toContain('<strong>Signaal:</strong> de datum is voorbij — bespreek of plan B nu ingaat.');
    expect(html).toContain('Plan B laten ingaan');
    expect(html).toContain('Plan C maken');
    // D waits for C
    expect(html).toContain('Er is nog geen plan D. Maak eerst plan C: plan D is voor als plan C niet werkt.');
  });

  it('without a case lead: the empty state with the form, and no plan writing yet', () => {
    const html = casePage(me('school_care_coordinator'), theCase({ caseLead: null, history: [], signalPlans: [], policies: { setCaseLead: true, close: false, readHistory: true, readSignalPlan: true, editSignalPlan: true } }));
    noRawKeys(html);
    expect(html).toContain('Er is nog geen regievoerder.');
    expect(html).toContain('Regievoerder aanwijzen');
    expect(html).toContain('Chris Peters — CJG Noord (Gezinscoach)');
    expect(html).toContain('Wijs eerst een regievoerder aan.');
    expect(html).not.toContain('Plan B maken');
  });

  it('for the parent: one contact and the plan in plain words, nothing to change', () => {
    const html = casePage(
      me('parent'),
      theCase({ history: [], candidates: [], caseLead: { ...theCase().caseLead!, note: null, isMe: false }, policies: { setCaseLead: false, close: false, readHistory: false, readSignalPlan: true, editSignalPlan: false } }),
    );
    noRawKeys(html);
    expect(html).toContain('Wie houdt het overzicht voor Sanne?');
    expect(html).toContain('Iris Bakker van De Regenboog houdt het overzicht');
    expect(html).toContain('iris@regenboog.nl');
    expect(html).toContain('Nog niet nodig');
    expect(html).toContain('De regievoerder bespreekt met u en de school of plan B nu nodig is.');
    expect(html).not.toMatch(/Regie overdragen|Casus afsluiten|laten ingaan|wijzigen|Plan C/);
    expect(html).not.toContain('Afgesproken in het MDO');
  });
});

describe('Mijn regie', () => {
  const key = myCasesKey({ page: 1, pageSize: MY_CASES_PAGE_SIZE });
  it('lists my children with the signal, the next meeting and the open actions in words', () => {
    const list: TMyCases = {
      items: [
        { pupil: { id: PUPIL, name: 'Sanne de Vries' }, school: { id: 's', name: 'De Regenboog' }, since: '2026-09-01T10:00:00.000Z', nextMeeting: null, agreedNextOn: '2026-12-10', openActions: 2, triggeredPlans: 1 },
        { pupil: { id: 'p2', name: 'Bram Jansen' }, school: { id: 's', name: 'De Regenboog' }, since: '2026-10-01T10:00:00.000Z', nextMeeting: { id: 'm1', startsAt: '2026-12-01T12:30:00.000Z' }, agreedNextOn: null, openActions: 0, triggeredPlans: 0 },
        { pupil: { id: 'p3', name: 'Noor Smit' }, school: { id: 's', name: 'De Regenboog' }, since: '2026-10-01T10:00:00.000Z', nextMeeting: null, agreedNextOn: null, openActions: 0, triggeredPlans: 0 },
      ],
      page: 1,
      pageSize: MY_CASES_PAGE_SIZE,
      total: 3,
    };
    const html = render(MyCasesPage, '/mijn-regie', '/mijn-regie', me('swv_consultant'), [[key, list]]);
    noRawKeys(html);
    expect(html).toContain('U voert de regie over 3 leerlingen.');
    expect(html).toContain(`href="/leerlingen/${PUPIL}/regie"`);
    expect(html).toContain('1 signaal: datum voorbij');
    expect(html).toContain('Afgesproken: 10 december 2026');
    expect(html).toContain('href="/overleg/m1"');
    expect(html).toContain('1 december 2026 om 13:30');
    expect(html).toContain('Niets gepland');
  });

  it('says so when I lead nothing', () => {
    const html = render(MyCasesPage, '/mijn-regie', '/mijn-regie', me('care_partner'), [[key, { items: [], page: 1, pageSize: MY_CASES_PAGE_SIZE, total: 0 }]]);
    expect(html).toContain('U voert nu geen regie over leerlingen.');
  });
});
