import { describe, expect, it } from 'vitest';
import { buildIcs, icsEscape, icsFold, icsParam, icsUtc, type TIcsEvent } from './ics.js';

const event: TIcsEvent = {
  method: 'REQUEST',
  uid: '6f1c2a52-0000-4000-8000-000000000001@rondom',
  sequence: 2,
  stamp: new Date('2026-11-01T08:00:00.000Z'),
  start: new Date('2026-12-10T14:30:00+01:00'),
  end: new Date('2026-12-10T15:30:00+01:00'),
  summary: 'Overleg over een leerling (MDO)',
  description: 'Meer in Rondom: https://rondom.example/overleg/6f1c2a52',
  location: 'De Regenboog, kamer 2; naast de aula',
  url: 'https://rondom.example/overleg/6f1c2a52',
  organizer: { name: 'Jansen, Petra', email: 'noreply@rondom.example' },
  attendee: { name: 'Anja "CJG" de Vries', email: 'anja@cjg.example' },
};

/** Unfolds (RFC 5545 3.1) and splits into content lines. */
const unfold = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n');

describe('ics', () => {
  it('writes UTC moments', () => {
    expect(icsUtc(new Date('2026-12-10T14:30:00+01:00'))).toBe('20261210T133000Z');
    // summer time: two hours ahead of UTC
    expect(icsUtc(new Date('2026-06-01T09:05:07+02:00'))).toBe('20260601T070507Z');
  });

  it('escapes text values and drops control characters', () => {
    expect(icsEscape('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    expect(icsEscape('bel\u0007')).toBe('bel');
    expect(icsParam('Anja "CJG" de Vries')).toBe('"Anja CJG de Vries"');
  });

  it('folds at 75 octets without splitting a character', () => {
    const long = `DESCRIPTION:${'é'.repeat(100)}`;
    const folded = icsFold(long);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
    for (const p of parts.slice(1)) expect(p.startsWith(' ')).toBe(true);
    // no piece ends inside a two-byte character
    expect(parts.join('').includes('\ufffd')).toBe(false);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    expect(icsFold('SHORT:line')).toBe('SHORT:line');
    expect(icsFold('X'.repeat(75))).toBe('X'.repeat(75));
    expect(icsFold('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
  });

  it('builds a request with CRLF line ends and the fields calendars match on', () => {
    const ics = buildIcs(event);
    expect(ics.endsWith('\r\n')).toBe(true);
    // every line break is CRLF
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const lines = unfold(ics);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('METHOD:REQUEST');
    expect(lines).toContain('UID:6f1c2a52-0000-4000-8000-000000000001@rondom');
    expect(lines).toContain('SEQUENCE:2');
    expect(lines).toContain('DTSTART:20261210T133000Z');
    expect(lines).toContain('DTEND:20261210T143000Z');
    expect(lines).toContain('DTSTAMP:20261101T080000Z');
    expect(lines).toContain('LOCATION:De Regenboog\\, kamer 2\\; naast de aula');
    expect(lines).toContain('ORGANIZER;CN="Jansen, Petra":mailto:noreply@rondom.example');
    expect(lines).toContain('ATTENDEE;CN="Anja CJG de Vries";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:anja@cjg.example');
    expect(lines).toContain('STATUS:CONFIRMED');
    expect(lines.indexOf('BEGIN:VEVENT')).toBeLessThan(lines.indexOf('END:VEVENT'));
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });

  it('cancels with the same UID and STATUS:CANCELLED; no location line when there is none', () => {
    const lines = unfold(buildIcs({ ...event, method: 'CANCEL', sequence: 3, location: null, url: null, attendee: null }));
    expect(lines).toContain('METHOD:CANCEL');
    expect(lines).toContain('STATUS:CANCELLED');
    expect(lines).toContain('SEQUENCE:3');
    expect(lines.some((l) => l.startsWith('LOCATION') || l.startsWith('URL') || l.startsWith('ATTENDEE'))).toBe(false);
  });
});
