import { describe, expect, it } from 'vitest';
import type { TRole } from '../../shared/roles.js';
import { type TChildRelation, childFilePolicy } from './child-file.js';
import type { TMemberActor } from './index.js';

const actor = (role: TRole, organisationId: string | null = null) =>
  ({ userId: 'u', membership: { id: 'm', regionId: 'r', role, organisationId, gemeenteId: null } }) as unknown as TMemberActor;
const rel = (o: Partial<TChildRelation> = {}): TChildRelation => ({
  pupilId: 'p',
  schoolId: 'school',
  age: 10,
  teachesGroup: false,
  isGuardian: false,
  guardianId: null,
  isSelf: false,
  inCareTeam: false,
  consented: [],
  breakGlass: false,
  isCaseLead: false,
  ...o,
});

describe('child-file policy', () => {
  it('a care partner reads only the categories a valid consent covers, and only in the kernteam', () => {
    const partner = actor('care_partner', 'cjg');
    expect(childFilePolicy.readable(partner, rel({ inCareTeam: true, consented: ['dossier'] }))).toEqual(['dossier']);
    expect(childFilePolicy.readable(partner, rel({ inCareTeam: false, consented: ['dossier'] }))).toEqual([]);
    expect(childFilePolicy.readable(partner, rel({ inCareTeam: true, consented: [] }))).toEqual([]);
  });

  it('under 16 the guardian gives consent; from 16 only the pupil (and the school records their form)', () => {
    const parent = actor('parent');
    const pupil = actor('pupil');
    const ib = actor('school_care_coordinator', 'school');
    expect(childFilePolicy.giveConsent(parent, rel({ age: 15, isGuardian: true }))).toBe(true);
    expect(childFilePolicy.giveConsent(pupil, rel({ age: 15, isSelf: true }))).toBe(false);
    expect(childFilePolicy.giveConsent(parent, rel({ age: 16, isGuardian: true }))).toBe(false);
    expect(childFilePolicy.giveConsent(pupil, rel({ age: 16, isSelf: true }))).toBe(true);
    expect(childFilePolicy.giveConsent(ib, rel({ age: 17 }))).toBe(true);
    expect(childFilePolicy.setParentsAccess(pupil, rel({ age: 15, isSelf: true }))).toBe(false);
    expect(childFilePolicy.setParentsAccess(pupil, rel({ age: 16, isSelf: true }))).toBe(true);
  });

  it('a consultant opens the file through the kernteam or break-the-glass, and breaks the glass only without a relation', () => {
    const consultant = actor('swv_consultant', 'swv');
    expect(childFilePolicy.read(consultant, rel(), 'dossier')).toBe(false);
    expect(childFilePolicy.breakGlass(consultant, rel())).toBe(true);
    expect(childFilePolicy.read(consultant, rel({ breakGlass: true }), 'dossier')).toBe(true);
    expect(childFilePolicy.breakGlass(consultant, rel({ inCareTeam: true }))).toBe(false);
  });

  it('the school keeps the file: its IB’er and director read, a teacher only for their group, the admin never', () => {
    expect(childFilePolicy.read(actor('school_care_coordinator', 'school'), rel(), 'opp')).toBe(true);
    expect(childFilePolicy.read(actor('school_care_coordinator', 'other'), rel(), 'opp')).toBe(false);
    expect(childFilePolicy.read(actor('teacher', 'school'), rel(), 'dossier')).toBe(false);
    expect(childFilePolicy.read(actor('teacher', 'school'), rel({ teachesGroup: true }), 'dossier')).toBe(true);
    expect(childFilePolicy.read(actor('swv_admin', 'swv'), rel(), 'dossier')).toBe(false);
    expect(childFilePolicy.manageOpp(actor('teacher', 'school'), rel({ teachesGroup: true }))).toBe(false);
  });
});
