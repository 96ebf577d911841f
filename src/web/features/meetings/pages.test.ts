import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n from 'i18next';
import { createElement as h, type ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import nl from '../../i18n/nl.json' with { type: 'json' };
import { SessionProvider } from '../../session.js';
import type { Me, Pupil, TRole } from '../../types.js';
import { candidatesKey, meetingKey, pupilMeetingsKey, type TMeeting, type TParticipantCandidates, type TPupilMeetings } from './data.js';
import MeetingPage from './MeetingPage.js';
import NewMeetingPage from './NewMeetingPage.js';
import PupilMeetingsPage from './PupilMeetingsPage.js';

/**
 * The pages rendered to HTML with their data in the cache: every text comes from the message file
 * (no raw keys), parents are asked in plain words, an external before consent sees only the
 * appointment, and whoever runs the meeting gets the steps that fit its status.
 */
beforeAll(async () => {
  await i18n.use(initReactI18next).init({ resources: { nl: { translation: nl } }, lng: 'nl', interpolation: { escapeValue: false } });
});

const PUPIL = '11111111-1111-4111-8111-111111111111';
const MEETING = '22222222-2222-4222-8222-222222222222';
const me = (role: TRole, userId = 'u'): Me => {
  const m = { id: 'm', role, regionId: 'r', regionName: 'Regio', organisationId: 's', organisationName: 'De Regenboog' };
  return { user: { id: userId, name: 'Test', email: 't@x', locale: 'nl' }, activeMembership: m, memberships: [m], secondFactor: { required: false, enabled: true } };
};

const pupil: Pupil = {
  id: PUPIL, displayName: 'Sanne de Vries', firstName: 'Sanne', namePrefix: 'de', lastName: 'Vries', dateOfBirth: '2016-01-01',
  school: { id: 's', name: 'De Regenboog' }, group: null, enrolledOn: '2022-08-01', gemeente: null, guardians: [],
  policies: { update: false, dossier: true, opp: true, sharing: true, accessLog: true, breakGlass: false, requests: true, arrangements: true, meetings: true, caseLead: true, absence: false },
};

const meeting = (over: Partial<TMeeting> = {}): TMeeting => ({
  id: MEETING,
  pupil: { id: PUPIL, name: 'Sanne de Vries' },
  school: { id: 's', name: 'De Regenboog' },
  kind: 'mdo',
  status: 'scheduled',
  startsAt: '2026-12-10T13:30:00.000Z',
  durationMinutes: 90,
  location: 'De Regenboog, kamer IB',
  videoUrl: 'https://meet.example.nl/mdo-1',
  organiser: { id: 'ib', name: 'Ingrid IB' },
  consent: 'pending',
  consentNote: null,
  consentRecordedAt: null,
  participants: [
    { id: 'p1', kind: 'school', name: 'Ingrid IB', email: 'ib@school.nl', userId: 'ib', organisation: { id: 's', name: 'De Regenboog' }, roleLabel: 'Intern begeleider', attended: null, seesAll: true, invitedAt: '2026-11-01T09:00:00.000Z' },
    { id: 'p2', kind: 'care_partner', name: 'Carla Coach', email: 'coach@cjg.nl', userId: 'cp', organisation: { id: 'c', name: 'CJG' }, roleLabel: null, attended: null, seesAll: false, invitedAt: null },
    { id: 'p3', kind: 'parent', name: 'Petra de Vries', email: 'p@x.nl', userId: 'par', organisation: null, roleLabel: null, attended: null, seesAll: true, invitedAt: '2026-11-01T09:00:00.000Z' },
  ],
  view: 'full',
  agenda: [{ id: 'a1', text: 'Hoe gaat het met lezen?', addedByRole: 'parent', mine: false, createdAt: '2026-11-02T10:00:00.000Z' }],
  notes: null,
  decisions: [],
  actions: [],
  nextMeetingOn: null,
  heldAt: null,
  closedAt: null,
  cancelledAt: null,
  cancelledReason: null,
  summarySharedAt: null,
  rowVersion: 3,
  policies: { manage: true, addAgendaPoint: true, recordConsent: true, summary: false, shareSummary: false },
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

const noRawKeys = (html: string) => expect(html).not.toMatch(/meetings\.[a-z]|roles\.[a-z]|validation\.[a-z]/);
const one = (m: TMeeting, who: Me) => render(MeetingPage, `/overleg/${MEETING}`, '/overleg/:id', who, [[meetingKey(MEETING), m]]);

describe('the child’s meetings', () => {
  it('for staff: the next one first, status and consent in words, the plan button', () => {
    const list: TPupilMeetings = {
      items: [
        { id: 'old', kind: 'ot', status: 'closed', startsAt: '2025-10-01T08:00:00.000Z', consent: 'given', participantCount: 4, openActions: 2, nextMeetingOn: '2026-01-15' },
        { id: 'new', kind: 'mdo', status: 'scheduled', startsAt: '2099-12-10T13:30:00.000Z', consent: 'pending', participantCount: 3, openActions: 0, nextMeetingOn: null },
      ],
      policies: { schedule: true },
      needsCaseLead: false,
    };
    const html = render(PupilMeetingsPage, `/leerlingen/${PUPIL}/overleg`, '/leerlingen/:id/overleg', me('school_care_coordinator'), [
      [['pupils', 'detail', PUPIL], pupil],
      [pupilMeetingsKey(PUPIL), list],
    ]);
    noRawKeys(html);
    expect(html).toContain('Overleg over Sanne de Vries');
    expect(html).toContain('Overleg plannen');
    expect(html.indexOf('donderdag 10 december 2099 om 14:30')).toBeLessThan(html.indexOf('woensdag 1 oktober 2025 om 10:00'));
    expect(html).toContain('Nog geen antwoord van de ouders');
    expect(html).toContain('Ouders geven toestemming');
    expect(html).toMatch(/<td[^>]*>2<\/td>/);
    expect(html).toContain('15 januari 2026');
    expect(html).toContain('Bepalen na dit overleg');
    expect(html).toContain('<caption');
  });

  it('for a parent, empty: plain words and no plan button', () => {
    const list: TPupilMeetings = { items: [], policies: { schedule: false }, needsCaseLead: false };
    const html = render(PupilMeetingsPage, `/leerlingen/${PUPIL}/overleg`, '/leerlingen/:id/overleg', me('parent'), [
      [['pupils', 'detail', PUPIL], pupil],
      [pupilMeetingsKey(PUPIL), list],
    ]);
    noRawKeys(html);
    expect(html).toContain('Er is nog geen overleg over Sanne gepland. Als de school een overleg plant, krijgt u een uitnodiging per e-mail.');
    expect(html).not.toContain('Overleg plannen');
  });
});

describe('planning a meeting', () => {
  it('groups the people, names guests and asks for a regievoerder when the child has none', () => {
    const list: TPupilMeetings = { items: [], policies: { schedule: true }, needsCaseLead: true };
    const candidates: TParticipantCandidates = {
      items: [
        { userId: 'ib', name: 'Ingrid IB', kind: 'school', organisation: { id: 's', name: 'De Regenboog' }, roleLabel: 'Intern begeleider', canLead: true },
        { userId: 'cons', name: 'Kees Consulent', kind: 'swv', organisation: { id: 'w', name: 'SWV De Waarden' }, roleLabel: 'Consulent', canLead: true },
        { userId: 'par', name: 'Petra de Vries', kind: 'parent', organisation: null, roleLabel: null, canLead: false },
      ],
    };
    const html = render(NewMeetingPage, `/leerlingen/${PUPIL}/overleg/nieuw`, '/leerlingen/:id/overleg/nieuw', me('school_care_coordinator'), [
      [['pupils', 'detail', PUPIL], pupil],
      [pupilMeetingsKey(PUPIL), list],
      [candidatesKey(PUPIL), candidates],
    ]);
    noRawKeys(html);
    expect(html).toContain('Overleg plannen over Sanne de Vries');
    for (const legend of ['School', 'Samenwerkingsverband', 'Ouders en leerling']) expect(html).toContain(`>${legend}</legend>`);
    expect(html).toContain('Intern begeleider, De Regenboog');
    expect(html).toMatch(/<label[^>]*for="mtg-new-date"/);
    expect(html).toMatch(/<label[^>]*for="mtg-new-time"/);
    expect(html).toContain('type="date"');
    expect(html).toContain('type="time"');
    expect(html).toContain('Regievoerder');
    expect(html).toContain('houdt de hulp rond de leerling bij elkaar');
    // only those who may lead are offered
    expect(html).toMatch(/<option value="cons"[^>]*>Kees Consulent \(Consulent, SWV De Waarden\)<\/option>/);
    expect(html).not.toMatch(/<option value="par"/);
    expect(html).toContain('Iemand zonder account toevoegen');
  });

  it('is not there for someone who may not plan', () => {
    const list: TPupilMeetings = { items: [], policies: { schedule: false }, needsCaseLead: false };
    const html = render(NewMeetingPage, `/leerlingen/${PUPIL}/overleg/nieuw`, '/leerlingen/:id/overleg/nieuw', me('teacher'), [
      [['pupils', 'detail', PUPIL], pupil],
      [pupilMeetingsKey(PUPIL), list],
    ]);
    expect(html).not.toContain('Wie nodigt u uit?');
  });
});

describe('one meeting', () => {
  it('for the parent before the meeting: the question in plain words, the agenda to add to, no staff tools', () => {
    const m = meeting({
      participants: meeting().participants.map((p) => ({ ...p, email: null, invitedAt: null })),
      policies: { manage: false, addAgendaPoint: true, recordConsent: true, summary: false, shareSummary: false },
    });
    const html = one(m, me('parent', 'par'));
    noRawKeys(html);
    expect(html).toContain('MDO over Sanne de Vries');
    expect(html).toContain('donderdag 10 december 2026, 14:30–16:00');
    expect(html).toContain('Geeft u toestemming om dit overleg te houden met deze deelnemers?');
    expect(html).toContain('Ja, ik geef toestemming');
    expect(html).toContain('Nee, ik geef geen toestemming');
    expect(html).toContain('Wie komen er?');
    expect(html).toContain('Punt toevoegen');
    expect(html).toContain('toegevoegd door: Ouder / verzorger');
    expect(html).not.toContain('Vastleggen wat de ouders zeggen');
    expect(html).not.toContain('Overleg afgelasten');
    expect(html).not.toContain('ib@school.nl');
    expect(html).not.toContain('<dialog');
  });

  it('for the parent who answered: the answer now in words, and the one way back', () => {
    const m = meeting({
      consent: 'given',
      consentRecordedAt: '2026-11-03T10:00:00.000Z',
      participants: meeting().participants.map((p) => ({ ...p, email: null, invitedAt: null })),
      policies: { manage: false, addAgendaPoint: true, recordConsent: true, summary: false, shareSummary: false },
    });
    const html = one(m, me('parent', 'par'));
    noRawKeys(html);
    expect(html).toContain('Er is toestemming gegeven voor dit overleg.');
    expect(html).toContain('Toch geen toestemming geven');
    expect(html).not.toContain('Ja, ik geef toestemming');
    expect(html).toContain('(vastgelegd op 3 november 2026)');
  });

  it('for an external participant before consent: only the appointment, said why', () => {
    const m = meeting({
      pupil: { id: PUPIL, name: '' },
      view: 'logistics',
      agenda: [],
      participants: meeting().participants.map((p) => ({ ...p, email: null, invitedAt: null })),
      policies: { manage: false, addAgendaPoint: false, recordConsent: false, summary: false, shareSummary: false },
    });
    const html = one(m, me('care_partner', 'cp'));
    noRawKeys(html);
    expect(html).toContain('U ziet nu alleen de afspraak');
    expect(html).toContain('zodra de ouders toestemming geven');
    expect(html).toContain('De Regenboog, kamer IB');
    expect(html).toContain('Carla Coach');
    expect(html).not.toContain('Agenda');
    expect(html).not.toContain('Toestemming van de ouders');
    expect(html).not.toContain('Sanne');
  });

  it('for whoever runs it before the meeting: record consent, move it, add people, call it off', () => {
    const html = one(meeting(), me('school_care_coordinator', 'ib'));
    noRawKeys(html);
    expect(html).toContain('Vastleggen wat de ouders zeggen');
    expect(html).toContain('Datum of plaats wijzigen');
    expect(html).toContain('Deelnemer toevoegen');
    expect(html).toContain('ib@school.nl');
    expect(html).toContain('Alleen datum, plaats en deelnemers');
    expect(html).toContain('Niet verstuurd');
    expect(html).toContain('Organisator');
    expect(html).toContain('Overleg afgelasten');
    expect(html).toContain('https://meet.example.nl/mdo-1');
    expect(html).not.toContain('Overleg afronden');
  });

  it('once held: attendance in words, notes to write, decisions, actions with owners, closing with the next date', () => {
    const m = meeting({
      status: 'held',
      consent: 'given',
      heldAt: '2026-12-10T15:00:00.000Z',
      participants: meeting().participants.map((p) => ({ ...p, attended: p.id !== 'p2', seesAll: true })),
      actions: [
        { id: 'x1', meetingId: MEETING, title: 'Aanmelden bij jeugdarts', owner: { id: 'ib', name: 'Ingrid IB' }, dueOn: '2026-12-01', status: 'open', overdue: true, policies: { update: true } },
        { id: 'x2', meetingId: MEETING, title: 'Leesplan thuis', owner: { id: 'par', name: 'Petra de Vries' }, dueOn: '2027-01-10', status: 'done', overdue: false, policies: { update: true } },
      ],
      decisions: [{ id: 'd1', text: 'Start leesbegeleiding', createdAt: '2026-12-10T15:00:00.000Z' }],
      policies: { manage: true, addAgendaPoint: false, recordConsent: false, summary: true, shareSummary: false },
    });
    const html = one(m, me('school_care_coordinator', 'ib'));
    noRawKeys(html);
    expect(html).toContain('Gehouden, verslag volgt');
    expect(html).toContain('Niet aanwezig');
    expect(html).toContain('Verslag van het overleg');
    expect(html).toContain('Start leesbegeleiding');
    expect(html).toContain('Besluit toevoegen');
    expect(html).toContain('Actie toevoegen');
    expect(html).toContain('Te laat');
    expect(html).toContain('Zet weer open');
    expect(html).toContain('Datum volgende overleg');
    expect(html).toContain('Samenvatting (PDF)');
    expect(html).toContain(`/api/v1/meetings/${MEETING}/summary.pdf`);
    expect(html).not.toContain('Samenvatting delen');
    expect(html).not.toContain('Vastleggen wie er waren');
  });

  it('closed: the next date, the summary to share, nothing left to edit', () => {
    const m = meeting({
      status: 'closed',
      consent: 'given',
      nextMeetingOn: '2027-03-01',
      notes: 'Goed gesprek.',
      policies: { manage: false, addAgendaPoint: false, recordConsent: false, summary: true, shareSummary: true },
    });
    const html = one(m, me('school_care_coordinator', 'ib'));
    noRawKeys(html);
    expect(html).toContain('Het volgende overleg is rond 1 maart 2027.');
    expect(html).toContain('Goed gesprek.');
    expect(html).toContain('Samenvatting delen');
    expect(html).not.toContain('Verslag opslaan');
    expect(html).not.toContain('Overleg afgelasten');
  });

  it('called off: the date and the reason', () => {
    const m = meeting({
      status: 'cancelled',
      cancelledAt: '2026-12-01T10:00:00.000Z',
      cancelledReason: 'Leerkracht ziek',
      policies: { manage: false, addAgendaPoint: false, recordConsent: false, summary: false, shareSummary: false },
    });
    const html = one(m, me('school_care_coordinator', 'ib'));
    noRawKeys(html);
    expect(html).toContain('Dit overleg is afgelast op 1 december 2026.');
    expect(html).toContain('Reden: Leerkracht ziek');
    expect(html).toContain('Afgelast');
  });
});
