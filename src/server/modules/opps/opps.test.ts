import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t as translate } from '../../platform/i18n.js';
import { createTestApp, type TestClient, type TTestApp } from '../../testing/app.js';
import { buildWorld, WORLD_PASSWORD, type TWorld } from '../../testing/world.js';
import { freshOpp } from './access.js';
import { addDays, dutchDate, evaluationDueOn, followUpDueOn, oppDueOn } from './clocks.js';
import { pdfTexts } from '../../testing/pdf.js';

let t: TTestApp;
let w: TWorld;
let ib: TestClient;
let director: TestClient;
let teacher: TestClient;
let parent: TestClient;
let ibUserId: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.database);
  const as = (k: string) => t.signIn(w.emails[k]!, WORLD_PASSWORD);
  ib = await as('school_care_coordinator');
  director = await as('school_director');
  teacher = await as('teacher');
  parent = await as('parent');
  ibUserId = w.users.school_care_coordinator;
});
afterAll(() => t.close());

const COMPLETE = {
  outflowProfile: 'vervolgonderwijs',
  outflowDestination: 'vmbo basis',
  reasoning: 'Leert in kleine stappen, met veel herhaling.',
  promotingFactors: 'Werkt graag met zijn handen',
  oogoDate: '2026-01-12',
  oogoOutcome: 'Ouders herkennen het beeld en vinden de richting goed.',
  support: [{ what: 'Extra leesbegeleiding', who: 'Remedial teacher Şahin', frequency: '2 keer per week 30 minuten' }],
  goals: [{ goal: 'Leest een AVI-E4 tekst vlot', criterion: 'Binnen 2 minuten, hoogstens 3 fouten', targetDate: '2026-06-30' }],
  pupilHeard: true,
  hearingDate: '2026-01-14',
  hearingSummary: 'Wil graag meer tijd voor toetsen.',
};

async function row(id: string) {
  const [r] = await t.database.raw<{ status: string; row_version: number; reasoning: string | null; adopted_at: Date | null; deviations: string | null }>(
    'select status, row_version, reasoning, adopted_at, deviations from opps where id = $1',
    [id],
  );
  return r!;
}

async function auditOf(action: string, oppId: string) {
  return t.database.raw<{ actor_user_id: string; pupil_id: string; details: Record<string, unknown> }>(
    'select actor_user_id, pupil_id, details from audit_events where action = $1 and subject_id = $2 order by seq',
    [action, oppId],
  );
}

/** Starts a first version for ownPupil (parent = the world's `parent`) and returns it. */
async function startFresh() {
  await t.database.raw('delete from opps where pupil_id = $1', [w.ownPupil]);
  const res = await ib.post(`/api/v1/pupils/${w.ownPupil}/opps`);
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; rowVersion: number; seq: number };
}

