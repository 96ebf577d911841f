import { useQuery } from '@tanstack/react-query';
// types only: zod stays out of the browser bundle
import type {
  TDecision,
  TExpertAdvice,
  TExperts,
  TObjection,
  TSwvExperts,
  TTlv,
  TTlvClockItem,
  TTlvClockKind,
} from '../../../shared/schemas/decision.js';
import { api, ApiError } from '../../api.js';
import { requestApi, requestPartKey } from '../requests/keys.js';

export type { TDecision, TExpertAdvice, TExperts, TObjection, TSwvExperts, TTlv, TTlvClockItem, TTlvClockKind };

/** As in src/shared/schemas/decision.ts (plain values here so zod is not bundled). */
export const ADVICE_MAX = 8000;
export const RECOMMENDATION_MAX = 300;
export const REASONS_MAX = 8000;
export const CRITERIA_MAX = 4000;
export const GROUNDS_MAX = 8000;
export const LODGED_BY_MAX = 200;
export const RETURN_PLAN_MAX = 8000;
export const OUTCOME_NOTE_MAX = 4000;

const enc = encodeURIComponent;
export const expertsPath = (requestId: string, rest = '') => requestApi(requestId, `/experts${rest}`);
export const decisionPath = (requestId: string, rest = '') => requestApi(requestId, `/decision${rest}`);
export const objectionsPath = (requestId: string) => requestApi(requestId, '/objections');
export const objectionDossierPath = (requestId: string) => requestApi(requestId, '/objection-dossier');
export const objectionPath = (id: string) => `/api/v1/objections/${enc(id)}`;
export const returnPlanPath = (tlvId: string) => `/api/v1/tlvs/${enc(tlvId)}/return-plan`;

export const expertsKey = (requestId: string) => requestPartKey(requestId, 'experts');
export const decisionKey = (requestId: string) => requestPartKey(requestId, 'decision');

export function useExperts(requestId: string) {
  return useQuery({ queryKey: expertsKey(requestId), queryFn: () => api<TExperts>(expertsPath(requestId)) });
}

/** The decision, or null while there is none (the server answers 404 until then). */
export function useDecision(requestId: string, enabled: boolean) {
  return useQuery({
    queryKey: decisionKey(requestId),
    enabled,
    queryFn: async () => {
      try {
        return await api<TDecision>(decisionPath(requestId));
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
  });
}

export function useSwvExperts(enabled: boolean) {
  return useQuery({ queryKey: ['swv-experts'], enabled, queryFn: () => api<TSwvExperts>('/api/v1/swv-experts') });
}
