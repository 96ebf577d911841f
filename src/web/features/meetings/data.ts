import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ACTION_STATUSES,
  MEETING_KINDS,
  type TActionStatus,
  type TMeetingConsent,
  type TMeetingKind,
  type TMeetingStatus,
  type TParticipantKind,
} from '../../../shared/meeting.js';
// types only: zod stays out of the browser bundle
import type {
  TActionItem,
  TMeeting,
  TMeetingInput,
  TMeetingListItem,
  TParticipant,
  TParticipantCandidate,
  TParticipantInput,
  TPupilMeetings,
  ZParticipantCandidates,
  ZShareSummaryResult,
} from '../../../shared/schemas/meeting.js';
import type { z } from 'zod';
import { api } from '../../api.js';

export type {
  TActionItem,
  TActionStatus,
  TMeeting,
  TMeetingConsent,
  TMeetingInput,
  TMeetingKind,
  TMeetingListItem,
  TMeetingStatus,
  TParticipant,
  TParticipantCandidate,
  TParticipantInput,
  TParticipantKind,
  TPupilMeetings,
};
export type TParticipantCandidates = z.infer<typeof ZParticipantCandidates>;
export type TShareSummaryResult = z.infer<typeof ZShareSummaryResult>;
export type TAgendaItem = TMeeting['agenda'][number];
export type TMeetingDecision = TMeeting['decisions'][number];

export { ACTION_STATUSES, MEETING_KINDS };
/** As in src/shared/schemas/meeting.ts (plain values, so zod is not bundled). */
export const MEETING_PARTICIPANTS_MAX = 30;
export const MEETING_DURATION_MAX = 480;
export const MEETING_LINE_MAX = 500;
export const MEETING_TEXT_MAX = 10_000;
export const AGENDA_MAX = 30;
export const DURATIONS = [30, 45, 60, 90, 120] as const;

// ---- addresses ----

const enc = encodeURIComponent;
export const pupilMeetingsApi = (pupilId: string) => `/api/v1/pupils/${enc(pupilId)}/meetings`;
export const candidatesApi = (pupilId: string) => `/api/v1/pupils/${enc(pupilId)}/meeting-candidates`;
export const meetingApi = (id: string, action = '') => `/api/v1/meetings/${enc(id)}${action}`;
export const actionItemApi = (id: string) => `/api/v1/action-items/${enc(id)}`;

export const pupilPage = (pupilId: string) => `/leerlingen/${enc(pupilId)}`;
export const pupilMeetingsPage = (pupilId: string) => `/leerlingen/${enc(pupilId)}/overleg`;
export const newMeetingPage = (pupilId: string) => `/leerlingen/${enc(pupilId)}/overleg/nieuw`;
export const meetingPage = (id: string) => `/overleg/${enc(id)}`;

// every key starts with MEETINGS_KEY, so one refresh after a change covers lists and details
export const MEETINGS_KEY = ['meetings'] as const;
export const pupilMeetingsKey = (pupilId: string) => [...MEETINGS_KEY, 'pupil', pupilId] as const;
export const candidatesKey = (pupilId: string) => [...MEETINGS_KEY, 'candidates', pupilId] as const;
export const meetingKey = (id: string) => [...MEETINGS_KEY, 'one', id] as const;

export function usePupilMeetings(pupilId: string) {
  return useQuery({ queryKey: pupilMeetingsKey(pupilId), queryFn: () => api<TPupilMeetings>(pupilMeetingsApi(pupilId)) });
}

export function useMeetingCandidates(pupilId: string, enabled = true) {
  return useQuery({ queryKey: candidatesKey(pupilId), queryFn: () => api<TParticipantCandidates>(candidatesApi(pupilId)), enabled });
}

export function useMeeting(id: string) {
  return useQuery({ queryKey: meetingKey(id), queryFn: () => api<TMeeting>(meetingApi(id)) });
}

const isMeeting = (x: unknown): x is TMeeting =>
  !!x && typeof x === 'object' && 'participants' in x && 'policies' in x && 'rowVersion' in x;

/**
 * After a change: show the meeting as the server answered it (when it answered with the meeting),
 * else fetch it again; the child's list, the pupil's file, the regie and the task inbox reload.
 */
export function useMeetingSaved() {
  const queryClient = useQueryClient();
  return (meetingId: string, answer: unknown, pupilId?: string) => {
    if (isMeeting(answer)) queryClient.setQueryData(meetingKey(answer.id), answer);
    else void queryClient.invalidateQueries({ queryKey: meetingKey(meetingId) });
    const pupil = isMeeting(answer) ? answer.pupil.id : pupilId;
    if (pupil) {
      void queryClient.invalidateQueries({ queryKey: pupilMeetingsKey(pupil) });
      void queryClient.invalidateQueries({ queryKey: ['pupils', 'detail', pupil] });
    }
    // action items are tasks; the first meeting may name the regievoerder
    void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    void queryClient.invalidateQueries({ queryKey: ['case-leads'] });
  };
}

// ---- dates and times (always the Dutch clock, whatever the browser's zone) ----

const ZONE = 'Europe/Amsterdam';

function partsIn(date: Date): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(date)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return out;
}

/**
 * "2026-12-10" + "14:30" on the Dutch clock → "2026-12-10T13:30:00.000Z". Null when the date or
 * time is not a real one. In the hour skipped in spring the clock time moves forward, as a phone does.
 */
