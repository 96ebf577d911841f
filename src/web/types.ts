import type { OrganisationKind, TPartnerKind, TRole, TSchoolType } from '../shared/roles.js';

export type { OrganisationKind, TPartnerKind, TRole, TSchoolType };

export interface Paged<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface Membership {
  id: string;
  role: TRole;
  regionId: string;
  regionName: string;
  organisationId: string | null;
  organisationName: string | null;
}

export interface Me {
  user: { id: string; name: string; email: string; locale: 'nl' | 'en' };
  activeMembership: Membership | null;
  memberships: Membership[];
  secondFactor: { required: boolean; enabled: boolean };
}

export interface Organisation {
  id: string;
  kind: OrganisationKind;
  name: string;
  brin: string | null;
  vestiging: string | null;
  schoolType: TSchoolType | null;
  schoolBoard: string | null;
  gemeenteId: string | null;
  gemeenteName: string | null;
  partnerKind: TPartnerKind | null;
  archived: boolean;
}

export interface MembershipRef {
  id: string;
  role: TRole;
  organisationId: string | null;
  organisationName: string | null;
}

export interface User {
  id: string;
  name: string;
  email: string;
  deactivated: boolean;
  memberships: MembershipRef[];
}

export interface Group {
  id: string;
  schoolId: string;
  schoolName: string;
  name: string;
  schoolYear: string;
  teachers: { id: string; name: string }[];
  pupilCount: number;
}

export interface Ref {
  id: string;
  name: string;
}

export interface PupilListItem {
  id: string;
  displayName: string;
  firstName: string;
  namePrefix: string | null;
  lastName: string;
  dateOfBirth: string;
  school: Ref;
  group: Ref | null;
}

export interface Guardian {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  hasGezag: boolean;
}

export interface Pupil extends PupilListItem {
  enrolledOn: string;
  gemeente: Ref | null;
  guardians: Guardian[];
  policies: { update: boolean; dossier: boolean; opp: boolean; sharing: boolean; accessLog: boolean; breakGlass: boolean; requests: boolean; arrangements: boolean; meetings: boolean; caseLead: boolean; absence: boolean };
}

export const IMPORT_FIELDS = [
  'externalRef',
  'firstName',
  'namePrefix',
  'lastName',
  'dateOfBirth',
  'brin',
  'vestiging',
  'groupName',
  'gemeente',
  'enrolledOn',
  'guardianName',
  'guardianEmail',
  'guardianPhone',
  'guardianHasGezag',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export interface ImportPreview {
  columns: string[];
  sampleRows: string[][];
  totalRows: number;
  suggestedMapping: Partial<Record<ImportField, string | null>>;
}

export interface ImportRejection {
  /** row number as a spreadsheet shows it (header = 1) */
  row: number;
  field: string | null;
  rule?: string;
  /** already translated by the server */
  reason: string;
  value?: string;
}

export interface ImportStatus {
  id: string;
  status: 'running' | 'done' | 'failed';
  processedRows: number;
  totalRows: number;
  importedRows: number;
  rejected: ImportRejection[];
  /** why a failed import failed (translated), null otherwise */
  failure?: string | null;
}

export interface SignInOptions {
  regions: {
    slug: string;
    name: string;
    requireSecondFactorForStaff: boolean;
    sso: { providerId: string; label: string } | null;
  }[];
}
