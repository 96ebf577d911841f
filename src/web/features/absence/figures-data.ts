import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
// types only: zod stays out of the browser bundle
import type { TAbsenceOverview, TAbsenceSettingsAnswer, TAbsenceSettingsInput } from '../../../shared/schemas/absence.js';
import { addPeriod, PERIOD_MAX_DAYS, type TCount } from '../../../shared/absence.js';
import { api, qs } from '../../api.js';
import { formatNumber } from '../../format.js';
import { ABSENCE_KEY } from './data.js';

export type { TAbsenceOverview, TAbsenceSettingsAnswer, TAbsenceSettingsInput, TCount };
export {
  ABSENCE_KINDS,
  ABSENCE_LADDER_MAX,
  ABSENCE_REASONS_MAX,
  isExemption,
  LADDER_CONDITIONS,
  LADDER_TARGETS,
  PERIOD_UNITS,
} from '../../../shared/absence.js';


export interface TPeriod {
  from: string;
  to: string;
}

export const overviewApi = (p: TPeriod) => `/api/v1/absence/overview${qs({ from: p.from, to: p.to })}`;
export const overviewCsv = (p: TPeriod) => `/api/v1/absence/overview.csv${qs({ from: p.from, to: p.to })}`;
export const inspectorateCsv = (p: TPeriod) => `/api/v1/absence/inspectorate.csv${qs({ from: p.from, to: p.to })}`;
export const settingsApi = '/api/v1/absence/settings';

// under ABSENCE_KEY, so a change to a case also refreshes the figures
export const overviewKey = (p: TPeriod) => [...ABSENCE_KEY, 'overview', p] as const;
export const settingsKey = [...ABSENCE_KEY, 'settings'] as const;

export function useAbsenceOverview(p: TPeriod, enabled = true) {
  return useQuery({
    queryKey: overviewKey(p),
    queryFn: () => api<TAbsenceOverview>(overviewApi(p)),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAbsenceSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: () => api<TAbsenceSettingsAnswer>(settingsApi) });
}

/** Saves the settings; the answer is what is stored now. New settings change who counts, so the figures reload. */
export function useSaveAbsenceSettings() {
  const queryClient = useQueryClient();
  return async (input: TAbsenceSettingsInput) => {
    const out = await api<TAbsenceSettingsAnswer>(settingsApi, { method: 'PUT', body: input });
    queryClient.setQueryData(settingsKey, out);
    void queryClient.invalidateQueries({ queryKey: ABSENCE_KEY, predicate: (q) => q.queryKey[1] !== 'settings' });
    return out;
  };
}

/**
 * The default period: the last 12 calendar months, this month included, so the trend shows 12
 * whole bars and the first one does not start halfway a month.
 */
export function defaultPeriod(today: string): TPeriod {
  return { from: `${addPeriod(today, -11, 'months').slice(0, 7)}-01`, to: today };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) => DATE.test(s) && !Number.isNaN(Date.parse(s)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** What is wrong with a period, as the field and an i18n key; null when it can be asked. */
export function periodProblem(p: TPeriod): { field: 'from' | 'to'; key: string } | null {
  if (!p.from) return { field: 'from', key: 'validation.required' };
  if (!validDate(p.from)) return { field: 'from', key: 'validation.invalid_date' };
  if (!p.to) return { field: 'to', key: 'validation.required' };
  if (!validDate(p.to)) return { field: 'to', key: 'validation.invalid_date' };
  if (p.to < p.from) return { field: 'to', key: 'absence.figures.period.endBeforeStart' };
  if (Date.parse(p.to) - Date.parse(p.from) > PERIOD_MAX_DAYS * 86_400_000) return { field: 'from', key: 'absence.figures.period.tooLong' };
  return null;
}

/** A count as people read it: "1.234", or "< 5" for a count that is hidden so no one can be recognised. */
export const countText = (c: TCount): string => (c === '<5' ? '< 5' : formatNumber(c));
/** The number a chart can draw; a hidden count gets no bar (its label says "< 5"). */
export const countValue = (c: TCount): number | null => (c === '<5' ? null : c);

export interface TCountRow {
  key: string;
  label: string;
  count: TCount;
  /** For the "other" row: at least this many (some counts in it are hidden). */
  atLeast?: boolean;
}

/**
 * The largest `max` rows and one "other" row with the rest. With hidden counts in the rest only a
 * lower bound is known (each hidden count is at least 1), and the row says so.
 */
export function topWithRest(rows: TCountRow[], max: number, otherLabel: string): TCountRow[] {
  const size = (c: TCount) => (c === '<5' ? 0.5 : c);
  const sorted = [...rows].sort((a, b) => size(b.count) - size(a.count) || a.label.localeCompare(b.label));
  if (sorted.length <= max + 1) return sorted;
  const rest = sorted.slice(max);
  const hidden = rest.filter((r) => r.count === '<5').length;
  const known = rest.reduce((s, r) => s + (r.count === '<5' ? 0 : r.count), 0);
  return [...sorted.slice(0, max), { key: 'other', label: otherLabel, count: known + hidden, atLeast: hidden > 0 }];
}

export interface TChartSeries {
  name: string;
  /** null: no bar or point (a hidden count); its label says why */
  values: (number | null)[];
  /** what the table cell and the bar's label say ("< 5", "minstens 12", "7") */
  labels: string[];
}

export interface TChartProps {
  type: 'bar' | 'line';
  categories: string[];
  series: TChartSeries[];
}

/** The height a chart needs: a row per bar, or a fixed height for a trend (known before echarts loads). */
export const chartHeightOf = (p: TChartProps) => (p.type === 'bar' ? Math.max(2, p.categories.length) * 30 + 40 : 300);
