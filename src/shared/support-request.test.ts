import { describe, expect, it } from 'vitest';
import { addDays, schoolYearOf } from './school-year.js';
import {
  advicesSufficient,
  nextStatus,
  objectionDeadline,
  REQUEST_ACTIONS,
  REQUEST_STATUSES,
  type TRequestAction,
  type TRequestStatus,
  tlvNumber,
  tlvValidUntil,
} from './support-request.js';

describe('request state machine', () => {
  const allowed: Record<string, TRequestStatus> = {
    'draft submit': 'submitted',
    'submitted markComplete': 'complete',
    'complete startAssessment': 'in_assessment',
    'in_assessment decide': 'decided',
    'decided close': 'closed',
    'draft withdraw': 'withdrawn',
    'submitted withdraw': 'withdrawn',
    'complete withdraw': 'withdrawn',
    'in_assessment withdraw': 'withdrawn',
  };
  // every status × every action: exactly the table above is allowed, everything else refused
  for (const from of REQUEST_STATUSES) {
    for (const action of REQUEST_ACTIONS) {
      const key = `${from} ${action}`;
      it(`${key} → ${allowed[key] ?? 'refused'}`, () => {
        expect(nextStatus(from, action as TRequestAction)).toBe(allowed[key] ?? null);
      });
    }
  }
  it('cannot withdraw once decided', () => {
    expect(nextStatus('decided', 'withdraw')).toBeNull();
    expect(nextStatus('closed', 'withdraw')).toBeNull();
  });
});

describe('school years and TLV validity', () => {
  it('puts August in the new school year and July in the old one', () => {
    expect(schoolYearOf('2026-08-01')).toBe(2026);
    expect(schoolYearOf('2026-07-31')).toBe(2025);
    expect(schoolYearOf('2027-01-15')).toBe(2026);
  });
  it('ends a TLV on 31 July; a start mid-year counts that year as the first', () => {
    expect(tlvValidUntil('2026-08-01', 1)).toBe('2027-07-31');
    expect(tlvValidUntil('2027-02-10', 1)).toBe('2027-07-31');
    expect(tlvValidUntil('2027-02-10', 2)).toBe('2028-07-31');
    expect(tlvValidUntil('2026-11-23', 3)).toBe('2029-07-31');
  });
  it('numbers TLVs per year', () => {
    expect(tlvNumber(2026, 7)).toBe('2026-0007');
  });
});

describe('objection deadline', () => {
  it('is six weeks after the decision is sent, across a year end', () => {
    expect(objectionDeadline('2026-11-23')).toBe('2027-01-04');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
  });
});

describe('expert advices', () => {
  const a = (expertId: string, kind: 'orthopedagoog' | 'jeugdarts' | 'psycholoog', submitted = true) => ({ expertId, kind, submitted });
  it('needs two people, one of them an orthopedagoog or psycholoog', () => {
    expect(advicesSufficient([a('1', 'orthopedagoog'), a('2', 'jeugdarts')])).toBe(true);
    expect(advicesSufficient([a('1', 'jeugdarts'), a('2', 'jeugdarts')])).toBe(false);
    expect(advicesSufficient([a('1', 'orthopedagoog'), a('1', 'psycholoog')])).toBe(false);
    expect(advicesSufficient([a('1', 'orthopedagoog'), a('2', 'jeugdarts', false)])).toBe(false);
  });
});
