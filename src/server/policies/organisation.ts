import type { TMemberActor } from './index.js';

/** The region's organisations are shared knowledge among its staff; only functioneel beheer changes them. */
export const organisationPolicy = {
  list: (a: TMemberActor) => a.membership.role !== 'parent' && a.membership.role !== 'pupil',
  read: (a: TMemberActor) => organisationPolicy.list(a),
  create: (a: TMemberActor) => a.membership.role === 'swv_admin',
  update: (a: TMemberActor) => a.membership.role === 'swv_admin',
};
