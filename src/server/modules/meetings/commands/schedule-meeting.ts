import { sql } from 'drizzle-orm';
import type { TParticipantKind } from '../../../../shared/meeting.js';
import type { TMeetingInput, TParticipantCandidate, TParticipantInput } from '../../../../shared/schemas/meeting.js';
import { meetingAgendaItems, meetingParticipants, meetings } from '../../../db/schema/meeting.js';
import type { TMemberActor } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db.js';
import { fieldError } from '../../../platform/validation.js';
import type { TChildRelation } from '../../../policies/child-file.js';
import { caseLeadCandidates } from '../../case-leads/candidates.js';
import { setCaseLead } from '../../case-leads/commands/set-case-lead.js';
import { dutchDate } from '../../opps/clocks.js';
import { meetingCandidates, participantKindOf, roleLabelOf } from '../candidates.js';
import { meetingProblem } from '../errors.js';

type TParsedInput = Omit<TMeetingInput, 'participants' | 'agenda' | 'durationMinutes'> & {
  participants: TParticipantInput[];
  agenda: string[];
  durationMinutes: number;
};

export interface TParticipantValues {
  kind: TParticipantKind;
  userId: string | null;
  name: string;
  email: string | null;
  organisationId: string | null;
  roleLabel: string | null;
}

/** The organiser as a participant: how they take part follows from the role they act in. */
export const organiserParticipant = (actor: TMemberActor): TParticipantValues => ({
  kind: participantKindOf(actor.membership.role),
  userId: actor.userId,
  name: actor.name,
  email: null,
  organisationId: actor.membership.organisationId,
  roleLabel: roleLabelOf(actor.membership.role, null),
});

/**
 * One invitee: someone with an account must be among the candidates (their kind, name and
 * organisation come from there, not from the client); a guest brings name and e-mail and never
 * gets access.
 */
export function participantValues(p: TParticipantInput, candidates: Map<string, TParticipantCandidate>, prefix = ''): TParticipantValues {
  if (p.userId !== undefined) {
    const c = candidates.get(p.userId);
    if (!c) throw meetingProblem(`${prefix}userId`, 'not_invitable');
    return { kind: c.kind, userId: c.userId, name: c.name, email: null, organisationId: c.organisation?.id ?? null, roleLabel: p.roleLabel ?? c.roleLabel };
  }
  return { kind: p.kind, userId: null, name: p.name!, email: p.email!, organisationId: null, roleLabel: p.roleLabel ?? null };
}

/** Refuses a second row for the same account or the same guest address. */
type TIdentity = Pick<TParticipantValues, 'userId' | 'email'>;
export function sameAs(a: TIdentity, b: TIdentity): boolean {
  return (a.userId !== null && a.userId === b.userId) || (a.email !== null && a.email === b.email);
}

/**
 * Schedules a meeting about the child at the child's current school, the organiser on the list.
 * When the child has no regievoerder yet, the first meeting names one (through setCaseLead, the
 * one way) and puts them at the table. Validates everything before writing. The caller has
 * authorised meetingPolicy.schedule and audits.
 */
export async function scheduleMeeting(
  tx: Tx,
  actor: TMemberActor,
  rel: TChildRelation,
  input: TParsedInput,
  o: { hasCaseLead: boolean },
): Promise<{ meetingId: string; caseLead: { id: string; changed: boolean } | null }> {
  const startsAt = new Date(input.startsAt);
  if (dutchDate(startsAt) < dutchDate()) throw meetingProblem('startsAt', 'in_past');
  const candidates = new Map((await meetingCandidates(tx, rel.pupilId)).map((c) => [c.userId, c]));

  let caseLeadUserId: string | null = null;
  if (!o.hasCaseLead) {
    if (!input.caseLeadUserId) throw fieldError('caseLeadUserId', 'required');
    if (!(await caseLeadCandidates(tx, rel.pupilId)).some((c) => c.userId === input.caseLeadUserId))
      throw fieldError('caseLeadUserId', 'not_a_case_lead_candidate');
    caseLeadUserId = input.caseLeadUserId;
  }

  const rows: TParticipantValues[] = [organiserParticipant(actor)];
  input.participants.forEach((p, i) => {
    const v = participantValues(p, candidates, `participants.${i}.`);
    // naming yourself again is harmless: the organiser is on the list already
    if (v.userId === actor.userId) return;
    if (rows.some((r) => sameAs(r, v))) throw meetingProblem(`participants.${i}.${v.userId ? 'userId' : 'email'}`, 'already_invited');
    rows.push(v);
  });
  const lead = caseLeadUserId ? candidates.get(caseLeadUserId) : undefined;
  if (lead && !rows.some((r) => r.userId === lead.userId)) {
    rows.push({ kind: lead.kind, userId: lead.userId, name: lead.name, email: null, organisationId: lead.organisation?.id ?? null, roleLabel: lead.roleLabel });
  }

  const regionId = actor.membership.regionId;
  const [m] = await tx
    .insert(meetings)
    .values({
      regionId,
      pupilId: rel.pupilId,
      schoolId: rel.schoolId,
      kind: input.kind,
      startsAt,
      durationMinutes: input.durationMinutes,
      location: input.location ?? null,
      videoUrl: input.videoUrl ?? null,
      organiserId: actor.userId,
      createdBy: actor.userId,
    })
    .returning({ id: meetings.id });
  const meetingId = m!.id;
  await tx.insert(meetingParticipants).values(rows.map((r) => ({ regionId, meetingId, pupilId: rel.pupilId, addedBy: actor.userId, ...r })));
  if (input.agenda.length) {
    await tx.insert(meetingAgendaItems).values(
      // one statement, one now(): a microsecond apart keeps the order they were typed in
      input.agenda.map((text, i) => ({
        regionId, meetingId, pupilId: rel.pupilId, text, addedBy: actor.userId, addedByRole: actor.membership.role,
        createdAt: sql`now() + make_interval(secs => ${i / 1_000_000})`,
      })),
    );
  }
  const caseLead = caseLeadUserId ? await setCaseLead(tx, { userId: actor.userId, regionId }, rel.pupilId, { userId: caseLeadUserId }) : null;
  return { meetingId, caseLead };
}
