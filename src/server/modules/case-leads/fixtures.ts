import type { TSignalLevel } from '../../../shared/meeting.js';
import type { TTestApp } from '../../testing/app.js';
import type { TActorKey, TWorld } from '../../testing/world.js';

/**
 * Test fixtures for the regie and the signaleringsplan, written as the owner outside any tenant.
 * Not imported by the app.
 */
export type TCasePupilKey = 'ownGroupPupil' | 'ownPupil' | 'selfPupil' | 'otherSchoolPupil' | 'consentPupil' | 'noConsentPupil' | 'otherRegionPupil';

/** The organisation each world actor leads from (their membership's). */
function organisationOf(w: TWorld, actor: TActorKey): string {
  switch (actor) {
    case 'school_care_coordinator':
    case 'school_director':
    case 'teacher':
      return w.schoolA1;
    case 'care_partner':
      return w.partnerOrg;
    case 'b_consultant':
    case 'b_admin':
      return w.b.swvId;
    default:
      return w.a.swvId;
  }
}

export interface TPlanSeed {
  level: TSignalLevel;
  /** Days from today (Dutch calendar day); null: no date. */
  triggerIn?: number | null;
  status?: 'waiting' | 'activated' | 'closed';
}

/**
 * Puts the child's case in a known state: no history, then (if `lead`) one open period led by that
 * actor, and the given plans. Returns the pupil's id.
 */
export async function resetCase(
  w: TWorld,
  t: TTestApp,
  pupil: TCasePupilKey,
  o: { lead?: TActorKey | null; plans?: TPlanSeed[] } = {},
): Promise<string> {
  const pupilId = w[pupil];
  const regionId = pupil === 'otherRegionPupil' ? w.b.regionId : w.a.regionId;
  await t.database.raw('delete from signal_plans where pupil_id = $1', [pupilId]);
  await t.database.raw('delete from case_leads where pupil_id = $1', [pupilId]);
  if (o.lead) {
    const userId = w.users[o.lead as keyof TWorld['users']];
    await t.database.raw(
      `insert into case_leads (region_id, pupil_id, user_id, organisation_id, started_at, started_by, note)
       values ($1, $2, $3, $4, now() - interval '30 days', $3, 'Afgesproken in het MDO')`,
      [regionId, pupilId, userId, organisationOf(w, o.lead)],
    );
  }
  for (const p of o.plans ?? []) {
    await t.database.raw(
      `insert into signal_plans (region_id, pupil_id, level, trigger, trigger_on, action, actor_name, status, created_by, updated_by)
       values ($1, $2, $3, 'Wachtlijst jeugdhulp langer dan 6 weken',
               case when $4::int is null then null else (now() at time zone 'Europe/Amsterdam')::date + $4::int end,
               'Overbruggingszorg via het wijkteam', 'CJG-coach', $5, $6, $6)`,
      [regionId, pupilId, p.level, p.triggerIn === undefined ? 30 : p.triggerIn, p.status ?? 'waiting', w.users.school_care_coordinator],
    );
  }
  return pupilId;
}
