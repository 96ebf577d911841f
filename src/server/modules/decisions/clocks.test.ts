import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../platform/tenancy.js';
import { createTestApp, type TTestApp } from '../../testing/app.js';
import { buildWorld, type TWorld } from '../../testing/world.js';
import { decidedTlv } from './access.js';
import { reassessFrom, returnPlanFrom, tlvClockItems, tlvClocksOn } from './clocks.js';

const kinds = (validUntil: string, today: string, o: { hasReturnPlan?: boolean; hasLaterTlv?: boolean } = {}) =>
  tlvClocksOn({ validUntil, hasReturnPlan: o.hasReturnPlan ?? false, hasLaterTlv: o.hasLaterTlv ?? false }, today).map(
    (i) => `${i.kind}${i.overdue ? ' (te laat)' : ''}`,
  );

describe('TLV clock dates', () => {
  it('re-assessment shows 183 days before the TLV ends, across the turn of the year', () => {
    expect(reassessFrom('2027-07-31')).toBe('2027-01-29');
    expect(kinds('2027-07-31', '2027-01-28')).toEqual(['tlv_return_plan']);
    expect(kinds('2027-07-31', '2027-01-29')).toEqual(['tlv_reassess', 'tlv_return_plan']);
  });

  it('the return plan is due from 1 August of the last school year until it is written', () => {
    expect(returnPlanFrom('2027-07-31')).toBe('2026-08-01');
    expect(kinds('2027-07-31', '2026-07-31')).toEqual([]);
    expect(kinds('2027-07-31', '2026-08-01')).toEqual(['tlv_return_plan']);
    expect(kinds('2027-07-31', '2026-08-01', { hasReturnPlan: true })).toEqual([]);
  });

  it('is overdue the day after the TLV ends, not on it, and drops off a year later', () => {
    expect(kinds('2027-07-31', '2027-07-31')).toEqual(['tlv_reassess', 'tlv_return_plan']);
    expect(kinds('2027-07-31', '2027-08-01')).toEqual(['tlv_reassess (te laat)', 'tlv_return_plan (te laat)']);
    expect(kinds('2027-07-31', '2028-07-30')).toHaveLength(2);
    expect(kinds('2027-07-31', '2028-08-01')).toEqual([]);
  });

  it('a later TLV for the child settles both', () => {
    expect(kinds('2027-07-31', '2027-06-01', { hasLaterTlv: true })).toEqual([]);
  });
});

describe('TLV clock query, on fixed dates', () => {
  let t: TTestApp;
  let w: TWorld;
  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.database);
  });
  afterAll(() => t.close());

  const itemsOn = (today: string, scope = sql`true`) =>
    withTenant(t.database.db, w.a.regionId, (tx) => tlvClockItems(tx, scope, { page: 1, pageSize: 50 }, sql`${today}::date`));
  const on = async (today: string, scope = sql`true`) =>
    (await itemsOn(today, scope)).rows.map((r) => `${r.pupil_id === w.ownPupil ? 'own' : 'other'}:${r.kind}:${r.due_on}${r.overdue ? '!' : ''}`);

  it('mirrors the rule above, overdue first, scoped by the school that filed the request', async () => {
    await decidedTlv(w, t, 'ownPupil', { validFrom: '2025-08-01', validUntil: '2027-07-31' });
    await decidedTlv(w, t, 'otherSchoolPupil', { validFrom: '2024-08-01', validUntil: '2026-07-31', returnPlan: 'Terug naar de basisschool' });
    expect(await on('2026-01-28')).toEqual([]);
    expect(await on('2026-02-01')).toEqual(['other:tlv_reassess:2026-07-31']);
    expect(await on('2026-08-01')).toEqual(['other:tlv_reassess:2026-07-31!', 'own:tlv_return_plan:2027-07-31']);
    expect(await on('2027-02-01')).toEqual(['other:tlv_reassess:2026-07-31!', 'own:tlv_reassess:2027-07-31', 'own:tlv_return_plan:2027-07-31']);
    expect(await on('2027-02-01', sql`r.school_id = ${w.schoolA1}`)).toEqual(['own:tlv_reassess:2027-07-31', 'own:tlv_return_plan:2027-07-31']);
    expect(await on('2027-08-02')).toEqual(['own:tlv_reassess:2027-07-31!', 'own:tlv_return_plan:2027-07-31!']);
  });

  it('a later TLV for the child (from a second request) ends the old one’s clock', async () => {
    await decidedTlv(w, t, 'otherSchoolPupil', { validFrom: '2024-08-01', validUntil: '2026-07-31' });
    expect(await on('2026-07-01')).toContain('other:tlv_reassess:2026-07-31');
    const [later] = await t.database.raw<{ id: string }>(
      `insert into support_requests (region_id, pupil_id, school_id, type, status, client_key, created_by)
       select region_id, id, school_id, 'tlv', 'decided', gen_random_uuid(), $2 from pupils where id = $1 returning id`,
      [w.otherSchoolPupil, w.users.school_care_coordinator],
    );
    await t.database.raw(
      `insert into tlvs (region_id, request_id, pupil_id, year, seq, school_type, category, valid_from, valid_until)
       values ($1, $2, $3, 2098, 1, 'SO', 'laag', '2026-08-01', '2028-07-31')`,
      [w.a.regionId, later!.id, w.otherSchoolPupil],
    );
    expect((await on('2026-07-01')).filter((i) => i.startsWith('other:'))).toEqual([]);
  });
});
