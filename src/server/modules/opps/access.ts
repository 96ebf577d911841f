import { expect } from 'vitest';
import type { TAccessCase } from '../../testing/access.js';
import type { TTestApp } from '../../testing/app.js';
import type { TActorKey, TWorld } from '../../testing/world.js';

type TPupilKey =
  | 'ownGroupPupil'
  | 'ownPupil'
  | 'selfPupil'
  | 'otherSchoolPupil'
  | 'consentPupil'
  | 'expiredConsentPupil'
  | 'withdrawnConsentPupil'
  | 'noConsentPupil'
  | 'olderPupil'
  | 'otherRegionPupil';

const SCHOOL_A1_LEADS = ['school_director', 'school_care_coordinator'] as const;

/**
 * Who may read a child's plans, per pupil of the world: the teacher of the child's group, the
 * school's IB'er and director, the kernteam consultant, a care partner in the kernteam with a
 * valid consent for 'opp', the parent with gezag (not once a 16+ pupil refused), the pupil.
 * Everyone else gets a 404 — other regions always (their rows are not even visible).
 */
const READERS: Record<TPupilKey, readonly TActorKey[]> = {
  ownGroupPupil: [...SCHOOL_A1_LEADS, 'teacher'],
  ownPupil: [...SCHOOL_A1_LEADS, 'parent'],
  selfPupil: [...SCHOOL_A1_LEADS, 'pupil'],
  otherSchoolPupil: [],
  consentPupil: ['care_partner', 'swv_consultant'],
  expiredConsentPupil: ['swv_consultant'],
  withdrawnConsentPupil: ['swv_consultant'],
  noConsentPupil: ['swv_consultant'],
  olderPupil: ['pupil16'],
  otherRegionPupil: [],
};
/** The plan is the school's: its IB'er and director write it. */
const managers = (k: TPupilKey): readonly TActorKey[] => (READERS[k].includes('school_care_coordinator') ? SCHOOL_A1_LEADS : []);
/** Instemming: only a guardian with gezag who has an account. */
const assenters = (k: TPupilKey): readonly TActorKey[] => (k === 'ownPupil' ? ['parent'] : []);
const PUPILS = Object.keys(READERS) as TPupilKey[];

/** A readable record: refused actions are 403 for those who see it, 404 for everyone else. */
const denyFor = (k: TPupilKey) => (a: TActorKey) => (READERS[k].includes(a) ? 403 : 404);
/** A draft is the school's working paper: the family and care partners do not see it at all. */
const DRAFT_HIDDEN: readonly TActorKey[] = ['parent', 'pupil', 'pupil16', 'care_partner'];
const draftReaders = (k: TPupilKey) => READERS[k].filter((a) => !DRAFT_HIDDEN.includes(a));
const denyDraft = (k: TPupilKey) => (a: TActorKey) => (draftReaders(k).includes(a) ? 403 : 404);

/** The signed paper: the smallest file that is recognisably a PDF. */
const PAPER = { fileName: 'instemming.pdf', contentBase64: Buffer.from('%PDF-1.4\n%ondertekend\n').toString('base64') };

type TFixtureStatus = 'draft' | 'awaiting_assent' | 'disagreed' | 'adopted';

/**
 * Gives the pupil exactly one OPP version in `status` (complete, so it can be submitted), as the
 * owner outside any tenant. The harness asks again for every actor, so each gets a fresh one.
 */
