import { displayName } from '../../../shared/names.js';
import type { TTask, TTaskOwner, TTaskOwnerSummary } from '../../../shared/schemas/task.js';
import type { TOwnerSummaryRow, TTaskRow } from './queries.js';

function ownerOf(r: Pick<TTaskRow, 'owner_user_id' | 'owner_school_id' | 'owner_name' | 'owner_school_name'>): TTaskOwner {
  if (r.owner_user_id) return { kind: 'user', id: r.owner_user_id, name: r.owner_name ?? '' };
  if (r.owner_school_id) return { kind: 'school', schoolId: r.owner_school_id, schoolName: r.owner_school_name ?? '' };
  return { kind: 'unassigned' };
}

/**
 * A task as it leaves the server. `withOwner` for the team view. `withTitle`: an action item's
 * title and a plan's trigger are meeting content; the team view of the SWV office, which does not
 * sit at every school's table, shows the kind and the child, not what was said.
 */
export function presentTask(r: TTaskRow, o: { withOwner?: boolean; withTitle?: boolean } = {}): TTask {
  return {
    id: `${r.kind}:${r.subject_id}:${r.owner_user_id ?? r.owner_school_id ?? '-'}`,
    kind: r.kind,
    dueOn: r.due_on,
    overdue: r.overdue,
    daysUntilDue: r.days,
    pupil: { id: r.pupil_id, name: displayName({ firstName: r.first_name, namePrefix: r.name_prefix, lastName: r.last_name }) },
    school: { id: r.school_id, name: r.school_name },
    oppId: r.opp_id,
    requestId: r.request_id,
    arrangementId: r.arrangement_id,
    meetingId: r.meeting_id,
    // an absence task is about its case (subject_id): no column of its own in the union
    absenceCaseId: r.kind === 'absence_no_owner' || r.kind === 'absence_next_date' ? r.subject_id : null,
    title: o.withTitle === false ? null : r.title,
    detail: r.detail,
    ...(o.withOwner ? { owner: ownerOf(r) } : {}),
  };
}

export function presentOwnerSummary(r: TOwnerSummaryRow): TTaskOwnerSummary {
  return { owner: ownerOf(r), open: r.open, overdue: r.overdue };
}
