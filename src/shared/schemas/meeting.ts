import { z } from 'zod';
import {
  ACTION_STATUSES,
  MEETING_CONSENTS,
  MEETING_KINDS,
  MEETING_LINE_MAX,
  MEETING_STATUSES,
  MEETING_TEXT_MAX,
  PARTICIPANT_KINDS,
} from '../meeting.js';
import { ZDate, ZEmail, ZText, ZUuid } from './common.js';

/**
 * MDO / ondersteuningsteam meetings about one child: scheduling with participants from several
 * organisations (invited by e-mail with an .ics file), the parents' consent to hold it, the agenda
 * prepared together, notes, decisions and action items, and closing with the next date.
 */
export const MEETING_PARTICIPANTS_MAX = 30;
export const MEETING_DURATION_MAX = 480;

/** A moment with its offset, as the browser sends it (`2026-12-10T14:30:00.000Z` or `…+01:00`). */
export const ZDateTime = z.iso.datetime({ offset: true, message: 'rule:invalid_datetime' });
const ZUrl = z
  .string()
  .trim()
  .max(500)
  .pipe(z.url({ protocol: /^https$/, message: 'rule:invalid_url' }));

export const ZParticipantInput = z
  .object({
    kind: z.enum(PARTICIPANT_KINDS),
    /** Someone with an account in the region (or a guardian with an account); else a guest by e-mail. */
    userId: z.string().min(1).max(100).optional(),
    name: ZText(120).optional(),
    email: ZEmail.optional(),
    roleLabel: ZText(120).nullable().optional(),
  })
  .strict()
  .refine((p) => p.userId !== undefined || (p.name !== undefined && p.email !== undefined), {
    message: 'rule:participant_needs_account_or_email',
    path: ['email'],
  });
export type TParticipantInput = z.infer<typeof ZParticipantInput>;

export const ZMeetingInput = z
  .object({
    kind: z.enum(MEETING_KINDS),
    startsAt: ZDateTime,
    durationMinutes: z.number().int().min(15).max(MEETING_DURATION_MAX).default(60),
    location: ZText(200).nullable().optional(),
    videoUrl: ZUrl.nullable().optional(),
    participants: z.array(ZParticipantInput).max(MEETING_PARTICIPANTS_MAX).default([]),
    agenda: z.array(ZText(MEETING_LINE_MAX)).max(30).default([]),
    /** Needed when the child has no regievoerder yet: the first meeting opens the case. */
    caseLeadUserId: z.string().min(1).max(100).optional(),
  })
  .strict()
  .refine((m) => !!m.location || !!m.videoUrl, { message: 'rule:place_or_link', path: ['location'] });
export type TMeetingInput = z.input<typeof ZMeetingInput>;

/** Rescheduling: changed fields only; participants get an updated calendar item. */
export const ZMeetingPatch = z
  .object({
    rowVersion: z.number().int().min(1),
    startsAt: ZDateTime.optional(),
    durationMinutes: z.number().int().min(15).max(MEETING_DURATION_MAX).optional(),
    location: ZText(200).nullable().optional(),
    videoUrl: ZUrl.nullable().optional(),
  })
  .strict();
export type TMeetingPatch = z.infer<typeof ZMeetingPatch>;

export const ZMeetingConsentInput = z
  .object({ consent: z.enum(['given', 'refused']), note: ZText(300).nullable().optional() })
  .strict();
export type TMeetingConsentInput = z.infer<typeof ZMeetingConsentInput>;

export const ZLineInput = z.object({ text: ZText(MEETING_LINE_MAX) }).strict();
export type TLineInput = z.infer<typeof ZLineInput>;

export const ZHeldInput = z.object({ attendedParticipantIds: z.array(ZUuid).max(MEETING_PARTICIPANTS_MAX) }).strict();
export type THeldInput = z.infer<typeof ZHeldInput>;

export const ZNotesInput = z
  .object({ rowVersion: z.number().int().min(1), notes: z.string().trim().max(MEETING_TEXT_MAX) })
  .strict();
export type TNotesInput = z.infer<typeof ZNotesInput>;

export const ZActionInput = z.object({ title: ZText(MEETING_LINE_MAX), ownerId: z.string().min(1).max(100), dueOn: ZDate }).strict();
export type TActionInput = z.infer<typeof ZActionInput>;

export const ZActionPatch = z.object({ status: z.enum(ACTION_STATUSES) }).strict();
export type TActionPatch = z.infer<typeof ZActionPatch>;

/** Closing needs the next date: "we laten niet los". */
export const ZCloseInput = z.object({ nextMeetingOn: ZDate }).strict();
export type TCloseInput = z.infer<typeof ZCloseInput>;

export const ZCancelInput = z.object({ reason: ZText(300) }).strict();
export type TCancelInput = z.infer<typeof ZCancelInput>;

