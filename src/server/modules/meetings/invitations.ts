import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { TMeetingKind } from '../../../shared/meeting.js';
import { query, type Tx } from '../../platform/db.js';
import type { Mailer, TMail } from '../../platform/mail.js';
import { buildIcs } from './ics.js';
import { participantEmail, type TMeetingRow, type TParticipantRow } from './queries.js';

/**
 * Mails about a meeting. None names the child, the school's records or anything said: the
 * subject and text say "een leerling" and link to Rondom, where access is checked. Invitations
 * carry an .ics (METHOD:REQUEST, or CANCEL when called off or taken off the list); the summary
 * mail carries only the link. Mails go out after the transaction commits.
 */

export type TMailReason = 'invite' | 'update' | 'cancel' | 'removed' | 'summary';

export interface TOutgoing {
  participantId: string;
  /** Whether this mail counts as the participant's invitation (invited_at). */
  invites: boolean;
  mail: TMail;
}

export interface TRecipient {
  participantId: string;
  name: string;
  email: string;
}

/** Participants an e-mail can reach (a guest's own address, else the account's). */
export function recipientsOf(participants: TParticipantRow[], only?: (p: TParticipantRow) => boolean): TRecipient[] {
  return participants
    .filter((p) => (only ? only(p) : true))
    .flatMap((p) => {
      const email = participantEmail(p);
      return email ? [{ participantId: p.id, name: p.name, email }] : [];
    });
}

const KIND: Record<TMeetingKind, { nl: string; en: string }> = {
  mdo: { nl: 'MDO', en: 'MDO, multidisciplinary meeting' },
  ot: { nl: 'ondersteuningsteam', en: 'support team' },
};
export const meetingTitle = (kind: TMeetingKind) => `Overleg over een leerling (${KIND[kind].nl})`;

const fmt = (locale: string, o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Amsterdam', ...o });
const DAY = { nl: fmt('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }), en: fmt('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }) };
const TIME = fmt('nl-NL', { hour: '2-digit', minute: '2-digit' });

export const endOf = (m: TMeetingRow) => new Date(m.startsAt.getTime() + m.durationMinutes * 60_000);
/** "donderdag 10 december 2026, 14:30–15:30" (Dutch time). */
export const whenText = (m: TMeetingRow, lang: 'nl' | 'en') => `${DAY[lang].format(m.startsAt)}, ${TIME.format(m.startsAt)}–${TIME.format(endOf(m))}`;

const SUBJECT: Record<TMailReason, { nl: string; en: string }> = {
  invite: { nl: 'Uitnodiging', en: 'Invitation' },
  update: { nl: 'Gewijzigd', en: 'Changed' },
  cancel: { nl: 'Afgezegd', en: 'Cancelled' },
  removed: { nl: 'Afgemeld', en: 'Removed from the list' },
  summary: { nl: 'Samenvatting', en: 'Summary' },
};

function lead(reason: TMailReason, kind: TMeetingKind): { nl: string; en: string } {
  const k = KIND[kind];
  switch (reason) {
    case 'invite':
      return { nl: `U bent uitgenodigd voor een overleg over een leerling (${k.nl}).`, en: `You are invited to a meeting about a pupil (${k.en}).` };
    case 'update':
      return { nl: `Het overleg over een leerling (${k.nl}) is gewijzigd. Kijk goed naar de nieuwe tijd en plaats.`, en: `The meeting about a pupil (${k.en}) has changed. Please check the new time and place.` };
    case 'cancel':
      return { nl: `Het overleg over een leerling (${k.nl}) gaat niet door.`, en: `The meeting about a pupil (${k.en}) has been cancelled.` };
    case 'removed':
      return { nl: `U staat niet meer op de lijst voor het overleg over een leerling (${k.nl}). U hoeft niet te komen.`, en: `You are no longer on the list for the meeting about a pupil (${k.en}). You do not need to come.` };
    case 'summary':
      return {
        nl: `De samenvatting van het overleg over een leerling (${k.nl}) staat klaar in Rondom. Meld u aan om hem te lezen.`,
        en: `The summary of the meeting about a pupil (${k.en}) is ready in Rondom. Sign in to read it.`,
      };
  }
}

