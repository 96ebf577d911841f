import { describe, expect, it } from 'vitest';
import {
  formatMeetingStart,
  formatMeetingTime,
  groupCandidates,
  ownerOptions,
  participantsBody,
  sortMeetings,
  splitStartsAt,
  type TParticipant,
  type TParticipantCandidate,
  toStartsAt,
} from './data.js';

describe('meeting times on the Dutch clock, whatever the browser’s zone', () => {
  it.each([
    ['2026-12-10', '14:30', '2026-12-10T13:30:00.000Z'], // winter time, UTC+1
    ['2026-06-10', '14:30', '2026-06-10T12:30:00.000Z'], // summer time, UTC+2
    ['2026-03-29', '03:30', '2026-03-29T01:30:00.000Z'], // just after the clocks went forward
    ['2026-10-25', '12:00', '2026-10-25T11:00:00.000Z'], // the day the clocks went back
    ['2027-01-01', '00:00', '2026-12-31T23:00:00.000Z'], // midnight on the first of the year
  ])('%s %s is %s', (date, time, iso) => {
    expect(toStartsAt(date, time)).toBe(iso);
    expect(splitStartsAt(iso)).toEqual({ date, time });
  });

  it('moves a time in the skipped spring hour forward, as a phone does', () => {
    expect(toStartsAt('2026-03-29', '02:30')).toBe('2026-03-29T01:30:00.000Z');
  });

  it.each([
    ['2026-02-30', '10:00'],
    ['2026-13-01', '10:00'],
    ['2026-12-10', '24:00'],
    ['2026-12-10', '9:30'],
    ['', '10:00'],
    ['2026-12-10', ''],
  ])('%j %j is no moment', (date, time) => {
    expect(toStartsAt(date, time)).toBeNull();
  });

  it('says the day, the date and the times in words', () => {
    expect(formatMeetingTime('2026-12-10T13:30:00.000Z', 60, 'nl')).toBe('donderdag 10 december 2026, 14:30–15:30');
    expect(formatMeetingTime('2026-06-10T12:30:00.000Z', 90, 'en')).toBe('Wednesday 10 June 2026, 14:30–16:00');
    expect(formatMeetingStart('2026-12-10T13:30:00.000Z', 'nl')).toBe('donderdag 10 december 2026 om 14:30');
    expect(formatMeetingStart('2026-12-10T13:30:00.000Z', 'en')).toBe('Thursday 10 December 2026 at 14:30');
  });
});

describe('lists', () => {
  it('puts the next planned meeting on top, then the rest newest first', () => {
    const now = new Date('2026-11-01T10:00:00Z');
    const items = [
      { id: 'past', status: 'closed', startsAt: '2026-09-01T10:00:00Z' },
      { id: 'later', status: 'scheduled', startsAt: '2027-01-10T10:00:00Z' },
      { id: 'off', status: 'cancelled', startsAt: '2026-12-01T10:00:00Z' },
      { id: 'next', status: 'scheduled', startsAt: '2026-11-20T10:00:00Z' },
      { id: 'recent', status: 'held', startsAt: '2026-10-15T10:00:00Z' },
    ] as const;
    expect(sortMeetings(items, now).map((m) => m.id)).toEqual(['next', 'later', 'off', 'recent', 'past']);
  });

  const candidate = (over: Partial<TParticipantCandidate>): TParticipantCandidate => ({
    userId: 'u',
    name: 'X',
    kind: 'school',
    organisation: null,
    roleLabel: null,
    canLead: false,
    ...over,
  });

  it('groups candidates as school, SWV, kernteam, family, each by name', () => {
    const groups = groupCandidates([
      candidate({ userId: '1', name: 'Zoë', kind: 'school' }),
      candidate({ userId: '2', name: 'Moeder', kind: 'parent' }),
      candidate({ userId: '3', name: 'Coach', kind: 'care_partner' }),
      candidate({ userId: '4', name: 'Anja', kind: 'school' }),
      candidate({ userId: '5', name: 'Consulent', kind: 'swv' }),
      candidate({ userId: '6', name: 'Leerling', kind: 'pupil' }),
    ]);
    expect(groups.map((g) => [g.group, g.items.map((c) => c.name)])).toEqual([
      ['school', ['Anja', 'Zoë']],
      ['swv', ['Consulent']],
      ['kernteam', ['Coach']],
      ['family', ['Leerling', 'Moeder']],
    ]);
    expect(groupCandidates([])).toEqual([]);
  });

  it('offers actions to participants with an account, each once, with where they are from', () => {
    const p = (over: Partial<TParticipant>): TParticipant => ({
      id: 'p',
      kind: 'school',
      name: 'X',
      email: null,
      userId: null,
      organisation: null,
      roleLabel: null,
      attended: null,
      seesAll: true,
      invitedAt: null,
      ...over,
    });
    expect(
      ownerOptions([
        p({ id: 'a', userId: 'u1', name: 'Anja', roleLabel: 'Intern begeleider', organisation: { id: 's', name: 'De Regenboog' } }),
        p({ id: 'b', userId: null, name: 'Gast' }),
        p({ id: 'c', userId: 'u1', name: 'Anja' }),
        p({ id: 'd', userId: 'u2', name: 'Moeder' }),
      ]),
    ).toEqual([
      { value: 'u1', label: 'Anja (Intern begeleider, De Regenboog)' },
      { value: 'u2', label: 'Moeder' },
    ]);
  });

  it('sends the ticked people with their kind, then the guests, trimmed', () => {
    const people = [candidate({ userId: 'a', kind: 'care_partner' }), candidate({ userId: 'b', kind: 'parent' })];
    expect(
      participantsBody(['b', 'gone', 'a'], people, [
        { name: ' Oma ', email: ' oma@example.nl ', kind: 'other', roleLabel: ' ' },
        { name: '', email: '', kind: 'other', roleLabel: '' },
      ]),
    ).toEqual([
      { kind: 'parent', userId: 'b' },
      { kind: 'care_partner', userId: 'a' },
      { kind: 'other', name: 'Oma', email: 'oma@example.nl', roleLabel: null },
    ]);
  });
});
