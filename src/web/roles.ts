import { ROLE_ORGANISATION_KIND, ROLES } from '../shared/roles.js';
import type { OrganisationKind, TRole } from './types.js';

export { ROLES };

export const SCHOOL_STAFF: readonly TRole[] = ['school_director', 'school_care_coordinator', 'teacher'];
/** Who watches the OPP's legal clocks: the school's IB'er and director, the SWV consultant for the region. */
export const OPP_CLOCK_WATCHERS: readonly TRole[] = ['school_care_coordinator', 'school_director', 'swv_consultant'];
/** The SWV office that works the requests of the whole region. */
export const SWV_OFFICE: readonly TRole[] = ['swv_consultant', 'swv_board'];
/** Who opens the list of support requests: the school's IB'er and director, the SWV office, the experts (their assigned ones). */
export const REQUEST_READERS: readonly TRole[] = ['school_care_coordinator', 'school_director', 'swv_consultant', 'swv_board', 'swv_expert'];
/** Who sees arrangement costs: per school for its leads, for the region for the SWV. */
export const COST_READERS: readonly TRole[] = ['school_care_coordinator', 'school_director', 'swv_consultant', 'swv_board', 'swv_admin'];
/** Who may hold the regie over a child's case (the server decides who is named; this shows "Mijn regie"). */
export const CASE_LEAD_ROLES: readonly TRole[] = ['school_care_coordinator', 'swv_consultant', 'care_partner'];
/** Who sees the tasks of others: a school's leads for their school, the SWV office for the region. */
/** Who works absence cases from a list: the SWV consultants (region), a school's leads, leerplicht (gemeente). */
export const ABSENCE_CASE_WORKERS: readonly TRole[] = ['swv_consultant', 'school_care_coordinator', 'school_director', 'attendance_officer'];
/** Who sees the absence figures: the SWV office and leerplicht; the gemeente's analyst and the OPR anonymised. */
export const ABSENCE_FIGURE_READERS: readonly TRole[] = ['swv_consultant', 'swv_board', 'swv_admin', 'attendance_officer', 'municipality_analyst', 'opr_member'];
export const TEAM_TASK_VIEWERS: readonly TRole[] = ['school_care_coordinator', 'school_director', 'swv_consultant', 'swv_board'];
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
  const tasks = { to: '/taken', labelKey: 'nav.tasks' };
  const myCases = { to: '/mijn-regie', labelKey: 'nav.myCases' };
  const teamTasks = { to: '/taken/team', labelKey: 'nav.teamTasks' };
  const requests = { to: '/aanvragen', labelKey: 'nav.requests' };
  const catalogue = { to: '/arrangementen', labelKey: 'nav.catalogue' };
  const costs = { to: '/kosten', labelKey: 'nav.costs' };
  const absence = { to: '/verzuim', labelKey: 'nav.absence' };
  const absenceFigures = { to: '/verzuim/cijfers', labelKey: 'nav.absenceFigures' };
  if (role === 'swv_admin')
    return [
      home,
      { to: '/leerlingen', labelKey: 'nav.pupils' },
      { to: '/organisaties', labelKey: 'nav.organisations' },
      { to: '/gebruikers', labelKey: 'nav.users' },
      { to: '/groepen', labelKey: 'nav.groups' },
      { to: '/importeren', labelKey: 'nav.import' },
      { to: '/spoedtoegang', labelKey: 'nav.breakGlass' },
      catalogue,
      { to: '/checklists-aanvragen', labelKey: 'nav.checklists' },
      costs,
      absenceFigures,
      { to: '/instellingen-verzuim', labelKey: 'nav.absenceSettings' },
    ];
  const oppOverview = { to: '/opp-overzicht', labelKey: 'nav.oppOverview' };
  const tlvOverview = { to: '/tlv-overzicht', labelKey: 'nav.tlvOverview' };
  if (role && SCHOOL_STAFF.includes(role)) {
    const items = [home, { to: '/leerlingen', labelKey: 'nav.pupils' }, { to: '/groepen', labelKey: 'nav.groups' }];
    if (role === 'school_care_coordinator') return [home, tasks, myCases, teamTasks, ...items.slice(1), requests, absence, oppOverview, tlvOverview, catalogue, costs];
    if (role === 'school_director') return [home, tasks, teamTasks, ...items.slice(1), requests, absence, oppOverview, tlvOverview, catalogue, costs];
    return [home, tasks, ...items.slice(1), catalogue];
  }
  if (role === 'swv_consultant') return [home, tasks, myCases, teamTasks, requests, absence, absenceFigures, tlvOverview, oppOverview, catalogue, costs];
  if (role === 'swv_board') return [home, teamTasks, requests, absenceFigures, costs];
  if (role === 'swv_expert') return [home, tasks, requests];
  if (role === 'care_partner') return [home, tasks, myCases];
  if (role === 'attendance_officer') return [home, tasks, absence, absenceFigures];
  if (role === 'municipality_analyst' || role === 'opr_member') return [home, absenceFigures];
  // where to go when you do not agree, or want someone independent (PRODUCT.md module 11)
  const help = { to: '/hulp', labelKey: 'nav.help' };
  if (role === 'parent') return [{ to: '/mijn-kinderen', labelKey: 'nav.myChildren' }, tasks, help];
  if (role === 'pupil') return [home, { to: '/mijn-dossier', labelKey: 'nav.myFile' }, help];
  return [home, tasks];
}

/** Which top-level areas a role may open; other paths show the "not found" page. */
export function canOpen(
  role: TRole | undefined,
  area:
    | 'pupils'
    | 'organisations'
    | 'users'
    | 'groups'
    | 'import'
    | 'children'
    | 'myFile'
    | 'breakGlass'
    | 'oppOverview'
    | 'requests'
    | 'tlvOverview'
    | 'catalogue'
    | 'costs'
    | 'checklists'
    | 'myCases'
    | 'teamTasks'
    | 'absence'
    | 'absenceFigures'
    | 'absenceSettings',
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
    case 'requests':
      return !!role && REQUEST_READERS.includes(role);
    // the same people watch the TLVs' clocks: the school's leads for their own, the consultant for the region
    case 'tlvOverview':
      return !!role && OPP_CLOCK_WATCHERS.includes(role);
    case 'catalogue':
      return !!role && role !== 'pupil';
    case 'costs':
      return !!role && COST_READERS.includes(role);
    // what a request needs before it is complete is a setting of functioneel beheer
    case 'checklists':
      return role === 'swv_admin';
    case 'myCases':
      return !!role && CASE_LEAD_ROLES.includes(role);
    case 'teamTasks':
      return !!role && TEAM_TASK_VIEWERS.includes(role);
    case 'absence':
      return !!role && ABSENCE_CASE_WORKERS.includes(role);
    case 'absenceFigures':
      return !!role && ABSENCE_FIGURE_READERS.includes(role);
    // functioneel beheer changes them; the consultants read them (the definition explains their figures)
    case 'absenceSettings':
      return role === 'swv_admin' || role === 'swv_consultant';
    // reviewing break-the-glass openings is functioneel beheer's task
    case 'breakGlass':
      return role === 'swv_admin';
    default:
      return role === 'swv_admin';
  }
}
