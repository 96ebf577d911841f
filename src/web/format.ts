import { useEffect, useState } from 'react';
import { currentLocale } from './i18n/index.js';

/** "2015-05-03" → "3 mei 2015" (or "3 May 2015"); the date is a calendar day, not a moment. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(currentLocale() === 'en' ? 'en-GB' : 'nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(currentLocale() === 'en' ? 'en-GB' : 'nl-NL').format(n);
}

/** The value after it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms = 300): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

/** Today as YYYY-MM-DD in the Netherlands (the server's calendar for goals and evaluations). */
export function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

/** "3 mei 2026 om 14:05" (or "3 May 2026 at 14:05") for a moment in time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const en = currentLocale() === 'en';
  const locale = en ? 'en-GB' : 'nl-NL';
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(d);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }).format(d);
  return en ? `${date} at ${time}` : `${date} om ${time}`;
}

/** The calendar day of a moment in time, in the Netherlands: "3 mei 2026". */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const locale = currentLocale() === 'en' ? 'en-GB' : 'nl-NL';
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(d);
}

/** "245 kB", "1,2 MB". */
export function formatSize(bytes: number): string {
  const locale = currentLocale() === 'en' ? 'en-GB' : 'nl-NL';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} kB`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`;
}
