import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TMeetingStatus } from '../../../shared/meeting.js';
import { createTestApp, type TestClient, type TTestApp } from '../../testing/app.js';
import { expectCleanRefusals } from '../../testing/bad-input.js';
import { freshMeeting, freshMeetingPupil, type TMeetingFixture } from '../../testing/meetings.js';
import { buildWorld, WORLD_PASSWORD, type TWorld } from '../../testing/world.js';

let t: TTestApp;
let w: TWorld;
let ib: TestClient;
let parent: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.database);
  ib = await t.signIn(w.emails.school_care_coordinator!, WORLD_PASSWORD);
  parent = await t.signIn(w.emails.parent!, WORLD_PASSWORD);
});
afterAll(() => t.close());

/** Everything a meeting write could touch; a refused request must leave all of it as it was. */
async function snapshot() {
  const [row] = await t.database.raw(
    `select (select string_agg(md5(x::text), ',' order by x.id) from meetings x) as meetings,
            (select string_agg(md5(x::text), ',' order by x.id) from meeting_participants x) as participants,
            (select string_agg(md5(x::text), ',' order by x.id) from meeting_agenda_items x) as agenda,
            (select string_agg(md5(x::text), ',' order by x.id) from meeting_decisions x) as decisions,
            (select string_agg(md5(x::text), ',' order by x.id) from action_items x) as actions,
            (select string_agg(md5(x::text), ',' order by x.id) from case_leads x) as case_leads,
            (select count(*) from audit_events) as audit`,
  );
  return row;
}

const KEYS = [
  'kind', 'startsAt', 'durationMinutes', 'location', 'videoUrl', 'participants', 'agenda', 'caseLeadUserId', 'rowVersion', 'userId', 'name',
  'email', 'roleLabel', 'consent', 'note', 'text', 'attendedParticipantIds', 'notes', 'title', 'ownerId', 'dueOn', 'status', 'nextMeetingOn', 'reason',
];

const WRITES: { name: string; status: TMeetingStatus; as?: () => TestClient; url: (f: TMeetingFixture) => string; method?: string }[] = [
  { name: 'POST /pupils/:id/meetings', status: 'scheduled', url: (f) => `/api/v1/pupils/${f.pupilId}/meetings` },
  { name: 'PATCH /meetings/:id', status: 'scheduled', url: (f) => `/api/v1/meetings/${f.meetingId}`, method: 'PATCH' },
  { name: 'POST /meetings/:id/participants', status: 'scheduled', url: (f) => `/api/v1/meetings/${f.meetingId}/participants` },
  { name: 'DELETE /meetings/:id/participants/:itemId', status: 'scheduled', url: (f) => `/api/v1/meetings/${f.meetingId}/participants/${f.participants.guest}`, method: 'DELETE' },
  { name: 'POST /meetings/:id/consent', status: 'scheduled', as: () => parent, url: (f) => `/api/v1/meetings/${f.meetingId}/consent` },
  { name: 'POST /meetings/:id/agenda', status: 'scheduled', as: () => parent, url: (f) => `/api/v1/meetings/${f.meetingId}/agenda` },
  { name: 'DELETE /meetings/:id/agenda/:itemId', status: 'scheduled', as: () => parent, url: (f) => `/api/v1/meetings/${f.meetingId}/agenda/${f.parentAgendaId}`, method: 'DELETE' },
  { name: 'POST /meetings/:id/held', status: 'scheduled', url: (f) => `/api/v1/meetings/${f.meetingId}/held` },
  { name: 'PUT /meetings/:id/notes', status: 'held', url: (f) => `/api/v1/meetings/${f.meetingId}/notes`, method: 'PUT' },
  { name: 'POST /meetings/:id/decisions', status: 'held', url: (f) => `/api/v1/meetings/${f.meetingId}/decisions` },
  { name: 'DELETE /meetings/:id/decisions/:itemId', status: 'held', url: (f) => `/api/v1/meetings/${f.meetingId}/decisions/${f.decisionId}`, method: 'DELETE' },
  { name: 'POST /meetings/:id/actions', status: 'held', url: (f) => `/api/v1/meetings/${f.meetingId}/actions` },
  { name: 'PATCH /action-items/:id', status: 'closed', url: (f) => `/api/v1/action-items/${f.actionId}`, method: 'PATCH' },
  { name: 'POST /meetings/:id/close', status: 'held', url: (f) => `/api/v1/meetings/${f.meetingId}/close` },
  { name: 'POST /meetings/:id/cancel', status: 'scheduled', url: (f) => `/api/v1/meetings/${f.meetingId}/cancel` },
  { name: 'POST /meetings/:id/share-summary', status: 'held', url: (f) => `/api/v1/meetings/${f.meetingId}/share-summary` },
];

