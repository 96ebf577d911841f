import type { TMemberActor } from './index.js';

export interface TGroupSubject {
  schoolId: string;
  teacherIds: string[];
}

const SCHOOL_MANAGERS = ['school_director', 'school_care_coordinator'] as const;

export const groupPolicy = {
  /** Which groups a list shows: all (admin), one school (school staff), or none. */
  listScope(a: TMemberActor): { kind: 'all' } | { kind: 'school'; schoolId: string } | { kind: 'none' } {
    const m = a.membership;
    if (m.role === 'swv_admin') return { kind: 'all' };
    if ((SCHOOL_MANAGERS as readonly string[]).includes(m.role) || m.role === 'teacher')
      return m.organisationId ? { kind: 'school', schoolId: m.organisationId } : { kind: 'none' };
    return { kind: 'none' };
  },
  read(a: TMemberActor, g: TGroupSubject): boolean {
    const scope = groupPolicy.listScope(a);
    return scope.kind === 'all' || (scope.kind === 'school' && scope.schoolId === g.schoolId);
  },
  /** Creating a group at a school: the admin anywhere, the school's director or IB'er at their own. */
  create(a: TMemberActor, schoolId: string): boolean {
    const m = a.membership;
    if (m.role === 'swv_admin') return true;
    return (SCHOOL_MANAGERS as readonly string[]).includes(m.role) && m.organisationId === schoolId;
  },
  update: (a: TMemberActor, g: TGroupSubject) => groupPolicy.create(a, g.schoolId),
};