export async function freshOpp(
  w: TWorld,
  t: TTestApp,
  key: TPupilKey,
  status: TFixtureStatus,
  at: { adoptedAt?: string; decidedAt?: string } = {},
) {
  const pupilId = w[key];
  const regionId = key === 'otherRegionPupil' ? w.b.regionId : w.a.regionId;
  const author = key === 'otherRegionPupil' ? w.users.b_admin : w.users.school_care_coordinator;
  await t.database.raw('delete from opps where pupil_id = $1', [pupilId]);
  await t.database.raw(`delete from attachments where pupil_id = $1 and category = 'opp'`, [pupilId]);
  const [g] = await t.database.raw<{ id: string }>('select id from guardians where pupil_id = $1 and has_gezag order by id limit 1', [pupilId]);
  const [opp] = await t.database.raw<{ id: string }>(
    `insert into opps (region_id, pupil_id, seq, status, outflow_profile, outflow_destination, reasoning, oogo_date, oogo_outcome,
       support, pupil_heard, hearing_date, hearing_summary, submitted_at, adopted_at, created_by)
     values ($1, $2, 1, $3, 'vervolgonderwijs', 'vmbo kader', 'Leert goed met extra uitleg', current_date - 20, 'Ouders eens met de richting',
       '[{"what":"Extra leesbegeleiding","who":"Remedial teacher","frequency":"2 keer per week"}]', true, current_date - 15, 'Wil graag meer tijd',
       case when $3 <> 'draft' then now() - interval '2 days' end, case when $3 = 'adopted' then coalesce($5::timestamptz, now() - interval '1 day') end, $4)
     returning id`,
    [regionId, pupilId, status, author, at.adoptedAt ?? null],
  );
  let assentId: string | null = null;
  if (status === 'disagreed' || status === 'adopted') {
    const [a] = await t.database.raw<{ id: string }>(
      `insert into opp_assents (region_id, opp_id, pupil_id, guardian_id, decision, reason, via, recorded_by, decided_at)
       values ($1, $2, $3, $4, $5, $6, 'paper', $7, coalesce($8::timestamptz, now())) returning id`,
      [regionId, opp!.id, pupilId, g!.id, status === 'adopted' ? 'agree' : 'disagree', status === 'adopted' ? null : 'Te weinig hulp', author, at.decidedAt ?? null],
    );
    assentId = a!.id;
  }
  return { oppId: opp!.id, guardianId: g!.id, assentId };
}

/** Makes the world's pupils at school A1 and A2 due for an OPP (extra support, no adopted plan). */
async function dueForOpp(w: TWorld, t: TTestApp) {
  for (const key of ['ownPupil', 'otherSchoolPupil'] as const) {
    await t.database.raw('delete from opps where pupil_id = $1', [w[key]]);
    await t.database.raw(
      `insert into dossiers (region_id, pupil_id, extra_support_since) values ($1, $2, current_date - 10)
       on conflict (region_id, pupil_id) do update set extra_support_since = excluded.extra_support_since`,
      [w.a.regionId, w[key]],
    );
  }
}

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

const perPupil = (c: (k: TPupilKey) => TAccessCase): TAccessCase[] => PUPILS.map(c);
type TPolicies = Record<string, boolean>;
const policiesOf = (res: { json(): unknown }) => (res.json() as { policies: TPolicies }).policies;

