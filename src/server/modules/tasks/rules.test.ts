import { describe, expect, it } from 'vitest';
import { taskPath } from '../../../shared/tasks.js';
import {
  adviceWaitingOn,
  arrangementEvaluationOn,
  consentExpiringOn,
  meetingReportOn,
  nextArrangementEvaluation,
  requestWaitingOn,
  signalTriggerOn,
} from './rules.js';

describe('arrangement evaluations', () => {
  const dates = ['2026-07-15', '2026-10-01', '2027-03-01'];
  it('the next one is the first planned date after the last one held', () => {
    expect(nextArrangementEvaluation(dates, null)).toBe('2026-07-15');
    expect(nextArrangementEvaluation(dates, '2026-07-20')).toBe('2026-10-01');
    // held a week early: that counts for the date it was planned for
    expect(nextArrangementEvaluation(dates, '2026-09-24')).toBe('2027-03-01');
    expect(nextArrangementEvaluation(dates, '2027-03-01')).toBeNull();
    expect(nextArrangementEvaluation([], null)).toBeNull();
  });

  it('shows two weeks ahead, across the end of the school year, and is late the day after', () => {
    const a = { status: 'active', evaluationDates: dates, lastHeldOn: null };
    expect(arrangementEvaluationOn(a, '2026-06-30')).toBeNull();
    expect(arrangementEvaluationOn(a, '2026-07-01')).toEqual({ dueOn: '2026-07-15', overdue: false });
    expect(arrangementEvaluationOn(a, '2026-07-15')).toEqual({ dueOn: '2026-07-15', overdue: false });
    // the summer holiday does not stop the clock: 1 August, a new school year, still late
    expect(arrangementEvaluationOn(a, '2026-08-01')).toEqual({ dueOn: '2026-07-15', overdue: true });
    expect(arrangementEvaluationOn({ ...a, status: 'ended' }, '2026-08-01')).toBeNull();
  });
});

describe('requests and advices waiting', () => {
  it('a request waits two weeks after its last step, an advice three weeks after the expert was asked', () => {
    expect(requestWaitingOn('2026-07-24', '2026-08-07')).toEqual({ dueOn: '2026-08-07', overdue: false });
    expect(requestWaitingOn('2026-07-24', '2026-08-08')).toEqual({ dueOn: '2026-08-07', overdue: true });
    expect(adviceWaitingOn('2026-12-20', '2027-01-10')).toEqual({ dueOn: '2027-01-10', overdue: false });
    expect(adviceWaitingOn('2024-02-15', '2024-03-08')).toEqual({ dueOn: '2024-03-07', overdue: true });
  });
});

describe('meeting notes', () => {
  it('are due a week after a held meeting; a meeting left "scheduled" counts from two days after', () => {
    expect(meetingReportOn({ status: 'held', day: '2026-07-30' }, '2026-07-30')).toEqual({ dueOn: '2026-08-06', overdue: false });
    expect(meetingReportOn({ status: 'held', day: '2026-07-30' }, '2026-08-07')).toEqual({ dueOn: '2026-08-06', overdue: true });
    expect(meetingReportOn({ status: 'scheduled', day: '2026-07-30' }, '2026-07-31')).toBeNull();
    expect(meetingReportOn({ status: 'scheduled', day: '2026-07-30' }, '2026-08-01')).toEqual({ dueOn: '2026-08-06', overdue: false });
    expect(meetingReportOn({ status: 'closed', day: '2026-07-30' }, '2026-09-01')).toBeNull();
    expect(meetingReportOn({ status: 'cancelled', day: '2026-07-30' }, '2026-09-01')).toBeNull();
  });
});

describe('consents ending', () => {
  const c = { validFrom: '2025-08-01', validUntil: '2026-07-31', withdrawn: false, replaced: false };
  it('show from thirty days before the last valid day, and go when it has ended, is withdrawn or renewed', () => {
    expect(consentExpiringOn(c, '2026-06-30')).toBeNull();
    expect(consentExpiringOn(c, '2026-07-01')).toEqual({ dueOn: '2026-07-31', overdue: false });
    expect(consentExpiringOn(c, '2026-07-31')).toEqual({ dueOn: '2026-07-31', overdue: false });
    expect(consentExpiringOn(c, '2026-08-01')).toBeNull();
    expect(consentExpiringOn({ ...c, withdrawn: true }, '2026-07-15')).toBeNull();
    expect(consentExpiringOn({ ...c, replaced: true }, '2026-07-15')).toBeNull();
    expect(consentExpiringOn({ ...c, validUntil: null }, '2026-07-15')).toBeNull();
  });
});

describe('signaleringsplan triggers', () => {
  it('give a task from the trigger day while the plan waits', () => {
    expect(signalTriggerOn({ status: 'waiting', triggerOn: '2026-08-01' }, '2026-07-31')).toBeNull();
    expect(signalTriggerOn({ status: 'waiting', triggerOn: '2026-08-01' }, '2026-08-01')).toEqual({ dueOn: '2026-08-01', overdue: false });
    expect(signalTriggerOn({ status: 'waiting', triggerOn: '2026-08-01' }, '2026-08-02')).toEqual({ dueOn: '2026-08-01', overdue: true });
    expect(signalTriggerOn({ status: 'activated', triggerOn: '2026-08-01' }, '2026-08-02')).toBeNull();
    expect(signalTriggerOn({ status: 'waiting', triggerOn: null }, '2026-08-02')).toBeNull();
  });
});

describe('where a task is done', () => {
  const ids = { pupilId: 'p', oppId: null, requestId: null, arrangementId: null, meetingId: null };
  it('links each kind to its page', () => {
    expect(taskPath({ ...ids, kind: 'opp_due' })).toBe('/leerlingen/p/opp');
    expect(taskPath({ ...ids, kind: 'opp_evaluation_due', oppId: 'o' })).toBe('/leerlingen/p/opp/o');
    expect(taskPath({ ...ids, kind: 'arrangement_evaluation', arrangementId: 'a' })).toBe('/arrangementen/a');
    expect(taskPath({ ...ids, kind: 'tlv_reassess', requestId: 'r' })).toBe('/aanvragen/r');
    expect(taskPath({ ...ids, kind: 'advice_waiting', requestId: 'r' })).toBe('/aanvragen/r');
    expect(taskPath({ ...ids, kind: 'action_item', meetingId: 'm' })).toBe('/overleg/m');
    expect(taskPath({ ...ids, kind: 'meeting_report', meetingId: 'm' })).toBe('/overleg/m');
    expect(taskPath({ ...ids, kind: 'signal_trigger' })).toBe('/leerlingen/p/regie');
    expect(taskPath({ ...ids, kind: 'consent_expiring' })).toBe('/leerlingen/p/delen');
    expect(taskPath({ ...ids, kind: 'absence_no_owner', absenceCaseId: 'c' })).toBe('/verzuim/c');
    expect(taskPath({ ...ids, kind: 'absence_next_date' })).toBe('/leerlingen/p/verzuim');
  });
});
