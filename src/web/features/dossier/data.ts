import { useQuery } from '@tanstack/react-query';
import type { TAttachment } from '../../../shared/schemas/attachment.js';
// types only: zod stays out of the browser bundle
import type { TDossier, TDossierContent, TDossierField, TDossierVersionItem, TGoal } from '../../../shared/schemas/dossier.js';
import { ApiError, api } from '../../api.js';
import { currentLocale } from '../../i18n/index.js';

export type { TAttachment, TDossier, TDossierContent, TDossierField, TDossierVersionItem, TGoal };
export type TGoalStatus = TGoal['status'];
export type TEvaluation = TGoal['evaluations'][number];
export type TEvaluationResult = TEvaluation['result'];
export type TChangedBy = NonNullable<TDossier['updatedBy']>;
export interface TDossierVersion extends TDossierVersionItem {
  content: TDossierContent;
}

/** As in src/shared/schemas/dossier.ts (kept here as plain values so zod is not bundled). */
export const EVALUATION_RESULTS: readonly TEvaluationResult[] = ['achieved', 'partly', 'not_achieved'];
/** The parts of the dossier that are saved with PATCH …/dossier, in the order the page shows them. */
export const LIST_FIELDS = ['needs', 'promotingFactors', 'hinderingFactors'] as const;
export type TListField = (typeof LIST_FIELDS)[number];

export const dossierPath = (pupilId: string) => `/api/v1/pupils/${encodeURIComponent(pupilId)}/dossier`;
export const attachmentPath = (pupilId: string, attachmentId?: string) =>
  `/api/v1/pupils/${encodeURIComponent(pupilId)}/attachments${attachmentId ? `/${encodeURIComponent(attachmentId)}` : ''}`;
export const dossierKey = (pupilId: string) => ['dossier', pupilId] as const;

export function useDossier(pupilId: string) {
  return useQuery({ queryKey: dossierKey(pupilId), queryFn: () => api<TDossier>(dossierPath(pupilId)) });
}

/** Someone else changed the same part (dossier) or the same goal since this person opened it. */
export const isConflict = (e: unknown): e is ApiError => e instanceof ApiError && (e.status === 409 || e.code === 'conflict');

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
