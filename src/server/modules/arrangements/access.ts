import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { TAccessCase } from '../../testing/access.js';
import type { TActorKey } from '../../testing/world.js';
import { ensureArrangementType, freshArrangement, grantedRequest, schoolYearEndDay, schoolYearStartDay } from './fixtures.js';

type TPupilKey = 'ownGroupPupil' | 'ownPupil' | 'otherSchoolPupil' | 'otherRegionPupil';
const PUPILS: TPupilKey[] = ['ownGroupPupil', 'ownPupil', 'otherSchoolPupil', 'otherRegionPupil'];
const A1_LEADS = ['school_director', 'school_care_coordinator'] as const;

/**
 * Who reads a child's arrangements: the IB'er and director of the school that carries it out, the
 * teacher of the child's group, the SWV's consultants and board, the parent with gezag. Region B's
 * consultant reads region B's. Everyone else: 404.
 */
const READERS: Record<TPupilKey, readonly TActorKey[]> = {
  ownGroupPupil: [...A1_LEADS, 'teacher', 'swv_consultant', 'swv_board'],
  ownPupil: [...A1_LEADS, 'parent', 'swv_consultant', 'swv_board'],
  otherSchoolPupil: ['swv_consultant', 'swv_board'],
  otherRegionPupil: ['b_consultant'],
};
/** Spend, evaluation and ending: the school's IB'er and director, and the consultants. */
const MANAGERS: Record<TPupilKey, readonly TActorKey[]> = {
  ownGroupPupil: [...A1_LEADS, 'swv_consultant'],
  ownPupil: [...A1_LEADS, 'swv_consultant'],
  otherSchoolPupil: ['swv_consultant'],
  otherRegionPupil: ['b_consultant'],
};
/** The decided request: its school, the SWV office, the parent (no teacher: requests are not theirs). */
const REQUEST_READERS: Record<TPupilKey, readonly TActorKey[]> = {
  ownGroupPupil: [...A1_LEADS, 'swv_consultant', 'swv_board'],
  ownPupil: [...A1_LEADS, 'parent', 'swv_consultant', 'swv_board'],
  otherSchoolPupil: ['swv_consultant', 'swv_board'],
  otherRegionPupil: ['b_consultant'],
};
const GRANTERS: Record<TPupilKey, readonly TActorKey[]> = {
  ownGroupPupil: ['swv_consultant'],
  ownPupil: ['swv_consultant'],
  otherSchoolPupil: ['swv_consultant'],
  otherRegionPupil: ['b_consultant'],
};
const denyUnlessIn = (readers: readonly TActorKey[]) => (a: TActorKey) => (readers.includes(a) ? 403 : 404);
const perPupil = (c: (k: TPupilKey) => TAccessCase): TAccessCase[] => PUPILS.map(c);
const policiesOf = (res: { json(): unknown }) => (res.json() as { policies: Record<string, boolean> }).policies;

const CATALOGUE_READERS: readonly TActorKey[] = [
  'swv_admin', 'swv_consultant', 'swv_expert', 'swv_board', 'school_director', 'school_care_coordinator', 'teacher', 'care_partner',
  'attendance_officer', 'municipality_analyst', 'opr_member', 'parent_support', 'parent', 'b_admin', 'b_consultant',
];
const REGION_COSTS: readonly TActorKey[] = ['swv_admin', 'swv_consultant', 'swv_board', 'b_admin', 'b_consultant'];

const grantBody = (typeId: string) => ({
  typeId,
  goals: [{ goal: 'Leest een AVI-E4 tekst vlot', criterion: 'Binnen 2 minuten, hoogstens 3 fouten' }],
  executorKind: 'pool',
  hours: 2,
  budgetCents: 320000,
  startOn: schoolYearStartDay(),
  endOn: schoolYearEndDay(),
  evaluationDates: [],
});
const evaluation = { heldOn: schoolYearStartDay(), goalsMet: 'partly', outcome: 'continue', summary: 'Leest vlotter; nog oefenen met lange woorden.' };