/** One mail to one participant; `sequence` is the meeting's ics_sequence after this change. */
export function meetingMail(o: {
  m: TMeetingRow;
  reason: TMailReason;
  to: TRecipient;
  organiserName: string;
  publicUrl: string;
  now?: Date;
}): TMail {
  const { m, reason, to } = o;
  const link = `${o.publicUrl}/overleg/${m.id}`;
  const l = lead(reason, m.kind);
  const withTime = reason !== 'summary';
  const place = [m.location ? `Waar: ${m.location}` : null, m.videoUrl ? `Online: ${m.videoUrl}` : null].filter((x): x is string => !!x);
  const placeEn = [m.location ? `Where: ${m.location}` : null, m.videoUrl ? `Online: ${m.videoUrl}` : null].filter((x): x is string => !!x);
  const text = [
    `Beste ${to.name},`,
    '',
    l.nl,
    ...(withTime ? ['', `Wanneer: ${whenText(m, 'nl')}`, ...place] : []),
    '',
    withTime ? `Heeft u een account in Rondom? Dan leest u hier meer: ${link}` : link,
    ...(reason === 'invite' || reason === 'update' ? ['De afspraak voor uw agenda zit als bijlage bij deze e-mail.'] : []),
    '',
    '---',
    l.en,
    ...(withTime ? ['', `When: ${whenText(m, 'en')}`, ...placeEn] : []),
    '',
    withTime ? `Do you have an account in Rondom? Read more here: ${link}` : link,
  ].join('\n');
  const mail: TMail = { to: to.email, subject: `${SUBJECT[reason].nl}: overleg over een leerling (${KIND[m.kind].nl})`, text };
  if (reason === 'summary') return mail;
  const method = reason === 'cancel' || reason === 'removed' ? 'CANCEL' : 'REQUEST';
  const ics = buildIcs({
    method,
    uid: `${m.id}@rondom`,
    sequence: m.icsSequence,
    stamp: o.now ?? new Date(),
    start: m.startsAt,
    end: endOf(m),
    summary: meetingTitle(m.kind),
    description: `${meetingTitle(m.kind)}. Meer in Rondom: ${link}`,
    location: [m.location, m.videoUrl].filter(Boolean).join(' — ') || null,
    url: link,
    // replies go nowhere personal: staff addresses are not handed to parents and guests
    organizer: { name: o.organiserName, email: `noreply@${new URL(o.publicUrl).hostname}` },
    attendee: { name: to.name, email: to.email },
  });
  mail.attachments = [{ filename: 'overleg.ics', content: ics, contentType: `text/calendar; charset=utf-8; method=${method}` }];
  return mail;
}

export function plannedMails(
  m: TMeetingRow,
  reason: TMailReason,
  recipients: TRecipient[],
  o: { organiserName: string; publicUrl: string },
): TOutgoing[] {
  const now = new Date();
  return recipients.map((to) => ({
    participantId: to.participantId,
    invites: reason === 'invite' || reason === 'update',
    mail: meetingMail({ m, reason, to, now, ...o }),
  }));
}

/** Marks the invitations as sent, in the request's transaction; `undoInvited` clears those that then failed. */
export async function markInvited(tx: Tx, mails: TOutgoing[]): Promise<void> {
  const ids = mails.filter((x) => x.invites).map((x) => x.participantId);
  if (ids.length) await query(tx, sql`update meeting_participants set invited_at = now() where id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`);
}

export async function undoInvited(tx: Tx, participantIds: string[]): Promise<void> {
  if (participantIds.length)
    await query(tx, sql`update meeting_participants set invited_at = null where id in (${sql.join(participantIds.map((i) => sql`${i}`), sql`, `)})`);
}

/**
 * Sends after commit; a failed mail does not undo the change (the meeting stands). It is logged
 * without addresses and returned, so the caller can clear invited_at or count what went out.
 */
export async function deliver(mailer: Mailer, mails: TOutgoing[], log: FastifyBaseLogger, meetingId: string): Promise<TOutgoing[]> {
  const failed: TOutgoing[] = [];
  for (const x of mails) {
    try {
      await mailer.send(x.mail);
    } catch (err) {
      log.error({ meetingId, participantId: x.participantId, code: (err as { code?: string }).code }, 'meeting mail failed');
      failed.push(x);
    }
  }
  return failed;
}
