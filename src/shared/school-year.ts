/**
 * Dutch school years run 1 August – 31 July. Dates are YYYY-MM-DD strings (calendar days, no
 * time zone), so these functions are pure and the same on server and web.
 */

/** The calendar year in which the school year of `day` starts: 2026-03-01 → 2025 (2025/26). */
export function schoolYearOf(day: string): number {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month >= 8 ? year : year - 1;
}

export const schoolYearStart = (startYear: number) => `${startYear}-08-01`;
export const schoolYearEnd = (startYear: number) => `${startYear + 1}-07-31`;
/** "2025/2026": how schools write it. */
export const schoolYearLabel = (startYear: number) => `${startYear}/${startYear + 1}`;

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
