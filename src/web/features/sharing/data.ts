import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
// types only: zod stays out of the browser bundle
import type {
  TConsent,
  TConsentInput,
  TConsentStatus,
  ZAccessLogEntry,
  ZCareTeam,
  ZCareTeamMember,
  ZConsentList,
  ZSharing,
} from '../../../shared/schemas/consent.js';
import { ApiError, api, qs } from '../../api.js';
import { canOpen } from '../../roles.js';
import type { Organisation, Paged, TRole } from '../../types.js';
import { usePupil } from '../pupils/data.js';

export type { TConsent, TConsentInput, TConsentStatus };
export type TConsentList = z.infer<typeof ZConsentList>;
export type TCareTeam = z.infer<typeof ZCareTeam>;
export type TCareTeamMember = z.infer<typeof ZCareTeamMember>;
export type TAccessLogEntry = z.infer<typeof ZAccessLogEntry>;
export type TSharing = z.infer<typeof ZSharing>;
export type TDataCategory = TConsent['categories'][number];
export type TLegalBasis = TConsent['legalBasis'];
export type TRecipientKind = TConsent['recipients']['kinds'][number];

/** As in src/shared/consent.ts and src/shared/roles.ts, in the order the forms show them. */
export const DATA_CATEGORIES: readonly TDataCategory[] = ['dossier', 'opp', 'attachments', 'meeting_notes', 'absence'];
export const LEGAL_BASES: readonly TLegalBasis[] = ['consent', 'legal_obligation', 'public_task', 'vital_interest'];
export const PARTNER_KINDS: readonly TRecipientKind[] = ['cjg', 'jeugdhulp', 'wijkteam', 'smw'];
/** Consents that still count; the others are history. */
export const CURRENT_STATUSES: readonly TConsentStatus[] = ['valid', 'not_yet'];

/**
 * Who reads the page: parents are addressed with "u" about "uw kind", pupils with "je", staff
 * about "de leerling". The words differ, never the rules: those come from `policies`.
 */
export type Audience = 'staff' | 'parent' | 'pupil';
export const audienceOf = (role: TRole | undefined): Audience =>
  role === 'parent' ? 'parent' : role === 'pupil' ? 'pupil' : 'staff';

/** Where "back" goes from a page of the child's file: the list the person came from, if they have one. */
export function backLink(role: TRole | undefined, t: (k: string) => string): { to: string; label: string } | null {
  if (role === 'parent') return { to: '/mijn-kinderen', label: t('pupils.backToChildren') };
  if (role === 'pupil') return null;
  if (canOpen(role, 'pupils')) return { to: '/leerlingen', label: t('pupils.backToList') };
  return { to: '/', label: t('sharing.backHome') };
}

const pupilPath = (pupilId: string) => `/api/v1/pupils/${encodeURIComponent(pupilId)}`;
export const consentsPath = (pupilId: string) => `${pupilPath(pupilId)}/consents`;
export const careTeamPath = (pupilId: string, memberId?: string) =>
  `${pupilPath(pupilId)}/care-team${memberId ? `/${encodeURIComponent(memberId)}` : ''}`;
export const sharingPath = (pupilId: string) => `${pupilPath(pupilId)}/sharing`;
export const parentsAccessPath = (pupilId: string) => `${pupilPath(pupilId)}/parents-access`;
export const withdrawPath = (consentId: string) => `/api/v1/consents/${encodeURIComponent(consentId)}/withdraw`;

/** Every key of a child's file starts with these two parts, so one call refreshes all of it. */
export const fileKey = (pupilId: string, part: string) => ['pupil-file', pupilId, part] as const;

/** The pupil register entry with the actor's abilities on the file (shared with the pupil page and the file navigation). */
export { usePupil };

export function useConsents(pupilId: string, enabled = true) {
  return useQuery({ queryKey: fileKey(pupilId, 'consents'), queryFn: () => api<TConsentList>(consentsPath(pupilId)), enabled });
}

export function useCareTeam(pupilId: string, enabled = true) {
  return useQuery({ queryKey: fileKey(pupilId, 'care-team'), queryFn: () => api<TCareTeam>(careTeamPath(pupilId)), enabled });
}

export function useSharing(pupilId: string, enabled = true) {
  return useQuery({ queryKey: fileKey(pupilId, 'sharing'), queryFn: () => api<TSharing>(sharingPath(pupilId)), enabled });
}

export function useAccessLog(pupilId: string, page: number, pageSize: number, enabled = true, includeOwn = false) {
  return useQuery({
    queryKey: [...fileKey(pupilId, 'access-log'), { page, pageSize, includeOwn }],
    queryFn: () =>
      api<Paged<TAccessLogEntry>>(`${pupilPath(pupilId)}/access-log${qs({ page, pageSize, includeOwn: includeOwn ? 'true' : undefined })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The region's care partners, for choosing who may receive the file (staff only: the list is not for families). */
export function usePartnerOrganisations(enabled: boolean) {
  return useQuery({
    queryKey: ['organisations', { kind: 'partner', all: true }],
    queryFn: () => api<Paged<Organisation>>(`/api/v1/organisations${qs({ kind: 'partner', pageSize: 100 })}`),
    enabled,
    staleTime: 60_000,
  });
}

export const isNotFound = (e: unknown) => e instanceof ApiError && (e.status === 404 || e.code === 'not_found');
export const isForbidden = (e: unknown) => e instanceof ApiError && (e.status === 403 || e.code === 'forbidden');

