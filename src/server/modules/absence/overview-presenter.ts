import { suppress, suppressRows, type TCount } from '../../../shared/absence.js';
import type { TAbsenceOverview } from '../../../shared/schemas/absence.js';
import type { TCsvCell } from '../../platform/csv-export.js';
import { t, type TLocale } from '../../platform/i18n.js';
import { type TFigures, type TKeyCount, UNKNOWN_GEMEENTE } from './figures.js';

export interface TOverviewFrame {
  anonymised: boolean;
  scope: TAbsenceOverview['scope'];
  from: string;
  to: string;
  today: string;
}

/**
 * The answer of GET /absence/overview. Anonymised (the gemeente's analyst, the OPR): every count
 * below 5 as '<5' (0 too: "none" is as telling as "one"), a second row hidden where one hidden row
 * could be worked out from the total, no durations, and a rate only when the
 * thuiszitters it is built on are at least 5.
 */
export function presentOverview(f: TFigures, o: TOverviewFrame): TAbsenceOverview {
  const c = (n: number): TCount => (o.anonymised ? suppress(n) : n);
  const rows = (list: readonly TKeyCount[]) => {
    const counts = o.anonymised ? suppressRows(list.map((r) => r.count)) : list.map((r) => r.count);
    return list.map((r, i) => ({ key: r.key, label: r.label, count: counts[i]! }));
  };
  const rateAllowed = !o.anonymised || f.open.thuiszitters >= 5;
  return {
    anonymised: o.anonymised,
    scope: o.scope,
    period: { from: o.from, to: o.to },
    today: o.today,
    pupils: c(f.pupils),
    open: {
      total: c(f.open.total),
      thuiszitters: c(f.open.thuiszitters),
      per1000: rateAllowed && f.pupils > 0 ? Math.round((f.open.thuiszitters / f.pupils) * 100_000) / 100 : null,
      noOwner: c(f.open.noOwner),
      nextDatePassed: c(f.open.nextDatePassed),
      byKind: rows(f.open.byKind),
      bySchool: rows(f.open.bySchool),
      byGemeente: rows(f.open.byGemeente),
    },
    durations: o.anonymised ? null : f.durations,
    closed: { total: c(f.closed.total), byReason: rows(f.closed.byReason) },
    trend: f.trend.map((m) => ({ month: m.month, opened: c(m.opened), closed: c(m.closed), openAtEnd: c(m.openAtEnd) })),
  };
}

/** A count as a CSV cell: a number, or "< 5" as the anonymised view writes it. */
export const countCell = (n: TCount | number | null): TCsvCell => (n === '<5' ? '< 5' : n);

/**
 * The overview as a flat file: one figure per line (section; key; label; value), so a
 * spreadsheet can filter and pivot it. Keys are stable (kind, reason, school id, month); labels
 * are in the reader's language.
 */
export function overviewCsv(v: TAbsenceOverview, locale: TLocale): { header: string[]; rows: TCsvCell[][] } {
  const k = (key: string, params: Record<string, unknown> = {}) => t(locale, `absence.export.${key}`, params);
  const header = [k('section'), k('key'), k('label'), k('value')];
  const rows: TCsvCell[][] = [];
  const add = (section: string, key: string, label: string | null, value: TCsvCell) => rows.push([k(`sections.${section}`), key, label, value]);
  add('scope', v.scope.kind, v.scope.name, null);
  add('period', v.period.from, v.period.to, null);
  add('today', v.today, null, null);
  add('pupils', 'pupils', k('labels.pupils'), countCell(v.pupils));
  add('open', 'total', k('labels.openTotal'), countCell(v.open.total));
  add('open', 'thuiszitters', k('labels.thuiszitters'), countCell(v.open.thuiszitters));
  add('open', 'per1000', k('labels.per1000'), v.open.per1000);
  add('open', 'noOwner', k('labels.noOwner'), countCell(v.open.noOwner));
  add('open', 'nextDatePassed', k('labels.nextDatePassed'), countCell(v.open.nextDatePassed));
  for (const r of v.open.byKind) add('kind', r.key, t(locale, `absence.kind.${r.key}`), countCell(r.count));
  for (const r of v.open.bySchool) add('school', r.key, r.label, countCell(r.count));
  for (const r of v.open.byGemeente) add('gemeente', r.key, r.key === UNKNOWN_GEMEENTE ? k('labels.unknownGemeente') : r.label, countCell(r.count));
  if (v.durations) {
    add('durations', 'p50', k('labels.p50'), v.durations.p50);
    add('durations', 'p90', k('labels.p90'), v.durations.p90);
    add('durations', 'n', k('labels.durationsN'), v.durations.n);
  }
  add('closed', 'total', k('labels.closedTotal'), countCell(v.closed.total));
  for (const r of v.closed.byReason) add('closeReason', r.key, t(locale, `absence.closeReason.${r.key}`), countCell(r.count));
  for (const m of v.trend) {
    add('trend', m.month, k('labels.opened'), countCell(m.opened));
    add('trend', m.month, k('labels.closed'), countCell(m.closed));
    add('trend', m.month, k('labels.openAtEnd'), countCell(m.openAtEnd));
  }
  return { header, rows };
}
