import type { TTaskKind } from './meeting.js';

/**
 * The task inbox's words and links, shared by the web and the server's digest mail so both say
 * the same thing and lead to the same page. Labels are i18n keys (web/i18n, read by the server too).
 */

/** A submitted request should be picked up (or a draft finished) within two weeks of its last step. */
export const REQUEST_WAITING_DAYS = 14;
/** An expert gives their advice within three weeks of being asked. */
export const ADVICE_WAITING_DAYS = 21;

/** The ids a task carries so the web can link to the place where it is done. */
export interface TTaskLink {
  kind: TTaskKind;
  pupilId: string;
  oppId: string | null;
  requestId: string | null;
  arrangementId: string | null;
  meetingId: string | null;
  /** The absence case (absence_no_owner, absence_next_date). */
  absenceCaseId?: string | null;
}

/** Where a task is done. */
export function taskPath(t: TTaskLink): string {
  switch (t.kind) {
    case 'opp_due':
    case 'opp_evaluation_due':
    case 'opp_disagreed':
      return t.oppId ? `/leerlingen/${t.pupilId}/opp/${t.oppId}` : `/leerlingen/${t.pupilId}/opp`;
    case 'arrangement_evaluation':
      return t.arrangementId ? `/arrangementen/${t.arrangementId}` : `/leerlingen/${t.pupilId}/arrangementen`;
    case 'tlv_reassess':
    case 'tlv_return_plan':
    case 'request_waiting':
    case 'advice_waiting':
      return t.requestId ? `/aanvragen/${t.requestId}` : `/leerlingen/${t.pupilId}/aanvragen`;
    case 'action_item':
    case 'meeting_report':
      return t.meetingId ? `/overleg/${t.meetingId}` : `/leerlingen/${t.pupilId}/overleg`;
    case 'signal_trigger':
      return `/leerlingen/${t.pupilId}/regie`;
    case 'consent_expiring':
      return `/leerlingen/${t.pupilId}/delen`;
    case 'absence_no_owner':
    case 'absence_next_date':
      return t.absenceCaseId ? `/verzuim/${t.absenceCaseId}` : `/leerlingen/${t.pupilId}/verzuim`;
  }
}

/** What the task asks, in words: "OPP opstellen". */
export const taskKindKey = (kind: TTaskKind) => `tasks.kind.${kind}`;
/** The link's words: "Naar het OPP". */
export const taskGoToKey = (kind: TTaskKind) => `tasks.goTo.${kind}`;

/** The inbox page, linked from the digest mail. */
export const INBOX_PATH = '/taken';
