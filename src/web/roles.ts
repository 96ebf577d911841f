import { ROLE_ORGANISATION_KIND, ROLES } from '../shared/roles.js';
import type { OrganisationKind, TRole } from './types.js';

export { ROLES };

export const SCHOOL_STAFF: readonly TRole[] = ['school_director', 'school_care_coordinator', 'teacher'];
/** Who watches the OPP's legal clocks: the school's IB'er and director, the SWV consultant for the region. */
export const OPP_CLOCK_WATCHERS: readonly TRole[] = ['school_care_coordinator', 'school_director', 'swv_consultant'];
/** Roles that may create groups (the server decides; this only hides a form that would be refused). */
export const GROUP_MANAGERS: readonly TRole[] = ['swv_admin', 'school_director', 'school_care_coordinator'];

export function organisationKindFor(role: TRole): OrganisationKind | null {
  return ROLE_ORGANISATION_KIND[role] ?? null;
}

export interface NavItem {
  to: string;
  labelKey: string;
}

export function navItemsFor(role: TRole | undefined): NavItem[] {
  const home = { to: '/', labelKey: 'nav.home' };
  if (role === 'swv_admin')
    return [
      home,
      { to: '/leerlingen', labelKey: 'nav.pupils' },
      { to: '/organisaties', labelKey: 'nav.organisations' },
      { to: '/gebruikers', labelKey: 'nav.users' },
      { to: '/groepen', labelKey: 'nav.groups' },
      { to: '/importeren', labelKey: 'nav.import' },
      { to: '/spoedtoegang', labelKey: 'nav.breakGlass' },
    ];
  const oppOverview = { to: '/opp-overzicht', labelKey: 'nav.oppOverview' };
  if (role && SCHOOL_STAFF.includes(role)) {
    const items = [home, { to: '/leerlingen', labelKey: 'nav.pupils' }, { to: '/groepen', labelKey: 'nav.groups' }];
    return OPP_CLOCK_WATCHERS.includes(role) ? [...items, oppOverview] : items;
  }
  if (role === 'swv_consultant') return [home, oppOverview];
  // where to go when you do not agree, or want someone independent (PRODUCT.md module 11)
  const help = { to: '/hulp', labelKey: 'nav.help' };
  if (role === 'parent') return [{ to: '/mijn-kinderen', labelKey: 'nav.myChildren' }, help];
  if (role === 'pupil') return [home, { to: '/mijn-dossier', labelKey: 'nav.myFile' }, help];
  return [home];
}

/** Which top-level areas a role may open; other paths show the "not found" page. */
export function canOpen(
  role: TRole | undefined,
  area: 'pupils' | 'organisations' | 'users' | 'groups' | 'import' | 'children' | 'myFile' | 'breakGlass' | 'oppOverview',
): boolean {
  switch (area) {
    case 'pupils':
      return role === 'swv_admin' || (!!role && SCHOOL_STAFF.includes(role));
    case 'groups':
      return role === 'swv_admin' || (!!role && SCHOOL_STAFF.includes(role));
    case 'children':
      return role === 'parent';
    case 'myFile':
      return role === 'pupil';
    case 'oppOverview':
      return !!role && OPP_CLOCK_WATCHERS.includes(role);
    // reviewing break-the-glass openings is functioneel beheer's task
    case 'breakGlass':
      return role === 'swv_admin';
    default:
      return role === 'swv_admin';
  }
}
