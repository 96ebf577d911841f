import { expect } from 'vitest';
import type { TAccessCase } from '../../testing/access.js';
import type { TActorKey, TWorld } from '../../testing/world.js';
import { resetCase, type TCasePupilKey } from './fixtures.js';

const PUPILS: TCasePupilKey[] = ['ownGroupPupil', 'ownPupil', 'selfPupil', 'otherSchoolPupil', 'consentPupil', 'noConsentPupil', 'otherRegionPupil'];
const A1_LEADS = ['school_director', 'school_care_coordinator'] as const;

/**
 * Who holds the regie in the fixtures: the IB'er for school A1's children, the consultant for the
 * kernteam children at A2; nobody for the child at A2 without a kernteam and for region B's child
 * (so everyone in region A, and region B's people who are not in its kernteam, get 404).
 */
const LEAD: Record<TCasePupilKey, TActorKey | null> = {
  ownGroupPupil: 'school_care_coordinator',
  ownPupil: 'school_care_coordinator',
  selfPupil: 'school_care_coordinator',
  otherSchoolPupil: null,
  consentPupil: 'swv_consultant',
  noConsentPupil: 'swv_consultant',
  otherRegionPupil: null,
};
/**
 * Who sees the case: whoever sees the kernteam (the school's IB'er and director, the teacher of
 * the group, the consultant in the kernteam, a care partner in it with consent, the parent with
 * gezag, the pupil) and the case lead. A care partner without consent or outside the kernteam: 404.
 */
const READERS: Record<TCasePupilKey, readonly TActorKey[]> = {
  ownGroupPupil: [...A1_LEADS, 'teacher'],
  ownPupil: [...A1_LEADS, 'parent'],
  selfPupil: [...A1_LEADS, 'pupil'],
  otherSchoolPupil: [],
  consentPupil: ['swv_consultant', 'care_partner'],
  noConsentPupil: ['swv_consultant'],
  otherRegionPupil: [],
};
/** Who names, hands over, closes and keeps the plan: who manages the kernteam, and the case lead. */
const SETTERS: Record<TCasePupilKey, readonly TActorKey[]> = {
  ownGroupPupil: A1_LEADS,
  ownPupil: A1_LEADS,
  selfPupil: A1_LEADS,
  otherSchoolPupil: [],
  consentPupil: ['swv_consultant'],
  noConsentPupil: ['swv_consultant'],
  otherRegionPupil: [],
};
/** Whom a handover goes to: the IB'er at A1; at A2 from the consultant to the CJG-coach in the kernteam. */
const HANDOVER_TO: Record<TCasePupilKey, TActorKey> = {
  ownGroupPupil: 'school_care_coordinator',
  ownPupil: 'school_care_coordinator',
  selfPupil: 'school_care_coordinator',
  otherSchoolPupil: 'school_care_coordinator',
  consentPupil: 'care_partner',
  noConsentPupil: 'care_partner',
  otherRegionPupil: 'b_consultant',
};

const denyUnlessIn = (readers: readonly TActorKey[]) => (a: TActorKey) => (readers.includes(a) ? 403 : 404);
const perPupil = (c: (k: TCasePupilKey) => TAccessCase): TAccessCase[] => PUPILS.map(c);
type TCaseBody = {
  caseLead: { person: { id: string }; note: string | null } | null;
  history: unknown[];
  candidates: unknown[];
  signalPlans: { level: string; status: string; triggered: boolean }[];
  policies: Record<string, boolean>;
};
const bodyOf = (res: { json(): unknown }) => res.json() as TCaseBody;
const family = (a: TActorKey) => a === 'parent' || a === 'pupil' || a === 'pupil16';
const lead = (k: TCasePupilKey) => ({ lead: LEAD[k] });
const CLOSE_LEAD = (k: TCasePupilKey): TActorKey => LEAD[k] ?? (k === 'otherRegionPupil' ? 'b_consultant' : 'swv_consultant');

