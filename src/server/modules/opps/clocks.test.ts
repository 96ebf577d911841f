import { describe, expect, it } from 'vitest';
import { addDays, addYears, dutchDate, evaluationDueOn, followUpDueOn, isOverdue, oppDueOn } from './clocks.js';

describe('OPP due dates', () => {
  it('an OPP is due six weeks after extra support starts, or after enrolment when that is later', () => {
    expect(oppDueOn('2026-01-05', '2026-02-02')).toBe('2026-03-16');
    expect(oppDueOn('2026-02-02', '2026-01-05')).toBe('2026-03-16');
    // across the turn of the year
    expect(oppDueOn('2025-08-20', '2025-12-01')).toBe('2026-01-12');
    // through a leap February
    expect(oppDueOn('2024-01-30', '2024-01-30')).toBe('2024-03-12');
    expect(oppDueOn('2025-01-30', '2025-01-30')).toBe('2025-03-13');
  });

  it('an evaluation is due a year after the later of adoption and the last evaluation', () => {
    expect(evaluationDueOn('2025-09-15', null)).toBe('2026-09-15');
    expect(evaluationDueOn('2025-09-15', '2026-03-01')).toBe('2027-03-01');
    // an evaluation of an earlier version does not move the new version's clock back
    expect(evaluationDueOn('2026-03-01', '2025-09-15')).toBe('2027-03-01');
    // adopted on a leap day: due on 28 February, like PostgreSQL's date + interval '1 year'
    expect(evaluationDueOn('2024-02-29', null)).toBe('2025-02-28');
    expect(addYears('2027-02-28', 1)).toBe('2028-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
  });

  it('the conversation after a disagreement is due within two weeks, across the year boundary', () => {
    expect(followUpDueOn('2025-12-24')).toBe('2026-01-07');
    expect(followUpDueOn('2024-02-20')).toBe('2024-03-05');
  });

  it('counts days on the calendar, not in hours: a daylight saving change does not shift the date', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
  });

  it('is overdue the day after the due date, not on it', () => {
    expect(isOverdue('2026-03-16', '2026-03-16')).toBe(false);
    expect(isOverdue('2026-03-16', '2026-03-17')).toBe(true);
  });

  it('takes "today" in the Netherlands: 23:30 UTC on New Year’s Eve is already the new year', () => {
    expect(dutchDate(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    expect(dutchDate(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(dutchDate(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });
});
