import { expect } from 'vitest';
import type { TMeeting, TParticipantCandidate } from '../../../shared/schemas/meeting.js';
import type { TAccessCase } from '../../testing/access.js';
import type { TTestApp } from '../../testing/app.js';
import { dutchDay, freshMeeting, freshMeetingPupil, type TMeetingFixture } from '../../testing/meetings.js';
import type { TActorKey, TWorld } from '../../testing/world.js';

/**
 * Who sees and runs a meeting. The usual one: a child of school A1 (no group) whose guardian is
 * `parent`, organised by the IB'er, with the parent, the care partner (no kernteam, so without
 * the parents' consent only the logistics) and the teacher (invited, so they see it although
 * they do not teach the child). The IB'er and director run it. Region B's meeting is organised by
 * its consultant: everyone of region A gets 404.
 */
const RUN = ['school_care_coordinator', 'school_director'] as const satisfies readonly TActorKey[];
const FULL = [...RUN, 'parent', 'teacher'] as const satisfies readonly TActorKey[];
const READ = [...FULL, 'care_partner'] as const satisfies readonly TActorKey[];
const INVITE = ['parent', 'care_partner', 'teacher'] as const;
const seesOr404 = (readers: readonly TActorKey[]) => (a: TActorKey) => (readers.includes(a) ? 403 : 404);
const meetingOf = (res: { json(): unknown }) => res.json() as TMeeting;

type TScenario = 'a' | 'b';
type TFixtureOptions = NonNullable<Parameters<typeof freshMeeting>[2]>;
const fixture = (w: TWorld, t: TTestApp, s: TScenario, o: TFixtureOptions = {}) =>
  s === 'a' ? freshMeeting(w, t, { invite: [...INVITE], guest: true, ...o }) : freshMeeting(w, t, { pupil: 'otherRegionPupil', guest: true, ...o });

/** One write route on the usual meeting (allowed: `allowA`) and on region B's (its consultant). */
function writeRows(
  route: string,
  o: {
    status?: TFixtureOptions['status'];
    fixture?: Omit<TFixtureOptions, 'status'>;
    url: (f: TMeetingFixture) => string;
    body?: (f: TMeetingFixture, w: TWorld, s: TScenario) => unknown;
    allowA?: readonly TActorKey[];
    ok?: number;
    check?: TAccessCase['check'];
  },
): TAccessCase[] {
  return (['a', 'b'] as const).map((s) => ({
    route,
    relation: s === 'a' ? `a ${o.status ?? 'scheduled'} meeting about a child of school A1` : `a ${o.status ?? 'scheduled'} meeting in region B`,
    async request(w, t) {
      const f = await fixture(w, t, s, { status: o.status, ...o.fixture });
      return { url: o.url(f), body: o.body?.(f, w, s) };
    },
    allow: s === 'a' ? (o.allowA ?? RUN) : ['b_consultant'],
    ok: o.ok,
    deny: s === 'a' ? seesOr404(READ) : 404,
    check: o.check,
  }));
}

const pupilUrl = (suffix: string) => async (w: TWorld, t: TTestApp) => ({ url: `/api/v1/pupils/${(await freshMeeting(w, t, { invite: [...INVITE] })).pupilId}/${suffix}` });

