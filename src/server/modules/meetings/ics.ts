/**
 * iCalendar (RFC 5545) for meeting invitations, pure: one VEVENT per message, METHOD REQUEST for
 * a new or changed meeting and CANCEL when it is called off or someone is taken off the list
 * (RFC 5546). Calendars match updates on UID and keep the one with the highest SEQUENCE.
 */

export interface TIcsPerson {
  name: string;
  email: string;
}

export interface TIcsEvent {
  method: 'REQUEST' | 'CANCEL';
  uid: string;
  sequence: number;
  /** When this message was made (DTSTAMP). */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  location: string | null;
  url: string | null;
  organizer: TIcsPerson;
  /** The one recipient: other participants' addresses are not spread to everyone. */
  attendee: TIcsPerson | null;
}

const CRLF = '\r\n';

/** A moment in UTC, "20261210T133000Z". */
export function icsUtc(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma, and newlines as \n. */
export function icsEscape(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/** A parameter value (CN=…): quoted, and a quote cannot occur inside one, so it goes. */
export function icsParam(value: string): string {
  return `"${value.replace(/["\u0000-\u001f\u007f]/g, '')}"`;
}

/**
 * Folds a content line at 75 octets (RFC 5545 3.1): CRLF and one space before each piece after
 * the first, never inside a UTF-8 character.
 */
export function icsFold(line: string): string {
  const pieces: string[] = [];
  let piece = '';
  let octets = 0;
  // the continuation's leading space counts towards its 75 octets
  let limit = 75;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > limit) {
      pieces.push(piece);
      piece = '';
      octets = 0;
      limit = 74;
    }
    piece += ch;
    octets += size;
  }
  pieces.push(piece);
  return pieces.join(`${CRLF} `);
}

const mailto = (p: TIcsPerson) => `mailto:${p.email}`;

export function buildIcs(e: TIcsEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Rondom//Overleg//NL',
    'CALSCALE:GREGORIAN',
    `METHOD:${e.method}`,
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${icsUtc(e.stamp)}`,
    `DTSTART:${icsUtc(e.start)}`,
    `DTEND:${icsUtc(e.end)}`,
    `SUMMARY:${icsEscape(e.summary)}`,
    `DESCRIPTION:${icsEscape(e.description)}`,
    ...(e.location ? [`LOCATION:${icsEscape(e.location)}`] : []),
    ...(e.url ? [`URL:${e.url}`] : []),
    `ORGANIZER;CN=${icsParam(e.organizer.name)}:${mailto(e.organizer)}`,
    ...(e.attendee ? [`ATTENDEE;CN=${icsParam(e.attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:${mailto(e.attendee)}`] : []),
    `STATUS:${e.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(icsFold).join(CRLF) + CRLF;
}
