import { expect } from 'vitest';
import type { TAccessCase } from '../../testing/access.js';
import type { TTestApp } from '../../testing/app.js';
import { freshRequest, type TRequestPupilKey } from '../../testing/requests.js';
import type { TActorKey, TWorld } from '../../testing/world.js';
import { addMembership, ensureAccount } from '../../seed/accounts.js';

type TKey = Extract<TRequestPupilKey, 'ownPupil' | 'otherSchoolPupil' | 'olderPupil' | 'otherRegionPupil'>;
const PUPILS: TKey[] = ['ownPupil', 'otherSchoolPupil', 'olderPupil', 'otherRegionPupil'];

const SCHOOL_A1_LEADS = ['school_director', 'school_care_coordinator'] as const;
/**
 * Who reads a filed request of each pupil: the school that filed it (A1 for ownPupil, A2 has no
 * account), the SWV office, the assigned expert, the parent with access (not of olderPupil, who
 * at 17 refused them). Region B's consultant reads region B's request; everyone else gets a 404.
 */
function readers(k: TKey, o: { expert: boolean }): TActorKey[] {
  if (k === 'otherRegionPupil') return ['b_consultant'];
  const out: TActorKey[] = ['swv_consultant', 'swv_board'];
  if (k === 'ownPupil') out.push(...SCHOOL_A1_LEADS, 'parent');
  if (o.expert) out.push('swv_expert');
  return out;
}
const consultantOf = (k: TKey): TActorKey => (k === 'otherRegionPupil' ? 'b_consultant' : 'swv_consultant');
/** A refused action on a readable request is 403; for whoever cannot read it, 404. */
const denyFor = (k: TKey, o: { expert: boolean }) => (a: TActorKey) => (readers(k, o).includes(a) ? 403 : 404);

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
const regionOf = (w: TWorld, k: TKey) => (k === 'otherRegionPupil' ? w.b.regionId : w.a.regionId);

/** A second expert of region A, not assigned anywhere unless a test does so. */
export async function otherExpert(w: TWorld, t: TTestApp, tag = 'other', region: 'a' | 'b' = 'a'): Promise<string> {
  const id = await ensureAccount(t.database, { name: `Deskundige ${tag}`, email: `expert-${tag}-${region}@w.test`, password: 'world-password-123' });
  await addMembership(t.database, { regionId: w[region].regionId, userId: id, role: 'swv_expert', organisationId: w[region].swvId });
  return id;
}

/** Adds submitted advices to a request, written as the owner (by default an orthopedagoog first, then a jeugdarts). */
export async function addAdvices(
  t: TTestApp,
  f: { regionId: string; requestId: string; pupilId: string },
  expertIds: string[],
  kinds: string[] = ['orthopedagoog', 'jeugdarts'],
) {
  for (const [i, expertId] of expertIds.entries()) {
    await t.database.raw(
      `insert into request_experts (region_id, request_id, pupil_id, expert_id, expert_kind, assigned_by, impartiality_declared_at, advice, recommendation, submitted_at)
       values ($1, $2, $3, $4, $5, $4, now(), 'Deze leerling heeft een kleine groep en veel structuur nodig.', 'SO, categorie laag', now())`,
      [f.regionId, f.requestId, f.pupilId, expertId, kinds[Math.min(i, kinds.length - 1)]],
    );
  }
}

/** A TLV request in assessment with two submitted advices: ready to be granted. */
export async function readyTlv(w: TWorld, t: TTestApp, k: TKey) {
  const f = await freshRequest(w, t, { pupil: k, status: 'in_assessment', type: 'tlv', consultant: true });
  const region = k === 'otherRegionPupil' ? 'b' : 'a';
  await addAdvices(t, f, [await otherExpert(w, t, 'advies-1', region), await otherExpert(w, t, 'advies-2', region)]);
  return f;
}

/** A decided TLV request with its TLV, valid until `validUntil` (the TLV number is the next free one). */
export async function decidedTlv(w: TWorld, t: TTestApp, k: TKey, o: { validFrom?: string; validUntil?: string; returnPlan?: string | null } = {}) {
  const f = await freshRequest(w, t, { pupil: k, status: 'decided', type: 'tlv', consultant: true });
  const [tlv] = await t.database.raw<{ id: string }>(
    `insert into tlvs (region_id, request_id, pupil_id, year, seq, school_type, category, valid_from, valid_until, return_plan)
     select $1, $2, $3, 2099, coalesce(max(seq), 0) + 1, 'SO', 'laag', $4, $5, $6 from tlvs where region_id = $1 and year = 2099
     returning id`,
    [f.regionId, f.requestId, f.pupilId, o.validFrom ?? '2024-08-01', o.validUntil ?? '2026-07-31', o.returnPlan ?? null],
  );
  return { ...f, tlvId: tlv!.id };
}

