import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { TMeetingKind } from '../../../shared/meeting.js';
import { query, type Tx } from '../../platform/db.js';
import type { Mailer, TMail } from '../../platform/mail.js';
import { t, type TLocale } from '../../platform/i18n.js';
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

const kindText = (lang: TLocale, kind: TMeetingKind) => t(lang, `meetings.mail.kind.${kind}`);
/** The calendar item's title: never the child's name. */
export const meetingTitle = (kind: TMeetingKind) => t('nl', 'meetings.mail.title', { kind: kindText('nl', kind) });

const fmt = (locale: string, o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Amsterdam', ...o });
const DAY = { nl: fmt('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }), en: fmt('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }) };
const TIME = fmt('nl-NL', { hour: '2-digit', minute: '2-digit' });

export const endOf = (m: TMeetingRow) => new Date(m.startsAt.getTime() + m.durationMinutes * 60_000);
/** "donderdag 10 december 2026, 14:30–15:30" (Dutch time). */
export const whenText = (m: TMeetingRow, lang: 'nl' | 'en') => `${DAY[lang].format(m.startsAt)}, ${TIME.format(m.startsAt)}–${TIME.format(endOf(m))}`;

/**
 * The mail's words in one language. A guest has no language on file, so every mail carries Dutch
 * first and English after it.
 */
function mailBlock(lang: TLocale, reason: TMailReason, m: TMeetingRow, name: string | null, link: string): string[] {
  const kind = kindText(lang, m.kind);
  const withTime = reason !== 'summary';
  return [
    ...(name ? [t(lang, 'meetings.mail.greeting', { name }), ''] : []),
    t(lang, `meetings.mail.lead.${reason}`, { kind }),
    ...(withTime
      ? [
          '',
          t(lang, 'meetings.mail.when', { when: whenText(m, lang) }),
          ...(m.location ? [t(lang, 'meetings.mail.where', { place: m.location })] : []),
          ...(m.videoUrl ? [t(lang, 'meetings.mail.online', { url: m.videoUrl })] : []),
        ]
      : []),
    '',
    withTime ? t(lang, 'meetings.mail.more', { link }) : link,
    ...(lang === 'nl' && (reason === 'invite' || reason === 'update') ? [t(lang, 'meetings.mail.attached')] : []),
  ];
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
  const text = [...mailBlock('nl', reason, m, to.name, link), '', '---', ...mailBlock('en', reason, m, null, link)].join('\n');
  const mail: TMail = { to: to.email, subject: t('nl', `meetings.mail.subject.${reason}`, { kind: kindText('nl', m.kind) }), text };
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
    description: t('nl', 'meetings.mail.icsDescription', { kind: kindText('nl', m.kind), link }),
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
