import type { TAbsenceCloseReason, TAbsenceKind } from '../../../shared/absence.js';
import type { TTestApp } from '../../testing/app.js';
import { pinnedPupils, type TActorKey, type TWorld } from '../../testing/world.js';

/**
 * Test fixtures for absence cases, written as the owner outside any tenant. Not imported by the app.
 * `absencePupil` is a child at school A2 (gemeente G2) whose kernteam holds the care partner, with
 * a valid consent sharing only 'absence' with the care partner's organisation — the world's
 * consentPupil shares 'dossier' and 'opp', not 'absence'.
 */
export type TAbsencePupilKey = 'ownGroupPupil' | 'ownSchoolPupil' | 'otherSchoolPupil' | 'absencePupil' | 'noConsentPupil' | 'otherRegionPupil';

const DUTCH_TODAY = `(now() at time zone 'Europe/Amsterdam')::date`;
const prepared = new WeakMap<TWorld, string>();

/** The pupil whose consent shares 'absence' with the care partner; made once per world. */
export async function absenceConsentPupil(w: TWorld, t: TTestApp): Promise<string> {
  const known = prepared.get(w);
  if (known) return known;
  // lowest free id: the figures' access rows take the highest free ones
  const [p] = await t.database.raw<{ id: string }>('select id from pupils where region_id = $1 and not (id = any($2::uuid[])) order by id limit 1', [
    w.a.regionId,
    pinnedPupils(w),
  ]);
  const id = p!.id;
  await t.database.raw('update pupils set school_id = $2, group_id = $3, gemeente_id = $4 where id = $1', [
    id,
    w.schoolA2,
    w.a.schools[1]!.groupIds[0],
    w.a.gemeenteIds[1],
  ]);
  await t.database.raw(
    `insert into care_team_members (region_id, pupil_id, user_id, organisation_id, added_by)
     select $1, $2, $3, $4, $3 where not exists (select 1 from care_team_members where pupil_id = $2 and user_id = $3 and removed_at is null)`,
    [w.a.regionId, id, w.users.care_partner, w.partnerOrg],
  );
  await t.database.raw(
    `insert into consents (region_id, pupil_id, given_by_kind, recorded_by, recipient_organisation_ids, categories, purpose, legal_basis, valid_from)
     select $1, $2, 'guardian', $3, array[$4]::uuid[], array['absence'], 'Samen werken aan terug naar school', 'consent', current_date - 30
     where not exists (select 1 from consents where pupil_id = $2 and 'absence' = any(categories))`,
    [w.a.regionId, id, w.users.school_care_coordinator, w.partnerOrg],
  );
  prepared.set(w, id);
  return id;
}

export async function absencePupilId(w: TWorld, t: TTestApp, key: TAbsencePupilKey): Promise<string> {
  return key === 'absencePupil' ? absenceConsentPupil(w, t) : w[key];
}

export interface TEpisodeSeed {
  kind?: TAbsenceKind;
  /** Days before today (Dutch calendar day) the episode started; 40 unless told. */
  startedAgo?: number;
  endedAgo?: number | null;
  reasonIds?: string[];
}

export interface TAbsenceSeed {
  /** No case at all (the child's history is wiped). */
  none?: boolean;
  episodes?: TEpisodeSeed[];
  owner?: TActorKey | null;
  plan?: string | null;
  /** Days from today of the next date; null: none. */
  nextDateIn?: number | null;
  offerAgo?: number | null;
  /** Closed this many days ago (its episodes ended then). */
  closedAgo?: number | null;
  closeReason?: TAbsenceCloseReason;
  /** Keep earlier cases of the child instead of wiping them. */
  keep?: boolean;
}

export interface TAbsenceFixture {
  pupilId: string;
  caseId: string | null;
  episodeIds: string[];
}

/**
 * Puts a child's absence in a known state: no cases, then (unless `none`) one case opened on the
 * first episode's start with the given episodes (default: long relative absence since 40 days),
 * owner, plan and next date, open or closed.
 */
export async function resetAbsence(w: TWorld, t: TTestApp, key: TAbsencePupilKey, o: TAbsenceSeed = {}): Promise<TAbsenceFixture> {
  const pupilId = await absencePupilId(w, t, key);
  const regionId = key === 'otherRegionPupil' ? w.b.regionId : w.a.regionId;
  const by = key === 'otherRegionPupil' ? w.users.b_consultant : w.users.school_care_coordinator;
  if (!o.keep) await t.database.raw('delete from absence_cases where pupil_id = $1', [pupilId]);
  if (o.none) return { pupilId, caseId: null, episodeIds: [] };
  const episodes = o.episodes ?? [{}];
  const opened = Math.max(...episodes.map((e) => e.startedAgo ?? 40));
  const owner = o.owner ? w.users[o.owner as keyof TWorld['users']] : null;
  const closedAgo = o.closedAgo ?? null;
  const [c] = await t.database.raw<{ id: string }>(
    `insert into absence_cases (region_id, pupil_id, opened_on, opened_by, owner_user_id, plan, next_date, offer_from, closed_on, close_reason, closed_by)
     values ($1, $2, ${DUTCH_TODAY} - $3::int, $4, $5, $6,
             case when $7::int is null then null else ${DUTCH_TODAY} + $7::int end,
             case when $8::int is null then null else ${DUTCH_TODAY} - $8::int end,
             case when $9::int is null then null else ${DUTCH_TODAY} - $9::int end,
             case when $9::int is null then null else $10 end,
             case when $9::int is null then null else $4 end)
     returning id`,
    [regionId, pupilId, opened, by, owner, o.plan ?? null, o.nextDateIn ?? null, o.offerAgo ?? null, closedAgo, o.closeReason ?? 'back_at_school'],
  );
  const episodeIds: string[] = [];
  for (const e of episodes) {
    const endedAgo = e.endedAgo ?? closedAgo;
    const [row] = await t.database.raw<{ id: string }>(
      `insert into absence_episodes (region_id, case_id, pupil_id, kind, started_on, ended_on, exemption_ends_on, reason_ids, created_by)
       values ($1, $2, $3, $4, ${DUTCH_TODAY} - $5::int, case when $6::int is null then null else ${DUTCH_TODAY} - $6::int end,
               case when $4 like 'exemption%' then ${DUTCH_TODAY} + 90 else null end, $7::text[], $8)
       returning id`,
      [regionId, c!.id, pupilId, e.kind ?? 'long_relative', e.startedAgo ?? 40, endedAgo, e.reasonIds ?? ['wachtlijst'], by],
    );
    episodeIds.push(row!.id);
  }
  return { pupilId, caseId: c!.id, episodeIds };
}
