import type { TMemberActor } from './index.js';

/** People and their roles are managed by functioneel beheer of the region. */
export const userPolicy = {
  list: (a: TMemberActor) => a.membership.role === 'swv_admin',
  read: (a: TMemberActor, userId: string) => a.membership.role === 'swv_admin' || a.userId === userId,
  invite: (a: TMemberActor) => a.membership.role === 'swv_admin',
  deactivate: (a: TMemberActor, userId: string) => a.membership.role === 'swv_admin' && a.userId !== userId,
};

export const membershipPolicy = {
  list: (a: TMemberActor) => a.membership.role === 'swv_admin',
  create: (a: TMemberActor) => a.membership.role === 'swv_admin',
  /** An admin cannot end their own admin role: the region would lose its last way in. */
  end: (a: TMemberActor, membershipId: string) => a.membership.role === 'swv_admin' && a.membership.id !== membershipId,
};
