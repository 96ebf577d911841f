import { expect } from 'vitest';
import type { TAbsenceCase, TAbsenceCaseList, TPupilAbsence } from '../../../shared/schemas/absence.js';
import type { TAccessCase } from '../../testing/access.js';
import type { TActorKey, TWorld } from '../../testing/world.js';
import { resetAbsence, type TAbsencePupilKey, type TAbsenceSeed } from './fixtures.js';
import { addDays } from '../../../shared/school-year.js';
import { dutchDate } from '../opps/clocks.js';

/**
 * Who sees and works a child's absence case (no owner in the fixtures unless told): the SWV's
 * consultants the whole region, the school's IB'er and director their own pupils, leerplicht
 * the children living in their gemeente (ownGroupPupil lives in G1, the others in G2), a care
 * partner in the kernteam only while a consent shares 'absence' (absencePupil; not noConsentPupil),
 * and the owner. Everyone else — the analyst, the OPR, the parent, the teacher, region B — 404.
 */
const PUPILS: TAbsencePupilKey[] = ['ownGroupPupil', 'ownSchoolPupil', 'otherSchoolPupil', 'absencePupil', 'noConsentPupil', 'otherRegionPupil'];
/** Writes are checked on the children where the rule differs: leerplicht's gemeente, the care partner's consent, another region. */
const WRITE_PUPILS: TAbsencePupilKey[] = ['ownGroupPupil', 'ownSchoolPupil', 'absencePupil', 'otherRegionPupil'];
const A1_LEADS = ['school_care_coordinator', 'school_director'] as const;

const WORK: Record<TAbsencePupilKey, readonly TActorKey[]> = {
  ownGroupPupil: ['swv_consultant', ...A1_LEADS, 'attendance_officer'],
  ownSchoolPupil: ['swv_consultant', ...A1_LEADS],
  otherSchoolPupil: ['swv_consultant'],
  absencePupil: ['swv_consultant'],
  noConsentPupil: ['swv_consultant'],
  otherRegionPupil: ['b_consultant'],
};
const VIEW: Record<TAbsencePupilKey, readonly TActorKey[]> = { ...WORK, absencePupil: ['swv_consultant', 'care_partner'] };

const seesOr404 = (viewers: readonly TActorKey[]) => (a: TActorKey) => (viewers.includes(a) ? 403 : 404);
const dutchDay = (offset = 0) => addDays(dutchDate(), offset);
const caseOf = (res: { json(): unknown }) => res.json() as TAbsenceCase;

/** One row per child for a route on its open case; `owner` adds the row where the care partner owns otherSchoolPupil's case. */
function caseRows(
  route: string,
  o: {
    pupils: TAbsencePupilKey[];
    url: (caseId: string, episodeId: string) => string;
    body?: (w: TWorld) => unknown;
    seed?: TAbsenceSeed;
    write: boolean;
    check?: TAccessCase['check'];
  },
): TAccessCase[] {
  const rows: TAccessCase[] = o.pupils.map((k) => ({
    route,
    relation: `the open case of ${k}`,
    async request(w, t) {
      const f = await resetAbsence(w, t, k, o.seed);
      return { url: o.url(f.caseId!, f.episodeIds[0]!), body: o.body?.(w) };
    },
    allow: o.write ? WORK[k] : VIEW[k],
    deny: o.write ? seesOr404(VIEW[k]) : 404,
    check: o.check,
  }));
  rows.push({
    route,
    relation: 'the case of otherSchoolPupil owned by the care partner (outside the kernteam)',
    async request(w, t) {
      const f = await resetAbsence(w, t, 'otherSchoolPupil', { ...o.seed, owner: 'care_partner' });
      return { url: o.url(f.caseId!, f.episodeIds[0]!), body: o.body?.(w) };
    },
    allow: ['swv_consultant', 'care_partner'],
    deny: 404,
    check: o.check,
  });
  return rows;
}

