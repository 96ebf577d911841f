import type { TExecutorKind } from '../../../shared/support-request.js';
import { freshRequest, type TRequestPupilKey } from '../../testing/requests.js';
import type { TTestApp } from '../../testing/app.js';
import type { TWorld } from '../../testing/world.js';

/**
 * Test fixtures for arrangements, written as the owner outside any tenant (like freshRequest).
 * Not imported by the app.
 */

const regionOf = (w: TWorld, pupil: TRequestPupilKey) => (pupil === 'otherRegionPupil' ? w.b.regionId : w.a.regionId);

/** The region's "Leesbegeleiding" type (own staff or the pool), made once. */
export async function ensureArrangementType(
  w: TWorld,
  t: TTestApp,
  o: { region?: 'a' | 'b'; name?: string; executors?: TExecutorKind[]; active?: boolean } = {},
): Promise<string> {
  const regionId = o.region === 'b' ? w.b.regionId : w.a.regionId;
  const name = o.name ?? 'Leesbegeleiding';
  await t.database.raw(
    `insert into arrangement_types (region_id, name, description, typical_hours, typical_cost_cents, executors, active)
     values ($1, $2, 'Begeleiding bij technisch en begrijpend lezen door een remedial teacher.', 2, 320000, $3, $4)
     on conflict (region_id, name) do update set executors = excluded.executors, active = excluded.active`,
    [regionId, name, o.executors ?? ['own_staff', 'pool'], o.active ?? true],
  );
  const [row] = await t.database.raw<{ id: string }>('select id from arrangement_types where region_id = $1 and name = $2', [regionId, name]);
  return row!.id;
}

/**
 * A granted arrangement request for the pupil (freshRequest, decided and granted, the consultant
 * assigned). The pupil's arrangements go first: they point at the request freshRequest replaces.
 */
export async function grantedRequest(w: TWorld, t: TTestApp, pupil: TRequestPupilKey, outcome: 'granted' | 'partly' | 'refused' = 'granted') {
  await t.database.raw('delete from arrangements where pupil_id = $1', [w[pupil]]);
  return freshRequest(w, t, { pupil, status: 'decided', type: 'arrangement', consultant: true, outcome });
}

export interface TArrangementFixture {
  arrangementId: string;
  requestId: string;
  pupilId: string;
  regionId: string;
  typeId: string;
  spendId: string;
}

/**
 * Gives the pupil exactly one arrangement (from a granted request) with one spend of € 250 on its
 * first day: the school year we are in (1 August to 31 July), budget € 3.200, evaluations after three months and a month before the end.
 */
export async function freshArrangement(
  w: TWorld,
  t: TTestApp,
  pupil: TRequestPupilKey,
  o: { status?: 'active' | 'ended' | 'stopped'; startOn?: string; endOn?: string; budgetCents?: number } = {},
): Promise<TArrangementFixture> {
  const { requestId, pupilId } = await grantedRequest(w, t, pupil);
  const regionId = regionOf(w, pupil);
  const typeId = await ensureArrangementType(w, t, { region: pupil === 'otherRegionPupil' ? 'b' : 'a' });
  const author = pupil === 'otherRegionPupil' ? w.users.b_consultant : w.users.swv_consultant;
  const [a] = await t.database.raw<{ id: string; start_on: string }>(
    `insert into arrangements (region_id, pupil_id, school_id, request_id, type_id, goals, executor_kind, executor_name, hours, budget_cents,
       start_on, end_on, evaluation_dates, status, created_by)
     select $1, r.pupil_id, r.school_id, r.id, $3,
       '[{"goal":"Leest een AVI-E4 tekst vlot","criterion":"Binnen 2 minuten, hoogstens 3 fouten"}]', 'own_staff', 'Juf Anja de Vries', 2, $4,
       $5::date, $6::date, array[$5::date + 90, $6::date - 30], $7, $8
     from support_requests r where r.id = $2
     returning id, start_on::text`,
    [regionId, requestId, typeId, o.budgetCents ?? 320000, o.startOn ?? schoolYearStartDay(), o.endOn ?? schoolYearEndDay(), o.status ?? 'active', author],
  );
  const [s] = await t.database.raw<{ id: string }>(
    `insert into arrangement_spends (region_id, arrangement_id, pupil_id, school_id, spent_on, amount_cents, hours, description, recorded_by)
     select region_id, id, pupil_id, school_id, start_on, 25000, 2, 'Twee lessen leesbegeleiding', $2 from arrangements where id = $1
     returning id`,
    [a!.id, author],
  );
  return { arrangementId: a!.id, requestId, pupilId, regionId, typeId, spendId: s!.id };
}

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
/** 1 August: the first day of the school year we are in. */
export function schoolYearStartDay(): string {
  const d = today();
  const y = Number(d.slice(5, 7)) >= 8 ? Number(d.slice(0, 4)) : Number(d.slice(0, 4)) - 1;
  return `${y}-08-01`;
}
/** 31 July at the end of the school year we are in. */
export function schoolYearEndDay(): string {
  return `${Number(schoolYearStartDay().slice(0, 4)) + 1}-07-31`;
}