export function toStartsAt(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [y, mo, da, h, mi] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  if (h > 23 || mi > 59) return null;
  const wall = Date.UTC(y, mo - 1, da, h, mi);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== da) return null;
  // the zone's offset at that moment, found from a first guess and corrected once (DST edges)
  let guess = wall;
  for (let i = 0; i < 2; i++) {
    const p = partsIn(new Date(guess));
    const shown = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0);
    guess += wall - shown;
  }
  return new Date(guess).toISOString();
}

/** A moment → the date and time inputs' values on the Dutch clock: { date: "2026-12-10", time: "14:30" }. */
export function splitStartsAt(iso: string): { date: string; time: string } {
  const p = partsIn(new Date(iso));
  const two = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
  return { date: `${p.year}-${two(p.month)}-${two(p.day)}`, time: `${two(p.hour)}:${two(p.minute)}` };
}

/** "donderdag 10 december 2026, 14:30–15:30" (English: "Thursday 10 December 2026, 14:30–15:30"). */
export function formatMeetingTime(startsAt: string, durationMinutes: number, locale: 'nl' | 'en'): string {
  const start = new Date(startsAt);
  if (Number.isNaN(start.getTime())) return startsAt;
  const end = new Date(start.getTime() + durationMinutes * 60_000);
  const lang = locale === 'en' ? 'en-GB' : 'nl-NL';
  const day = new Intl.DateTimeFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: ZONE }).format(start);
  const clock = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: ZONE });
  return `${day.replace(',', '')}, ${clock.format(start)}–${clock.format(end)}`;
}

/** "donderdag 10 december 2026 om 14:30" — the start only, for lists. */
export function formatMeetingStart(startsAt: string, locale: 'nl' | 'en'): string {
  const start = new Date(startsAt);
  if (Number.isNaN(start.getTime())) return startsAt;
  const lang = locale === 'en' ? 'en-GB' : 'nl-NL';
  const day = new Intl.DateTimeFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: ZONE }).format(start);
  const clock = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: ZONE }).format(start);
  return `${day.replace(',', '')} ${locale === 'en' ? 'at' : 'om'} ${clock}`;
}

// ---- lists ----

/** Upcoming meetings first (the next one on top), then the others, newest first. */
export function sortMeetings<T extends Pick<TMeetingListItem, 'status' | 'startsAt'>>(items: readonly T[], now: Date = new Date()): T[] {
  const at = (m: T) => new Date(m.startsAt).getTime();
  const upcoming = (m: T) => m.status === 'scheduled' && at(m) >= now.getTime() - 12 * 3600_000;
  const ahead = items.filter(upcoming).sort((a, b) => at(a) - at(b));
  const rest = items.filter((m) => !upcoming(m)).sort((a, b) => at(b) - at(a));
  return [...ahead, ...rest];
}

/** How candidates are grouped in the form: the school, the SWV, the kernteam (partners and others), the family. */
export const CANDIDATE_GROUPS = ['school', 'swv', 'kernteam', 'family'] as const;
export type TCandidateGroup = (typeof CANDIDATE_GROUPS)[number];
export function groupOf(kind: TParticipantKind): TCandidateGroup {
  if (kind === 'school' || kind === 'swv') return kind;
  if (kind === 'parent' || kind === 'pupil') return 'family';
  return 'kernteam';
}

export function groupCandidates(items: readonly TParticipantCandidate[]): { group: TCandidateGroup; items: TParticipantCandidate[] }[] {
  return CANDIDATE_GROUPS.map((group) => ({
    group,
    items: items.filter((c) => groupOf(c.kind) === group).sort((a, b) => a.name.localeCompare(b.name, 'nl')),
  })).filter((g) => g.items.length > 0);
}

/** "Intern begeleider, De Regenboog" — what tells two people apart in a list. */
export function whereFrom(p: { organisation: { name: string } | null; roleLabel: string | null }): string {
  return [p.roleLabel, p.organisation?.name].filter(Boolean).join(', ');
}

/** The people an action can be given to: participants with an account, each once. */
export function ownerOptions(participants: readonly TParticipant[]): { value: string; label: string }[] {
  const seen = new Set<string>();
  const out: { value: string; label: string }[] = [];
  for (const p of participants) {
    if (!p.userId || seen.has(p.userId)) continue;
    seen.add(p.userId);
    const from = whereFrom(p);
    out.push({ value: p.userId, label: from ? `${p.name} (${from})` : p.name });
  }
  return out;
}

/** Meeting inputs the browser sends: the participants picked from the list, then the guests. */
export function participantsBody(
  picked: readonly string[],
  candidates: readonly TParticipantCandidate[],
  guests: readonly { name: string; email: string; kind: TParticipantKind; roleLabel: string }[],
): TParticipantInput[] {
  const byId = new Map(candidates.map((c) => [c.userId, c]));
  const fromList: TParticipantInput[] = picked.flatMap((id) => {
    const c = byId.get(id);
    return c ? [{ kind: c.kind, userId: c.userId }] : [];
  });
  const extra: TParticipantInput[] = guests
    .filter((g) => g.name.trim() || g.email.trim())
    .map((g) => ({ kind: g.kind, name: g.name.trim(), email: g.email.trim(), roleLabel: g.roleLabel.trim() || null }));
  return [...fromList, ...extra];
}
