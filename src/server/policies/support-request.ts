import { isOpenRequest, type TRequestStatus, type TRequestType } from '../../shared/support-request.js';
import type { TMemberActor } from './index.js';

/** How the actor stands to one support request, loaded with it (modules/support-requests/relation.ts). */
export interface TRequestSubject {
  pupilId: string;
  /** The school that filed it: it owns the request, even after the pupil moves. */
  schoolId: string;
  type: TRequestType;
  status: TRequestStatus;
  consultantId: string | null;
  /** The actor is an expert assigned to advise on it. */
  isExpert: boolean;
  /** The actor is a guardian with gezag who still has access to the child's file. */
  isGuardian: boolean;
}

/** Which requests a list may show the actor: the same rule as `read`, as SQL the query builds. */
export type TRequestScope =
  | { kind: 'region' }
  | { kind: 'school'; schoolId: string }
  | { kind: 'expert'; userId: string }
  | { kind: 'guardian'; userId: string }
  | { kind: 'none' };

const role = (a: TMemberActor) => a.membership.role;
const isSchoolLead = (a: TMemberActor, s: { schoolId: string }) =>
  (role(a) === 'school_care_coordinator' || role(a) === 'school_director') && a.membership.organisationId === s.schoolId;
/**
 * The SWV's office: the consultants who assess and the board that decides. Functioneel beheer
 * keeps the register and the settings, not children's requests.
 */
const isSwvOffice = (a: TMemberActor) => role(a) === 'swv_consultant' || role(a) === 'swv_board';
const isConsultant = (a: TMemberActor) => role(a) === 'swv_consultant';
const filed = (s: TRequestSubject) => s.status !== 'draft';
const decided = (s: TRequestSubject) => s.status === 'decided' || s.status === 'closed';

export const supportRequestPolicy = {
  /** The region's intake checklists are a setting: functioneel beheer keeps them. */
  manageChecklists: (a: TMemberActor) => role(a) === 'swv_admin',
  scope(a: TMemberActor): TRequestScope {
    const m = a.membership;
    if (isSwvOffice(a)) return { kind: 'region' };
    if ((m.role === 'school_care_coordinator' || m.role === 'school_director') && m.organisationId) return { kind: 'school', schoolId: m.organisationId };
    if (m.role === 'swv_expert') return { kind: 'expert', userId: a.userId };
    if (m.role === 'parent') return { kind: 'guardian', userId: a.userId };
    return { kind: 'none' };
  },
  /** A draft is the school's until it is submitted; after that the SWV, the assigned experts and the parents see it. */
  read: (a: TMemberActor, s: TRequestSubject): boolean =>
    isSchoolLead(a, s) ||
    (filed(s) && (isSwvOffice(a) || (role(a) === 'swv_expert' && s.isExpert) || (role(a) === 'parent' && s.isGuardian))),
  /** The child's requests and decisions, from the child's file: the school, the SWV office, the parents. */
  listForPupil: (a: TMemberActor, pupil: { schoolId: string; isGuardian: boolean }) =>
    isSchoolLead(a, pupil) || isSwvOffice(a) || (role(a) === 'parent' && pupil.isGuardian),
  /** The school files requests for pupils of its own school. */
  create: (a: TMemberActor, pupil: { schoolId: string }) => isSchoolLead(a, pupil),
  /** The school fills in the request, and after submitting adds what the checklist still misses. */
  edit: (a: TMemberActor, s: TRequestSubject) => isSchoolLead(a, s) && (s.status === 'draft' || s.status === 'submitted'),
  submit: (a: TMemberActor, s: TRequestSubject) => isSchoolLead(a, s) && s.status === 'draft',
  withdraw: (a: TMemberActor, s: TRequestSubject) => isSchoolLead(a, s) && isOpenRequest(s.status),
  /** The conversation between school and SWV; parents are not part of it. */
  readComments: (a: TMemberActor, s: TRequestSubject) =>
    isSchoolLead(a, s) || (filed(s) && (isSwvOffice(a) || (role(a) === 'swv_expert' && s.isExpert))),
  comment: (a: TMemberActor, s: TRequestSubject) => supportRequestPolicy.readComments(a, s) && role(a) !== 'swv_board',
  /** Files sent with the request: everyone in the conversation. */
  readAttachments: (a: TMemberActor, s: TRequestSubject) => supportRequestPolicy.readComments(a, s),
  assignConsultant: (a: TMemberActor, s: TRequestSubject) =>
    isConsultant(a) && (s.status === 'submitted' || s.status === 'complete' || s.status === 'in_assessment'),
  markComplete: (a: TMemberActor, s: TRequestSubject) => isConsultant(a) && s.status === 'submitted',
  startAssessment: (a: TMemberActor, s: TRequestSubject) => isConsultant(a) && s.status === 'complete',
  /** The list of the region's experts to choose from: the consultants who assign them. */
  chooseExperts: (a: TMemberActor) => isConsultant(a),
  /** Experts are assigned while the request is assessed. */
  assignExperts: (a: TMemberActor, s: TRequestSubject) => isConsultant(a) && s.status === 'in_assessment',
  writeAdvice: (a: TMemberActor, s: TRequestSubject) => role(a) === 'swv_expert' && s.isExpert && s.status === 'in_assessment',
  /** The assigned consultant decides (mandated), or the board. */
  decide: (a: TMemberActor, s: TRequestSubject) =>
    s.status === 'in_assessment' && ((isConsultant(a) && s.consultantId === a.userId) || role(a) === 'swv_board'),
  close: (a: TMemberActor, s: TRequestSubject) => isConsultant(a) && s.status === 'decided',
  registerObjection: (a: TMemberActor, s: TRequestSubject) => isConsultant(a) && decided(s),
  /** The decision and its letter: whoever reads the request, once decided. */
  readDecision: (a: TMemberActor, s: TRequestSubject) => supportRequestPolicy.read(a, s) && decided(s),
  /** The objection dossier for the national committee: the SWV office. */
  exportObjectionDossier: (a: TMemberActor, s: TRequestSubject) => isSwvOffice(a) && decided(s),
  /** The plan for a TLV's return to regular education: the SWV's consultant, or the school that filed the request. */
  editReturnPlan: (a: TMemberActor, s: TRequestSubject) => decided(s) && (isConsultant(a) || isSchoolLead(a, s)),
};