export const arrangementAccess: TAccessCase[] = [
  // ---- catalogue ----
  {
    route: 'GET /api/v1/arrangement-types',
    relation: 'the catalogue of the own region (inactive types only for beheer)',
    async request(w, t) {
      await ensureArrangementType(w, t);
      await ensureArrangementType(w, t, { name: 'Oude plusklas', active: false });
      await ensureArrangementType(w, t, { region: 'b' });
      return { url: '/api/v1/arrangement-types?includeInactive=true' };
    },
    allow: CATALOGUE_READERS,
    deny: 403,
    check(res, a) {
      const body = res.json() as { items: { name: string; active: boolean }[]; policies: { manage: boolean } };
      expect(body.items.some((i) => i.name === 'Leesbegeleiding')).toBe(true);
      expect(body.items.some((i) => !i.active)).toBe(a === 'swv_admin');
      expect(body.policies.manage).toBe(a === 'swv_admin' || a === 'b_admin');
    },
  },
  {
    route: 'POST /api/v1/arrangement-types',
    relation: 'a new type in the own region',
    request: () => ({
      url: '/api/v1/arrangement-types',
      body: {
        name: `Rekenbegeleiding ${randomUUID().slice(0, 8)}`,
        description: 'Extra instructie bij rekenen.',
        typicalHours: 1.5,
        typicalCostCents: 150000,
        executors: ['own_staff'],
      },
    }),
    allow: ['swv_admin', 'b_admin'],
    ok: 201,
    deny: 403,
    check: (res) => expect(res.json()).toMatchObject({ typicalHours: 1.5, executors: ['own_staff'], active: true }),
  },
  {
    route: 'PATCH /api/v1/arrangement-types/:id',
    relation: 'a type of region A',
    async request(w, t) {
      return { url: `/api/v1/arrangement-types/${await ensureArrangementType(w, t, { name: 'Plusklas' })}`, body: { typicalHours: 3 } };
    },
    allow: ['swv_admin'],
    deny: (a) => (a === 'b_admin' ? 404 : 403),
    check: (res) => expect(res.json()).toMatchObject({ name: 'Plusklas', typicalHours: 3 }),
  },
  // ---- on a request ----
  ...perPupil((k) => ({
    route: 'GET /api/v1/support-requests/:id/arrangements',
    relation: `the arrangements of a granted request of ${k}`,
    async request(w, t) {
      return { url: `/api/v1/support-requests/${(await freshArrangement(w, t, k)).requestId}/arrangements` };
    },
    allow: REQUEST_READERS[k],
    deny: 404,
    check(res, a) {
      expect((res.json() as { items: unknown[] }).items).toHaveLength(1);
      expect(policiesOf(res).create).toBe(GRANTERS[k].includes(a));
    },
  })),
  ...perPupil((k) => ({
    route: 'POST /api/v1/support-requests/:id/arrangements',
    relation: `granting on a granted request of ${k}`,
    async request(w, t) {
      const { requestId } = await grantedRequest(w, t, k);
      const typeId = await ensureArrangementType(w, t, { region: k === 'otherRegionPupil' ? 'b' : 'a' });
      return { url: `/api/v1/support-requests/${requestId}/arrangements`, body: grantBody(typeId) };
    },
    allow: GRANTERS[k],
    ok: 201,
    deny: denyUnlessIn(REQUEST_READERS[k]),
    check: (res) => expect(res.json()).toMatchObject({ status: 'active', executor: { kind: 'pool' }, totals: { spentCents: 0 } }),
  })),
  // ---- the child's ----
  ...perPupil((k) => ({
    route: 'GET /api/v1/pupils/:id/arrangements',
    relation: `the arrangements of ${k}`,
    async request(w, t) {
      return { url: `/api/v1/pupils/${(await freshArrangement(w, t, k)).pupilId}/arrangements` };
    },
    allow: READERS[k],
    deny: 404,
    check: (res) => expect(res.json()).toMatchObject({ items: [{ totals: { spentCents: 25000 } }], totals: { budgetCents: 320000, spentCents: 25000 } }),
  })),
  ...perPupil((k) => ({
    route: 'GET /api/v1/arrangements/:id',
    relation: `an arrangement of ${k}`,
    async request(w, t) {
      return { url: `/api/v1/arrangements/${(await freshArrangement(w, t, k)).arrangementId}` };
    },
    allow: READERS[k],
    deny: 404,
    check(res, a) {
      const body = res.json() as { spends: { recordedByName: string | null }[]; executor: { name: string | null } };
      expect(policiesOf(res).manage).toBe(MANAGERS[k].includes(a));
      // parents see what and how much, not who
      expect(body.spends[0]!.recordedByName === null).toBe(a === 'parent');
      expect(body.executor.name === null).toBe(a === 'parent');
    },
  })),
  ...perPupil((k) => ({
    route: 'POST /api/v1/arrangements/:id/spends',
    relation: `spend on an arrangement of ${k}`,
    async request(w, t) {
      return {
        url: `/api/v1/arrangements/${(await freshArrangement(w, t, k)).arrangementId}/spends`,
        body: { spentOn: schoolYearStartDay(), amountCents: 12500, hours: 1, description: 'Een les leesbegeleiding' },
      };
    },
    allow: MANAGERS[k],
    ok: 201,
    deny: denyUnlessIn(READERS[k]),
    check: (res) => expect(res.json()).toMatchObject({ totals: { spentCents: 37500, overBudget: false } }),
  })),
  ...perPupil((k) => ({
    route: 'DELETE /api/v1/arrangements/:id/spends/:spendId',
    relation: `correcting spend on an arrangement of ${k}`,
    async request(w, t) {
      const f = await freshArrangement(w, t, k);
      return { url: `/api/v1/arrangements/${f.arrangementId}/spends/${f.spendId}` };
    },
    allow: MANAGERS[k],
    deny: denyUnlessIn(READERS[k]),
    check: (res) => expect(res.json()).toMatchObject({ spends: [], totals: { spentCents: 0 } }),
  })),
  ...perPupil((k) => ({
    route: 'POST /api/v1/arrangements/:id/evaluations',
    relation: `evaluating an arrangement of ${k}`,
    async request(w, t) {
      return { url: `/api/v1/arrangements/${(await freshArrangement(w, t, k)).arrangementId}/evaluations`, body: evaluation };
    },
    allow: MANAGERS[k],
    ok: 201,
    deny: denyUnlessIn(READERS[k]),
    check: (res) => expect(res.json()).toMatchObject({ arrangement: { status: 'active' }, extensionRequestId: null }),
  })),
  {
    route: 'POST /api/v1/arrangements/:id/evaluations',
    relation: 'asking for an extension: only the school that files requests',
    async request(w, t) {
      return {
        url: `/api/v1/arrangements/${(await freshArrangement(w, t, 'ownPupil')).arrangementId}/evaluations`,
        body: { ...evaluation, requestExtension: true },
      };
    },
    allow: A1_LEADS,
    ok: 201,
    deny: denyUnlessIn(READERS.ownPupil),
    check: (res) => expect((res.json() as { extensionRequestId: string | null }).extensionRequestId).toMatch(/^[0-9a-f-]{36}$/),
  },
  ...perPupil((k) => ({
    route: 'POST /api/v1/arrangements/:id/end',
    relation: `ending an arrangement of ${k}`,
    async request(w, t) {
      return { url: `/api/v1/arrangements/${(await freshArrangement(w, t, k)).arrangementId}/end`, body: {} };
    },
    allow: MANAGERS[k],
    deny: denyUnlessIn(READERS[k]),
    check: (res) => expect(res.json()).toMatchObject({ status: 'ended', policies: { evaluate: false, end: false } }),
  })),
  // ---- costs ----
  {
    route: 'GET /api/v1/arrangement-costs',
    relation: 'the report of a school year: the SWV the region, a school its own',
    async request(w, t) {
      await freshArrangement(w, t, 'ownPupil');
      return { url: `/api/v1/arrangement-costs?schoolYear=${schoolYearStartDay().slice(0, 4)}` };
    },
    allow: [...REGION_COSTS, ...A1_LEADS],
    deny: 403,
    check(res, a, w) {
      const rows = (res.json() as { rows: { school: { id: string } }[] }).rows;
      if ((A1_LEADS as readonly TActorKey[]).includes(a)) expect(rows.map((r) => r.school.id)).toEqual([w.schoolA1]);
      else expect(rows.length).toBeGreaterThan(1);
    },
  },
  {
    route: 'GET /api/v1/arrangement-costs',
    relation: 'one other school (a school lead may not; another region does not know it)',
    request: (w) => ({ url: `/api/v1/arrangement-costs?calendarYear=2026&schoolId=${w.schoolA2}` }),
    allow: ['swv_admin', 'swv_consultant', 'swv_board'],
    deny: (a) => (a === 'b_admin' || a === 'b_consultant' ? 400 : 403),
    check: (res, _a, w) => expect((res.json() as { rows: { school: { id: string } }[] }).rows.map((r) => r.school.id)).toEqual([w.schoolA2]),
  },
  {
    route: 'GET /api/v1/arrangement-costs.csv',
    relation: 'the report as CSV',
    request: () => ({ url: `/api/v1/arrangement-costs.csv?schoolYear=${schoolYearStartDay().slice(0, 4)}` }),
    allow: [...REGION_COSTS, ...A1_LEADS],
    deny: 403,
    check(res) {
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.body.charCodeAt(0)).toBe(0xfeff);
    },
  },
];
