import type { TMemberActor } from './index.js';

/** What the loader found about how the actor relates to one pupil. */
export interface TPupilSubject {
  schoolId: string;
  gemeenteId: string | null;
  /** The actor teaches the pupil's group. */
  teachesGroup: boolean;
  /** The actor is a guardian with gezag of the pupil who still has access (see relation.ts). */
  isGuardianWithGezag: boolean;
  /** The actor is in the pupil's kernteam and a valid consent shares something with their organisation. */
  sharedByConsent: boolean;
  /** The actor is this pupil. */
  isSelf: boolean;
}

/**
 * Which pupils an actor may see, as a scope the query layer turns into SQL — the same rule as
 * `read` below, so a list or search never shows a pupil the page would refuse.
 */
export type TPupilScope =
  | { kind: 'region' }
  | { kind: 'school'; schoolId: string }
  | { kind: 'teacher'; userId: string }
  | { kind: 'gemeente'; gemeenteId: string }
  | { kind: 'guardian'; userId: string }
  | { kind: 'self'; userId: string }
  | { kind: 'careTeam'; userId: string; organisationId: string }
  | { kind: 'none' };

export const pupilPolicy = {
  scope(a: TMemberActor): TPupilScope {
    const m = a.membership;
    switch (m.role) {
      case 'swv_admin':
      case 'swv_consultant':
        return { kind: 'region' };
      case 'school_director':
      case 'school_care_coordinator':
        return m.organisationId ? { kind: 'school', schoolId: m.organisationId } : { kind: 'none' };
      case 'teacher':
        return { kind: 'teacher', userId: a.userId };
      case 'attendance_officer':
        return m.gemeenteId ? { kind: 'gemeente', gemeenteId: m.gemeenteId } : { kind: 'none' };
      case 'parent':
        return { kind: 'guardian', userId: a.userId };
      case 'pupil':
        return { kind: 'self', userId: a.userId };
      case 'care_partner':
        // only children whose kernteam they are in, and only while a consent shares with them
        return m.organisationId ? { kind: 'careTeam', userId: a.userId, organisationId: m.organisationId } : { kind: 'none' };
      // the others see figures, never a child
      default:
        return { kind: 'none' };
    }
  },
  read(a: TMemberActor, p: TPupilSubject): boolean {
    const s = pupilPolicy.scope(a);
    switch (s.kind) {
      case 'region':
        return true;
      case 'school':
        return s.schoolId === p.schoolId;
      case 'teacher':
        return p.teachesGroup && a.membership.organisationId === p.schoolId;
      case 'gemeente':
        return p.gemeenteId === s.gemeenteId;
      case 'guardian':
        return p.isGuardianWithGezag;
      case 'self':
        return p.isSelf;
      case 'careTeam':
        return p.sharedByConsent;
      default:
        return false;
    }
  },
  update(a: TMemberActor, p: TPupilSubject): boolean {
    const m = a.membership;
    if (m.role === 'swv_admin') return true;
    return (m.role === 'school_care_coordinator' || m.role === 'school_director') && m.organisationId === p.schoolId;
  },
  import: (a: TMemberActor) => a.membership.role === 'swv_admin',
};
