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
import CaseListPage from './CaseListPage.js';
import CasePage from './CasePage.js';
import {
  absenceCaseKey,
  caseListKey,
  caseListUrl,
  NO_CASE_FILTERS,
  ownerCandidatesKey,
  pupilAbsenceKey,
  type TAbsenceCase,
  type TAbsenceCaseList,
  type TPupilAbsence,
} from './data.js';
import PupilAbsencePage from './PupilAbsencePage.js';

/**
 * The absence pages rendered to HTML with their data in the cache: every text from the message
 * file, red flags said in words, the day counter, the empty states, and the forms only for those
 * the server lets act.
 */
beforeAll(async () => {
  await i18n.use(initReactI18next).init({ resources: { nl: { translation: nl } }, lng: 'nl', interpolation: { escapeValue: false } });
});

const PUPIL = '11111111-1111-4111-8111-111111111111';
const CASE = '22222222-2222-4222-8222-222222222222';
type TRole = NonNullable<Me['activeMembership']>['role'];
const me = (role: TRole): Me => {
  const m = { id: 'm', role, regionId: 'r', regionName: 'Regio', organisationId: 's', organisationName: 'De Regenboog' };
  return { user: { id: 'u', name: 'Test', email: 't@x', locale: 'nl' }, activeMembership: m, memberships: [m], secondFactor: { required: false, enabled: true } };
};
const pupil: Pupil = {
  id: PUPIL, displayName: 'Sanne de Vries', firstName: 'Sanne', namePrefix: 'de', lastName: 'Vries', dateOfBirth: '2014-01-01',
  school: { id: 's', name: 'De Regenboog' }, group: null, enrolledOn: '2022-08-01', gemeente: null, guardians: [],
  policies: { update: false, dossier: true, opp: true, sharing: true, accessLog: true, breakGlass: false, requests: true, arrangements: true, meetings: true, caseLead: true, absence: true },
};
const ALL = { update: true, close: true, addEpisode: true, endEpisode: true };
const NONE = { update: false, close: false, addEpisode: false, endEpisode: false };
const theCase = (over: Partial<TAbsenceCase> = {}): TAbsenceCase => ({
  id: CASE,
  pupil: { id: PUPIL, name: 'Sanne de Vries' },
  school: { id: 's', name: 'De Regenboog' },
  gemeente: { id: 'g', name: 'Utrecht' },
  status: 'open',
  openedOn: '2026-09-01',
  owner: null,
  plan: null,
  planBy: null,
  nextDate: '2026-10-01',
  offerFrom: null,
  closedOn: null,
  closeReason: null,
  closeNote: null,
  countingSince: '2026-09-01',
  daysWithoutEducation: 52,
  thuiszitter: true,
  flags: ['no_owner', 'next_date_passed', 'no_plan'],
  episodes: [
    {
      id: 'e1', kind: 'long_relative', startedOn: '2026-09-01', endedOn: null, exemptionEndsOn: null,
      reasons: [{ id: 'psychisch', label: 'Psychische klachten' }], reasonNote: 'Wil niet naar school', createdBy: 'Iris Bakker', createdAt: '2026-09-02T08:00:00.000Z',
    },
    {
      id: 'e0', kind: 'unauthorised', startedOn: '2026-08-25', endedOn: '2026-08-31', exemptionEndsOn: null,
      reasons: [], reasonNote: 'Spijbelen', createdBy: 'Iris Bakker', createdAt: '2026-08-26T08:00:00.000Z',
    },
  ],
  notices: [{ key: 'no_plan', kind: 'escalation', dueOn: '2026-09-15', sentAt: '2026-09-15T06:00:00.000Z', recipients: ['Karin Consulent'] }],
  rowVersion: 3,
  policies: ALL,
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
const noRawKeys = (html: string) => expect(html).not.toMatch(/absence\.[a-z]|validation\.|errors\./);
const casePage = (who: Me, c: TAbsenceCase) =>
  render(CasePage, `/verzuim/${CASE}`, '/verzuim/:id', who, [
    [absenceCaseKey(CASE), c],
    [ownerCandidatesKey(CASE), { items: [{ id: 'k', name: 'Karin Consulent', organisation: 'SWV Utrecht', role: 'swv_consultant' }] }],
  ]);

describe('the case page', () => {
  it('says in words what needs attention, shows the counter, and lets the consultant work the case', () => {
    const html = casePage(me('swv_consultant'), theCase());
    noRawKeys(html);
    expect(html).toContain('Verzuim van Sanne de Vries');
    expect(html).toContain(`href="/leerlingen/${PUPIL}"`);
    expect(html).toContain('Deze zaak vraagt nu aandacht');
    expect(html).toContain('Deze zaak heeft geen eigenaar');
    expect(html).toContain('De volgende datum is verstreken');
    expect(html).toContain('52 dagen zonder onderwijs');
    expect(html).toContain('Thuiszitter: sinds 1 september 2026 zonder onderwijs');
    // the work form, with the candidates and the version kept
    expect(html).toContain('Karin Consulent — SWV Utrecht (');
    expect(html).toMatch(/<label[^>]*for="absence-work-plan"/);
    expect(html).toMatch(/<label[^>]*for="absence-work-nextDate"/);
    expect(html).toMatch(/<label[^>]*for="absence-work-offerFrom"/);
    // episodes: the open one can be ended, the ended one says so
    expect(html).toContain('Langdurig relatief verzuim');
    expect(html).toContain('Sinds 1 september 2026 (loopt nog)');
    expect(html).toContain('Psychische klachten — Wil niet naar school');
    expect(html).toContain('Beëindigen');
    expect(html).toContain('Afgelopen');
    expect(html).toContain('Nieuwe periode');
    // what the ladder did
    expect(html).toContain('Op 15 september 2026 opgeschaald (nog geen plan). Ingeschakeld: Karin Consulent.');
    expect(html).toContain('Zaak afsluiten');
  });

  it('read-only for someone who may not work it: the same facts, no forms or buttons', () => {
    const html = casePage(me('care_partner'), theCase({ policies: NONE }));
    noRawKeys(html);
    expect(html).toContain('Geen eigenaar');
    expect(html).toContain('1 oktober 2026 — verlopen');
    expect(html).toContain('Nog geen plan');
    expect(html).not.toMatch(/<form|Beëindigen|Nieuwe periode|Zaak afsluiten/);
  });

  it('a closed case says how and when it was closed', () => {
    const html = casePage(
      me('swv_consultant'),
      theCase({ status: 'closed', closedOn: '2026-11-02', closeReason: 'back_at_school', closeNote: 'Start weer hele dagen', flags: [], thuiszitter: true, owner: { id: 'k', name: 'Karin Consulent' } }),
    );
    noRawKeys(html);
    expect(html).toContain('Afgesloten op 2 november 2026: Terug op school');
    expect(html).toContain('Start weer hele dagen');
    expect(html).toContain('De teller staat stil: de zaak is afgesloten.');
    expect(html).toContain('Zaak was open van 1 september 2026 tot en met 2 november 2026.');
    expect(html).not.toContain('Deze zaak vraagt nu aandacht');
    expect(html).not.toContain('Thuiszitter: sinds');
    expect(html).not.toMatch(/<form|Beëindigen|Zaak afsluiten/);
  });
});

describe('the case list', () => {
  const key = caseListKey(NO_CASE_FILTERS);
  const list: TAbsenceCaseList = {
    items: [
      {
        id: CASE, pupil: { id: PUPIL, name: 'Sanne de Vries' }, school: { id: 's', name: 'De Regenboog' }, gemeente: null, kinds: ['long_relative'],
        openedOn: '2026-09-01', daysWithoutEducation: 52, thuiszitter: true, owner: null, nextDate: '2026-10-01', flags: ['no_owner', 'next_date_passed'], closedOn: null, closeReason: null,
      },
      {
        id: 'c2', pupil: { id: 'p2', name: 'Bram Jansen' }, school: { id: 's2', name: 'Het Kompas' }, gemeente: null, kinds: ['sick'],
        openedOn: '2026-10-01', daysWithoutEducation: 0, thuiszitter: false, owner: { id: 'k', name: 'Karin Consulent' }, nextDate: '2026-12-01', flags: [], closedOn: null, closeReason: null,
      },
    ],
    page: 1,
    pageSize: 25,
    total: 2,
    attentionCount: 1,
  };

  it('counts what needs attention and says no owner and a passed date in words', () => {
    const html = render(CaseListPage, '/verzuim', '/verzuim', me('swv_consultant'), [[key, list]]);
    noRawKeys(html);
    expect(html).toContain('1 zaak vraagt aandacht');
    expect(html).toContain(`href="/verzuim/${CASE}"`);
    expect(html).toContain('Geen eigenaar');
    expect(html).toContain('1 oktober 2026 — verlopen');
    expect(html).toContain('Karin Consulent');
    expect(html).toContain('1 december 2026');
    expect(html).toContain('Alleen wat aandacht nodig heeft');
    expect(html).toContain('Alleen thuiszitters');
    expect(html).toContain('href="/verzuim/cijfers"');
    expect(html).toContain('Alle scholen');
    expect(html).toContain('Alle gemeenten');
  });

  it('asks the server for the cases of one gemeente when that filter is set', () => {
    expect(caseListUrl({ ...NO_CASE_FILTERS, gemeenteId: 'g1' })).toContain('gemeenteId=g1');
    expect(caseListUrl(NO_CASE_FILTERS)).not.toContain('gemeenteId');
  });

  it('a school sees no figures link and no school filter; an empty list says so', () => {
    const html = render(CaseListPage, '/verzuim', '/verzuim', me('school_care_coordinator'), [[key, { items: [], page: 1, pageSize: 25, total: 0, attentionCount: 0 }]]);
    noRawKeys(html);
    expect(html).toContain('Geen zaken vragen nu aandacht.');
    expect(html).toContain('Er zijn geen open verzuimzaken.');
    expect(html).not.toContain('href="/verzuim/cijfers"');
    expect(html).not.toContain('Alle scholen');
    expect(html).not.toContain('Alle gemeenten');
  });
});

describe("the child's absence", () => {
  const reasons = [
    { id: 'psychisch', label: 'Psychische klachten' },
    { id: 'wachtlijst', label: 'Wacht op passend aanbod of hulp' },
  ];
  const page = (who: Me, a: TPupilAbsence) =>
    render(PupilAbsencePage, `/leerlingen/${PUPIL}/verzuim`, '/leerlingen/:id/verzuim', who, [
      [['pupils', 'detail', PUPIL], pupil],
      [pupilAbsenceKey(PUPIL), a],
    ]);

  it('nothing registered: the empty state and the form with each kind explained and the region\'s reasons', () => {
    const html = page(me('school_care_coordinator'), { openCase: null, closedCases: [], reasons, policies: { register: true } });
    noRawKeys(html);
    expect(html).toContain('Verzuim van Sanne de Vries');
    expect(html).toContain('Er is geen verzuim gemeld voor deze leerling.');
    expect(html).toContain('Verzuim melden');
    expect(html).toContain('16 uur ongeoorloofd verzuim in 4 schoolweken');
    expect(html).toContain('Vrijstelling 5a');
    expect(html).toContain('Ziek, maar deels belastbaar');
    expect(html).toContain('Wacht op passend aanbod of hulp');
    expect(html).toMatch(/<label[^>]*for="absence-new-startedOn"/);
    // the exemption's end date only once an exemption is chosen
    expect(html).not.toContain('absence-new-exemptionEndsOn');
  });

  it('without the right to register: no form', () => {
    const html = page(me('teacher'), { openCase: null, closedCases: [], reasons, policies: { register: false } });
    expect(html).toContain('Er is geen verzuim gemeld voor deze leerling.');
    expect(html).not.toContain('<form');
  });

  it('an open case in short with the way to it, and earlier cases', () => {
    const html = page(me('school_care_coordinator'), {
      openCase: theCase(),
      closedCases: [
        {
          id: 'old', pupil: { id: PUPIL, name: 'Sanne de Vries' }, school: { id: 's', name: 'De Regenboog' }, gemeente: null, kinds: ['sick'], openedOn: '2025-01-10',
          daysWithoutEducation: 0, thuiszitter: false, owner: null, nextDate: null, flags: [], closedOn: '2025-02-01', closeReason: 'back_at_school',
        },
      ],
      reasons,
      policies: { register: true },
    });
    noRawKeys(html);
    expect(html).toContain('52 dagen zonder onderwijs');
    expect(html).toContain('Ja, volgens de afspraken van de regio');
    expect(html).toContain('Geen eigenaar');
    expect(html).toContain('verlopen');
    expect(html).toContain(`href="/verzuim/${CASE}"`);
    expect(html).toContain('Naar de zaak');
    expect(html).toContain('Ander verzuim melden');
    expect(html).not.toContain('<form');
    expect(html).toContain('Eerdere zaken');
    expect(html).toContain('10 januari 2025 tot en met 1 februari 2025');
    expect(html).toContain('Terug op school');
  });
});
