import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
// types only: zod stays out of the browser bundle
import type {
  TChecklistEntry,
  TConsultants,
  TPupilRequestList,
  TRequest,
  TRequestAttachment,
  TRequestComment,
  TRequestComments,
  TRequestList,
  TRequestListItem,
  TRequestPolicies,
} from '../../../shared/schemas/support-request.js';
import {
  REQUEST_STATUSES,
  REQUEST_TYPES,
  TLV_SCHOOL_TYPES,
  type TChecklistKind,
  type TRequestStatus,
  type TRequestType,
  type TTlvSchoolType,
} from '../../../shared/support-request.js';
import { ApiError, api, qs } from '../../api.js';
import { REQUESTS_KEY, requestApi, requestKey, requestPartKey } from './keys.js';

export type {
  TChecklistEntry,
  TChecklistKind,
  TRequest,
  TRequestAttachment,
  TRequestComment,
  TRequestListItem,
  TRequestPolicies,
  TRequestStatus,
  TRequestType,
  TTlvSchoolType,
};
export { REQUEST_STATUSES, REQUEST_TYPES, TLV_SCHOOL_TYPES };

/** As in src/shared/schemas/support-request.ts (plain values so zod is not bundled). */
export const REQUEST_TEXT_MAX = 5000;
export const REQUEST_COMMENT_MAX = 4000;
export const REQUEST_REASON_MAX = 2000;
export const PAGE_SIZE = 25;

const enc = encodeURIComponent;
export const pupilRequestsApi = (pupilId: string) => `/api/v1/pupils/${enc(pupilId)}/support-requests`;
export const requestFileApi = (id: string, attachmentId: string) => requestApi(id, `/attachments/${enc(attachmentId)}`);

export interface TRequestFilters {
  schoolId: string;
  type: string;
  status: string;
  consultantId: string;
  page: number;
}

export function useRequestList(f: TRequestFilters) {
  return useQuery({
    queryKey: [...REQUESTS_KEY, 'list', f],
    queryFn: () => api<TRequestList>(`/api/v1/support-requests${qs({ ...f, pageSize: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });
}

export function usePupilRequests(pupilId: string) {
  return useQuery({ queryKey: [...REQUESTS_KEY, 'pupil', pupilId], queryFn: () => api<TPupilRequestList>(pupilRequestsApi(pupilId)) });
}

export function useRequest(id: string) {
  return useQuery({ queryKey: requestKey(id), queryFn: () => api<TRequest>(requestApi(id)) });
}

export function useComments(id: string, enabled: boolean) {
  return useQuery({ queryKey: requestPartKey(id, 'comments'), queryFn: () => api<TRequestComments>(requestApi(id, '/comments')), enabled });
}

/** The region's consultants, for the "Mijn aanvragen" filter and the assignment (SWV office only). */
export function useConsultants(enabled: boolean) {
  return useQuery({ queryKey: ['swv-consultants'], queryFn: () => api<TConsultants>('/api/v1/swv-consultants'), enabled, staleTime: 60_000 });
}

/**
 * After a change the server answers with the request as it is now: show that, and let everything
 * else about requests reload (lists, the decision and arrangement parts, which hang under the key).
 */
export function useRequestSaved() {
  const queryClient = useQueryClient();
  return (r: TRequest) => {
    queryClient.setQueryData(requestKey(r.id), r);
    void queryClient.invalidateQueries({ queryKey: REQUESTS_KEY, predicate: (q) => !(q.queryKey.length === 2 && q.queryKey[1] === r.id) });
  };
}

export const isConflict = (e: unknown) => e instanceof ApiError && (e.status === 409 || e.code === 'conflict');

/** The words for a checklist item: the region's own label for a document, else the kind's name. */
export const checklistLabel = (t: (k: string) => string, c: { kind: TChecklistKind; label: string | null }) =>
  c.label ?? t(`requests.checklist.kind.${c.kind}`);