export const ZMeetingItemParams = z.object({ id: ZUuid, itemId: ZUuid });

// ---- answers ----

const ZPerson = z.object({ id: z.string(), name: z.string() });

export const ZParticipant = z.object({
  id: z.string(),
  kind: z.enum(PARTICIPANT_KINDS),
  name: z.string(),
  /** Shown to those who manage the meeting only. */
  email: z.string().nullable(),
  userId: z.string().nullable(),
  organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
  roleLabel: z.string().nullable(),
  attended: z.boolean().nullable(),
  /** Whether this participant may read the whole meeting (consent decides for externals). */
  seesAll: z.boolean(),
  /** When the last invitation (or update) went out by e-mail; null when none could be sent. */
  invitedAt: z.string().nullable(),
});
export type TParticipant = z.infer<typeof ZParticipant>;

export const ZAgendaItem = z.object({
  id: z.string(),
  text: z.string(),
  /** The role it was added in ("parent", "school_care_coordinator"), not the person. */
  addedByRole: z.string(),
  mine: z.boolean(),
  createdAt: z.string(),
});
export const ZMeetingDecision = z.object({ id: z.string(), text: z.string(), createdAt: z.string() });
export const ZActionItem = z.object({
  id: z.string(),
  meetingId: z.string(),
  title: z.string(),
  owner: ZPerson,
  dueOn: z.string(),
  status: z.enum(ACTION_STATUSES),
  overdue: z.boolean(),
  policies: z.object({ update: z.boolean() }),
});
export type TActionItem = z.infer<typeof ZActionItem>;

export const ZMeetingPolicies = z.object({
  manage: z.boolean(),
  addAgendaPoint: z.boolean(),
  recordConsent: z.boolean(),
  summary: z.boolean(),
  /** Sending the summary's link to the participants (closed meetings, whoever runs it). */
  shareSummary: z.boolean(),
});

export const ZMeeting = z.object({
  id: z.string(),
  pupil: z.object({ id: z.string(), name: z.string() }),
  school: z.object({ id: z.string(), name: z.string() }),
  kind: z.enum(MEETING_KINDS),
  status: z.enum(MEETING_STATUSES),
  startsAt: z.string(),
  durationMinutes: z.number(),
  location: z.string().nullable(),
  videoUrl: z.string().nullable(),
  organiser: ZPerson,
  consent: z.enum(MEETING_CONSENTS),
  consentNote: z.string().nullable(),
  consentRecordedAt: z.string().nullable(),
  participants: z.array(ZParticipant),
  /** 'logistics': an external participant before the parents' consent sees date, place and who comes. */
  view: z.enum(['logistics', 'full']),
  agenda: z.array(ZAgendaItem),
  notes: z.string().nullable(),
  decisions: z.array(ZMeetingDecision),
  actions: z.array(ZActionItem),
  nextMeetingOn: z.string().nullable(),
  heldAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelledReason: z.string().nullable(),
  summarySharedAt: z.string().nullable(),
  rowVersion: z.number(),
  policies: ZMeetingPolicies,
});
export type TMeeting = z.infer<typeof ZMeeting>;

export const ZMeetingListItem = z.object({
  id: z.string(),
  kind: z.enum(MEETING_KINDS),
  status: z.enum(MEETING_STATUSES),
  startsAt: z.string(),
  consent: z.enum(MEETING_CONSENTS),
  participantCount: z.number(),
  openActions: z.number(),
  nextMeetingOn: z.string().nullable(),
});
export type TMeetingListItem = z.infer<typeof ZMeetingListItem>;

export const ZPupilMeetings = z.object({
  items: z.array(ZMeetingListItem),
  policies: z.object({ schedule: z.boolean() }),
  /** Set when scheduling must name a regievoerder (the child has none yet). */
  needsCaseLead: z.boolean(),
});
export type TPupilMeetings = z.infer<typeof ZPupilMeetings>;

/** People who can be invited: the school's staff, the SWV's consultants, the kernteam, the family with accounts. */
export const ZParticipantCandidate = z.object({
  userId: z.string(),
  name: z.string(),
  kind: z.enum(PARTICIPANT_KINDS),
  organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
  roleLabel: z.string().nullable(),
  /** May be named regievoerder (school IB'er, kernteam member). */
  canLead: z.boolean(),
});
export type TParticipantCandidate = z.infer<typeof ZParticipantCandidate>;
export const ZParticipantCandidates = z.object({ items: z.array(ZParticipantCandidate) });

export const ZShareSummaryResult = z.object({
  sent: z.number(),
  /**
   * Participants the summary was not sent to: consent does not cover them, they have no e-mail, or
   * they are a guest without an account (the link would open nothing for them).
   */
  withheld: z.array(z.object({ name: z.string(), reason: z.enum(['no_consent', 'no_email', 'no_account']) })),
});
export type TShareSummaryResult = z.infer<typeof ZShareSummaryResult>;
