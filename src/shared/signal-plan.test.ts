import { describe, expect, it } from 'vitest';
import { isSignalTriggered, missingLevelBefore, previousLevel, statusNeedsNote } from './signal-plan.js';

describe('isSignalTriggered', () => {
  const today = '2026-03-10';
  it('signals a waiting plan from its trigger date on', () => {
    expect(isSignalTriggered({ status: 'waiting', triggerOn: '2026-03-09' }, today)).toBe(true);
    expect(isSignalTriggered({ status: 'waiting', triggerOn: '2026-03-10' }, today)).toBe(true);
    expect(isSignalTriggered({ status: 'waiting', triggerOn: '2026-03-11' }, today)).toBe(false);
  });
  it('compares calendar days across month and year ends', () => {
    expect(isSignalTriggered({ status: 'waiting', triggerOn: '2025-12-31' }, '2026-01-01')).toBe(true);
    expect(isSignalTriggered({ status: 'waiting', triggerOn: '2026-03-01' }, '2026-02-28')).toBe(false);
    // the last day of the school year and the first of the next
    expect(isSignalTriggered({ status: 'waiting', triggerOn: '2026-08-01' }, '2026-07-31')).toBe(false);
  });
  it('never signals without a date, or once started or closed', () => {
    expect(isSignalTriggered({ status: 'waiting', triggerOn: null }, today)).toBe(false);
    expect(isSignalTriggered({ status: 'activated', triggerOn: '2026-01-01' }, today)).toBe(false);
    expect(isSignalTriggered({ status: 'closed', triggerOn: '2026-01-01' }, today)).toBe(false);
  });
});

describe('plan order', () => {
  it('B stands alone, C follows B, D follows C', () => {
    expect(previousLevel('B')).toBeNull();
    expect(previousLevel('C')).toBe('B');
    expect(previousLevel('D')).toBe('C');
  });
  it('names the missing plan', () => {
    expect(missingLevelBefore('B', [])).toBeNull();
    expect(missingLevelBefore('C', [])).toBe('B');
    expect(missingLevelBefore('C', ['B'])).toBeNull();
    expect(missingLevelBefore('D', ['B'])).toBe('C');
    expect(missingLevelBefore('D', ['B', 'C'])).toBeNull();
  });
});

describe('status note', () => {
  it('is needed when a plan starts', () => {
    expect(statusNeedsNote('activated')).toBe(true);
    expect(statusNeedsNote('closed')).toBe(false);
    expect(statusNeedsNote('waiting')).toBe(false);
  });
});