export const oppAccess: TAccessCase[] = [
  ...perPupil((k) => ({
    route: 'GET /api/v1/pupils/:id/opps',
    relation: `the plans of ${k}`,
    async request(w, t) {
      await freshOpp(w, t, k, 'adopted');
      return { url: `/api/v1/pupils/${w[k]}/opps` };
    },
    allow: READERS[k],
    deny: 404,
    check(res, a) {
      expect((res.json() as { items: unknown[] }).items).toHaveLength(1);
      expect(policiesOf(res).create).toBe(managers(k).includes(a));
    },
  })),
  ...perPupil((k) => ({
    route: 'POST /api/v1/pupils/:id/opps',
    relation: `a new version for ${k}`,
    async request(w, t) {
      await freshOpp(w, t, k, 'adopted');
      return { url: `/api/v1/pupils/${w[k]}/opps`, body: {} };
    },
    allow: managers(k),
    ok: 201,
    deny: denyFor(k),
    check: (res) => expect(res.json()).toMatchObject({ seq: 2, status: 'draft', reasoning: 'Leert goed met extra uitleg' }),
  })),
  ...perPupil((k) => ({
    route: 'GET /api/v1/opps/:id',
    relation: `a version awaiting assent of ${k}`,
    async request(w, t) {
      return { url: `/api/v1/opps/${(await freshOpp(w, t, k, 'awaiting_assent')).oppId}` };
    },
    allow: READERS[k],
    deny: 404,
    check(res, a) {
      const p = policiesOf(res);
      expect(p.assent).toBe(assenters(k).includes(a));
      expect(p.recordPaperAssent).toBe(managers(k).includes(a));
      expect(p.downloadPdf).toBe(false);
    },
  })),
  ...perPupil((k) => ({
    route: 'PATCH /api/v1/opps/:id',
    relation: `a draft of ${k}`,
    async request(w, t) {
      return { url: `/api/v1/opps/${(await freshOpp(w, t, k, 'draft')).oppId}`, body: { rowVersion: 1, deviations: 'Minder huiswerk' } };
    },
    allow: managers(k),
    deny: denyDraft(k),
    check: (res) => expect(res.json()).toMatchObject({ deviations: 'Minder huiswerk', rowVersion: 2 }),
  })),
  ...perPupil((k) => ({
    route: 'POST /api/v1/opps/:id/submit',
    relation: `a complete draft of ${k}`,
    async request(w, t) {
      return { url: `/api/v1/opps/${(await freshOpp(w, t, k, 'draft')).oppId}/submit`, body: {} };
    },
    allow: managers(k),
    deny: denyDraft(k),
    check: (res) => expect(res.json().status).toBe('awaiting_assent'),
  })),
  ...perPupil((k) => ({
    route: 'POST /api/v1/opps/:id/assent',
    relation: `a version awaiting assent of ${k}`,
    async request(w, t) {
      return { url: `/api/v1/opps/${(await freshOpp(w, t, k, 'awaiting_assent')).oppId}/assent`, body: { decision: 'agree' } };
    },
    allow: assenters(k),
    deny: denyFor(k),
    check: (res) => expect(res.json().status).toBe('adopted'),
  })),
  ...perPupil((k) => ({
    route: 'POST /api/v1/opps/:id/assent/paper',
    relation: `a paper decision on a version of ${k}`,
    async request(w, t) {
      const f = await freshOpp(w, t, k, 'awaiting_assent');
      return { url: `/api/v1/opps/${f.oppId}/assent/paper`, body: { guardianId: f.guardianId, decision: 'agree', file: PAPER } };
    },
    allow: managers(k),
    deny: denyFor(k),
    check: (res) => expect(res.json().assents[0]).toMatchObject({ via: 'paper', decision: 'agree' }),
  })),
  ...perPupil((k) => ({
    route: 'POST /api/v1/opps/:id/assents/:assentId/follow-up',
    relation: `the conversation after a parent of ${k} disagreed`,
    async request(w, t) {
      const f = await freshOpp(w, t, k, 'disagreed');
      return { url: `/api/v1/opps/${f.oppId}/assents/${f.assentId}/follow-up`, body: { note: 'Gesproken, extra hulp toegevoegd' } };
    },
    allow: managers(k),
    deny: denyFor(k),
    check: (res) => expect(res.json().assents[0].followUpNote).toBe('Gesproken, extra hulp toegevoegd'),
  })),
  ...perPupil((k) => ({
    route: 'POST /api/v1/opps/:id/evaluations',
    relation: `the adopted plan of ${k}`,
    async request(w, t) {
      const f = await freshOpp(w, t, k, 'adopted');
      return { url: `/api/v1/opps/${f.oppId}/evaluations`, body: { heldOn: today(), withParents: true, summary: 'Gaat goed' } };
    },
    allow: managers(k),
    ok: 201,
    deny: denyFor(k),
    check: (res) => expect(res.json().evaluations).toHaveLength(1),
  })),
  ...perPupil((k) => ({
    route: 'GET /api/v1/opps/:id/pdf',
    relation: `the adopted plan of ${k} (an export)`,
    async request(w, t) {
      return { url: `/api/v1/opps/${(await freshOpp(w, t, k, 'adopted')).oppId}/pdf` };
    },
    allow: READERS[k],
    deny: 404,
    check(res) {
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    },
  })),
  {
    route: 'GET /api/v1/opp-clocks',
    relation: 'own school for the IB’er and director, the region for the consultant',
    async request(w, t) {
      await dueForOpp(w, t);
      return { url: '/api/v1/opp-clocks?pageSize=100' };
    },
    allow: [...SCHOOL_A1_LEADS, 'swv_consultant', 'b_consultant'],
    deny: 403,
    check(res, a, w) {
      const pupils = (res.json() as { items: { pupil: { id: string } }[] }).items.map((i) => i.pupil.id);
      expect(pupils.includes(w.ownPupil)).toBe(a !== 'b_consultant');
      expect(pupils.includes(w.otherSchoolPupil)).toBe(a === 'swv_consultant');
    },
  },
  {
    route: 'GET /api/v1/opp-clocks',
    relation: 'school A1 asked for by name',
    request: (w) => ({ url: `/api/v1/opp-clocks?schoolId=${w.schoolA1}` }),
    allow: [...SCHOOL_A1_LEADS, 'swv_consultant'],
    // another region does not know school A1
    deny: (a) => (a === 'b_consultant' ? 400 : 403),
  },
  {
    route: 'GET /api/v1/opp-clocks',
    relation: 'another school (A2)',
    async request(w, t) {
      await dueForOpp(w, t);
      return { url: `/api/v1/opp-clocks?schoolId=${w.schoolA2}` };
    },
    allow: ['swv_consultant'],
    deny: (a) => (a === 'b_consultant' ? 400 : 403),
    check: (res, _a, w) =>
      expect((res.json() as { items: { pupil: { id: string } }[] }).items.map((i) => i.pupil.id)).toContain(w.otherSchoolPupil),
  },
];
