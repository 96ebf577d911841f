import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TMeeting, TPupilMeetings } from '../../../shared/schemas/meeting.js';
import { t as translate } from '../../platform/i18n.js';
import { createTestApp, TEST_PUBLIC_URL, type TestClient, type TTestApp } from '../../testing/app.js';
import { dutchDay, freshMeeting, freshMeetingPupil } from '../../testing/meetings.js';
import { pdfTexts } from '../../testing/pdf.js';
import { buildWorld, WORLD_PASSWORD, type TWorld } from '../../testing/world.js';
import { pageCount } from './summary-pdf.js';

let t: TTestApp;
let w: TWorld;
let ib: TestClient;
let parent: TestClient;
let partner: TestClient;
let teacher: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.database);
  ib = await t.signIn(w.emails.school_care_coordinator!, WORLD_PASSWORD);
  parent = await t.signIn(w.emails.parent!, WORLD_PASSWORD);
  partner = await t.signIn(w.emails.care_partner!, WORLD_PASSWORD);
  teacher = await t.signIn(w.emails.teacher!, WORLD_PASSWORD);
});
afterAll(() => t.close());

// ---- reading the mails the SMTP sink caught ----

interface TMailSeen {
  to: string;
  subject: string;
  text: string;
  calendar: string | null;
  calendarType: string | null;
  raw: string;
}

function decode(body: string, encoding: string | undefined): string {
  if (encoding?.toLowerCase() === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding?.toLowerCase() === 'quoted-printable')
    return Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))), 'latin1').toString('utf8');
  return body;
}

/** One message: its To and Subject, the plain text, and the text/calendar part (decoded). */
function readMail(raw: string): TMailSeen {
  const header = (name: string, s: string) => s.match(new RegExp(`^${name}:\\s*(.*(?:\\r\\n[ \\t].*)*)`, 'mi'))?.[1]?.replace(/\r\n[ \t]/g, ' ') ?? '';
  const boundary = raw.match(/boundary="?([^";\r\n]+)"?/)?.[1];
  const parts = boundary ? raw.split(`--${boundary}`).slice(1, -1) : [raw];
  let text = '';
  let calendar: string | null = null;
  let calendarType: string | null = null;
  for (const part of parts) {
    const cut = part.indexOf('\r\n\r\n');
    const head = part.slice(0, cut);
    const body = decode(part.slice(cut + 4), header('Content-Transfer-Encoding', head) || undefined);
    const type = header('Content-Type', head);
    if (type.startsWith('text/calendar')) {
      calendar = body;
      calendarType = type;
    } else if (type.startsWith('text/plain')) text = body;
  }
  return { to: header('To', raw), subject: header('Subject', raw), text, calendar, calendarType, raw };
}

const mailsSince = (n: number) => t.mail.received.slice(n).map(readMail);
const icsLines = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n');

async function pupilSurname(pupilId: string) {
  const [p] = await t.database.raw<{ last_name: string }>('select last_name from pupils where id = $1', [pupilId]);
  return p!.last_name;
}

async function auditActions(pupilId: string): Promise<string[]> {
  const rows = await t.database.raw<{ action: string }>('select action from audit_events where pupil_id = $1 order by seq', [pupilId]);
  return rows.map((r) => r.action);
}

const rulesOf = (res: { json(): { error: { issues?: { field: string; rule: string }[] } } }) =>
  Object.fromEntries((res.json().error.issues ?? []).map((i) => [i.field, i.rule]));

