import { type TDataCategory, PUPIL_SELF_DECIDES_AGE } from '../../shared/consent.js';
import type { TMemberActor } from './index.js';

/**
 * How the actor stands to one child, loaded in one query (modules/pupils/relation.ts). Every rule
 * about a child's file — dossier, OPP, attachments, consents, kernteam — is decided on these facts.
 */
export interface TChildRelation {
  pupilId: string;
  schoolId: string;
  /** Whole years today. */
  age: number;
  teachesGroup: boolean;
  /** A guardian with gezag who still has access (under 16, or the pupil from 16 did not refuse). */
  isGuardian: boolean;
  /** The actor's guardians row for this child (set when isGuardian). */
  guardianId: string | null;
  isSelf: boolean;
  /** An active member of the child's kernteam. */
  inCareTeam: boolean;
  /** Data categories that a valid consent shares with the actor's organisation (by name or kind). */
  consented: TDataCategory[];
  /** An open break-the-glass of this actor for this child. */
  breakGlass: boolean;
  /** The actor is the child's regievoerder (case lead) now. */
  isCaseLead: boolean;
}

const ownSchool = (a: TMemberActor, r: TChildRelation) => a.membership.organisationId === r.schoolId;
const role = (a: TMemberActor) => a.membership.role;
const isSchoolLead = (a: TMemberActor, r: TChildRelation) =>
  (role(a) === 'school_care_coordinator' || role(a) === 'school_director') && ownSchool(a, r);
const isTeacherOf = (a: TMemberActor, r: TChildRelation) => role(a) === 'teacher' && ownSchool(a, r) && r.teachesGroup;
const isConsultantOf = (a: TMemberActor, r: TChildRelation) => role(a) === 'swv_consultant' && (r.inCareTeam || r.breakGlass);
const isGuardian = (a: TMemberActor, r: TChildRelation) => role(a) === 'parent' && r.isGuardian;
const isPupil = (a: TMemberActor, r: TChildRelation) => role(a) === 'pupil' && r.isSelf;

export const childFilePolicy = {
  /** May the actor read this category of the child's file? Deny by default. */
  read(a: TMemberActor, r: TChildRelation, category: TDataCategory): boolean {
    if (isSchoolLead(a, r) || isConsultantOf(a, r) || isGuardian(a, r)) return true;
    if (isTeacherOf(a, r)) return category !== 'meeting_notes';
    if (isPupil(a, r)) return category === 'dossier' || category === 'opp';
    // outside the school and the SWV: only what a valid consent shares with their organisation
    if (role(a) === 'care_partner') return r.inCareTeam && r.consented.includes(category);
    return false;
  },
  /**
   * A plan still being written is the school's working paper: the family and care partners see a
   * version once it is put to the parents (awaiting instemming) and after.
   */
  readOppVersion: (a: TMemberActor, r: TChildRelation, status: string): boolean =>
    childFilePolicy.read(a, r, 'opp') && (status !== 'draft' || isSchoolLead(a, r) || isTeacherOf(a, r) || isConsultantOf(a, r)),
  /** The categories the actor may read; empty means the file is not theirs to open (404). */
  readable(a: TMemberActor, r: TChildRelation): TDataCategory[] {
    return (['dossier', 'opp', 'attachments', 'meeting_notes'] as const).filter((c) => childFilePolicy.read(a, r, c));
  },
  /** Needs, factors, goals and evaluations: the professionals who work with the child. */
  editDossier: (a: TMemberActor, r: TChildRelation) =>
    role(a) === 'school_care_coordinator' ? ownSchool(a, r) : isTeacherOf(a, r) || isConsultantOf(a, r),
  /** The pupil writes their own view; staff may write down what the pupil told them. */
  editPupilView: (a: TMemberActor, r: TChildRelation) => isPupil(a, r) || childFilePolicy.editDossier(a, r),
  editParentView: (a: TMemberActor, r: TChildRelation) => isGuardian(a, r) || childFilePolicy.editDossier(a, r),
  uploadAttachment: (a: TMemberActor, r: TChildRelation) => childFilePolicy.editDossier(a, r),
  /** The OPP is the school's plan: its IB'er (and director) write it, submit it, record paper assent. */
  manageOpp: (a: TMemberActor, r: TChildRelation) => isSchoolLead(a, r),
  /** Instemming with the handelingsdeel: a guardian with gezag, in the portal. */
  assent: (a: TMemberActor, r: TChildRelation) => isGuardian(a, r),
  /**
   * Giving or withdrawing consent: under 16 a guardian, from 16 the pupil alone (AVG art. 8 UAVG);
   * the school records paper forms signed by whichever of them decides.
   */
  giveConsent: (a: TMemberActor, r: TChildRelation) =>
    r.age >= PUPIL_SELF_DECIDES_AGE ? isPupil(a, r) || isSchoolLead(a, r) : isGuardian(a, r) || isSchoolLead(a, r),
  manageCareTeam: (a: TMemberActor, r: TChildRelation) => isSchoolLead(a, r) || (role(a) === 'swv_consultant' && r.inCareTeam),
  /** "Wie keek er in het dossier": the family, and the school that keeps the file. */
  readAccessLog: (a: TMemberActor, r: TChildRelation) => isGuardian(a, r) || isPupil(a, r) || isSchoolLead(a, r),
  /** From 16 the pupil decides whether their parents keep access. */
  setParentsAccess: (a: TMemberActor, r: TChildRelation) => isPupil(a, r) && r.age >= PUPIL_SELF_DECIDES_AGE,
  /** A consultant without a relation may open the file after typing a reason (audited, reviewed). */
  breakGlass: (a: TMemberActor, r: TChildRelation) => role(a) === 'swv_consultant' && !r.inCareTeam && !r.breakGlass,
  /** The consent records (with their history): the family, the school that records them, the consultant working with the child. */
  readConsents: (a: TMemberActor, r: TChildRelation) => isGuardian(a, r) || isPupil(a, r) || isSchoolLead(a, r) || isConsultantOf(a, r),
  /**
   * Ending one consent: whoever may give consent, except that a guardian cannot end what the pupil
   * (from 16) decided for themselves.
   */
  withdrawConsent: (a: TMemberActor, r: TChildRelation, c: { givenByKind: 'guardian' | 'pupil' }): boolean =>
    childFilePolicy.giveConsent(a, r) && !(isGuardian(a, r) && c.givenByKind === 'pupil'),
  /** The kernteam is part of the file: whoever may read the dossier sees who works with the child. */
  readCareTeam: (a: TMemberActor, r: TChildRelation): boolean => childFilePolicy.read(a, r, 'dossier'),
  /** "Wat is er gedeeld met wie": the same people as the access log. */
  readSharing: (a: TMemberActor, r: TChildRelation): boolean => childFilePolicy.readAccessLog(a, r),
  /** Functioneel beheer reviews every break-the-glass opening of the region afterwards. */
  reviewBreakGlass: (a: TMemberActor) => role(a) === 'swv_admin',
};