export const caseLeadAccess: TAccessCase[] = [
  ...perPupil((k) => ({
    route: 'GET /api/v1/pupils/:id/case',
    relation: `the case of ${k} (lead: ${LEAD[k] ?? 'none'}) with a plan B whose date has passed`,
    async request(w, t) {
      return { url: `/api/v1/pupils/${await resetCase(w, t, k, { ...lead(k), plans: [{ level: 'B', triggerIn: -1 }] })}/case` };
    },
    allow: READERS[k],
    deny: 404,
    check(res, a, w) {
      const body = bodyOf(res);
      expect(body.caseLead?.person.id).toBe(w.users[LEAD[k] as keyof TWorld['users']]);
      expect(body.signalPlans).toMatchObject([{ level: 'B', status: 'waiting', triggered: true }]);
      const sets = SETTERS[k].includes(a);
      expect(body.policies).toMatchObject({ setCaseLead: sets, close: sets, editSignalPlan: sets, readHistory: !family(a) });
      expect(body.candidates.length > 0).toBe(sets);
      // the family sees one contact and the plan, not the staff's notes or who handed over to whom
      if (family(a)) expect([body.caseLead?.note, body.history]).toEqual([null, []]);
      else expect(body.history).toHaveLength(1);
    },
  })),
  ...perPupil((k) => ({
    route: 'PUT /api/v1/pupils/:id/case-lead',
    relation: `naming or handing over the regie of ${k}`,
    async request(w, t) {
      // A1's children start without a case lead (the IB'er is named); A2's go from the consultant to the CJG-coach
      const from = LEAD[k] === HANDOVER_TO[k] ? null : LEAD[k];
      const id = await resetCase(w, t, k, { lead: from });
      return { url: `/api/v1/pupils/${id}/case-lead`, body: { userId: w.users[HANDOVER_TO[k] as keyof TWorld['users']], note: 'Zij kent het gezin het best' } };
    },
    allow: SETTERS[k],
    deny: denyUnlessIn(READERS[k]),
    check(res, _a, w) {
      const body = bodyOf(res);
      expect(body.caseLead?.person.id).toBe(w.users[HANDOVER_TO[k] as keyof TWorld['users']]);
    },
  })),
  ...perPupil((k) => ({
    route: 'POST /api/v1/pupils/:id/case/close',
    relation: `closing the open case of ${k} (where nobody led, the fixture makes a consultant the case lead)`,
    async request(w, t) {
      const id = await resetCase(w, t, k, { lead: CLOSE_LEAD(k), plans: [{ level: 'B' }] });
      return { url: `/api/v1/pupils/${id}/case/close`, body: { note: 'Hulp loopt; school en ouders volgen het samen.' } };
    },
    // the case lead keeps the case even outside the kernteam ("we laten niet los"): they may close it
    allow: LEAD[k] ? SETTERS[k] : [CLOSE_LEAD(k)],
    deny: denyUnlessIn(LEAD[k] ? READERS[k] : []),
    check(res) {
      const body = bodyOf(res);
      expect(body.caseLead).toBeNull();
      expect(body.signalPlans.every((p) => p.status === 'closed')).toBe(true);
    },
  })),
  ...perPupil((k) => ({
    route: 'PUT /api/v1/pupils/:id/signal-plans/:level',
    relation: `writing plan B of ${k}`,
    async request(w, t) {
      const id = await resetCase(w, t, k, lead(k));
      return {
        url: `/api/v1/pupils/${id}/signal-plans/B`,
        body: { trigger: 'Wachtlijst langer dan 6 weken', triggerOn: null, action: 'Overbrugging via het wijkteam', actorName: 'CJG-coach' },
      };
    },
    allow: SETTERS[k],
    deny: denyUnlessIn(READERS[k]),
    check: (res) => expect(bodyOf(res).signalPlans).toMatchObject([{ level: 'B', status: 'waiting', triggered: false }]),
  })),
  ...perPupil((k) => ({
    route: 'POST /api/v1/pupils/:id/signal-plans/:level/status',
    relation: `starting plan B of ${k}`,
    async request(w, t) {
      const id = await resetCase(w, t, k, { ...lead(k), plans: [{ level: 'B', triggerIn: 0 }] });
      return { url: `/api/v1/pupils/${id}/signal-plans/B/status`, body: { status: 'activated', note: 'Wachtlijst is 8 weken' } };
    },
    allow: SETTERS[k],
    deny: denyUnlessIn(READERS[k]),
    check: (res) => expect(bodyOf(res).signalPlans).toMatchObject([{ level: 'B', status: 'activated', triggered: false }]),
  })),
  {
    route: 'GET /api/v1/case-leads/mine',
    relation: 'the children the actor leads now (the IB\'er leads ownPupil, whose plan B signals)',
    async request(w, t) {
      await resetCase(w, t, 'ownPupil', { lead: 'school_care_coordinator', plans: [{ level: 'B', triggerIn: -2 }] });
      return { url: '/api/v1/case-leads/mine?pageSize=100' };
    },
    allow: [
      'swv_admin', 'swv_consultant', 'swv_expert', 'swv_board', 'school_director', 'school_care_coordinator', 'teacher', 'care_partner',
      'attendance_officer', 'municipality_analyst', 'opr_member', 'parent_support', 'b_admin', 'b_consultant',
    ],
    deny: 403,
    check(res, a, w) {
      const items = (res.json() as { items: { pupil: { id: string }; triggeredPlans: number }[] }).items;
      const own = items.find((i) => i.pupil.id === w.ownPupil);
      if (a === 'school_care_coordinator') expect(own?.triggeredPlans).toBe(1);
      else expect(own).toBeUndefined();
    },
  },
];
