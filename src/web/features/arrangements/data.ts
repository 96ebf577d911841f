import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
// types only: zod stays out of the browser bundle
import type {
  TArrangement,
  TArrangementListItem,
  TArrangementType,
  TCatalogue,
  TCostReport,
  TEvaluationAnswer,
  TPupilArrangements,
  TRequestArrangements,
} from '../../../shared/schemas/arrangement.js';
import type { TArrangementStatus, TExecutorKind } from '../../../shared/support-request.js';
import { api, qs } from '../../api.js';
import { currentLocale } from '../../i18n/index.js';
import { ARRANGEMENTS_KEY, requestApi, requestPartKey } from '../requests/keys.js';

export type {
  TArrangement,
  TArrangementListItem,
  TArrangementStatus,
  TArrangementType,
  TCatalogue,
  TCostReport,
  TEvaluationAnswer,
  TExecutorKind,
  TPupilArrangements,
  TRequestArrangements,
};

/** As in src/shared/support-request.ts and schemas/arrangement.ts (plain values, so zod is not bundled). */
export const EXECUTOR_KINDS: readonly TExecutorKind[] = ['own_staff', 'pool', 'external'];
export const GOALS_MET = ['yes', 'partly', 'no'] as const;
export const EVALUATION_OUTCOMES = ['continue', 'change', 'stop'] as const;
export const GOALS_MAX = 20;
export const EVALUATION_DATES_MAX = 12;
export const SPEND_MAX_CENTS = 10_000_000;
export const BUDGET_MAX_CENTS = 100_000_000;
export const HOURS_MAX = 2000;
export const SUMMARY_MAX = 4000;
export const CATALOGUE_PAGE_SIZE = 25;

const enc = encodeURIComponent;
export const cataloguePath = '/api/v1/arrangement-types';
export const typePath = (id: string) => `${cataloguePath}/${enc(id)}`;
export const arrangementApi = (id: string, action = '') => `/api/v1/arrangements/${enc(id)}${action}`;
export const pupilArrangementsApi = (pupilId: string) => `/api/v1/pupils/${enc(pupilId)}/arrangements`;
export const requestArrangementsApi = (requestId: string) => requestApi(requestId, '/arrangements');
export const costsApi = (query: Record<string, string | number | undefined>, csv = false) =>
  `/api/v1/arrangement-costs${csv ? '.csv' : ''}${qs(query)}`;

// every key starts with ARRANGEMENTS_KEY, so one refresh after a change covers lists and details
export const catalogueKey = (params: object) => [...ARRANGEMENTS_KEY, 'catalogue', params] as const;
export const arrangementKey = (id: string) => [...ARRANGEMENTS_KEY, 'one', id] as const;
export const pupilArrangementsKey = (pupilId: string) => [...ARRANGEMENTS_KEY, 'pupil', pupilId] as const;
export const costsKey = (params: object) => [...ARRANGEMENTS_KEY, 'costs', params] as const;
/** Under the request's key, so a new decision also refreshes what may be granted on it. */
export const requestArrangementsKey = (requestId: string) => requestPartKey(requestId, 'arrangements');

export function useCatalogue(params: { q?: string; includeInactive?: boolean; page?: number; pageSize?: number }) {
  return useQuery({
    queryKey: catalogueKey(params),
    queryFn: () => api<TCatalogue>(`${cataloguePath}${qs(params)}`),
    placeholderData: keepPreviousData,
  });
}

export function useArrangement(id: string) {
  return useQuery({ queryKey: arrangementKey(id), queryFn: () => api<TArrangement>(arrangementApi(id)) });
}

export function usePupilArrangements(pupilId: string) {
  return useQuery({ queryKey: pupilArrangementsKey(pupilId), queryFn: () => api<TPupilArrangements>(pupilArrangementsApi(pupilId)) });
}

export function useRequestArrangements(requestId: string) {
  return useQuery({ queryKey: requestArrangementsKey(requestId), queryFn: () => api<TRequestArrangements>(requestArrangementsApi(requestId)) });
}

export function useCosts(query: { schoolYear?: number; calendarYear?: number; schoolId?: string }) {
  return useQuery({ queryKey: costsKey(query), queryFn: () => api<TCostReport>(costsApi(query)), placeholderData: keepPreviousData });
}

/** After a change the server answers with the arrangement as it is now: show it, and let the lists reload. */
export function useArrangementSaved() {
  const queryClient = useQueryClient();
  return (a: TArrangement) => {
    queryClient.setQueryData(arrangementKey(a.id), a);
    void queryClient.invalidateQueries({ queryKey: pupilArrangementsKey(a.pupil.id) });
    void queryClient.invalidateQueries({ queryKey: [...ARRANGEMENTS_KEY, 'costs'] });
    if (a.requestId) void queryClient.invalidateQueries({ queryKey: requestArrangementsKey(a.requestId) });
  };
}

// ---- money and hours ----

const locale = () => (currentLocale() === 'en' ? 'en-GB' : 'nl-NL');

/** 123456 → "€ 1.234,56" (whole euros without ",00" when asked). */
export function formatEuro(cents: number, opts: { whole?: boolean } = {}): string {
  const digits = opts.whole && cents % 100 === 0 ? 0 : 2;
  return new Intl.NumberFormat(locale(), { style: 'currency', currency: 'EUR', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    cents / 100,
  );
}

/** 1.5 → "1,5". */
export function formatHours(h: number): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(h);
}

/**
 * What people type as an amount in euros ("1.234,50", "1234.5", "€ 80") → cents, or null when it
 * is not an amount. A lone comma separates the cents; dots before groups of three digits group thousands.
 */
export function parseEuros(text: string): number | null {
  let s = text.replace(/[€\s]/g, '');
  if (!s) return null;
  if (s.includes(',') && s.includes('.')) {
    // both: the last one separates the cents ("1.234,50" or "1,234.50")
    s = s.lastIndexOf(',') > s.lastIndexOf('.') ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (s.includes(',')) s = s.replace(',', '.');
  else if (/^\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null;
  return Math.round(Number(s) * 100);
}

/** "1,5" or "1.5" → 1.5; null when it is not a number of hours with at most one decimal. */
export function parseHours(text: string): number | null {
  const s = text.trim().replace(',', '.');
  if (!/^\d+(\.\d)?$/.test(s)) return null;
  return Number(s);
}

/** Cents as the euro amount a form shows: 320000 → "3200", 12550 → "125,50". */
export function centsToInput(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2).replace('.', currentLocale() === 'en' ? '.' : ',');
}

export const hoursToInput = (h: number | null | undefined) => (h === null || h === undefined ? '' : String(h).replace('.', currentLocale() === 'en' ? '.' : ','));
