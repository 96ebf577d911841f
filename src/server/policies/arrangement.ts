import type { TMemberActor } from './index.js';

/** How the actor stands to one arrangement (loaded with it, modules/arrangements). */
export interface TArrangementSubject {
  pupilId: string;
  schoolId: string;
  /** The actor teaches the pupil's group (the teacher often carries the arrangement out). */
  teachesGroup: boolean;
  isGuardian: boolean;
}

export type TArrangementScope = { kind: 'region' } | { kind: 'school'; schoolId: string } | { kind: 'none' };

const role = (a: TMemberActor) => a.membership.role;
const ownSchool = (a: TMemberActor, s: { schoolId: string }) => a.membership.organisationId === s.schoolId;
const isSchoolLead = (a: TMemberActor, s: { schoolId: string }) =>
  (role(a) === 'school_care_coordinator' || role(a) === 'school_director') && ownSchool(a, s);
/** Consultants and the board; functioneel beheer sees costs per school, not children. */
const isSwvOffice = (a: TMemberActor) => role(a) === 'swv_consultant' || role(a) === 'swv_board';

export const arrangementPolicy = {
  /** Cost reports: the SWV (office and beheer) for the region, a school's director and IB'er for their school. */
  costScope(a: TMemberActor): TArrangementScope {
    if (isSwvOffice(a) || role(a) === 'swv_admin') return { kind: 'region' };
    const m = a.membership;
    if ((m.role === 'school_care_coordinator' || m.role === 'school_director') && m.organisationId) return { kind: 'school', schoolId: m.organisationId };
    return { kind: 'none' };
  },
  /** Parents see the arrangement, its goals and what was spent on their child ("inzage in besteding"). */
  read: (a: TMemberActor, s: TArrangementSubject) =>
    isSchoolLead(a, s) || isSwvOffice(a) || (role(a) === 'teacher' && ownSchool(a, s) && s.teachesGroup) || (role(a) === 'parent' && s.isGuardian),
  /** The SWV grants: an arrangement is made from a granted request. */
  create: (a: TMemberActor) => role(a) === 'swv_consultant',
  /** Spend, evaluation, ending: the school that carries it out and the consultant. */
  manage: (a: TMemberActor, s: TArrangementSubject) => isSchoolLead(a, s) || role(a) === 'swv_consultant',
  /** The catalogue is for everyone who works in the region's schools and the SWV, and for parents. */
  readCatalogue: (a: TMemberActor) => role(a) !== 'pupil',
  manageCatalogue: (a: TMemberActor) => role(a) === 'swv_admin',
};