describe('an MDO from invitation to shared summary', () => {
  it('schedules, invites, prepares together, is held, closed with a next date, summarised on one page and shared', async () => {
    const pupilId = await freshMeetingPupil(w, t);
    const surname = await pupilSurname(pupilId);
    // the care partner is in the kernteam, but no consent shares the file with them
    await t.database.raw(
      'insert into care_team_members (region_id, pupil_id, user_id, organisation_id, task, added_by) values ($1, $2, $3, $4, $5, $6)',
      [w.a.regionId, pupilId, w.users.care_partner, w.partnerOrg, 'CJG-coach', w.users.school_care_coordinator],
    );

    const before = (await ib.get(`/api/v1/pupils/${pupilId}/meetings`)).json() as TPupilMeetings;
    expect(before).toMatchObject({ items: [], policies: { schedule: true }, needsCaseLead: true });
    const candidates = (await ib.get(`/api/v1/pupils/${pupilId}/meeting-candidates`)).json().items as { userId: string; kind: string; roleLabel: string }[];
    expect(candidates.find((c) => c.userId === w.users.care_partner)).toMatchObject({ kind: 'care_partner', roleLabel: 'CJG-coach' });

    const body = {
      kind: 'mdo',
      startsAt: new Date().toISOString(),
      durationMinutes: 90,
      location: 'De Regenboog, kamer IB; achteringang',
      participants: [
        { kind: 'parent', userId: w.users.parent },
        { kind: 'care_partner', userId: w.users.care_partner },
        { kind: 'other', name: 'Dr. Jansen', email: 'Jansen@GGD.test', roleLabel: 'jeugdarts' },
      ],
      agenda: ['Hoe gaat het in de klas?', 'Wat is er thuis nodig?'],
    };
    // the first meeting names the regievoerder; nothing is stored without one
    const noLead = await ib.post(`/api/v1/pupils/${pupilId}/meetings`, body);
    expect(noLead.statusCode).toBe(400);
    expect(rulesOf(noLead)).toEqual({ caseLeadUserId: 'required' });
    const stranger = await ib.post(`/api/v1/pupils/${pupilId}/meetings`, {
      ...body,
      caseLeadUserId: w.users.school_care_coordinator,
      participants: [...body.participants, { kind: 'school', userId: w.users.teacher }],
    });
    expect(stranger.statusCode).toBe(400);
    expect(rulesOf(stranger)).toEqual({ 'participants.3.userId': 'meeting_not_invitable' });
    expect(stranger.json().error.issues[0].message).toMatch(/kan niet worden uitgenodigd/);
    expect(await t.database.raw('select 1 from meetings where pupil_id = $1', [pupilId])).toHaveLength(0);

    const sent = t.mail.received.length;
    const created = await ib.post(`/api/v1/pupils/${pupilId}/meetings`, { ...body, caseLeadUserId: w.users.school_care_coordinator });
    expect(created.statusCode).toBe(201);
    const m = created.json() as TMeeting;
    expect(m).toMatchObject({ status: 'scheduled', consent: 'pending', view: 'full', durationMinutes: 90, organiser: { id: w.users.school_care_coordinator } });
    expect(m.participants.map((p) => p.kind).sort()).toEqual(['care_partner', 'other', 'parent', 'school']);
    expect(m.participants.find((p) => p.kind === 'other')).toMatchObject({ email: 'jansen@ggd.test', userId: null, seesAll: false });
    expect(m.participants.every((p) => p.invitedAt)).toBe(true);
    expect((await ib.get(`/api/v1/pupils/${pupilId}/meetings`)).json()).toMatchObject({ needsCaseLead: false, items: [{ id: m.id, participantCount: 4 }] });
    const [lead] = await t.database.raw<{ user_id: string }>('select user_id from case_leads where pupil_id = $1 and ended_at is null', [pupilId]);
    expect(lead!.user_id).toBe(w.users.school_care_coordinator);

    // one invitation per participant with an e-mail, each with its calendar item; no child's name anywhere
    const invitations = mailsSince(sent);
    expect(invitations.map((x) => x.to).sort()).toEqual([w.emails.care_partner, 'jansen@ggd.test', w.emails.parent, w.emails.school_care_coordinator].sort());
    for (const mail of invitations) {
      expect(mail.subject).toBe('Uitnodiging: overleg over een leerling (MDO)');
      expect(mail.calendarType).toMatch(/^text\/calendar; charset=utf-8; method=REQUEST/i);
      const lines = icsLines(mail.calendar!);
      expect(lines).toContain('METHOD:REQUEST');
      expect(lines).toContain(`UID:${m.id}@rondom`);
      expect(lines).toContain('SEQUENCE:0');
      expect(lines).toContain(`DTSTART:${new Date(m.startsAt).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`);
      expect(lines).toContain('SUMMARY:Overleg over een leerling (MDO)');
      expect(lines).toContain('LOCATION:De Regenboog\\, kamer IB\\; achteringang');
      expect(lines.find((l) => l.startsWith('DESCRIPTION:'))).toContain(`${TEST_PUBLIC_URL}/overleg/${m.id}`);
      expect(lines.find((l) => l.startsWith('ATTENDEE'))).toContain(`mailto:${mail.to}`);
      expect(mail.text).toContain(`${TEST_PUBLIC_URL}/overleg/${m.id}`);
      expect(mail.text + mail.calendar + mail.subject).not.toContain(surname);
    }

    // the care partner, before the parents' consent: date, place and who comes; nothing of the child
    const early = (await partner.get(`/api/v1/meetings/${m.id}`)).json() as TMeeting;
    expect(early).toMatchObject({ view: 'logistics', agenda: [], notes: null, pupil: { name: '' }, location: body.location });
    expect(early.participants.every((p) => p.email === null)).toBe(true);
    expect((await partner.post(`/api/v1/meetings/${m.id}/agenda`, { text: 'Mijn punt' })).statusCode).toBe(403);

    // the parent prepares an agenda point in the portal, and sees no staff e-mail addresses
    const withPoint = await parent.post(`/api/v1/meetings/${m.id}/agenda`, { text: 'Huiswerk kost thuis veel tijd' });
    expect(withPoint.statusCode).toBe(201);
    const parentView = withPoint.json() as TMeeting;
    expect(parentView.agenda.map((a) => [a.text, a.addedByRole, a.mine])).toEqual([
      ['Hoe gaat het in de klas?', 'school_care_coordinator', false],
      ['Wat is er thuis nodig?', 'school_care_coordinator', false],
      ['Huiswerk kost thuis veel tijd', 'parent', true],
    ]);
    expect(parentView.participants.every((p) => p.email === null)).toBe(true);
    expect(parentView.pupil.name).toContain(surname);

    // notes wait for the meeting
    const early409 = await ib.put(`/api/v1/meetings/${m.id}/notes`, { rowVersion: m.rowVersion, notes: 'Te vroeg' });
    expect(early409.statusCode).toBe(409);
    expect(early409.json().error.message).toMatch(/nog niet gehouden/);

    // moved to another room: everyone gets the changed item (sequence 1); a stale screen is refused
    const moved = t.mail.received.length;
    expect((await ib.patch(`/api/v1/meetings/${m.id}`, { rowVersion: m.rowVersion + 5, location: 'Kamer 2' })).statusCode).toBe(409);
    const patched = await ib.patch(`/api/v1/meetings/${m.id}`, { rowVersion: m.rowVersion, location: 'Kamer 2' });
    expect(patched.statusCode).toBe(200);
    const updates = mailsSince(moved);
    expect(updates).toHaveLength(4);
    for (const u of updates) {
      expect(u.subject).toMatch(/^Gewijzigd/);
      expect(icsLines(u.calendar!)).toEqual(expect.arrayContaining(['METHOD:REQUEST', 'SEQUENCE:1', 'LOCATION:Kamer 2', `UID:${m.id}@rondom`]));
    }

    // the parents agree in the portal: from now on the care partner sees the whole meeting
    const consented = await parent.post(`/api/v1/meetings/${m.id}/consent`, { consent: 'given', note: 'In het portaal' });
    expect(consented.json()).toMatchObject({ consent: 'given', consentNote: 'In het portaal' });
    expect((await partner.get(`/api/v1/meetings/${m.id}`)).json()).toMatchObject({ view: 'full', agenda: [{}, {}, {}] });

    // held, with who came
    const list = patched.json() as TMeeting;
    const pid = (kind: string) => list.participants.find((p) => p.kind === kind)!.id;
    const held = await ib.post(`/api/v1/meetings/${m.id}/held`, { attendedParticipantIds: [pid('school'), pid('parent'), pid('care_partner')] });
    expect(held.statusCode).toBe(200);
    const h = held.json() as TMeeting;
    expect(h.status).toBe('held');
    expect(h.participants.find((p) => p.kind === 'other')!.attended).toBe(false);

    const notes = await ib.put(`/api/v1/meetings/${m.id}/notes`, { rowVersion: h.rowVersion, notes: 'Lezen gaat beter. Thuis is huiswerk een strijd.' });
    expect(notes.json()).toMatchObject({ notes: 'Lezen gaat beter. Thuis is huiswerk een strijd.' });
    const stale = await ib.put(`/api/v1/meetings/${m.id}/notes`, { rowVersion: h.rowVersion, notes: 'Overschreven?' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/net veranderd/);

    await ib.post(`/api/v1/meetings/${m.id}/decisions`, { text: 'Leesbegeleiding twee keer per week' });
    const twice = await ib.post(`/api/v1/meetings/${m.id}/decisions`, { text: 'Per ongeluk dubbel' });
    expect(twice.statusCode).toBe(201);
    const dropped = await ib.delete(`/api/v1/meetings/${m.id}/decisions/${(twice.json() as TMeeting).decisions[1]!.id}`);
    expect((dropped.json() as TMeeting).decisions.map((d) => d.text)).toEqual(['Leesbegeleiding twee keer per week']);

    // an action has one owner at the table with an account, and a date from today
    const notThere = await ib.post(`/api/v1/meetings/${m.id}/actions`, { title: 'Bellen', ownerId: w.users.teacher, dueOn: dutchDay(7) });
    expect(rulesOf(notThere)).toEqual({ ownerId: 'not_a_participant' });
    const late = await ib.post(`/api/v1/meetings/${m.id}/actions`, { title: 'Bellen', ownerId: w.users.care_partner, dueOn: dutchDay(-1) });
    expect(rulesOf(late)).toEqual({ dueOn: 'meeting_due_in_past' });
    const acted = await ib.post(`/api/v1/meetings/${m.id}/actions`, { title: 'Aanmelding jeugdhulp doen', ownerId: w.users.care_partner, dueOn: dutchDay(14) });
    expect(acted.statusCode).toBe(201);
    await ib.post(`/api/v1/meetings/${m.id}/actions`, { title: 'Huiswerkafspraken maken', ownerId: w.users.parent, dueOn: dutchDay(21) });

    // closing needs the next date, after today: "we laten niet los"
    expect(rulesOf(await ib.post(`/api/v1/meetings/${m.id}/close`, {}))).toEqual({ nextMeetingOn: 'required' });
    const today = await ib.post(`/api/v1/meetings/${m.id}/close`, { nextMeetingOn: dutchDay(0) });
    expect(rulesOf(today)).toEqual({ nextMeetingOn: 'meeting_next_date_not_future' });
    expect(today.json().error.issues[0].message).toMatch(/we laten niet los/);
    const closed = await ib.post(`/api/v1/meetings/${m.id}/close`, { nextMeetingOn: dutchDay(42) });
    expect(closed.json()).toMatchObject({ status: 'closed', nextMeetingOn: dutchDay(42), policies: { manage: false, shareSummary: true } });
    expect((await ib.post(`/api/v1/meetings/${m.id}/decisions`, { text: 'Te laat' })).statusCode).toBe(409);

    // the owner finishes their action after the meeting is closed
    const actionId = (closed.json() as TMeeting).actions.find((a) => a.owner.id === w.users.care_partner)!.id;
    const done = await partner.patch(`/api/v1/action-items/${actionId}`, { status: 'done' });
    expect(done.json()).toMatchObject({ id: actionId, status: 'done', owner: { id: w.users.care_partner }, policies: { update: true } });
    const [row] = await t.database.raw<{ done_by: string }>('select done_by from action_items where id = $1', [actionId]);
    expect(row!.done_by).toBe(w.users.care_partner);
    // someone else's action is not theirs to tick off
    const parentsAction = (closed.json() as TMeeting).actions.find((a) => a.owner.id === w.users.parent)!.id;
    expect((await partner.patch(`/api/v1/action-items/${parentsAction}`, { status: 'done' })).statusCode).toBe(403);

    // the summary: one A4 with who came, decisions, actions and the next date
    const pdf = await ib.get(`/api/v1/meetings/${m.id}/summary.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="samenvatting-overleg.pdf"');
    expect(pageCount(pdf.rawPayload)).toBe(1);
    expectOnePageByPoppler(pdf.rawPayload);
    const text = pdfTexts(pdf.rawPayload).join('\n');
    for (const phrase of [surname, 'Wie waren er?', 'Leesbegeleiding twee keer per week', 'Aanmelding jeugdhulp doen', 'Test care_partner', 'CJG-coach', 'Dr. Jansen', 'Lezen gaat beter'])
      expect(text).toContain(phrase);
    expect(text).not.toContain('Per ongeluk dubbel');

    // shared: a link to everyone who may read it all; the guest without an account is named as withheld
    const shared = t.mail.received.length;
    const share = await ib.post(`/api/v1/meetings/${m.id}/share-summary`);
    expect(share.json()).toEqual({ sent: 3, withheld: [{ name: 'Dr. Jansen', reason: 'no_account' }] });
    const links = mailsSince(shared);
    expect(links.map((x) => x.to).sort()).toEqual([w.emails.care_partner, w.emails.parent, w.emails.school_care_coordinator].sort());
    for (const l of links) {
      expect(l.calendar).toBeNull();
      expect(l.text).toContain(`${TEST_PUBLIC_URL}/overleg/${m.id}`);
      expect(l.text).not.toContain(surname);
      expect(l.text).not.toContain('Leesbegeleiding');
    }
    expect((await ib.get(`/api/v1/meetings/${m.id}`)).json().summarySharedAt).toBeTruthy();

    const audited = await auditActions(pupilId);
    for (const a of ['meeting.candidates', 'case_lead.set', 'meeting.create', 'meeting.read', 'meeting.agenda_add', 'meeting.reschedule', 'meeting.consent', 'meeting.held', 'meeting.notes', 'meeting.decision_add', 'meeting.decision_delete', 'meeting.action_add', 'meeting.close', 'meeting.action_update', 'meeting.export', 'meeting.share_summary'])
      expect(audited).toContain(a);
  });
});

/** Poppler's own count where it is installed (the CI image may not have it; pageCount is asserted regardless). */
function expectOnePageByPoppler(pdf: Buffer) {
  let info: string;
  try {
    const file = join(mkdtempSync(join(tmpdir(), 'mdo-')), 'summary.pdf');
    writeFileSync(file, pdf);
    info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return;
    throw err;
  }
  expect(info).toMatch(/^Pages:\s+1$/m);
}

describe('what an external participant sees', () => {
  it('without the parents consent a care partner cannot read notes, decisions or the summary', async () => {
    const f = await freshMeeting(w, t, { status: 'held', invite: ['care_partner', 'parent'], actionOwner: 'care_partner' });
    const m = (await partner.get(`/api/v1/meetings/${f.meetingId}`)).json() as TMeeting;
    expect(m).toMatchObject({ view: 'logistics', notes: null, agenda: [], decisions: [], pupil: { name: '' } });
    // their own action they do see, to finish it
    expect(m.actions.map((a) => a.id)).toEqual([f.actionId]);
    expect((await partner.get(`/api/v1/meetings/${f.meetingId}/summary.pdf`)).statusCode).toBe(403);
    // a consent recorded afterwards opens it
    await ib.post(`/api/v1/meetings/${f.meetingId}/consent`, { consent: 'given', note: 'Mondeling aan tafel' });
    expect((await partner.get(`/api/v1/meetings/${f.meetingId}`)).json()).toMatchObject({ view: 'full', notes: expect.stringMatching(/lezen/) });
  });

  it('a teacher not invited does not see the meeting; invited, they do', async () => {
    const f = await freshMeeting(w, t, { pupil: 'ownGroupPupil', invite: ['parent'] });
    expect((await teacher.get(`/api/v1/meetings/${f.meetingId}`)).statusCode).toBe(404);
    expect((await teacher.get(`/api/v1/pupils/${w.ownGroupPupil}/meetings`)).json().items).toEqual([]);
    const candidates = (await ib.get(`/api/v1/pupils/${w.ownGroupPupil}/meeting-candidates`)).json().items as { userId: string }[];
    expect(candidates.some((c) => c.userId === w.users.teacher)).toBe(true);
    const added = await ib.post(`/api/v1/meetings/${f.meetingId}/participants`, { kind: 'school', userId: w.users.teacher });
    expect(added.statusCode).toBe(201);
    expect((await teacher.get(`/api/v1/meetings/${f.meetingId}`)).json()).toMatchObject({ view: 'full' });
    expect((await teacher.get(`/api/v1/pupils/${w.ownGroupPupil}/meetings`)).json().items).toHaveLength(1);
    // invited twice is refused by name
    expect(rulesOf(await ib.post(`/api/v1/meetings/${f.meetingId}/participants`, { kind: 'school', userId: w.users.teacher }))).toEqual({
      userId: 'meeting_already_invited',
    });
  });
});

describe('the meeting steps refuse what does not fit', () => {
  it('is not held before its day', async () => {
    const f = await freshMeeting(w, t, { startsInDays: 3 });
    const res = await ib.post(`/api/v1/meetings/${f.meetingId}/held`, { attendedParticipantIds: [] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.issues[0]).toMatchObject({ field: 'startsAt', rule: 'meeting_held_before_day' });
    expect(res.json().error.message).toMatch(/^Het overleg is op \d+ \w+ \d{4}\./);
    // nor with someone who is not on the list
    const today = await freshMeeting(w, t);
    const stranger = await ib.post(`/api/v1/meetings/${today.meetingId}/held`, { attendedParticipantIds: [f.participants.school_care_coordinator] });
    expect(rulesOf(stranger)).toEqual({ 'attendedParticipantIds.0': 'not_a_participant' });
  });

  it('cancels with a CANCEL to every participant with an e-mail, once', async () => {
    const f = await freshMeeting(w, t, { invite: ['parent', 'care_partner'], guest: true });
    const before = t.mail.received.length;
    const res = await ib.post(`/api/v1/meetings/${f.meetingId}/cancel`, { reason: 'De leerkracht is ziek' });
    expect(res.json()).toMatchObject({ status: 'cancelled', cancelledReason: 'De leerkracht is ziek' });
    const mails = mailsSince(before);
    expect(mails.map((x) => x.to).sort()).toEqual(['gast@extern.test', w.emails.care_partner, w.emails.parent, w.emails.school_care_coordinator].sort());
    for (const x of mails) {
      expect(x.subject).toMatch(/^Afgezegd/);
      expect(icsLines(x.calendar!)).toEqual(expect.arrayContaining(['METHOD:CANCEL', 'STATUS:CANCELLED', 'SEQUENCE:1', `UID:${f.meetingId}@rondom`]));
    }
    // the care partner (logistics only) does not learn the reason
    expect((await partner.get(`/api/v1/meetings/${f.meetingId}`)).json()).toMatchObject({ status: 'cancelled', cancelledReason: null });
    const again = await ib.post(`/api/v1/meetings/${f.meetingId}/cancel`, { reason: 'Nog eens' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/al gesloten of afgezegd/);
  });

  it('takes someone off the list with a CANCEL to them alone; the organiser stays', async () => {
    const f = await freshMeeting(w, t, { invite: ['parent', 'care_partner'] });
    const before = t.mail.received.length;
    const res = await ib.delete(`/api/v1/meetings/${f.meetingId}/participants/${f.participants.care_partner}`);
    expect(res.statusCode).toBe(200);
    const mails = mailsSince(before);
    expect(mails.map((x) => x.to)).toEqual([w.emails.care_partner]);
    expect(icsLines(mails[0]!.calendar!)).toEqual(expect.arrayContaining(['METHOD:CANCEL', 'SEQUENCE:1']));
    expect((await partner.get(`/api/v1/meetings/${f.meetingId}`)).statusCode).toBe(404);
    const organiser = await ib.delete(`/api/v1/meetings/${f.meetingId}/participants/${f.participants.school_care_coordinator}`);
    expect(organiser.statusCode).toBe(409);
    expect(organiser.json().error.message).toMatch(/organisator blijft/);
  });

  it('shares only closed meetings, and an agenda point is taken back by its author before the meeting only', async () => {
    const f = await freshMeeting(w, t, { status: 'held', invite: ['parent'] });
    const share = await ib.post(`/api/v1/meetings/${f.meetingId}/share-summary`);
    expect(share.statusCode).toBe(409);
    expect((await parent.delete(`/api/v1/meetings/${f.meetingId}/agenda/${f.parentAgendaId}`)).statusCode).toBe(409);
    const scheduled = await freshMeeting(w, t, { invite: ['parent'] });
    expect((await parent.delete(`/api/v1/meetings/${scheduled.meetingId}/agenda/${scheduled.agendaId}`)).statusCode).toBe(403);
    expect((await parent.delete(`/api/v1/meetings/${scheduled.meetingId}/agenda/${scheduled.parentAgendaId}`)).statusCode).toBe(200);
    // an item of another meeting is not there
    expect((await ib.delete(`/api/v1/meetings/${scheduled.meetingId}/agenda/${f.agendaId}`)).statusCode).toBe(404);
  });
});

describe('the summary stays on one page', () => {
  it('with a full table, long decisions and many actions', async () => {
    const f = await freshMeeting(w, t, { status: 'closed', invite: ['parent', 'care_partner', 'teacher', 'swv_consultant', 'swv_expert'], guest: true, consent: 'given' });
    const long = 'Afgesproken dat de school en het wijkteam samen kijken naar wat thuis en in de klas helpt, en dat opnieuw bespreken. '.repeat(4);
    for (let i = 0; i < 20; i++) {
      await t.database.raw(`insert into meeting_decisions (region_id, meeting_id, pupil_id, text, created_by) values ($1, $2, $3, $4, $5)`, [
        w.a.regionId, f.meetingId, f.pupilId, `${i + 1}. ${long}`.slice(0, 500), w.users.school_care_coordinator,
      ]);
      await t.database.raw(
        `insert into action_items (region_id, meeting_id, pupil_id, title, owner_id, due_on, created_by) values ($1, $2, $3, $4, $5, current_date + $6::int, $5)`,
        [w.a.regionId, f.meetingId, f.pupilId, `Actie ${i + 1}: ${long}`.slice(0, 500), w.users.school_care_coordinator, i],
      );
    }
    await t.database.raw(`update meetings set notes = $2 where id = $1`, [f.meetingId, long.repeat(20)]);
    const pdf = await parent.get(`/api/v1/meetings/${f.meetingId}/summary.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pageCount(pdf.rawPayload)).toBe(1);
    expectOnePageByPoppler(pdf.rawPayload);
    const text = pdfTexts(pdf.rawPayload).join('\n');
    expect(text).toMatch(/En nog \d+ besluiten: zie Rondom\./);
    expect(text).toMatch(/En nog \d+ acties: zie Rondom\./);
  });

  it('is refused before the meeting is held', async () => {
    const f = await freshMeeting(w, t);
    const res = await ib.get(`/api/v1/meetings/${f.meetingId}/summary.pdf`);
    expect(res.statusCode).toBe(409);
  });
});

describe('messages and the API description', () => {
  it('every meeting message exists in Dutch and English', () => {
    const keys = [
      ...['not_scheduled', 'not_yet_held', 'not_held', 'not_open', 'not_closed', 'changed_meanwhile', 'organiser_stays', 'held_before_day', 'in_past',
        'next_date_not_future', 'due_in_past', 'not_invitable', 'already_invited'].map((k) => `errors.meeting_${k}`),
      'validation.not_a_participant',
    ];
    for (const key of keys) {
      const nl = translate('nl', key);
      const en = translate('en', key);
      expect(nl, key).not.toBe(key);
      expect(en, key).not.toBe(key);
      expect(en, key).not.toBe(nl);
    }
  });

  it('documents the meeting endpoints in the OpenAPI file', async () => {
    const paths = Object.keys((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths);
    for (const p of ['/api/v1/pupils/{id}/meetings', '/api/v1/pupils/{id}/meeting-candidates', '/api/v1/meetings/{id}', '/api/v1/meetings/{id}/summary.pdf', '/api/v1/action-items/{id}'])
      expect(paths).toContain(p);
  });
});
