import { useQuery, useQueryClient } from '@tanstack/react-query';
// types only: zod stays out of the browser bundle
import type {
  TOpp,
  TOppClockItem,
  TOppClockKind,
  TOppList,
  TOppListItem,
  TOppPolicies,
  TOppStatus,
} from '../../../shared/schemas/opp.js';
import { api } from '../../api.js';
import { fileKey } from '../sharing/data.js';

export type { TOpp, TOppClockItem, TOppClockKind, TOppList, TOppListItem, TOppPolicies, TOppStatus };
export type TOppAssent = TOpp['assents'][number];
export type TOppEvaluation = TOpp['evaluations'][number];
export type TOppSupportLine = TOpp['support'][number];
export type TOppGoal = TOpp['goals'][number];
export type TOutflowProfile = NonNullable<TOpp['outflowProfile']>;

/** As in src/shared/schemas/opp.ts (kept here as plain values so zod is not bundled). */
export const OUTFLOW_PROFILES: readonly TOutflowProfile[] = ['vervolgonderwijs', 'arbeidsmarkt', 'dagbesteding'];
export const OPP_MAX_LINES = 30;
export const OPP_TEXT_MAX = 5000;
export const OPP_DESTINATION_MAX = 200;
export const ASSENT_REASON_MAX = 2000;
export const NOTE_MAX = 4000;

const enc = encodeURIComponent;
export const oppsPath = (pupilId: string) => `/api/v1/pupils/${enc(pupilId)}/opps`;
/** One version, or one of its actions ("/submit", "/assent", …). */
export const oppPath = (oppId: string, action = '') => `/api/v1/opps/${enc(oppId)}${action}`;
export const signedPaperPath = (pupilId: string, attachmentId: string) => `/api/v1/pupils/${enc(pupilId)}/attachments/${enc(attachmentId)}`;

/** Pages: the versions of a child's plan, and one version. */
export const oppPage = (pupilId: string, oppId?: string) => `/leerlingen/${enc(pupilId)}/opp${oppId ? `/${enc(oppId)}` : ''}`;

// under the child's file key, so one refresh (e.g. after break-the-glass) covers the OPP too
export const oppsKey = (pupilId: string) => fileKey(pupilId, 'opps');
const versionsKey = (pupilId: string) => fileKey(pupilId, 'opp');
export const oppKey = (pupilId: string, oppId: string) => [...versionsKey(pupilId), oppId] as const;

export function useOppList(pupilId: string) {
  return useQuery({ queryKey: oppsKey(pupilId), queryFn: () => api<TOppList>(oppsPath(pupilId)) });
}

export function useOpp(pupilId: string, oppId: string) {
  return useQuery({ queryKey: oppKey(pupilId, oppId), queryFn: () => api<TOpp>(oppPath(oppId)) });
}

/**
 * After a change the server answers with the version as it is now: show that, and let the list and
 * the other versions reload (an agreement retires the version adopted before).
 */
export function useOppSaved(pupilId: string) {
  const queryClient = useQueryClient();
  return (o: TOpp) => {
    queryClient.setQueryData(oppKey(pupilId, o.id), o);
    void queryClient.invalidateQueries({ queryKey: oppsKey(pupilId) });
    void queryClient.invalidateQueries({
      queryKey: versionsKey(pupilId),
      predicate: (q) => q.queryKey[3] !== o.id,
    });
  };
}

/** The version people work on now: the one still open (in de maak, bij de ouders), else the adopted one. */
export function currentVersion(items: readonly TOppListItem[]): TOppListItem | undefined {
  return (
    items.find((o) => o.status === 'draft' || o.status === 'awaiting_assent' || o.status === 'disagreed') ??
    items.find((o) => o.status === 'adopted')
  );
}

/** The agreement that adopted this version (the last "akkoord"). */
export function adoptingAssent(o: TOpp): TOppAssent | undefined {
  return [...o.assents].reverse().find((a) => a.decision === 'agree');
}

/** The newest "niet akkoord" on this version. */
export function lastDisagreement(o: TOpp): TOppAssent | undefined {
  return [...o.assents].reverse().find((a) => a.decision === 'disagree');
}

/**
 * After a change that moves the page (a form closes, a block goes away): focus the version's state.
 * While a modal dialog is still closing the rest of the page is inert, so it waits for that.
 */
export function focusOppState(frames = 10) {
  requestAnimationFrame(() => {
    if (frames > 0 && document.querySelector('dialog[open]')) focusOppState(frames - 1);
    else document.getElementById('opp-state')?.focus();
  });
}
