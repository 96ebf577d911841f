import { isExemption, type TAbsenceCloseReason, type TAbsenceKind } from '../../../shared/absence.js';
import type { Database } from '../../platform/db.js';

export interface TCaseSpec {
  pupilId: string;
  openedOn: string;
  closedOn?: string;
  closeReason?: TAbsenceCloseReason;
  ownerUserId?: string | null;
  plan?: string | null;
  nextDate?: string | null;
  offerFrom?: string | null;
  episodes: { kind: TAbsenceKind; startedOn: string; endedOn?: string | null }[];
}

/** A case with its episodes written straight into the tables (as the owner), with the dates the test needs. */
export async function insertCase(database: Database, regionId: string, by: string, c: TCaseSpec): Promise<string> {
  const [row] = await database.raw<{ id: string }>(
    `insert into absence_cases (region_id, pupil_id, opened_on, opened_by, owner_user_id, plan, next_date, offer_from, closed_on, close_reason, closed_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, case when $9::date is null then null else $4 end) returning id`,
    [regionId, c.pupilId, c.openedOn, by, c.ownerUserId ?? null, c.plan ?? null, c.nextDate ?? null, c.offerFrom ?? null, c.closedOn ?? null, c.closeReason ?? null],
  );
  for (const e of c.episodes) {
    await database.raw(
      `insert into absence_episodes (region_id, case_id, pupil_id, kind, started_on, ended_on, exemption_ends_on, reason_ids, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, array['psychisch'], $8)`,
      [regionId, row!.id, c.pupilId, e.kind, e.startedOn, e.endedOn ?? null, isExemption(e.kind) ? '2027-07-31' : null, by],
    );
  }
  return row!.id;
}

export async function clearCases(database: Database, regionId: string) {
  await database.raw('delete from absence_cases where region_id = $1', [regionId]);
}
