import type { TMeetingConsent, TParticipantKind } from '../../../shared/meeting.js';
import type { TActionItem, TMeeting, TMeetingListItem, TParticipant } from '../../../shared/schemas/meeting.js';
import type { TMemberActor } from '../../platform/context.js';
import { childFilePolicy, type TChildRelation } from '../../policies/child-file.js';
import { meetingPolicy, type TMeetingFacts } from '../../policies/meeting.js';
import {
  participantEmail,
  type TActionRow,
  type TLoadedMeeting,
  type TMeetingDetail,
  type TMeetingListRow,
  type TMeetingRow,
  type TParticipantRow,
} from './queries.js';

const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();
const isoOrNull = (v: Date | string | null) => (v === null ? null : iso(v));

/** School and SWV staff work under their own legal task; the family is the family; everyone else needs the consent. */
const FAMILY_OR_INTERNAL: TParticipantKind[] = ['school', 'swv', 'parent', 'pupil'];

/** Whether a participant may read the whole meeting: an account, and for externals the parents' consent. */
export const seesAll = (p: Pick<TParticipantRow, 'user_id' | 'kind'>, consent: TMeetingConsent) =>
  p.user_id !== null && (FAMILY_OR_INTERNAL.includes(p.kind) || consent === 'given');

export function meetingPolicies(actor: TMemberActor, rel: TChildRelation, facts: TMeetingFacts): TMeeting['policies'] {
  return {
    manage: meetingPolicy.manage(actor, rel, facts),
    addAgendaPoint: meetingPolicy.addAgendaPoint(actor, rel, facts),
    recordConsent: meetingPolicy.recordConsent(actor, rel, facts),
    summary: meetingPolicy.summary(actor, rel, facts) && (facts.status === 'held' || facts.status === 'closed'),
    shareSummary: meetingPolicy.shareSummary(actor, rel, facts),
  };
}

export function presentAction(a: TActionRow, actor: TMemberActor, rel: TChildRelation, facts: TMeetingFacts): TActionItem {
  return {
    id: a.id,
    meetingId: a.meeting_id,
    title: a.title,
    owner: { id: a.owner_id, name: a.owner_name },
    dueOn: a.due_on,
    status: a.status,
    overdue: a.overdue,
    policies: { update: meetingPolicy.updateAction(actor, rel, facts, a.owner_id) },
  };
}

function presentParticipant(p: TParticipantRow, m: TMeetingRow, showEmail: boolean, full: boolean): TParticipant {
  return {
    id: p.id,
    kind: p.kind,
    name: p.name,
    email: showEmail ? participantEmail(p) : null,
    userId: p.user_id,
    organisation: p.organisation_id ? { id: p.organisation_id, name: p.organisation_name ?? '' } : null,
    roleLabel: p.role_label,
    attended: full ? p.attended : null,
    seesAll: seesAll(p, m.consent),
    invitedAt: isoOrNull(p.invited_at),
  };
}

/**
 * The meeting as the actor may see it. 'logistics' (an external participant before the parents'
 * consent) keeps date, place, link and who comes; the agenda, notes, decisions and the consent
 * note stay out, and of the actions only their own. The child's name is shown to whoever sees
 * the whole meeting or may read the child's dossier anyway; else it is empty. E-mail addresses
 * only to those who run the meeting.
 */
export function presentMeeting(actor: TMemberActor, l: Pick<TLoadedMeeting, 'rel' | 'facts' | 'view'>, m: TMeetingRow, d: TMeetingDetail): TMeeting {
  const full = l.view === 'full';
  const showEmail = meetingPolicy.run(actor, l.rel, l.facts);
  const showName = full || childFilePolicy.read(actor, l.rel, 'dossier');
  const actions = full ? d.actions : d.actions.filter((a) => a.owner_id === actor.userId);
  return {
    id: m.id,
    pupil: { id: m.pupilId, name: showName ? d.pupilName : '' },
    school: { id: m.schoolId, name: d.schoolName },
    kind: m.kind,
    status: m.status,
    startsAt: iso(m.startsAt),
    durationMinutes: m.durationMinutes,
    location: m.location,
    videoUrl: m.videoUrl,
    organiser: { id: m.organiserId, name: d.organiserName },
    consent: m.consent,
    consentNote: full ? m.consentNote : null,
    consentRecordedAt: isoOrNull(m.consentRecordedAt),
    participants: d.participants.map((p) => presentParticipant(p, m, showEmail, full)),
    view: l.view,
    agenda: full
      ? d.agenda.map((a) => ({ id: a.id, text: a.text, addedByRole: a.added_by_role, mine: a.added_by === actor.userId, createdAt: iso(a.created_at) }))
      : [],
    notes: full ? m.notes : null,
    decisions: full ? d.decisions.map((x) => ({ id: x.id, text: x.text, createdAt: iso(x.created_at) })) : [],
    actions: actions.map((a) => presentAction(a, actor, l.rel, l.facts)),
    nextMeetingOn: m.nextMeetingOn,
    heldAt: isoOrNull(m.heldAt),
    closedAt: isoOrNull(m.closedAt),
    cancelledAt: isoOrNull(m.cancelledAt),
    cancelledReason: full ? m.cancelledReason : null,
    summarySharedAt: isoOrNull(m.summarySharedAt),
    rowVersion: m.rowVersion,
    policies: meetingPolicies(actor, l.rel, l.facts),
  };
}

export function presentListItem(r: TMeetingListRow): TMeetingListItem {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    startsAt: iso(r.starts_at),
    consent: r.consent,
    participantCount: Number(r.participant_count),
    openActions: Number(r.open_actions),
    nextMeetingOn: r.next_meeting_on,
  };
}
