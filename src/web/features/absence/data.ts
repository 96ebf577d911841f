import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
// types only: zod stays out of the browser bundle
import type {
  TAbsenceCase,
  TAbsenceCaseItem,
  TAbsenceCaseList,
  TAbsenceEpisode,
  TPupilAbsence,
} from '../../../shared/schemas/absence.js';
import type { TAbsenceCloseReason, TAbsenceKind, TCaseFlag } from '../../../shared/absence.js';
import { api, qs } from '../../api.js';

// plain arrays without zod; the same lists the server validates against
export { ABSENCE_CLOSE_REASONS, ABSENCE_KINDS, ABSENCE_TEXT_MAX, isExemption, PLAN_BY_MAX, RED_FLAGS } from '../../../shared/absence.js';
export type { TAbsenceCase, TAbsenceCaseItem, TAbsenceCaseList, TAbsenceCloseReason, TAbsenceEpisode, TAbsenceKind, TCaseFlag, TPupilAbsence };

export const CASE_LIST_PAGE_SIZE = 25;

export interface TOwnerCandidate {
  id: string;
  name: string;
  organisation: string;
  role: string;
}

export interface TCaseFilters {
  status: 'open' | 'closed';
  kind: '' | TAbsenceKind;
  schoolId: string;
  gemeenteId: string;
  attention: boolean;
  thuiszitter: boolean;
  page: number;
}
export const NO_CASE_FILTERS: TCaseFilters = { status: 'open', kind: '', schoolId: '', gemeenteId: '', attention: false, thuiszitter: false, page: 1 };

const enc = encodeURIComponent;
export const pupilAbsenceApi = (pupilId: string) => `/api/v1/pupils/${enc(pupilId)}/absence`;
export const episodesApi = (pupilId: string) => `/api/v1/pupils/${enc(pupilId)}/absence/episodes`;
export const caseApi = (caseId: string) => `/api/v1/absence/cases/${enc(caseId)}`;
export const endEpisodeApi = (caseId: string, episodeId: string) => `${caseApi(caseId)}/episodes/${enc(episodeId)}/end`;
export const closeCaseApi = (caseId: string) => `${caseApi(caseId)}/close`;
export const absenceCasePage = (caseId: string) => `/verzuim/${enc(caseId)}`;
export const pupilAbsencePage = (pupilId: string) => `/leerlingen/${enc(pupilId)}/verzuim`;
export const pupilPage = (pupilId: string) => `/leerlingen/${enc(pupilId)}`;

/** Every key starts here, so a write can refresh the lists and the figures together. */
export const ABSENCE_KEY = ['absence'] as const;
export const pupilAbsenceKey = (pupilId: string) => [...ABSENCE_KEY, 'pupil', pupilId] as const;
export const absenceCaseKey = (caseId: string) => [...ABSENCE_KEY, 'case', caseId] as const;
export const ownerCandidatesKey = (caseId: string) => [...ABSENCE_KEY, 'case', caseId, 'owners'] as const;
export const caseListKey = (f: TCaseFilters) => [...ABSENCE_KEY, 'list', f] as const;

export function caseListUrl(f: TCaseFilters, pageSize = CASE_LIST_PAGE_SIZE): string {
  return `/api/v1/absence/cases${qs({
    status: f.status,
    kind: f.kind,
    schoolId: f.schoolId,
    gemeenteId: f.gemeenteId,
    attention: f.attention ? 'true' : undefined,
    thuiszitter: f.thuiszitter ? 'true' : undefined,
    page: f.page,
    pageSize,
  })}`;
}

export function usePupilAbsence(pupilId: string, enabled = true) {
  return useQuery({ queryKey: pupilAbsenceKey(pupilId), queryFn: () => api<TPupilAbsence>(pupilAbsenceApi(pupilId)), enabled });
}

export function useAbsenceCase(caseId: string) {
  return useQuery({ queryKey: absenceCaseKey(caseId), queryFn: () => api<TAbsenceCase>(caseApi(caseId)) });
}

export function useOwnerCandidates(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: ownerCandidatesKey(caseId),
    queryFn: () => api<{ items: TOwnerCandidate[] }>(`${caseApi(caseId)}/owner-candidates`),
    enabled,
    staleTime: 60_000,
  });
}

export function useCaseList(f: TCaseFilters) {
  return useQuery({
    queryKey: caseListKey(f),
    queryFn: () => api<TAbsenceCaseList>(caseListUrl(f)),
    placeholderData: keepPreviousData,
  });
}

/**
 * After a write: the answer is the case as it is now; put it in the cache and let the rest (the
 * child's page, the lists, the figures, the tasks) fetch again.
 */
export function useCaseSaved() {
  const queryClient = useQueryClient();
  return async (answer: TAbsenceCase) => {
    queryClient.setQueryData(absenceCaseKey(answer.id), answer);
    await Promise.all([
      queryClient.invalidateQueries({
        queryKey: ABSENCE_KEY,
        predicate: (q) => !(q.queryKey[1] === 'case' && q.queryKey[2] === answer.id && q.queryKey.length === 3),
      }),
      queryClient.invalidateQueries({ queryKey: ['tasks'] }),
    ]);
  };
}

/** Red flags need someone now: no owner, or the next date has passed. */
export const needsAttention = (flags: readonly TCaseFlag[]) => flags.includes('no_owner') || flags.includes('next_date_passed');
