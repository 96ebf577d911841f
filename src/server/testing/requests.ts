import { randomUUID } from 'node:crypto';
import type { TDecisionOutcome, TRequestStatus, TRequestType } from '../../shared/support-request.js';
import type { TTestApp } from './app.js';
import type { TWorld } from './world.js';

export type TRequestPupilKey = 'ownPupil' | 'ownGroupPupil' | 'selfPupil' | 'otherSchoolPupil' | 'consentPupil' | 'olderPupil' | 'otherRegionPupil';

const STAMPS: Record<TRequestStatus, string[]> = {
  draft: [],
  submitted: ['submitted_at'],
  complete: ['submitted_at', 'completed_at'],
  in_assessment: ['submitted_at', 'completed_at', 'assessment_started_at'],
  decided: ['submitted_at', 'completed_at', 'assessment_started_at', 'decided_at'],
  closed: ['submitted_at', 'completed_at', 'assessment_started_at', 'decided_at', 'closed_at'],
  withdrawn: ['submitted_at', 'withdrawn_at'],
};

/**
 * Gives the pupil exactly one support request in `status`, written as the owner outside any
 * tenant (tests of every module that builds on requests use it). The request is filed by the
 * pupil's own school; step timestamps are a few days apart so lead times are not zero. With
 * `consultant` the region's consultant is assigned; with `expert` the world's `swv_expert` is
 * assigned to advise (an orthopedagoog); a decided or closed request gets a decision.
 */
export async function freshRequest(
  w: TWorld,
  t: TTestApp,
  o: { pupil: TRequestPupilKey; status: TRequestStatus; type?: TRequestType; consultant?: boolean; expert?: boolean; outcome?: TDecisionOutcome },
): Promise<{ requestId: string; pupilId: string; regionId: string }> {
  const pupilId = w[o.pupil];
  const other = o.pupil === 'otherRegionPupil';
  const regionId = other ? w.b.regionId : w.a.regionId;
  const author = other ? w.users.b_admin : w.users.school_care_coordinator;
  const consultant = o.consultant ? (other ? w.users.b_consultant : w.users.swv_consultant) : null;
  // arrangements point at their request without cascading: clear them first
  await t.database.raw('delete from arrangements where pupil_id = $1', [pupilId]);
  await t.database.raw('delete from support_requests where pupil_id = $1', [pupilId]);
  const stamps = STAMPS[o.status];
  const at = (col: string) => (stamps.includes(col) ? `now() - interval '${(6 - stamps.indexOf(col)) * 3} days'` : 'null');
  const [row] = await t.database.raw<{ id: string }>(
    `insert into support_requests (region_id, pupil_id, school_id, type, status, client_key, question, tried, tlv_school_type,
       parents_informed_on, consultant_id, submitted_at, completed_at, assessment_started_at, decided_at, closed_at, withdrawn_at, created_by)
     select $1, p.id, p.school_id, $3, $4, $5, 'Hoe kunnen we haar het beste helpen met lezen en rust in de klas?',
       'Extra leesbegeleiding in een klein groepje, een rustige werkplek', case when $3 = 'tlv' then 'SO' end,
       current_date - 10, $6, ${at('submitted_at')}, ${at('completed_at')}, ${at('assessment_started_at')}, ${at('decided_at')},
       ${at('closed_at')}, ${at('withdrawn_at')}, $7
     from pupils p where p.id = $2
     returning id`,
    [regionId, pupilId, o.type ?? 'arrangement', o.status, randomUUID(), consultant, author],
  );
  const requestId = row!.id;
  if (o.expert) {
    await t.database.raw(
      `insert into request_experts (region_id, request_id, pupil_id, expert_id, expert_kind, assigned_by, impartiality_declared_at)
       values ($1, $2, $3, $4, 'orthopedagoog', $5, now())`,
      [regionId, requestId, pupilId, w.users.swv_expert, consultant ?? author],
    );
  }
  if (o.status === 'decided' || o.status === 'closed') {
    await t.database.raw(
      `insert into request_decisions (region_id, request_id, pupil_id, outcome, reasons, criteria, decided_by, sent_on)
       values ($1, $2, $3, $4, 'De school heeft laten zien wat zij al deed; extra begeleiding is nodig.', 'Criteria arrangementen 2026', $5, current_date - 3)`,
      [regionId, requestId, pupilId, o.outcome ?? 'granted', consultant ?? author],
    );
  }
  return { requestId, pupilId, regionId };
}
