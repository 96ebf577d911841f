import type { TMeetingConsent, TMeetingStatus, TParticipantKind } from '../../shared/meeting.js';
import { type TChildRelation, childFilePolicy } from './child-file.js';
import type { TMemberActor } from './index.js';

/** How the actor stands to one meeting, loaded with it (modules/meetings). */
export interface TMeetingFacts {
  organiserId: string;
  status: TMeetingStatus;
  consent: TMeetingConsent;
  /** The actor's own participant row in this meeting, if invited. */
  participantKind: TParticipantKind | null;
}

/**
 * What the actor may see of a meeting: nothing (404), the logistics only (date, place, who is
 * invited — an external participant before the parents consented), or everything.
 */
export type TMeetingView = 'none' | 'logistics' | 'full';

const role = (a: TMemberActor) => a.membership.role;
const isSchoolLead = (a: TMemberActor, r: TChildRelation) =>
  (role(a) === 'school_care_coordinator' || role(a) === 'school_director') && a.membership.organisationId === r.schoolId;
const isConsultantOf = (a: TMemberActor, r: TChildRelation) => role(a) === 'swv_consultant' && (r.inCareTeam || r.breakGlass);
/** School and SWV staff work under their own legal task; everyone else needs the parents' consent. */
const isInternal = (a: TMemberActor) => ['school_care_coordinator', 'school_director', 'teacher', 'swv_consultant', 'swv_expert', 'swv_board'].includes(role(a));

export const meetingPolicy = {
  /** Scheduling and running a meeting: the school's IB'er/director, the child's consultant, the regievoerder. */
  schedule: (a: TMemberActor, r: TChildRelation) => isSchoolLead(a, r) || isConsultantOf(a, r) || r.isCaseLead,
  /** The child's list of meetings (each item still filtered by `view`). */
  listForPupil: (a: TMemberActor, r: TChildRelation) =>
    meetingPolicy.schedule(a, r) || childFilePolicy.readCareTeam(a, r) || (role(a) === 'pupil' && r.isSelf),
  view(a: TMemberActor, r: TChildRelation, m: TMeetingFacts): TMeetingView {
    if (meetingPolicy.schedule(a, r) || a.userId === m.organiserId) return 'full';
    if (role(a) === 'parent' && r.isGuardian) return 'full';
    if (!m.participantKind) return 'none';
    if (role(a) === 'pupil') return r.isSelf ? 'full' : 'none';
    if (isInternal(a)) return 'full';
    return m.consent === 'given' ? 'full' : 'logistics';
  },
  /**
   * Who runs the meeting, whatever its status: the organiser and whoever may schedule one for the
   * child. The routes check this first (403) and the status after (409), so a late click gets a
   * clear "already closed" instead of a bare refusal.
   */
  run: (a: TMemberActor, r: TChildRelation, m: TMeetingFacts) => meetingPolicy.schedule(a, r) || a.userId === m.organiserId,
  /** Participants, agenda order, notes, decisions, actions, closing and cancelling. */
  manage: (a: TMemberActor, r: TChildRelation, m: TMeetingFacts) => m.status !== 'cancelled' && m.status !== 'closed' && meetingPolicy.run(a, r, m),
  /** Agenda points are prepared together: everyone who sees the whole meeting, until it starts. */
  addAgendaPoint: (a: TMemberActor, r: TChildRelation, m: TMeetingFacts) => m.status === 'scheduled' && meetingPolicy.view(a, r, m) === 'full',
  /**
   * Taking a point off (status aside): who runs the meeting, or the point's author. The route then
   * holds runners to "until closed" and authors to "until it starts".
   */
  deleteAgendaPoint: (a: TMemberActor, r: TChildRelation, m: TMeetingFacts, authorId: string) =>
    meetingPolicy.run(a, r, m) || (a.userId === authorId && meetingPolicy.view(a, r, m) === 'full'),
  /** Who may record the parents' consent to hold it (status aside): a guardian (or the pupil from 16), or staff recording what they said. */
  consentGiver: (a: TMemberActor, r: TChildRelation, m: TMeetingFacts) => childFilePolicy.giveConsent(a, r) || meetingPolicy.run(a, r, m),
  /**
   * The consent is recorded before the meeting, or afterwards when it was given orally at the
   * table and only written down later (externals then see the notes from that moment).
   */
  recordConsent: (a: TMemberActor, r: TChildRelation, m: TMeetingFacts) =>
    (m.status === 'scheduled' || m.status === 'held') && meetingPolicy.consentGiver(a, r, m),
  /** The owner marks their own action done; whoever runs the meeting may too. */
  updateAction: (a: TMemberActor, r: TChildRelation, m: TMeetingFacts, ownerId: string) =>
    a.userId === ownerId || meetingPolicy.schedule(a, r) || a.userId === m.organiserId,
  /** The 1-A4 summary: whoever sees the whole meeting. */
  summary: (a: TMemberActor, r: TChildRelation, m: TMeetingFacts) => meetingPolicy.view(a, r, m) === 'full',
  /** Sending the summary's link round: who runs the meeting, once it is closed and final. */
  shareSummary: (a: TMemberActor, r: TChildRelation, m: TMeetingFacts) => m.status === 'closed' && meetingPolicy.run(a, r, m),
};

export const caseLeadPolicy = {
  /** Who holds the regie is part of the kernteam: whoever may see the kernteam sees it. */
  read: (a: TMemberActor, r: TChildRelation) => childFilePolicy.readCareTeam(a, r),
  /** Naming or changing the regievoerder: whoever manages the kernteam, and the regievoerder handing over. */
  set: (a: TMemberActor, r: TChildRelation) => childFilePolicy.manageCareTeam(a, r) || r.isCaseLead,
  /** The signaleringsplan is read with the kernteam and kept by the same people who set the regie. */
  readSignalPlan: (a: TMemberActor, r: TChildRelation) => childFilePolicy.readCareTeam(a, r),
  editSignalPlan: (a: TMemberActor, r: TChildRelation) => childFilePolicy.manageCareTeam(a, r) || r.isCaseLead,
  /** "Mijn kinderen": anyone can ask for the children they lead; the list is theirs alone. */
  listOwn: (a: TMemberActor) => role(a) !== 'parent' && role(a) !== 'pupil',
};