export const absenceCaseAccess: TAccessCase[] = [
  ...PUPILS.map(
    (k): TAccessCase => ({
      route: 'GET /api/v1/pupils/:id/absence',
      relation: `${k} with an open case`,
      async request(w, t) {
        return { url: `/api/v1/pupils/${(await resetAbsence(w, t, k)).pupilId}/absence` };
      },
      allow: VIEW[k],
      deny: 404,
      check(res, a) {
        const body = res.json() as TPupilAbsence;
        expect(body.openCase?.status).toBe('open');
        expect(body.policies.register).toBe(WORK[k].includes(a));
        expect(body.reasons.length).toBeGreaterThan(0);
      },
    }),
  ),
  ...PUPILS.map(
    (k): TAccessCase => ({
      route: 'POST /api/v1/pupils/:id/absence/episodes',
      relation: `registering the first absence of ${k}`,
      async request(w, t) {
        const { pupilId } = await resetAbsence(w, t, k, { none: true });
        return { url: `/api/v1/pupils/${pupilId}/absence/episodes`, body: { kind: 'long_relative', startedOn: dutchDay(-10), reasonIds: ['psychisch'] } };
      },
      allow: WORK[k],
      ok: 201,
      deny: seesOr404(VIEW[k]),
      check(res) {
        const body = caseOf(res);
        expect(body).toMatchObject({ status: 'open', openedOn: dutchDay(-10), daysWithoutEducation: 10, episodes: [{ kind: 'long_relative' }] });
      },
    }),
  ),
  {
    route: 'GET /api/v1/absence/cases',
    relation: 'open cases of ownGroupPupil (G1), ownSchoolPupil (A1), otherSchoolPupil (A2) and absencePupil: each sees their scope',
    async request(w, t) {
      for (const k of ['ownGroupPupil', 'ownSchoolPupil', 'otherSchoolPupil', 'absencePupil'] as const) await resetAbsence(w, t, k);
      return { url: '/api/v1/absence/cases?pageSize=100' };
    },
    allow: ['swv_consultant', ...A1_LEADS, 'attendance_officer', 'b_consultant'],
    deny: 403,
    check(res, a, w) {
      const ids = new Set((res.json() as TAbsenceCaseList).items.map((i) => i.pupil.id));
      const sees: Record<string, readonly TActorKey[]> = {
        ownGroupPupil: VIEW.ownGroupPupil,
        ownSchoolPupil: VIEW.ownSchoolPupil,
        otherSchoolPupil: VIEW.otherSchoolPupil,
      };
      for (const [k, who] of Object.entries(sees)) {
        expect(ids.has(w[k as keyof TWorld] as string), `${a} and ${k}`).toBe(who.includes(a));
      }
      if (a !== 'swv_consultant') expect(ids.size).toBeLessThanOrEqual(2);
    },
  },
  ...caseRows('GET /api/v1/absence/cases/:id', {
    pupils: PUPILS,
    url: (id) => `/api/v1/absence/cases/${id}`,
    write: false,
    check(res, a) {
      const body = caseOf(res);
      expect(body).toMatchObject({ status: 'open', daysWithoutEducation: 40, flags: ['no_owner', 'no_plan', 'no_next_date'].filter((f) => f !== 'no_owner' || !body.owner) });
      expect(body.policies.update).toBe(a !== 'care_partner' || !!body.owner);
    },
  }),
  ...caseRows('PUT /api/v1/absence/cases/:id', {
    pupils: WRITE_PUPILS,
    url: (id) => `/api/v1/absence/cases/${id}`,
    body: () => ({ ownerUserId: null, plan: 'Dagbesteding twee ochtenden, daarna opbouwen', planBy: "IB'er en CJG-coach", nextDate: dutchDay(14), offerFrom: null, rowVersion: 1 }),
    write: true,
    check: (res) => expect(caseOf(res)).toMatchObject({ plan: 'Dagbesteding twee ochtenden, daarna opbouwen', nextDate: dutchDay(14), rowVersion: 2 }),
  }),
  ...caseRows('GET /api/v1/absence/cases/:id/owner-candidates', {
    pupils: WRITE_PUPILS,
    url: (id) => `/api/v1/absence/cases/${id}/owner-candidates`,
    write: true,
    check(res, a, w) {
      const ids = (res.json() as { items: { id: string }[] }).items.map((i) => i.id);
      expect(ids).toContain(a === 'b_consultant' ? w.users.b_consultant : w.users.swv_consultant);
    },
  }),
  ...caseRows('POST /api/v1/absence/cases/:id/episodes/:episodeId/end', {
    pupils: WRITE_PUPILS,
    url: (id, episodeId) => `/api/v1/absence/cases/${id}/episodes/${episodeId}/end`,
    body: () => ({ endedOn: dutchDay(-1) }),
    write: true,
    check: (res) => expect(caseOf(res)).toMatchObject({ status: 'open', episodes: [{ endedOn: dutchDay(-1) }], daysWithoutEducation: 0 }),
  }),
  ...caseRows('POST /api/v1/absence/cases/:id/close', {
    pupils: WRITE_PUPILS,
    url: (id) => `/api/v1/absence/cases/${id}/close`,
    body: () => ({ reason: 'back_at_school', closedOn: dutchDay(0) }),
    write: true,
    check: (res) => expect(caseOf(res)).toMatchObject({ status: 'closed', closeReason: 'back_at_school', episodes: [{ endedOn: dutchDay(0) }], policies: { update: false } }),
  }),
];
