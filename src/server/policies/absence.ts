import type { TChildRelation } from './child-file.js';
import type { TMemberActor } from './index.js';

/**
 * Verzuim and thuiszitters. Keeping every child out of school in view is a regional task: the
 * SWV's consultants see every case of the region (not only the children they are assigned to),
 * leerplicht the cases of children living in their gemeente, the school its own pupils' cases,
 * the case owner their case, and a care partner in the kernteam only while a consent shares
 * 'absence' with their organisation. Figures are for the SWV office; the gemeente's analyst and
 * the OPR see them anonymised (ADR 013).
 */
export interface TAbsenceSubject {
  relation: TChildRelation;
  /** The gemeente where the child lives now. */
  gemeenteId: string | null;
  /** The actor owns the case (null when there is no case yet). */
  isOwner: boolean;
}

const role = (a: TMemberActor) => a.membership.role;
const isSchoolLead = (a: TMemberActor, s: TAbsenceSubject) =>
  (role(a) === 'school_care_coordinator' || role(a) === 'school_director') && a.membership.organisationId === s.relation.schoolId;
const isLeerplichtOf = (a: TMemberActor, s: TAbsenceSubject) =>
  role(a) === 'attendance_officer' && !!a.membership.gemeenteId && a.membership.gemeenteId === s.gemeenteId;
const isConsultant = (a: TMemberActor) => role(a) === 'swv_consultant';
const isConsentedPartner = (a: TMemberActor, s: TAbsenceSubject) =>
  role(a) === 'care_partner' && s.relation.inCareTeam && s.relation.consented.includes('absence');

/** Which cases a list shows: the same rule as `view`, as a scope the query turns into SQL. */
export type TAbsenceScope =
  | { kind: 'region' }
  | { kind: 'school'; schoolId: string; userId: string }
  | { kind: 'gemeente'; gemeenteId: string; userId: string }
  | { kind: 'careTeam'; userId: string; organisationId: string }
  /** Only the cases the actor owns. */
  | { kind: 'owner'; userId: string };

/** Who sees the figures, and how: per region, per gemeente (leerplicht), or anonymised counts. */
export type TAbsenceFiguresView = 'region' | 'gemeente' | 'anonymised' | 'none';

export const absencePolicy = {
  view: (a: TMemberActor, s: TAbsenceSubject) =>
    isConsultant(a) || isSchoolLead(a, s) || isLeerplichtOf(a, s) || s.isOwner || isConsentedPartner(a, s),
  /** Registering an episode (and so opening a case): the school, the SWV, leerplicht. */
  register: (a: TMemberActor, s: TAbsenceSubject) => isConsultant(a) || isSchoolLead(a, s) || isLeerplichtOf(a, s),
  /** Owner, plan, next date, ending an episode, closing the case: those who register, and the owner. */
  work: (a: TMemberActor, s: TAbsenceSubject) => absencePolicy.register(a, s) || s.isOwner,
  scope(a: TMemberActor): TAbsenceScope {
    const m = a.membership;
    if (isConsultant(a)) return { kind: 'region' };
    if ((m.role === 'school_care_coordinator' || m.role === 'school_director') && m.organisationId) {
      return { kind: 'school', schoolId: m.organisationId, userId: a.userId };
    }
    if (m.role === 'attendance_officer' && m.gemeenteId) return { kind: 'gemeente', gemeenteId: m.gemeenteId, userId: a.userId };
    if (m.role === 'care_partner' && m.organisationId) return { kind: 'careTeam', userId: a.userId, organisationId: m.organisationId };
    return { kind: 'owner', userId: a.userId };
  },
  figures(a: TMemberActor): TAbsenceFiguresView {
    switch (role(a)) {
      case 'swv_consultant':
      case 'swv_board':
      case 'swv_admin':
        return 'region';
      case 'attendance_officer':
        return a.membership.gemeenteId ? 'gemeente' : 'none';
      case 'municipality_analyst':
      case 'opr_member':
        return 'anonymised';
      default:
        return 'none';
    }
  },
  /** The case list page: everyone with a scope that can hold cases of others. */
  list: (a: TMemberActor) => isConsultant(a) || ['school_care_coordinator', 'school_director', 'attendance_officer'].includes(role(a)),
  readSettings: (a: TMemberActor) => role(a) === 'swv_admin' || isConsultant(a),
  updateSettings: (a: TMemberActor) => role(a) === 'swv_admin',
};