describe('bad input to every meeting write', () => {
  for (const route of WRITES) {
    it(`${route.name} answers 4xx with a clear message and changes nothing`, async () => {
      const f = await freshMeeting(w, t, { status: route.status, invite: ['parent', 'care_partner'], guest: true });
      await expectCleanRefusals({ client: (route.as ?? (() => ib))(), method: route.method ?? 'POST', url: route.url(f), keys: KEYS, snapshot, numRuns: 25 });
    });
  }
});

const rulesOf = (res: { json(): { error: { issues?: { field: string; rule: string }[] } } }) =>
  Object.fromEntries((res.json().error.issues ?? []).map((i) => [i.field, i.rule]));

describe('validation names the field and the rule', () => {
  it('in a new meeting', async () => {
    const pupilId = await freshMeetingPupil(w, t);
    const before = await snapshot();
    const res = await ib.post(`/api/v1/pupils/${pupilId}/meetings`, {
      kind: 'koffie',
      startsAt: '10-12-2026 14:30',
      durationMinutes: 5,
      videoUrl: 'http://meet.example/open',
      participants: [{ kind: 'other', name: 'Alleen een naam' }, { kind: 'school', userId: '' }],
      colour: 'rood',
    });
    expect(res.statusCode).toBe(400);
    expect(rulesOf(res)).toMatchObject({
      kind: 'invalid_enum',
      startsAt: 'invalid_datetime',
      durationMinutes: 'too_small',
      videoUrl: 'invalid_url',
      'participants.0.email': 'participant_needs_account_or_email',
      'participants.1.userId': 'required',
      '(body)': 'unknown_field',
    });
    for (const issue of res.json().error.issues) expect(issue.message).not.toMatch(/^(validation|errors)\./);
    // neither a place nor a link
    const nowhere = await ib.post(`/api/v1/pupils/${pupilId}/meetings`, { kind: 'mdo', startsAt: new Date().toISOString(), location: ' ' });
    expect(rulesOf(nowhere)).toMatchObject({ location: expect.stringMatching(/required|place_or_link/) });
    // in the past
    const past = await ib.post(`/api/v1/pupils/${pupilId}/meetings`, {
      kind: 'mdo', startsAt: new Date(Date.now() - 3 * 86_400_000).toISOString(), location: 'School', caseLeadUserId: w.users.school_care_coordinator,
    });
    expect(rulesOf(past)).toEqual({ startsAt: 'meeting_in_past' });
    // a regievoerder who cannot lead
    const lead = await ib.post(`/api/v1/pupils/${pupilId}/meetings`, { kind: 'mdo', startsAt: new Date().toISOString(), location: 'School', caseLeadUserId: w.users.parent });
    expect(rulesOf(lead)).toEqual({ caseLeadUserId: 'not_a_case_lead_candidate' });
    // the same guest twice
    const twice = await ib.post(`/api/v1/pupils/${pupilId}/meetings`, {
      kind: 'mdo', startsAt: new Date().toISOString(), location: 'School', caseLeadUserId: w.users.school_care_coordinator,
      participants: [{ kind: 'other', name: 'A', email: 'a@x.test' }, { kind: 'other', name: 'A again', email: 'A@x.test' }],
    });
    expect(rulesOf(twice)).toEqual({ 'participants.1.email': 'meeting_already_invited' });
    expect(await snapshot()).toEqual(before);
  });

  it('in rescheduling, notes and ids', async () => {
    const f = await freshMeeting(w, t, { guest: true });
    expect(rulesOf(await ib.patch(`/api/v1/meetings/${f.meetingId}`, { rowVersion: 1 }))).toEqual({ '(body)': 'nothing_to_change' });
    expect(rulesOf(await ib.patch(`/api/v1/meetings/${f.meetingId}`, { rowVersion: 1, location: null, videoUrl: null }))).toEqual({ location: 'place_or_link' });
    expect(rulesOf(await ib.patch(`/api/v1/meetings/${f.meetingId}`, { location: 'Elders' }))).toEqual({ rowVersion: 'required' });
    expect((await ib.get('/api/v1/meetings/not-an-id')).json().error.issues[0]).toMatchObject({ field: 'id', rule: 'invalid_uuid' });
    expect((await ib.get('/api/v1/meetings/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await ib.patch('/api/v1/action-items/00000000-0000-4000-8000-000000000000', { status: 'done' })).statusCode).toBe(404);
    expect((await ib.delete(`/api/v1/meetings/${f.meetingId}/participants/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
    const held = await freshMeeting(w, t, { status: 'held' });
    const long = await ib.put(`/api/v1/meetings/${held.meetingId}/notes`, { rowVersion: 1, notes: 'x'.repeat(10_001) });
    expect(rulesOf(long)).toEqual({ notes: 'too_long' });
  });
});
