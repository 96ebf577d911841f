import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TMeeting } from '../../../shared/schemas/meeting.js';
import { inTenant, type TMemberActor, type TRequestScope } from '../../platform/context.js';
import type { Tx } from '../../platform/db.js';
import type { TAuditEvent } from '../../platform/audit.js';
import { deliver, type TOutgoing, undoInvited } from './invitations.js';
import { presentMeeting } from './presenter.js';
import { loadMeeting, loadMeetingDetail, type TMeetingRow } from './queries.js';

/** The meeting as it is now, as the actor sees it (after a write: status and policies changed). */
export async function answer(tx: Tx, actor: TMemberActor, id: string): Promise<TMeeting> {
  const l = await loadMeeting(tx, actor, id);
  return presentMeeting(actor, l, l.m, await loadMeetingDetail(tx, l.m));
}

export const audited = (action: string, m: Pick<TMeetingRow, 'id' | 'pupilId'>, details?: Record<string, unknown>): TAuditEvent => ({
  action,
  subjectType: 'meeting',
  subjectId: m.id,
  pupilId: m.pupilId,
  details,
});

/**
 * Runs the write in the request's tenant transaction, then sends its mails once it committed (a
 * mail never announces a change that was rolled back). Invitations that could not be sent lose
 * their invited_at again, in the answer too.
 */
export async function writeThenMail<T extends { participants?: TMeeting['participants'] }>(
  app: FastifyInstance,
  req: FastifyRequest,
  actor: TMemberActor,
  work: (scope: TRequestScope) => Promise<{ out: T; mails: TOutgoing[]; meetingId: string }>,
): Promise<T> {
  const { database, mailer } = app.ctx;
  const { out, mails, meetingId } = await inTenant(database.db, actor, work);
  if (!mails.length) return out;
  const failed = (await deliver(mailer, mails, req.log, meetingId)).filter((x) => x.invites).map((x) => x.participantId);
  if (failed.length) {
    await inTenant(database.db, actor, ({ tx }) => undoInvited(tx, failed));
    for (const p of out.participants ?? []) if (failed.includes(p.id)) p.invitedAt = null;
  }
  return out;
}