async function firstExpertRow(t: TTestApp, requestId: string): Promise<string> {
  const [row] = await t.database.raw<{ id: string }>('select id from request_experts where request_id = $1 order by assigned_at limit 1', [requestId]);
  return row!.id;
}

async function withObjection(w: TWorld, t: TTestApp, k: TKey) {
  const f = await freshRequest(w, t, { pupil: k, status: 'decided', consultant: true });
  const by = k === 'otherRegionPupil' ? w.users.b_consultant : w.users.swv_consultant;
  const [o] = await t.database.raw<{ id: string }>(
    `insert into objections (region_id, request_id, pupil_id, received_on, lodged_by, grounds, registered_by)
     values ($1, $2, $3, current_date, 'Ouder Test', 'Wij vinden dat de school te weinig heeft geprobeerd.', $4) returning id`,
    [f.regionId, f.requestId, f.pupilId, by],
  );
  return o!.id;
}

const per = (c: (k: TKey) => TAccessCase): TAccessCase[] => PUPILS.map(c);
const json = (res: { json(): unknown }) => res.json() as Record<string, unknown> & { policies: Record<string, boolean> };
const isPdf = (res: { rawPayload: Buffer; headers: Record<string, unknown> }) => {
  expect(res.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
  expect(res.headers['content-type']).toBe('application/pdf');
};

export const decisionAccess: TAccessCase[] = [
  ...per((k) => ({
    route: 'GET /api/v1/support-requests/:id/experts',
    relation: `the experts of a TLV request of ${k}, the expert assigned`,
    async request(w, t) {
      const { requestId } = await freshRequest(w, t, { pupil: k, status: 'in_assessment', type: 'tlv', consultant: true, expert: k !== 'otherRegionPupil' });
      return { url: `/api/v1/support-requests/${requestId}/experts` };
    },
    allow: readers(k, { expert: k !== 'otherRegionPupil' }),
    deny: 404,
    check(res, a) {
      expect((json(res).items as unknown[]).length).toBe(k === 'otherRegionPupil' ? 0 : 1);
      expect(json(res).policies.assign).toBe(a === consultantOf(k));
    },
  })),
  {
    route: 'GET /api/v1/support-requests/:id/experts',
    relation: 'the experts of a request of ownPupil, the expert not assigned',
    async request(w, t) {
      const f = await freshRequest(w, t, { pupil: 'ownPupil', status: 'in_assessment', type: 'tlv', consultant: true });
      await addAdvices(t, f, [await otherExpert(w, t)]);
      return { url: `/api/v1/support-requests/${f.requestId}/experts` };
    },
    allow: readers('ownPupil', { expert: false }),
    deny: 404,
    // parents read every submitted advice
    check: (res) => expect((json(res).items as { advice: string | null }[])[0]!.advice).toBeTruthy(),
  },
  {
    route: 'GET /api/v1/swv-experts',
    relation: "the region's experts to choose from",
    request: () => ({ url: '/api/v1/swv-experts' }),
    allow: ['swv_consultant', 'b_consultant'],
    check(res, a, w) {
      const ids = (json(res).items as { id: string }[]).map((i) => i.id);
      expect(ids.includes(w.users.swv_expert)).toBe(a === 'swv_consultant');
    },
  },
  ...per((k) => ({
    route: 'POST /api/v1/support-requests/:id/experts',
    relation: `assign the region's expert to a request of ${k}`,
    async request(w, t) {
      const { requestId } = await freshRequest(w, t, { pupil: k, status: 'in_assessment', type: 'tlv', consultant: true });
      return { url: `/api/v1/support-requests/${requestId}/experts`, body: { expertId: w.users.swv_expert, expertKind: 'orthopedagoog' } };
    },
    allow: k === 'otherRegionPupil' ? [] : ['swv_consultant'],
    ok: 201,
    // region B's consultant may assign, but region A's expert is not one of theirs
    deny: (a) => (k === 'otherRegionPupil' && a === 'b_consultant' ? 400 : denyFor(k, { expert: false })(a)),
    check: (res) => expect((json(res).items as unknown[]).length).toBe(1),
  })),
  ...per((k) => ({
    route: 'DELETE /api/v1/support-requests/:id/experts/:expertRowId',
    relation: `remove an expert without advice from a request of ${k}`,
    async request(w, t) {
      const f = await freshRequest(w, t, { pupil: k, status: 'in_assessment', type: 'tlv', consultant: true, expert: true });
      return { url: `/api/v1/support-requests/${f.requestId}/experts/${await firstExpertRow(t, f.requestId)}` };
    },
    allow: [consultantOf(k)],
    // in region B the world's expert row makes no one of region B an expert
    deny: denyFor(k, { expert: k !== 'otherRegionPupil' }),
    check: (res) => expect(json(res).items).toEqual([]),
  })),
  ...per((k) => ({
    route: 'POST /api/v1/support-requests/:id/experts/:expertRowId/advice',
    relation: `the assigned expert's advice on a request of ${k}`,
    async request(w, t) {
      const f = await freshRequest(w, t, { pupil: k, status: 'in_assessment', type: 'tlv', consultant: true, expert: true });
      return {
        url: `/api/v1/support-requests/${f.requestId}/experts/${await firstExpertRow(t, f.requestId)}/advice`,
        body: { impartial: true, advice: 'Een kleine groep met veel structuur past bij haar.', recommendation: 'SO, categorie laag' },
      };
    },
    allow: k === 'otherRegionPupil' ? [] : ['swv_expert'],
    deny: denyFor(k, { expert: k !== 'otherRegionPupil' }),
    check: (res) => expect((json(res).items as { submittedAt: string | null }[])[0]!.submittedAt).toBeTruthy(),
  })),
  {
    route: 'POST /api/v1/support-requests/:id/experts/:expertRowId/advice',
    relation: "another expert's row on a request of ownPupil",
    async request(w, t) {
      const f = await freshRequest(w, t, { pupil: 'ownPupil', status: 'in_assessment', type: 'tlv', consultant: true, expert: true });
      await t.database.raw(
        `insert into request_experts (region_id, request_id, pupil_id, expert_id, expert_kind, assigned_by) values ($1, $2, $3, $4, 'jeugdarts', $4)`,
        [f.regionId, f.requestId, f.pupilId, await otherExpert(w, t)],
      );
      const [row] = await t.database.raw<{ id: string }>('select id from request_experts where request_id = $1 and expert_kind = $2', [f.requestId, 'jeugdarts']);
      return { url: `/api/v1/support-requests/${f.requestId}/experts/${row!.id}/advice`, body: { impartial: true, advice: 'Advies', recommendation: 'SO' } };
    },
    allow: [],
    deny: denyFor('ownPupil', { expert: true }),
  },
  ...per((k) => ({
    route: 'GET /api/v1/support-requests/:id/decision',
    relation: `the decision on a request of ${k}`,
    async request(w, t) {
      const { requestId } = await freshRequest(w, t, { pupil: k, status: 'decided', consultant: true, expert: k !== 'otherRegionPupil' });
      return { url: `/api/v1/support-requests/${requestId}/decision` };
    },
    allow: readers(k, { expert: k !== 'otherRegionPupil' }),
    deny: 404,
    check(res, a) {
      const p = json(res).policies;
      expect(p.registerObjection).toBe(a === consultantOf(k));
      expect(p.exportObjectionDossier).toBe(a === consultantOf(k) || a === 'swv_board');
      expect(p.editReturnPlan).toBe(false);
      expect(json(res).objectionDeadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    },
  })),
  {
    route: 'GET /api/v1/support-requests/:id/decision',
    relation: 'a request of ownPupil not decided yet',
    async request(w, t) {
      const { requestId } = await freshRequest(w, t, { pupil: 'ownPupil', status: 'in_assessment', consultant: true });
      return { url: `/api/v1/support-requests/${requestId}/decision` };
    },
    allow: [],
    deny: 404,
  },
  ...per((k) => ({
    route: 'POST /api/v1/support-requests/:id/decision',
    relation: `grant a TLV with two advices for ${k}`,
    async request(w, t) {
      const { requestId } = await readyTlv(w, t, k);
      return {
        url: `/api/v1/support-requests/${requestId}/decision`,
        body: { outcome: 'granted', reasons: 'Twee deskundigen adviseren SO.', tlv: { schoolType: 'SO', category: 'laag', validFrom: today(), years: 2 } },
      };
    },
    allow: k === 'otherRegionPupil' ? ['b_consultant'] : ['swv_consultant', 'swv_board'],
    ok: 201,
    deny: denyFor(k, { expert: false }),
    check: (res) => expect((json(res).tlv as { number: string }).number).toMatch(/^\d{4}-\d{4}$/),
  })),
  ...per((k) => ({
    route: 'GET /api/v1/support-requests/:id/decision/letter',
    relation: `the decision letter on a request of ${k}`,
    async request(w, t) {
      const { requestId } = await decidedTlv(w, t, k);
      return { url: `/api/v1/support-requests/${requestId}/decision/letter` };
    },
    allow: readers(k, { expert: false }),
    deny: 404,
    check: (res) => isPdf(res),
  })),
  ...per((k) => ({
    route: 'POST /api/v1/support-requests/:id/objections',
    relation: `register an objection against a decision on ${k}`,
    async request(w, t) {
      const { requestId } = await freshRequest(w, t, { pupil: k, status: 'decided', consultant: true });
      return { url: `/api/v1/support-requests/${requestId}/objections`, body: { receivedOn: today(), lodgedBy: 'Ouder Test', grounds: 'Niet eens met het besluit.' } };
    },
    allow: [consultantOf(k)],
    ok: 201,
    deny: denyFor(k, { expert: false }),
    check: (res) => expect(json(res)).toMatchObject({ status: 'received', late: false }),
  })),
  ...per((k) => ({
    route: 'PATCH /api/v1/objections/:id',
    relation: `forward an objection against a decision on ${k}`,
    async request(w, t) {
      return { url: `/api/v1/objections/${await withObjection(w, t, k)}`, body: { status: 'forwarded' } };
    },
    allow: [consultantOf(k)],
    deny: denyFor(k, { expert: false }),
    check: (res) => expect(json(res).status).toBe('forwarded'),
  })),
  ...per((k) => ({
    route: 'GET /api/v1/support-requests/:id/objection-dossier',
    relation: `the objection dossier of a decision on ${k}`,
    async request(w, t) {
      const { requestId } = await decidedTlv(w, t, k);
      await addAdvices(t, { regionId: regionOf(w, k), requestId, pupilId: w[k] }, [await otherExpert(w, t, 'dossier', k === 'otherRegionPupil' ? 'b' : 'a')]);
      return { url: `/api/v1/support-requests/${requestId}/objection-dossier` };
    },
    allow: k === 'otherRegionPupil' ? ['b_consultant'] : ['swv_consultant', 'swv_board'],
    deny: denyFor(k, { expert: false }),
    check: (res) => isPdf(res),
  })),
  ...per((k) => ({
    route: 'PUT /api/v1/tlvs/:id/return-plan',
    relation: `the return plan of a TLV of ${k}`,
    async request(w, t) {
      const { tlvId } = await decidedTlv(w, t, k);
      return { url: `/api/v1/tlvs/${tlvId}/return-plan`, body: { returnPlan: 'Vanaf groep 8 twee dagen per week op de basisschool.' } };
    },
    // the consultant, or the IB'er or director of the school that filed the request
    allow: k === 'ownPupil' ? ['swv_consultant', ...SCHOOL_A1_LEADS] : [consultantOf(k)],
    deny: denyFor(k, { expert: false }),
    check: (res) => expect((json(res).tlv as { returnPlan: string }).returnPlan).toContain('groep 8'),
  })),
  {
    route: 'GET /api/v1/tlv-clocks',
    relation: 'TLVs ending soon at school A1 and A2',
    async request(w, t) {
      const soon = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      await decidedTlv(w, t, 'ownPupil', { validUntil: soon });
      await decidedTlv(w, t, 'otherSchoolPupil', { validUntil: soon });
      return { url: '/api/v1/tlv-clocks' };
    },
    allow: [...SCHOOL_A1_LEADS, 'swv_consultant', 'b_consultant'],
    check(res, a, w) {
      const pupils = new Set((json(res).items as { pupil: { id: string } }[]).map((i) => i.pupil.id));
      expect(pupils.has(w.ownPupil)).toBe(a !== 'b_consultant');
      expect(pupils.has(w.otherSchoolPupil)).toBe(a === 'swv_consultant');
    },
  },
];
