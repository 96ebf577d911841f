import {
  caseFlags,
  countingSince,
  daysWithoutEducation,
  isThuiszitter,
  type TAbsenceSettings,
  type TCaseFacts,
} from '../../../shared/absence.js';
import { displayName } from '../../../shared/names.js';
import type { TAbsenceCase, TAbsenceCaseItem, TAbsenceEpisode } from '../../../shared/schemas/absence.js';
import type { TCaseItemRow, TCaseRow, TEpisodeRow, TNoticeRow } from './queries.js';

const iso = (v: unknown): string => new Date(v as string).toISOString();
const pupilRef = (r: { pupil_id: string; first_name: string; name_prefix: string | null; last_name: string }) => ({
  id: r.pupil_id,
  name: displayName({ firstName: r.first_name, namePrefix: r.name_prefix, lastName: r.last_name }),
});
const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

/** An episode's reasons as labels from the region's list; a retired reason keeps its label, an unknown id shows as itself. */
function presentEpisode(e: TEpisodeRow, settings: TAbsenceSettings): TAbsenceEpisode {
  const labels = new Map(settings.reasons.map((r) => [r.id, r.label]));
  return {
    id: e.id,
    kind: e.kind,
    startedOn: e.started_on,
    endedOn: e.ended_on,
    exemptionEndsOn: e.exemption_ends_on,
    reasons: e.reason_ids.map((id) => ({ id, label: labels.get(id) ?? id })),
    reasonNote: e.reason_note,
    createdBy: e.created_by_name ?? '',
    createdAt: iso(e.created_at),
  };
}

const factsOf = (r: { opened_on: string; closed_on: string | null; owner_user_id: string | null; plan: string | null; next_date: string | null; offer_from: string | null }): TCaseFacts => ({
  openedOn: r.opened_on,
  closedOn: r.closed_on,
  ownerUserId: r.owner_user_id,
  plan: r.plan,
  nextDate: r.next_date,
  offerFrom: r.offer_from,
});

/**
 * The whole case. The counter runs to today while the case is open; a closed case shows it as it
 * stood on its last day (its episodes end on that day), so the history keeps the length.
 */
export function presentCase(o: {
  row: TCaseRow;
  episodes: TEpisodeRow[];
  notices: TNoticeRow[];
  settings: TAbsenceSettings;
  today: string;
  policies: TAbsenceCase['policies'];
}): TAbsenceCase {
  const { row } = o;
  const asOf = row.closed_on ?? o.today;
  const def = o.settings.thuiszitter;
  const since = countingSince(
    o.episodes.map((e) => ({ kind: e.kind, startedOn: e.started_on, endedOn: e.ended_on })),
    def,
    asOf,
  );
  return {
    id: row.id,
    pupil: pupilRef(row),
    school: { id: row.school_id, name: row.school_name },
    gemeente: ref(row.gemeente_id, row.gemeente_name),
    status: row.closed_on ? 'closed' : 'open',
    openedOn: row.opened_on,
    owner: ref(row.owner_user_id, row.owner_name),
    plan: row.plan,
    planBy: row.plan_by,
    nextDate: row.next_date,
    offerFrom: row.offer_from,
    closedOn: row.closed_on,
    closeReason: row.close_reason,
    closeNote: row.close_note,
    countingSince: since,
    daysWithoutEducation: daysWithoutEducation(since, asOf, row.offer_from),
    thuiszitter: isThuiszitter(since, def, asOf),
    flags: caseFlags(factsOf(row), o.today),
    episodes: o.episodes.map((e) => presentEpisode(e, o.settings)),
    notices: o.notices.map((n) => ({ key: n.key, kind: n.kind, dueOn: n.due_on, sentAt: iso(n.sent_at), recipients: n.recipients })),
    rowVersion: Number(row.row_version),
    policies: o.policies,
  };
}

export function presentItem(r: TCaseItemRow, today: string): TAbsenceCaseItem {
  return {
    id: r.id!,
    pupil: pupilRef(r),
    school: { id: r.school_id, name: r.school_name },
    gemeente: ref(r.gemeente_id, r.gemeente_name),
    kinds: r.kinds ?? [],
    openedOn: r.opened_on,
    daysWithoutEducation: Number(r.days),
    thuiszitter: r.thuiszitter,
    owner: ref(r.owner_user_id, r.owner_name),
    nextDate: r.next_date,
    flags: caseFlags(factsOf(r), today),
    closedOn: r.closed_on,
    closeReason: r.close_reason,
  };
}