export const meetingAccess: TAccessCase[] = [
  // ---- the child's meetings ----
  {
    route: 'GET /api/v1/pupils/:id/meetings',
    relation: 'a child of school A1 with one meeting',
    request: pupilUrl('meetings'),
    allow: ['school_care_coordinator', 'school_director', 'parent'],
    deny: 404,
    check(res, a) {
      const body = res.json() as { items: unknown[]; policies: { schedule: boolean }; needsCaseLead: boolean };
      expect(body.items).toHaveLength(1);
      expect(body.policies.schedule).toBe(a !== 'parent');
      expect(body.needsCaseLead).toBe(true);
    },
  },
  {
    route: 'GET /api/v1/pupils/:id/meetings',
    relation: "the teacher's own group pupil, teacher not invited (list filtered)",
    async request(w, t) {
      return { url: `/api/v1/pupils/${(await freshMeeting(w, t, { pupil: 'ownGroupPupil', invite: ['care_partner'] })).pupilId}/meetings` };
    },
    allow: ['school_care_coordinator', 'school_director', 'teacher'],
    deny: 404,
    check: (res, a) => expect((res.json() as { items: unknown[] }).items).toHaveLength(a === 'teacher' ? 0 : 1),
  },
  {
    route: 'GET /api/v1/pupils/:id/meetings',
    relation: 'a kernteam child (consent for the partner) with the care partner invited',
    async request(w, t) {
      return { url: `/api/v1/pupils/${(await freshMeeting(w, t, { pupil: 'consentPupil', invite: ['care_partner'] })).pupilId}/meetings` };
    },
    allow: ['swv_consultant', 'care_partner'],
    deny: 404,
    check: (res) => expect((res.json() as { items: unknown[] }).items).toHaveLength(1),
  },
  {
    route: 'GET /api/v1/pupils/:id/meetings',
    relation: 'a child in region B',
    async request(w, t) {
      return { url: `/api/v1/pupils/${(await freshMeeting(w, t, { pupil: 'otherRegionPupil' })).pupilId}/meetings` };
    },
    allow: [],
    deny: 404,
  },
  {
    route: 'GET /api/v1/pupils/:id/meeting-candidates',
    relation: 'a child of school A1 (no group)',
    request: pupilUrl('meeting-candidates'),
    allow: RUN,
    deny: seesOr404(['parent']),
    check(res, _a, w) {
      const items = (res.json() as { items: TParticipantCandidate[] }).items;
      const of = (id: string) => items.find((i) => i.userId === id);
      expect(of(w.users.parent)).toMatchObject({ kind: 'parent', canLead: false });
      expect(of(w.users.school_care_coordinator)).toMatchObject({ kind: 'school', canLead: true });
      expect(of(w.users.swv_consultant)).toMatchObject({ kind: 'swv', canLead: false });
      // no group: no teacher; no kernteam: no care partner; nobody from region B
      for (const id of [w.users.teacher, w.users.care_partner, w.users.b_consultant, w.users.attendance_officer]) expect(of(id)).toBeUndefined();
    },
  },
  {
    route: 'GET /api/v1/pupils/:id/meeting-candidates',
    relation: "a kernteam child (the partner and the consultant are in it)",
    async request(w) {
      return { url: `/api/v1/pupils/${w.consentPupil}/meeting-candidates` };
    },
    allow: ['swv_consultant'],
    deny: seesOr404(['care_partner']),
    check(res, _a, w) {
      const items = (res.json() as { items: TParticipantCandidate[] }).items;
      expect(items.find((i) => i.userId === w.users.care_partner)).toMatchObject({ kind: 'care_partner', canLead: true });
      expect(items.find((i) => i.userId === w.users.swv_consultant)).toMatchObject({ kind: 'swv', canLead: true });
      expect(items.some((i) => i.userId === w.users.school_care_coordinator)).toBe(false);
    },
  },
  {
    route: 'GET /api/v1/pupils/:id/meeting-candidates',
    relation: 'a child in region B',
    request: (w) => ({ url: `/api/v1/pupils/${w.otherRegionPupil}/meeting-candidates` }),
    allow: [],
    deny: 404,
  },
  {
    route: 'POST /api/v1/pupils/:id/meetings',
    relation: 'a new child of school A1 without a regievoerder (the IB\'er is named)',
    async request(w, t) {
      const pupilId = await freshMeetingPupil(w, t);
      return {
        url: `/api/v1/pupils/${pupilId}/meetings`,
        body: {
          kind: 'mdo',
          startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          location: 'School, kamer 2',
          participants: [{ kind: 'parent', userId: w.users.parent }, { kind: 'other', name: 'Gast Extern', email: 'gast@extern.test' }],
          agenda: ['Hoe gaat het in de klas?'],
          caseLeadUserId: w.users.school_care_coordinator,
        },
      };
    },
    allow: RUN,
    ok: 201,
    deny: seesOr404(['parent']),
    check(res, a, w) {
      const m = meetingOf(res);
      expect(m).toMatchObject({ status: 'scheduled', view: 'full', consent: 'pending', agenda: [{ text: 'Hoe gaat het in de klas?' }] });
      expect(m.participants.map((p) => p.userId).sort()).toEqual([w.users[a as 'school_director'], w.users.parent, null, ...(a === 'school_director' ? [w.users.school_care_coordinator] : [])].sort());
      expect(m.participants.every((p) => p.invitedAt !== null)).toBe(true);
    },
  },
  {
    route: 'POST /api/v1/pupils/:id/meetings',
    relation: 'a child in region B',
    request: (w) => ({
      url: `/api/v1/pupils/${w.otherRegionPupil}/meetings`,
      body: { kind: 'ot', startsAt: new Date(Date.now() + 86_400_000).toISOString(), videoUrl: 'https://meet.example/b', caseLeadUserId: w.users.b_consultant },
    }),
    allow: [],
    deny: 404,
  },

  // ---- one meeting ----
  {
    route: 'GET /api/v1/meetings/:id',
    relation: 'scheduled, parents not yet asked: the care partner sees the logistics only',
    async request(w, t) {
      return { url: `/api/v1/meetings/${(await fixture(w, t, 'a')).meetingId}` };
    },
    allow: READ,
    deny: 404,
    check(res, a) {
      const m = meetingOf(res);
      const runs = (RUN as readonly TActorKey[]).includes(a);
      expect(m.participants.some((p) => p.email !== null)).toBe(runs);
      if (a === 'care_partner') {
        expect(m).toMatchObject({ view: 'logistics', notes: null, agenda: [], decisions: [], actions: [], consentNote: null, pupil: { name: '' } });
        expect(m.location).toBeTruthy();
        expect(m.participants.length).toBe(5);
      } else {
        expect(m.view).toBe('full');
        expect(m.agenda.length).toBe(2);
        expect(m.pupil.name).toMatch(/Zzzz-mdo/);
      }
      expect(m.policies.manage).toBe(runs);
      expect(m.policies.addAgendaPoint).toBe(a !== 'care_partner');
      expect(m.policies.recordConsent).toBe(runs || a === 'parent');
    },
  },
  {
    route: 'GET /api/v1/meetings/:id',
    relation: 'held, parents consented: the care partner sees all of it',
    async request(w, t) {
      return { url: `/api/v1/meetings/${(await fixture(w, t, 'a', { status: 'held', consent: 'given' })).meetingId}` };
    },
    allow: READ,
    deny: 404,
    check(res) {
      const m = meetingOf(res);
      expect(m.view).toBe('full');
      expect(m.notes).toMatch(/lezen gaat beter/);
      expect(m.decisions).toHaveLength(1);
      expect(m.actions).toHaveLength(1);
    },
  },
  {
    route: 'GET /api/v1/meetings/:id',
    relation: 'held without consent: the care partner still cannot read notes or decisions',
    async request(w, t) {
      return { url: `/api/v1/meetings/${(await fixture(w, t, 'a', { status: 'held' })).meetingId}` };
    },
    allow: READ,
    deny: 404,
    check(res, a) {
      const m = meetingOf(res);
      if (a === 'care_partner') expect(m).toMatchObject({ view: 'logistics', notes: null, agenda: [], decisions: [], actions: [] });
      else expect(m.notes).toMatch(/lezen gaat beter/);
    },
  },
  {
    route: 'GET /api/v1/meetings/:id',
    relation: "about the teacher's own group pupil, the teacher not invited",
    async request(w, t) {
      return { url: `/api/v1/meetings/${(await freshMeeting(w, t, { pupil: 'ownGroupPupil', invite: ['care_partner'] })).meetingId}` };
    },
    allow: [...RUN, 'care_partner'],
    deny: 404,
  },
  {
    route: 'GET /api/v1/meetings/:id',
    relation: 'a kernteam child: the partner without meeting consent keeps the logistics, with the name (the dossier is shared)',
    async request(w, t) {
      return { url: `/api/v1/meetings/${(await freshMeeting(w, t, { pupil: 'consentPupil', invite: ['care_partner'] })).meetingId}` };
    },
    allow: ['swv_consultant', 'care_partner'],
    deny: 404,
    check(res, a) {
      const m = meetingOf(res);
      expect(m.view).toBe(a === 'care_partner' ? 'logistics' : 'full');
      expect(m.pupil.name).not.toBe('');
    },
  },
  {
    route: 'GET /api/v1/meetings/:id',
    relation: 'about a 14-year-old who is invited',
    async request(w, t) {
      return { url: `/api/v1/meetings/${(await freshMeeting(w, t, { pupil: 'selfPupil', invite: ['pupil'] })).meetingId}` };
    },
    allow: [...RUN, 'pupil'],
    deny: 404,
    check: (res) => expect(meetingOf(res).view).toBe('full'),
  },
  {
    route: 'GET /api/v1/meetings/:id',
    relation: 'about a child of another school, organised by the consultant',
    async request(w, t) {
      return { url: `/api/v1/meetings/${(await freshMeeting(w, t, { pupil: 'otherSchoolPupil' })).meetingId}` };
    },
    allow: ['swv_consultant'],
    deny: 404,
  },
  {
    route: 'GET /api/v1/meetings/:id',
    relation: 'in region B',
    async request(w, t) {
      return { url: `/api/v1/meetings/${(await fixture(w, t, 'b')).meetingId}` };
    },
    allow: ['b_consultant'],
    deny: 404,
  },

  // ---- writes ----
  ...writeRows('PATCH /api/v1/meetings/:id', {
    url: (f) => `/api/v1/meetings/${f.meetingId}`,
    body: () => ({ rowVersion: 1, location: 'Gemeentehuis, zaal 3' }),
    check: (res) => expect(meetingOf(res)).toMatchObject({ location: 'Gemeentehuis, zaal 3', rowVersion: 2 }),
  }),
  ...writeRows('POST /api/v1/meetings/:id/participants', {
    url: (f) => `/api/v1/meetings/${f.meetingId}/participants`,
    body: () => ({ kind: 'care_partner', name: 'Jeugdarts GGD', email: 'jeugdarts@ggd.test' }),
    ok: 201,
    check: (res) => expect(meetingOf(res).participants.some((p) => p.name === 'Jeugdarts GGD' && p.invitedAt !== null)).toBe(true),
  }),
  ...writeRows('DELETE /api/v1/meetings/:id/participants/:itemId', {
    url: (f) => `/api/v1/meetings/${f.meetingId}/participants/${f.participants.guest}`,
    check: (res) => expect(meetingOf(res).participants.some((p) => p.name === 'Gast Extern')).toBe(false),
  }),
  ...writeRows('POST /api/v1/meetings/:id/consent', {
    url: (f) => `/api/v1/meetings/${f.meetingId}/consent`,
    body: () => ({ consent: 'given', note: 'Mondeling, telefoon' }),
    allowA: [...RUN, 'parent'],
    check: (res) => expect(meetingOf(res).consent).toBe('given'),
  }),
  ...writeRows('POST /api/v1/meetings/:id/agenda', {
    url: (f) => `/api/v1/meetings/${f.meetingId}/agenda`,
    body: () => ({ text: 'Samen kijken naar de toetsen' }),
    allowA: FULL,
    ok: 201,
    check: (res) => expect(meetingOf(res).agenda.find((i) => i.text === 'Samen kijken naar de toetsen')?.mine).toBe(true),
  }),
  ...writeRows('DELETE /api/v1/meetings/:id/agenda/:itemId', {
    url: (f) => `/api/v1/meetings/${f.meetingId}/agenda/${f.parentAgendaId ?? f.agendaId}`,
    allowA: [...RUN, 'parent'],
    check: (res) => expect(meetingOf(res).agenda.some((i) => i.text === 'Huiswerk kost thuis veel tijd')).toBe(false),
  }),
  ...writeRows('POST /api/v1/meetings/:id/held', {
    url: (f) => `/api/v1/meetings/${f.meetingId}/held`,
    body: (f) => ({ attendedParticipantIds: Object.values(f.participants) }),
    check: (res) => expect(meetingOf(res)).toMatchObject({ status: 'held' }),
  }),
  ...writeRows('PUT /api/v1/meetings/:id/notes', {
    status: 'held',
    url: (f) => `/api/v1/meetings/${f.meetingId}/notes`,
    body: () => ({ rowVersion: 1, notes: 'Afgesproken: extra leesbegeleiding.' }),
    check: (res) => expect(meetingOf(res).notes).toBe('Afgesproken: extra leesbegeleiding.'),
  }),
  ...writeRows('POST /api/v1/meetings/:id/decisions', {
    status: 'held',
    url: (f) => `/api/v1/meetings/${f.meetingId}/decisions`,
    body: () => ({ text: 'Aanmelden bij het wijkteam' }),
    ok: 201,
    check: (res) => expect(meetingOf(res).decisions).toHaveLength(2),
  }),
  ...writeRows('DELETE /api/v1/meetings/:id/decisions/:itemId', {
    status: 'held',
    url: (f) => `/api/v1/meetings/${f.meetingId}/decisions/${f.decisionId}`,
    check: (res) => expect(meetingOf(res).decisions).toHaveLength(0),
  }),
  ...writeRows('POST /api/v1/meetings/:id/actions', {
    status: 'held',
    url: (f) => `/api/v1/meetings/${f.meetingId}/actions`,
    body: (_f, w, s) => ({ title: 'Ouders bellen', ownerId: s === 'a' ? w.users.teacher : w.users.b_consultant, dueOn: dutchDay(7) }),
    ok: 201,
    check: (res) => expect(meetingOf(res).actions).toHaveLength(2),
  }),
  ...writeRows('PATCH /api/v1/action-items/:id', {
    status: 'closed',
    // the owner in region A is the teacher; region B's action stays with its organiser
    fixture: { actionOwner: 'teacher' },
    url: (f) => `/api/v1/action-items/${f.actionId}`,
    body: () => ({ status: 'done' }),
    allowA: [...RUN, 'teacher'],
    check: (res) => expect(res.json()).toMatchObject({ status: 'done', overdue: false, policies: { update: true } }),
  }),
  {
    route: 'PATCH /api/v1/action-items/:id',
    relation: 'an action of the care partner, parents not asked: the owner finishes it',
    async request(w, t) {
      const f = await fixture(w, t, 'a', { status: 'closed', actionOwner: 'care_partner' });
      return { url: `/api/v1/action-items/${f.actionId}`, body: { status: 'done' } };
    },
    allow: [...RUN, 'care_partner'],
    deny: seesOr404(READ),
  },
  ...writeRows('POST /api/v1/meetings/:id/close', {
    status: 'held',
    url: (f) => `/api/v1/meetings/${f.meetingId}/close`,
    body: () => ({ nextMeetingOn: dutchDay(42) }),
    check: (res) => expect(meetingOf(res)).toMatchObject({ status: 'closed', nextMeetingOn: dutchDay(42) }),
  }),
  ...writeRows('POST /api/v1/meetings/:id/cancel', {
    url: (f) => `/api/v1/meetings/${f.meetingId}/cancel`,
    body: () => ({ reason: 'De leerkracht is ziek' }),
    check: (res) => expect(meetingOf(res).status).toBe('cancelled'),
  }),
  ...writeRows('GET /api/v1/meetings/:id/summary.pdf', {
    status: 'closed',
    url: (f) => `/api/v1/meetings/${f.meetingId}/summary.pdf`,
    allowA: FULL,
    check: (res) => expect(res.headers['content-type']).toBe('application/pdf'),
  }),
  ...writeRows('POST /api/v1/meetings/:id/share-summary', {
    status: 'closed',
    url: (f) => `/api/v1/meetings/${f.meetingId}/share-summary`,
    check(res, a) {
      if (a === 'b_consultant') return;
      const body = res.json() as { sent: number; withheld: { name: string; reason: string }[] };
      // the organiser, the parent and the teacher; not the care partner (no consent) nor the guest
      expect(body.sent).toBe(3);
      expect(body.withheld.map((x) => x.reason).sort()).toEqual(['no_account', 'no_consent']);
    },
  }),
];
