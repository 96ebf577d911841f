import { randomUUID } from 'node:crypto';
import type { TTestApp } from '../../testing/app.js';
import type { TWorld } from '../../testing/world.js';
import { ensureArrangementType } from '../arrangements/fixtures.js';

/**
 * One task of every kind in region A on fixed dates, written as the owner outside any tenant.
 * Read on TASK_DAY (pass it as `today`), and relative to the real today for the access rows
 * (`relativeTo`). Not imported by the app.
 *
 *   ownPupil (A1, the `parent` is its guardian): opp_due, meeting_report (IB'er organised it),
 *     two action items (teacher, parent), arrangement_evaluation, consent_expiring (IB'ers + parent)
 *   ownGroupPupil (A1): request in assessment (consultant) with an expert's advice outstanding
 *   selfPupil (A1): a draft request the IB'er started
 *   otherSchoolPupil (A2): an unassigned submitted request, a TLV (re-assessment, return plan)
 *   consentPupil (A2): plan B triggered, the care partner is the regievoerder
 */
export const TASK_DAY = '2026-03-10';

export async function seedTasks(w: TWorld, t: TTestApp, o: { relativeTo?: string } = {}): Promise<TTaskFixture> {
  const db = t.database;
  const R = w.a.regionId;
  const u = w.users;
  // every date below is written for TASK_DAY; shift them all to read the same on another day
  const shift = o.relativeTo ? Math.round((Date.parse(o.relativeTo) - Date.parse(TASK_DAY)) / 86_400_000) : 0;
  const day = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + shift * 86_400_000).toISOString().slice(0, 10);
  const at = (d: string) => `${day(d)}T10:00:00+01:00`;
  await clearTasks(t, R);
  await db.raw('update pupils set enrolled_on = $2 where id = $1', [w.ownPupil, day('2020-08-20')]);
  await db.raw(
    `insert into dossiers (region_id, pupil_id, extra_support_since) values ($1, $2, $3)
     on conflict (region_id, pupil_id) do update set extra_support_since = excluded.extra_support_since`,
    [R, w.ownPupil, day('2026-01-05')],
  );
  const [meeting] = await db.raw<{ id: string }>(
    `insert into meetings (region_id, pupil_id, school_id, kind, status, starts_at, organiser_id, created_by, held_at)
     values ($1, $2, $3, 'mdo', 'held', $4, $5, $5, $4) returning id`,
    [R, w.ownPupil, w.schoolA1, at('2026-03-02'), u.school_care_coordinator],
  );
  const action = (owner: string, title: string, due: string) =>
    db.raw(
      `insert into action_items (region_id, meeting_id, pupil_id, title, owner_id, due_on, created_by) values ($1, $2, $3, $4, $5, $6, $7)`,
      [R, meeting!.id, w.ownPupil, title, owner, day(due), u.school_care_coordinator],
    );
  await action(u.teacher, 'Leesplan afstemmen met de RT', '2026-03-20');
  await action(u.parent, 'Afspraak maken bij de huisarts', '2026-03-15');
  const typeId = await ensureArrangementType(w, t);
  const [arr] = await db.raw<{ id: string }>(
    `insert into arrangements (region_id, pupil_id, school_id, type_id, executor_kind, hours, budget_cents, start_on, end_on, evaluation_dates, created_by)
     values ($1, $2, $3, $4, 'own_staff', 2, 320000, $5, $6, array[$7, $8]::date[], $9) returning id`,
    [R, w.ownPupil, w.schoolA1, typeId, day('2025-08-01'), day('2026-07-31'), day('2026-03-20'), day('2026-06-20'), u.swv_consultant],
  );
  const [guardian] = await db.raw<{ id: string }>('select id from guardians where pupil_id = $1 and user_id = $2', [w.ownPupil, u.parent]);
  const [consent] = await db.raw<{ id: string }>(
    `insert into consents (region_id, pupil_id, given_by_kind, given_by_guardian_id, recorded_by, recipient_organisation_ids, categories, purpose, legal_basis, valid_from, valid_until)
     values ($1, $2, 'guardian', $3, $4, array[$5]::uuid[], array['dossier'], 'Begeleiding afstemmen', 'consent', $6, $7) returning id`,
    [R, w.ownPupil, guardian!.id, u.parent, w.partnerOrg, day('2025-09-01'), day('2026-03-31')],
  );
  const request = async (pupilId: string, status: string, o: { type?: string; consultant?: string | null; by?: string; stamps: Record<string, string> }) => {
    const [r] = await db.raw<{ id: string }>(
      `insert into support_requests (region_id, pupil_id, school_id, type, status, client_key, consultant_id, created_by, created_at,
         submitted_at, completed_at, assessment_started_at, decided_at)
       select $1, p.id, p.school_id, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12 from pupils p where p.id = $2 returning id`,
      [
        R, pupilId, o.type ?? 'arrangement', status, randomUUID(), o.consultant ?? null, o.by ?? u.school_care_coordinator,
        at(o.stamps.created ?? '2026-01-10'), o.stamps.submitted ? at(o.stamps.submitted) : null, o.stamps.completed ? at(o.stamps.completed) : null,
        o.stamps.assessment ? at(o.stamps.assessment) : null, o.stamps.decided ? at(o.stamps.decided) : null,
      ],
    );
    return r!.id;
  };
  const assessed = await request(w.ownGroupPupil, 'in_assessment', {
    consultant: u.swv_consultant,
    stamps: { submitted: '2026-02-01', completed: '2026-02-10', assessment: '2026-03-01' },
  });
  const [expert] = await db.raw<{ id: string }>(
    `insert into request_experts (region_id, request_id, pupil_id, expert_id, expert_kind, assigned_by, assigned_at)
     values ($1, $2, $3, $4, 'orthopedagoog', $5, $6) returning id`,
    [R, assessed, w.ownGroupPupil, u.swv_expert, u.swv_consultant, at('2026-03-02')],
  );
  const draft = await request(w.selfPupil, 'draft', { stamps: { created: '2026-03-05' } });
  // filed by school A2, where nobody in the world is an IB'er
  const unassigned = await request(w.otherSchoolPupil, 'submitted', { by: u.swv_admin, stamps: { submitted: '2026-02-20' } });
  const tlvRequest = await request(w.otherSchoolPupil, 'decided', {
    type: 'tlv',
    consultant: u.swv_consultant,
    by: u.swv_admin,
    stamps: { submitted: '2024-03-01', completed: '2024-03-10', assessment: '2024-04-01', decided: '2024-05-01' },
  });
  const [tlv] = await db.raw<{ id: string }>(
    `insert into tlvs (region_id, request_id, pupil_id, year, seq, school_type, category, valid_from, valid_until)
     values ($1, $2, $3, 2024, 7, 'SO', 'laag', $4, $5) returning id`,
    [R, tlvRequest, w.otherSchoolPupil, day('2024-08-01'), day('2026-07-31')],
  );
  await db.raw(
    `insert into case_leads (region_id, pupil_id, user_id, organisation_id, started_by) values ($1, $2, $3, $4, $3)`,
    [R, w.consentPupil, u.care_partner, w.partnerOrg],
  );
  const [plan] = await db.raw<{ id: string }>(
    `insert into signal_plans (region_id, pupil_id, level, trigger, trigger_on, action, actor_name, created_by, updated_by)
     values ($1, $2, 'B', 'Wachtlijst jeugdhulp langer dan 6 weken', $3, 'Overbruggingszorg via het wijkteam', 'Wijkteam', $4, $4) returning id`,
    [R, w.consentPupil, day('2026-03-01'), u.care_partner],
  );
  return {
    meetingId: meeting!.id,
    arrangementId: arr!.id,
    consentId: consent!.id,
    assessedRequestId: assessed,
    expertRowId: expert!.id,
    draftRequestId: draft,
    unassignedRequestId: unassigned,
    tlvRequestId: tlvRequest,
    tlvId: tlv!.id,
    signalPlanId: plan!.id,
  };
}

export interface TTaskFixture {
  meetingId: string;
  arrangementId: string;
  consentId: string;
  assessedRequestId: string;
  expertRowId: string;
  draftRequestId: string;
  unassignedRequestId: string;
  tlvRequestId: string;
  tlvId: string;
  signalPlanId: string;
}

/** Removes every source of tasks in the region (the world's own consents included). */
export async function clearTasks(t: TTestApp, regionId: string) {
  for (const table of ['signal_plans', 'case_leads', 'meetings', 'consents', 'arrangements', 'tlvs', 'support_requests', 'opp_assents', 'opp_evaluations', 'opps', 'absence_cases']) {
    await t.database.raw(`delete from ${table} where region_id = $1`, [regionId]);
  }
  await t.database.raw('update dossiers set extra_support_since = null where region_id = $1', [regionId]);
}