describe('making a plan', () => {
  it('starts empty, allows one version in the making, and lists versions newest first', async () => {
    const first = await startFresh();
    expect(first).toMatchObject({ seq: 1, status: 'draft', basedOnId: null, reasoning: null, support: [], rowVersion: 1 });
    expect(first).toMatchObject({ policies: { edit: true, submit: true, assent: false, newVersion: false, downloadPdf: false } });

    const again = await director.post(`/api/v1/pupils/${w.ownPupil}/opps`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/al een versie van dit plan in de maak/);

    const list = (await ib.get(`/api/v1/pupils/${w.ownPupil}/opps`)).json();
    expect(list).toMatchObject({ items: [{ id: first.id, seq: 1, status: 'draft' }], policies: { create: false } });
    // a draft is the school's working paper: the parents see it once it is put to them
    expect((await parent.get(`/api/v1/pupils/${w.ownPupil}/opps`)).json()).toMatchObject({ items: [] });
    expect((await parent.get(`/api/v1/opps/${first.id}`)).statusCode).toBe(404);
  });

  it('saves edits with optimistic concurrency: a stale version is refused and changes nothing', async () => {
    const opp = await startFresh();
    const saved = await ib.patch(`/api/v1/opps/${opp.id}`, { rowVersion: 1, reasoning: 'Eerste versie', deviations: '' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ rowVersion: 2, reasoning: 'Eerste versie', deviations: null, updatedByName: 'Test school_care_coordinator' });

    // the director still has version 1 open
    const stale = await director.patch(`/api/v1/opps/${opp.id}`, { rowVersion: 1, reasoning: 'Overschreven?' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/Iemand anders heeft dit plan net veranderd/);
    expect(await row(opp.id)).toMatchObject({ row_version: 2, reasoning: 'Eerste versie' });

    const [audit] = await auditOf('opp.update', opp.id);
    expect(audit).toMatchObject({ actor_user_id: ibUserId, pupil_id: w.ownPupil, details: { fields: ['reasoning', 'deviations'] } });
  });

  it('refuses to submit an incomplete plan and names every missing part', async () => {
    const opp = await startFresh();
    const res = await ib.post(`/api/v1/opps/${opp.id}/submit`, {});
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(['outflowDestination', 'reasoning', 'oogoDate', 'oogoOutcome', 'support', 'pupilHeard']);
    expect(res.json().error.issues.every((i: { message: string }) => !i.message.startsWith('validation.'))).toBe(true);
    expect((await row(opp.id)).status).toBe('draft');

    // heard, but no date; or not heard without a reason
    await ib.patch(`/api/v1/opps/${opp.id}`, { ...COMPLETE, rowVersion: 1, hearingDate: null });
    const noDate = await ib.post(`/api/v1/opps/${opp.id}/submit`, {});
    expect(noDate.json().error.issues.map((i: { field: string }) => i.field)).toEqual(['hearingDate']);
    await ib.patch(`/api/v1/opps/${opp.id}`, { rowVersion: 2, pupilHeard: false });
    const noReason = await ib.post(`/api/v1/opps/${opp.id}/submit`, {});
    expect(noReason.json().error.issues.map((i: { field: string }) => i.field)).toEqual(['notHeardReason']);
    await ib.patch(`/api/v1/opps/${opp.id}`, { rowVersion: 3, notHeardReason: 'Leerling wilde niet praten' });
    const stale = await ib.post(`/api/v1/opps/${opp.id}/submit`, { rowVersion: 3 });
    expect(stale.statusCode).toBe(409);
    const ok = await ib.post(`/api/v1/opps/${opp.id}/submit`, { rowVersion: 4 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'awaiting_assent', policies: { edit: false, recordPaperAssent: true } });
    expect(ok.json().submittedAt).toBeTruthy();
  });

  it('a plan sent to the parents cannot be edited', async () => {
    const opp = await startFresh();
    await ib.patch(`/api/v1/opps/${opp.id}`, { ...COMPLETE, rowVersion: 1 });
    await ib.post(`/api/v1/opps/${opp.id}/submit`, {});
    const res = await ib.patch(`/api/v1/opps/${opp.id}`, { rowVersion: 3, reasoning: 'Toch anders' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('conflict');
    expect((await row(opp.id)).reasoning).toBe(COMPLETE.reasoning);
  });
});

async function submitted() {
  const opp = await startFresh();
  await ib.patch(`/api/v1/opps/${opp.id}`, { ...COMPLETE, rowVersion: 1 });
  const res = await ib.post(`/api/v1/opps/${opp.id}/submit`, {});
  expect(res.statusCode).toBe(200);
  return res.json() as { id: string; rowVersion: number };
}

describe('instemming', () => {
  it('the parent sees they can decide; disagreeing needs a reason and sends the plan back with a conversation due', async () => {
    const opp = await submitted();
    const seen = (await parent.get(`/api/v1/opps/${opp.id}`)).json();
    expect(seen.policies).toMatchObject({ assent: true, edit: false });

    const noReason = await parent.post(`/api/v1/opps/${opp.id}/assent`, { decision: 'disagree' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.issues[0]).toMatchObject({ field: 'reason', rule: 'opp_reason_required' });
    expect((await row(opp.id)).status).toBe('awaiting_assent');

    const res = await parent.post(`/api/v1/opps/${opp.id}/assent`, { decision: 'disagree', reason: 'Er staat te weinig hulp in' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'disagreed', policies: { assent: false } });
    expect(res.json().assents[0]).toMatchObject({ decision: 'disagree', reason: 'Er staat te weinig hulp in', via: 'portal', guardian: { name: 'Ouder Test' }, followedUpAt: null });

    // the school sees the conversation it owes
    const clocks = (await ib.get('/api/v1/opp-clocks?pageSize=100')).json();
    const item = clocks.items.find((i: { kind: string; oppId: string }) => i.kind === 'opp_disagreed' && i.oppId === opp.id);
    expect(item).toMatchObject({ pupil: { id: w.ownPupil }, assentId: res.json().assents[0].id, overdue: false });

    // a second decision on the same round is refused
    const again = await parent.post(`/api/v1/opps/${opp.id}/assent`, { decision: 'agree' });
    expect(again.statusCode).toBe(409);

    // the conversation is held and recorded, once
    const assentId = res.json().assents[0].id;
    const teacherTries = await teacher.post(`/api/v1/opps/${opp.id}/assents/${assentId}/follow-up`, { note: 'x' });
    expect(teacherTries.statusCode).toBe(404);
    const followed = await ib.post(`/api/v1/opps/${opp.id}/assents/${assentId}/follow-up`, { note: 'Gesprek gevoerd: meer begeleiding' });
    expect(followed.statusCode).toBe(200);
    expect(followed.json().assents[0]).toMatchObject({ followUpNote: 'Gesprek gevoerd: meer begeleiding', decision: 'disagree', reason: 'Er staat te weinig hulp in' });
    expect(followed.json().policies.followUp).toBe(false);
    expect((await ib.post(`/api/v1/opps/${opp.id}/assents/${assentId}/follow-up`, { note: 'nog eens' })).statusCode).toBe(409);
    const after = (await ib.get('/api/v1/opp-clocks?pageSize=100')).json();
    expect(after.items.some((i: { assentId: string }) => i.assentId === assentId)).toBe(false);

    // editing the disagreed version makes it a draft again, to be sent anew
    const edited = await ib.patch(`/api/v1/opps/${opp.id}`, { rowVersion: followed.json().rowVersion, deviations: 'Minder huiswerk' });
    expect(edited.json()).toMatchObject({ status: 'draft', assents: [{ decision: 'disagree' }] });
  });

  it('agreeing adopts the version; it can no longer change, and a new version starts from it', async () => {
    const opp = await submitted();
    const res = await parent.post(`/api/v1/opps/${opp.id}/assent`, { decision: 'agree' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'adopted', policies: { downloadPdf: true, assent: false } });
    expect(res.json().adoptedAt).toBeTruthy();
    const [audit] = await auditOf('opp.assent', opp.id);
    expect(audit!.details).toMatchObject({ decision: 'agree', via: 'portal', superseded: [] });

    const before = await row(opp.id);
    const edit = await ib.patch(`/api/v1/opps/${opp.id}`, { rowVersion: res.json().rowVersion, reasoning: 'Achteraf anders' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toMatch(/kan niet meer worden veranderd/);
    expect(await row(opp.id)).toEqual(before);

    const ibView = (await ib.get(`/api/v1/opps/${opp.id}`)).json();
    expect(ibView.policies).toMatchObject({ edit: false, evaluate: true, newVersion: true, recordPaperAssent: false });

    const next = await ib.post(`/api/v1/pupils/${w.ownPupil}/opps`);
    expect(next.statusCode).toBe(201);
    // the content travels on; the conversation with the parents and the hearing are held anew
    expect(next.json()).toMatchObject({
      seq: 2,
      basedOnId: opp.id,
      status: 'draft',
      reasoning: COMPLETE.reasoning,
      support: COMPLETE.support,
      goals: COMPLETE.goals,
      oogoDate: null,
      pupilHeard: null,
    });
  });

  it('a paper decision recorded by the school adopts the new version and retires the old one', async () => {
    const first = await submitted();
    await parent.post(`/api/v1/opps/${first.id}/assent`, { decision: 'agree' });
    const second = (await ib.post(`/api/v1/pupils/${w.ownPupil}/opps`)).json();
    await ib.patch(`/api/v1/opps/${second.id}`, { rowVersion: 1, oogoDate: '2026-02-01', oogoOutcome: 'Besproken', pupilHeard: true, hearingDate: '2026-02-02' });
    await ib.post(`/api/v1/opps/${second.id}/submit`, {});
    const [guardian] = await t.database.raw<{ id: string }>(`select id from guardians where pupil_id = $1 and user_id = $2`, [w.ownPupil, w.users.parent]);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('handtekening')]);

    const res = await ib.post(`/api/v1/opps/${second.id}/assent/paper`, {
      guardianId: guardian!.id,
      decision: 'agree',
      file: { fileName: 'scan.pdf', contentBase64: png.toString('base64') },
    });
    expect(res.statusCode).toBe(200);
    const assent = res.json().assents[0];
    expect(assent).toMatchObject({ via: 'paper', decision: 'agree', recordedByName: 'Test school_care_coordinator', guardian: { name: 'Ouder Test' } });
    // stored as what the bytes are, not what the name claims
    const [file] = await t.database.raw<{ category: string; content_type: string; size_bytes: number; pupil_id: string }>(
      'select category, content_type, size_bytes, pupil_id from attachments where id = $1',
      [assent.paperAttachmentId],
    );
    expect(file).toEqual({ category: 'opp', content_type: 'image/png', size_bytes: png.length, pupil_id: w.ownPupil });
    expect((await row(second.id)).status).toBe('adopted');
    expect((await row(first.id)).status).toBe('superseded');
    const list = (await parent.get(`/api/v1/pupils/${w.ownPupil}/opps`)).json();
    expect(list.items.map((i: { seq: number; status: string }) => [i.seq, i.status])).toEqual([[2, 'adopted'], [1, 'superseded']]);
  });

  it('refuses a paper decision with a wrong file or a signer without gezag, and stores nothing', async () => {
    const opp = await submitted();
    const count = async () => (await t.database.raw<{ n: number }>(`select count(*)::int as n from attachments where category = 'opp'`))[0]!.n;
    const before = await count();
    const [withGezag] = await t.database.raw<{ id: string }>(`select id from guardians where pupil_id = $1 and user_id = $2`, [w.ownPupil, w.users.parent]);
    const [noGezag] = await t.database.raw<{ id: string }>(
      `insert into guardians (region_id, pupil_id, name, has_gezag) values ($1, $2, 'Stiefouder', false) returning id`,
      [w.a.regionId, w.ownPupil],
    );
    const [otherChild] = await t.database.raw<{ id: string }>('select id from guardians where pupil_id = $1 and has_gezag limit 1', [w.ownGroupPupil]);
    const pdf = { fileName: 'scan.pdf', contentBase64: Buffer.from('%PDF-1.4\nok').toString('base64') };
    const send = (body: Record<string, unknown>) => ib.post(`/api/v1/opps/${opp.id}/assent/paper`, { decision: 'agree', guardianId: withGezag!.id, file: pdf, ...body });

    const text = await send({ file: { fileName: 'scan.pdf', contentBase64: Buffer.from('<html>geen pdf</html>').toString('base64') } });
    expect(text.statusCode).toBe(400);
    expect(text.json().error.issues[0]).toMatchObject({ field: 'file', rule: 'file_type_not_allowed' });

    const tooBig = await send({ file: { fileName: 'scan.pdf', contentBase64: Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(10 * 1024 * 1024)]).toString('base64') } });
    expect([400, 413]).toContain(tooBig.statusCode);

    for (const guardianId of [noGezag!.id, otherChild!.id]) {
      const res = await send({ guardianId });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.issues[0]).toMatchObject({ field: 'guardianId', rule: 'opp_not_a_guardian_with_gezag' });
    }
    const disagreeWithoutReason = await send({ decision: 'disagree' });
    expect(disagreeWithoutReason.json().error.issues[0]).toMatchObject({ field: 'reason', rule: 'opp_reason_required' });

    expect(await count()).toBe(before);
    expect((await row(opp.id)).status).toBe('awaiting_assent');
  });
});

describe('evaluation', () => {
  it('is recorded on the adopted plan only, not in the future and not before adoption', async () => {
    const draft = await freshOpp(w, t, 'ownPupil', 'draft');
    const onDraft = await ib.post(`/api/v1/opps/${draft.oppId}/evaluations`, { heldOn: '2026-01-01', withParents: true, summary: 'x' });
    expect(onDraft.statusCode).toBe(409);

    const { oppId } = await freshOpp(w, t, 'ownPupil', 'adopted', { adoptedAt: '2025-09-01T10:00:00Z' });
    const future = await ib.post(`/api/v1/opps/${oppId}/evaluations`, { heldOn: '2999-01-01', withParents: true, summary: 'x' });
    expect(future.json().error.issues[0]).toMatchObject({ field: 'heldOn', rule: 'date_in_future' });
    const early = await ib.post(`/api/v1/opps/${oppId}/evaluations`, { heldOn: '2025-08-31', withParents: true, summary: 'x' });
    expect(early.json().error.issues[0]).toMatchObject({ field: 'heldOn', rule: 'opp_evaluation_before_adoption' });

    const res = await ib.post(`/api/v1/opps/${oppId}/evaluations`, { heldOn: '2025-09-01', withParents: false, summary: 'Doelen deels gehaald' });
    expect(res.statusCode).toBe(201);
    expect(res.json().evaluations).toEqual([
      expect.objectContaining({ heldOn: '2025-09-01', withParents: false, summary: 'Doelen deels gehaald', recordedByName: 'Test school_care_coordinator' }),
    ]);
    expect(await auditOf('opp.evaluate', oppId)).toHaveLength(1);
  });
});

describe('PDF', () => {
  it('exports the adopted plan in plain Dutch, with no personal data in the file name, and audits it', async () => {
    const opp = await submitted();
    await parent.post(`/api/v1/opps/${opp.id}/assent`, { decision: 'agree' });
    const res = await parent.get(`/api/v1/opps/${opp.id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="opp-1.pdf"');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfTexts(res.rawPayload).join('\n');
    const [pupil] = await t.database.raw<{ first_name: string }>('select first_name from pupils where id = $1', [w.ownPupil]);
    for (const phrase of ['Wat gaan we doen?', 'Wie helpt?', 'Extra leesbegeleiding', 'Remedial teacher Şahin', 'Ouder Test op', pupil!.first_name])
      expect(text).toContain(phrase);
    const [audit] = await auditOf('opp.export', opp.id);
    expect(audit).toMatchObject({ actor_user_id: w.users.parent, pupil_id: w.ownPupil, details: { format: 'pdf' } });
  });

  it('does not export a plan that is not adopted', async () => {
    const { oppId } = await freshOpp(w, t, 'ownPupil', 'awaiting_assent');
    const res = await ib.get(`/api/v1/opps/${oppId}/pdf`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/Alleen een vastgesteld plan/);
    expect(await auditOf('opp.export', oppId)).toHaveLength(0);
  });
});

describe('messages', () => {
  it('every OPP message exists in Dutch and English', () => {
    const keys = [
      ...['opp_already_followed_up', 'opp_changed_meanwhile', 'opp_follow_up_only_disagree', 'opp_incomplete', 'opp_not_adopted', 'opp_not_awaiting_assent', 'opp_not_editable', 'opp_not_submittable', 'opp_one_open', 'opp_pdf_only_adopted'].map((k) => `errors.${k}`),
      ...['opp_evaluation_before_adoption', 'opp_hearing_required', 'opp_not_a_guardian_with_gezag', 'opp_reason_required', 'opp_required_for_submit', 'opp_support_required'].map((k) => `validation.${k}`),
    ];
    for (const key of keys) {
      const nl = translate('nl', key);
      const en = translate('en', key);
      expect(nl, key).not.toBe(key);
      expect(en, key).not.toBe(key);
      expect(en, key).not.toBe(nl);
    }
    expect(translate('en', 'errors.opp_changed_meanwhile')).toMatch(/Someone else has just changed this plan/);
  });
});

describe('API description', () => {
  it('documents the OPP endpoints in the OpenAPI file the web client is built from', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const p of ['/api/v1/pupils/{id}/opps', '/api/v1/opps/{id}', '/api/v1/opps/{id}/assent/paper', '/api/v1/opps/{id}/assents/{assentId}/follow-up', '/api/v1/opp-clocks'])
      expect(paths).toContain(p);
  });

  it('a submit without a body is fine', async () => {
    const opp = await startFresh();
    await ib.patch(`/api/v1/opps/${opp.id}`, { ...COMPLETE, rowVersion: 1 });
    const res = await ib.request('POST', `/api/v1/opps/${opp.id}/submit`);
    expect(res.statusCode).toBe(200);
  });
});

describe('reading', () => {
  it('every read of a plan is in the audit log, with the child', async () => {
    const { oppId } = await freshOpp(w, t, 'ownGroupPupil', 'adopted');
    const res = await teacher.get(`/api/v1/opps/${oppId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ pupil: { id: w.ownGroupPupil }, school: { id: w.schoolA1 }, policies: { edit: false, evaluate: false, downloadPdf: true } });
    expect(await auditOf('opp.read', oppId)).toEqual([expect.objectContaining({ actor_user_id: w.users.teacher, pupil_id: w.ownGroupPupil })]);
  });
});

describe('clocks', () => {
  async function reset(pupilId: string, enrolledOn: string, extraSupportSince: string | null) {
    await t.database.raw('delete from opps where pupil_id = $1', [pupilId]);
    await t.database.raw('update pupils set enrolled_on = $2 where id = $1', [pupilId, enrolledOn]);
    await t.database.raw(
      `insert into dossiers (region_id, pupil_id, extra_support_since) values ($1, $2, $3)
       on conflict (region_id, pupil_id) do update set extra_support_since = excluded.extra_support_since`,
      [w.a.regionId, pupilId, extraSupportSince],
    );
  }
  const items = async (c: TestClient = ib) =>
    (await c.get('/api/v1/opp-clocks?pageSize=100')).json().items as { kind: string; dueOn: string; overdue: boolean; pupil: { id: string }; oppId: string | null }[];

  it('computes the due dates the way the unit-tested rules do, across time zones and leap days, overdue first', async () => {
    // extra support from before enrolment: six weeks from enrolment
    await reset(w.ownGroupPupil, '2025-12-01', '2025-11-01');
    // adopted on a leap day (Dutch time), never evaluated
    await reset(w.selfPupil, '2020-08-20', null);
    const adopted = await freshOpp(w, t, 'selfPupil', 'adopted', { adoptedAt: '2024-02-29T10:00:00Z' });
    // a disagreement half an hour before midnight UTC on New Year's Eve: already 1 January in the Netherlands
    await reset(w.ownPupil, '2020-08-20', null);
    const disagreed = await freshOpp(w, t, 'ownPupil', 'disagreed', { decidedAt: '2025-12-31T23:30:00Z' });

    const list = await items();
    const find = (kind: string, pupil: string) => list.find((i) => i.kind === kind && i.pupil.id === pupil);
    expect(find('opp_due', w.ownGroupPupil)).toMatchObject({ dueOn: oppDueOn('2025-12-01', '2025-11-01'), overdue: true });
    expect(find('opp_due', w.ownGroupPupil)!.dueOn).toBe('2026-01-12');
    expect(find('opp_evaluation_due', w.selfPupil)).toMatchObject({ dueOn: evaluationDueOn('2024-02-29', null), oppId: adopted.oppId, overdue: true });
    expect(find('opp_evaluation_due', w.selfPupil)!.dueOn).toBe('2025-02-28');
    expect(find('opp_disagreed', w.ownPupil)).toMatchObject({ dueOn: followUpDueOn('2026-01-01'), oppId: disagreed.oppId });
    // the pupil with an adopted plan is not due for a first one
    expect(find('opp_due', w.selfPupil)).toBeUndefined();
    const dues = list.map((i) => i.dueOn);
    expect(dues).toEqual([...dues].sort());
  });

  it('an evaluation restarts the year; it shows six weeks before it is due; a recent adoption is not yet due', async () => {
    const today = dutchDate();
    await reset(w.selfPupil, '2020-08-20', null);
    const adopted = await freshOpp(w, t, 'selfPupil', 'adopted', { adoptedAt: new Date(Date.now() - 800 * 86_400_000).toISOString() });
    const evaluate = (heldOn: string) => ib.post(`/api/v1/opps/${adopted.oppId}/evaluations`, { heldOn, withParents: true, summary: 'Op koers' });
    const dueItem = async () => (await items()).find((i) => i.kind === 'opp_evaluation_due' && i.pupil.id === w.selfPupil);

    expect((await evaluate(addDays(today, -400))).statusCode).toBe(201);
    expect(await dueItem()).toMatchObject({ dueOn: evaluationDueOn(addDays(today, -800), addDays(today, -400)), overdue: true });
    expect((await evaluate(addDays(today, -10))).statusCode).toBe(201);
    expect(await dueItem()).toBeUndefined();
    // six weeks ahead it shows as coming up, not late
    expect((await evaluate(addDays(today, -340))).statusCode).toBe(201);
    await t.database.raw('delete from opp_evaluations where opp_id = $1 and held_on > $2', [adopted.oppId, addDays(today, -340)]);
    expect(await dueItem()).toMatchObject({ dueOn: evaluationDueOn(addDays(today, -800), addDays(today, -340)), overdue: false });

    const recent = await freshOpp(w, t, 'selfPupil', 'adopted');
    expect((await items()).some((i) => i.oppId === recent.oppId)).toBe(false);
  });

  it('the director of a school asking for another school is refused', async () => {
    expect((await director.get(`/api/v1/opp-clocks?schoolId=${w.schoolA2}`)).statusCode).toBe(403);
    expect((await teacher.get('/api/v1/opp-clocks')).statusCode).toBe(403);
  });
});
