/** The 13 roles of PRODUCT.md. A role is held per membership (user × region × organisation). */
export const ROLES = [
  'swv_admin',
  'swv_consultant',
  'swv_expert',
  'swv_board',
  'school_director',
  'school_care_coordinator',
  'teacher',
  'care_partner',
  'attendance_officer',
  'municipality_analyst',
  'opr_member',
  'parent',
  'pupil',
  'parent_support',
] as const;
export type TRole = (typeof ROLES)[number];

/** Roles that belong to staff of an organisation; the region may require a second factor for them. */
export const STAFF_ROLES: readonly TRole[] = ROLES.filter((r) => r !== 'parent' && r !== 'pupil');

/** Which kind of organisation a role's membership must point at (null: none, e.g. parents). */
export const ROLE_ORGANISATION_KIND: Record<TRole, OrganisationKind | null> = {
  swv_admin: 'swv',
  swv_consultant: 'swv',
  swv_expert: 'swv',
  swv_board: 'swv',
  parent_support: 'swv',
  school_director: 'school',
  school_care_coordinator: 'school',
  teacher: 'school',
  care_partner: 'partner',
  attendance_officer: 'gemeente',
  municipality_analyst: 'gemeente',
  opr_member: 'opr',
  parent: null,
  pupil: null,
};

export const ORGANISATION_KINDS = ['swv', 'school', 'partner', 'gemeente', 'opr'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const SCHOOL_TYPES = ['PO', 'SBO', 'SO', 'VO', 'VSO'] as const;
export type TSchoolType = (typeof SCHOOL_TYPES)[number];

export const PARTNER_KINDS = ['cjg', 'jeugdhulp', 'wijkteam', 'smw'] as const;
export type TPartnerKind = (typeof PARTNER_KINDS)[number];
