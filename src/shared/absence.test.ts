import { describe, expect, it } from 'vitest';
import {
  addPeriod,
  caseFlags,
  countingSince,
  daysWithoutEducation,
  DEFAULT_ABSENCE_SETTINGS,
  dueSteps,
  isThuiszitter,
  suppress,
  suppressRows,
  type TCaseFacts,
  type TEpisodeFacts,
} from './absence.js';

const def = DEFAULT_ABSENCE_SETTINGS.thuiszitter;
const ep = (kind: TEpisodeFacts['kind'], startedOn: string, endedOn: string | null = null): TEpisodeFacts => ({ kind, startedOn, endedOn });
const openCase = (over: Partial<TCaseFacts> = {}): TCaseFacts => ({
  openedOn: '2026-09-01',
  closedOn: null,
  ownerUserId: null,
  plan: null,
  nextDate: null,
  offerFrom: null,
  ...over,
});

describe('the thuiszitter definition', () => {
  it('counts from the earliest open counted episode', () => {
    const eps = [ep('sick_partly', '2026-09-10'), ep('long_relative', '2026-09-01')];
    expect(countingSince(eps, def, '2026-10-01')).toBe('2026-09-01');
  });

  it('makes a child a thuiszitter on day 28, not on day 27', () => {
    const since = countingSince([ep('long_relative', '2026-09-01')], def, '2026-09-28');
    expect(isThuiszitter(since, def, '2026-09-28')).toBe(false);
    expect(isThuiszitter(since, def, '2026-09-29')).toBe(true);
  });

  it('does not count a child who is fully sick, or whose episode ended', () => {
    expect(countingSince([ep('sick', '2026-01-01')], def, '2026-10-01')).toBeNull();
    expect(countingSince([ep('long_relative', '2026-01-01', '2026-03-01')], def, '2026-10-01')).toBeNull();
  });

  it('counts a sick child who could attend part of the time', () => {
    expect(isThuiszitter(countingSince([ep('sick_partly', '2026-08-01')], def, '2026-10-01'), def, '2026-10-01')).toBe(true);
  });

  it('stops counting while an exemption runs', () => {
    const eps = [ep('absolute', '2026-05-01'), ep('exemption_5a', '2026-09-01')];
    expect(countingSince(eps, def, '2026-10-01')).toBeNull();
    expect(countingSince(eps, def, '2026-08-31')).toBe('2026-05-01');
  });

  it('follows the region: 16-hour absence counts where the region says it does', () => {
    const strict = { minDays: 10, countedKinds: ['unauthorised' as const] };
    const since = countingSince([ep('unauthorised', '2026-09-01')], strict, '2026-09-20');
    expect(since).toBe('2026-09-01');
    expect(isThuiszitter(since, strict, '2026-09-20')).toBe(true);
    expect(countingSince([ep('unauthorised', '2026-09-01')], def, '2026-09-20')).toBeNull();
  });

  it('stops the day counter when an education offer starts', () => {
    expect(daysWithoutEducation('2026-09-01', '2026-10-01', null)).toBe(30);
    expect(daysWithoutEducation('2026-09-01', '2026-10-01', '2026-09-15')).toBe(14);
    expect(daysWithoutEducation('2026-09-01', '2026-10-01', '2026-12-01')).toBe(30);
    expect(daysWithoutEducation(null, '2026-10-01', null)).toBe(0);
  });
});

describe('the escalation ladder', () => {
  const ladder = DEFAULT_ABSENCE_SETTINGS.ladder;

  it('calls in the coordinator two weeks after opening when there is no plan', () => {
    expect(dueSteps(ladder, openCase(), '2026-09-01', '2026-09-14')).toEqual([]);
    expect(dueSteps(ladder, openCase(), '2026-09-01', '2026-09-15').map((d) => [d.step.key, d.dueOn])).toEqual([['no_plan', '2026-09-15']]);
    expect(dueSteps(ladder, openCase({ plan: 'Gesprek met ouders' }), '2026-09-01', '2026-09-20')).toEqual([]);
  });

  it('starts the breakthrough approach three months out of education without an offer', () => {
    const c = openCase({ plan: 'plan', openedOn: '2026-09-10' });
    expect(dueSteps(ladder, c, '2026-08-31', '2026-11-29')).toEqual([]);
    expect(dueSteps(ladder, c, '2026-08-31', '2026-11-30').map((d) => [d.step.key, d.dueOn])).toEqual([['no_offer', '2026-11-30']]);
    expect(dueSteps(ladder, { ...c, offerFrom: '2026-11-01' }, '2026-08-31', '2026-12-31')).toEqual([]);
  });

  it('escalates nothing on a closed case', () => {
    expect(dueSteps(ladder, openCase({ closedOn: '2026-09-05' }), '2026-09-01', '2027-09-01')).toEqual([]);
  });

  it('adds months as people count them', () => {
    expect(addPeriod('2026-01-31', 1, 'months')).toBe('2026-02-28');
    expect(addPeriod('2026-11-30', 3, 'months')).toBe('2027-02-28');
    expect(addPeriod('2026-12-15', 2, 'weeks')).toBe('2026-12-29');
  });
});

describe('what needs attention', () => {
  it('flags a case without owner and with a next date in the past, not the day itself', () => {
    expect(caseFlags(openCase({ nextDate: '2026-10-01' }), '2026-10-02')).toEqual(['no_owner', 'next_date_passed', 'no_plan']);
    expect(caseFlags(openCase({ ownerUserId: 'u', plan: 'p', nextDate: '2026-10-01' }), '2026-10-01')).toEqual([]);
    expect(caseFlags(openCase({ closedOn: '2026-10-01' }), '2026-12-01')).toEqual([]);
  });

  it('shows small counts as "< 5"', () => {
    expect([0, 4, 5, 12].map(suppress)).toEqual(['<5', '<5', 5, 12]);
  });

  it('hides a second row where one hidden row could be worked out from the total', () => {
    expect(suppressRows([12, 3, 7, 9])).toEqual([12, '<5', '<5', 9]);
    expect(suppressRows([12, 3, 2, 9])).toEqual([12, '<5', '<5', 9]);
    expect(suppressRows([12, 9])).toEqual([12, 9]);
    expect(suppressRows([3])).toEqual(['<5']);
  });
});
