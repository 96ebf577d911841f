import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
// types only: zod stays out of the browser bundle
import type {
  TCase,
  TCaseLead,
  TCaseLeadCandidate,
  TCaseLeadPeriod,
  TMyCase,
  TMyCases,
  TSignalPlan,
} from '../../../shared/schemas/case-lead.js';
import type { TSignalLevel, TSignalStatus } from '../../../shared/meeting.js';
import { api, qs } from '../../api.js';

export type { TCase, TCaseLead, TCaseLeadCandidate, TCaseLeadPeriod, TMyCase, TMyCases, TSignalLevel, TSignalPlan, TSignalStatus };

/** As in src/shared/meeting.ts and schemas/case-lead.ts (plain values, so zod is not bundled). */
export const SIGNAL_LEVELS: readonly TSignalLevel[] = ['B', 'C', 'D'];
export const CASE_NOTE_MAX = 1000;
export const PLAN_LINE_MAX = 500;
export const ACTOR_NAME_MAX = 200;
export const MY_CASES_PAGE_SIZE = 25;

const enc = encodeURIComponent;
export const caseApi = (pupilId: string) => `/api/v1/pupils/${enc(pupilId)}/case`;
export const caseLeadApi = (pupilId: string) => `/api/v1/pupils/${enc(pupilId)}/case-lead`;
export const closeCaseApi = (pupilId: string) => `/api/v1/pupils/${enc(pupilId)}/case/close`;
export const signalPlanApi = (pupilId: string, level: TSignalLevel, action = '') => `/api/v1/pupils/${enc(pupilId)}/signal-plans/${level}${action}`;
export const casePage = (pupilId: string) => `/leerlingen/${enc(pupilId)}/regie`;
export const meetingPage = (meetingId: string) => `/overleg/${enc(meetingId)}`;

/** Every key starts here: a change to one child's regie also refreshes "Mijn regie". */
export const CASE_LEADS_KEY = ['case-leads'] as const;
export const caseKey = (pupilId: string) => [...CASE_LEADS_KEY, 'pupil', pupilId] as const;
export const myCasesKey = (params: object) => [...CASE_LEADS_KEY, 'mine', params] as const;

export function useCase(pupilId: string) {
  return useQuery({ queryKey: caseKey(pupilId), queryFn: () => api<TCase>(caseApi(pupilId)) });
}

export function useMyCases(page: number, pageSize = MY_CASES_PAGE_SIZE) {
  return useQuery({
    queryKey: myCasesKey({ page, pageSize }),
    queryFn: () => api<TMyCases>(`/api/v1/case-leads/mine${qs({ page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
}

/**
 * After a write: the answer is the case as it is now; put it in the cache and let the rest
 * (lists, the child's meetings, the tasks) fetch again.
 */
export function useCaseSaved(pupilId: string) {
  const queryClient = useQueryClient();
  return async (answer: TCase) => {
    queryClient.setQueryData(caseKey(pupilId), answer);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: [...CASE_LEADS_KEY, 'mine'] }),
      queryClient.invalidateQueries({ queryKey: ['meetings'] }),
      queryClient.invalidateQueries({ queryKey: ['tasks'] }),
    ]);
  };
}
