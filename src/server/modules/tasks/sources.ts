import { type SQL, sql } from 'drizzle-orm';
import { ARRANGEMENT_EVALUATION_NOTICE_DAYS, CONSENT_EXPIRY_NOTICE_DAYS, MEETING_REPORT_DAYS, type TTaskKind } from '../../../shared/meeting.js';
import { ADVICE_WAITING_DAYS, REQUEST_WAITING_DAYS } from '../../../shared/tasks.js';
import { tlvClockItemsSql } from '../decisions/clocks.js';
import { oppClockItemsSql } from '../opps/clocks.js';

/**
 * Every source of tasks as one UNION ALL, each branch with the same columns:
 *   kind, due_on, pupil_id, school_id, owner_user_id, owner_school_id,
 *   opp_id, request_id, arrangement_id, meeting_id, subject_id, title, detail
 * school_id may be null where only the child's current school would say it: the reader takes the
 * child's school then (after cutting the page, so a long list does not cost a lookup per row).
 * A task is owned by a person (owner_user_id), by the care coordinators of a school
 * (owner_school_id), or by nobody yet (both null: an unassigned request).
 *
 * The scope goes into every branch, on the column an index starts with after region_id, so each
 * branch reads only its own rows: the owner's id for personal tasks, the school for the IB'ers'.
 * The rules mirror rules.ts (and opps/clocks.ts, decisions/clocks.ts, composed here).
 */
export type TTaskScope =
  /** A person's inbox: what waits on them, and on the schools where they are an IB'er. */
  | { kind: 'owner'; userId: string; schoolIds: readonly string[] }
  /** All tasks of one school; `swv` leaves out the school's draft requests (theirs alone). */
  | { kind: 'school'; schoolId: string; swv: boolean }
  /** All tasks of the region (the SWV office). */
  | { kind: 'region' };

const dutchDay = (ts: SQL) => sql`(${ts} at time zone 'Europe/Amsterdam')::date`;
const OPEN_SUBMITTED = sql`('submitted', 'complete', 'in_assessment')`;

/** The condition for a branch owned by a school's IB'ers; null when the branch cannot match. */
function bySchool(scope: TTaskScope, school: SQL): SQL | null {
  if (scope.kind === 'region') return sql`true`;
  if (scope.kind === 'school') return sql`${school} = ${scope.schoolId}::uuid`;
  if (scope.schoolIds.length === 0) return null;
  return sql`${school} in (${sql.join(
    scope.schoolIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
}

/** The condition for a branch owned by one person. */
function byPerson(scope: TTaskScope, owner: SQL, school: SQL): SQL {
  if (scope.kind === 'region') return sql`true`;
  if (scope.kind === 'school') return sql`${school} = ${scope.schoolId}::uuid`;
  return sql`${owner} = ${scope.userId}`;
}

/** One branch's select list, every column named and typed, so the branches line up. */
interface TBranchRow {
  kind: SQL;
  due: SQL;
  pupil: SQL;
  school: SQL;
  ownerUser?: SQL;
  ownerSchool?: SQL;
  opp?: SQL;
  request?: SQL;
  arrangement?: SQL;
  meeting?: SQL;
  subject: SQL;
  title?: SQL;
  detail?: SQL;
}
const NULL = sql`null`;
/** A task kind as a literal in the statement (a constant, so the plan shows it). */
const kind = (k: TTaskKind) => sql.raw(`'${k}'`);
function columns(r: TBranchRow): SQL {
  return sql`${r.kind}::text as kind, (${r.due})::date as due_on, ${r.pupil}::uuid as pupil_id,
    ${r.school}::uuid as school_id, ${r.ownerUser ?? NULL}::text as owner_user_id, ${r.ownerSchool ?? NULL}::uuid as owner_school_id,
    ${r.opp ?? NULL}::uuid as opp_id, ${r.request ?? NULL}::uuid as request_id, ${r.arrangement ?? NULL}::uuid as arrangement_id,
    ${r.meeting ?? NULL}::uuid as meeting_id, ${r.subject}::uuid as subject_id, ${r.title ?? NULL}::text as title,
    ${r.detail ?? NULL}::text as detail`;
}

export function taskSources(scope: TTaskScope, today: SQL): SQL {
  const d = sql`${today}::date`;
  const branches: SQL[] = [];

  const opp = bySchool(scope, sql`p.school_id`);
  if (opp)
    branches.push(sql`select ${columns({
      kind: sql`c.kind`,
      due: sql`c.due_on`,
      pupil: sql`c.pupil_id`,
      school: sql`c.school_id`,
      ownerSchool: sql`c.school_id`,
      opp: sql`c.opp_id`,
      subject: sql`coalesce(c.assent_id, c.opp_id, c.pupil_id)`,
    })} from (${oppClockItemsSql(opp, today)}) c`);

  const arr = bySchool(scope, sql`a.school_id`);
  if (arr)
    branches.push(sql`select ${columns({
      kind: kind('arrangement_evaluation'),
      due: sql`n.due_on`,
      pupil: sql`a.pupil_id`,
      school: sql`a.school_id`,
      ownerSchool: sql`a.school_id`,
      request: sql`a.request_id`,
      arrangement: sql`a.id`,
      subject: sql`a.id`,
    })}
      from arrangements a
      cross join lateral (
        -- the first planned date after the last evaluation held (one held in the notice window counts for its date)
        select min(x) as due_on from unnest(a.evaluation_dates) x
         where x > coalesce((select max(e.held_on) from arrangement_evaluations e where e.region_id = a.region_id and e.arrangement_id = a.id)
                              + ${ARRANGEMENT_EVALUATION_NOTICE_DAYS}::int, '-infinity'::date)
      ) n
      where a.status = 'active' and ${arr} and n.due_on <= ${d} + ${ARRANGEMENT_EVALUATION_NOTICE_DAYS}::int`);

  const tlv = bySchool(scope, sql`r.school_id`);
  if (tlv)
    branches.push(sql`select ${columns({
      kind: sql`c.kind`,
      due: sql`c.valid_until`,
      pupil: sql`c.pupil_id`,
      school: sql`c.school_id`,
      ownerSchool: sql`c.school_id`,
      request: sql`c.request_id`,
      subject: sql`c.id`,
      detail: sql`c.year || '-' || lpad(c.seq::text, 4, '0')`,
    })} from (${tlvClockItemsSql(tlv, today)}) c`);

  // a request the SWV works on waits on its consultant (or on nobody, until one is assigned)
  const lastStep = sql`case r.status when 'submitted' then r.submitted_at when 'complete' then r.completed_at else r.assessment_started_at end`;
  branches.push(sql`select ${columns({
    kind: kind('request_waiting'),
    due: sql`${dutchDay(lastStep)} + ${REQUEST_WAITING_DAYS}::int`,
    pupil: sql`r.pupil_id`,
    school: sql`r.school_id`,
    ownerUser: sql`r.consultant_id`,
    request: sql`r.id`,
    subject: sql`r.id`,
    detail: sql`r.type`,
  })} from support_requests r
    where r.status in ${OPEN_SUBMITTED} and ${byPerson(scope, sql`r.consultant_id`, sql`r.school_id`)}`);

  // a draft waits on whoever started it; the SWV does not see a school's drafts
  if (scope.kind === 'owner' || (scope.kind === 'school' && !scope.swv))
    branches.push(sql`select ${columns({
      kind: kind('request_waiting'),
      due: sql`${dutchDay(sql`r.created_at`)} + ${REQUEST_WAITING_DAYS}::int`,
      pupil: sql`r.pupil_id`,
      school: sql`r.school_id`,
      ownerUser: sql`r.created_by`,
      request: sql`r.id`,
      subject: sql`r.id`,
      detail: sql`'draft'`,
    })} from support_requests r
      where r.status = 'draft' and ${byPerson(scope, sql`r.created_by`, sql`r.school_id`)}`);

  branches.push(sql`select ${columns({
    kind: kind('advice_waiting'),
    due: sql`${dutchDay(sql`x.assigned_at`)} + ${ADVICE_WAITING_DAYS}::int`,
    pupil: sql`x.pupil_id`,
    school: sql`r.school_id`,
    ownerUser: sql`x.expert_id`,
    request: sql`r.id`,
    subject: sql`x.id`,
    detail: sql`r.type`,
  })} from request_experts x join support_requests r on r.region_id = x.region_id and r.id = x.request_id
    where x.submitted_at is null and r.status in ${OPEN_SUBMITTED} and ${byPerson(scope, sql`x.expert_id`, sql`r.school_id`)}`);

  // in a person's inbox the school is the child's (joined for the page only); a team view filters on the meeting's
  const actionCols = (school: SQL) =>
    columns({
      kind: kind('action_item'),
      due: sql`ai.due_on`,
      pupil: sql`ai.pupil_id`,
      school,
      ownerUser: sql`ai.owner_id`,
      meeting: sql`ai.meeting_id`,
      subject: sql`ai.id`,
      title: sql`ai.title`,
    });
  branches.push(
    scope.kind === 'owner'
      ? sql`select ${actionCols(NULL)} from action_items ai where ai.status = 'open' and ai.owner_id = ${scope.userId}`
      : sql`select ${actionCols(sql`m.school_id`)} from action_items ai join meetings m on m.region_id = ai.region_id and m.id = ai.meeting_id
          where ai.status = 'open' and ${byPerson(scope, sql`ai.owner_id`, sql`m.school_id`)}`,
  );

  // the plan waits on the child's regievoerder; without one, on nobody (the team view shows it).
  // The trigger rule is shared/signal-plan.ts isSignalTriggered.
  // (the child's school is joined for the page only, unless a school's view filters on it)
  const spSchool = scope.kind === 'school';
  branches.push(sql`select ${columns({
    kind: kind('signal_trigger'),
    due: sql`sp.trigger_on`,
    pupil: sql`sp.pupil_id`,
    school: spSchool ? sql`p.school_id` : NULL,
    ownerUser: sql`cl.user_id`,
    subject: sql`sp.id`,
    title: sql`sp.trigger`,
    detail: sql`sp.level`,
  })} from signal_plans sp
    ${spSchool ? sql`join pupils p on p.region_id = sp.region_id and p.id = sp.pupil_id` : sql``}
    left join case_leads cl on cl.region_id = sp.region_id and cl.pupil_id = sp.pupil_id and cl.ended_at is null
    where sp.status = 'waiting' and sp.trigger_on <= ${d} and ${byPerson(scope, sql`cl.user_id`, sql`p.school_id`)}`);

  const meetingDay = dutchDay(sql`m.starts_at`);
  branches.push(sql`select ${columns({
    kind: kind('meeting_report'),
    due: sql`${meetingDay} + ${MEETING_REPORT_DAYS}::int`,
    pupil: sql`m.pupil_id`,
    school: sql`m.school_id`,
    ownerUser: sql`m.organiser_id`,
    meeting: sql`m.id`,
    subject: sql`m.id`,
    detail: sql`m.kind`,
  })} from meetings m
    where (m.status = 'held' or (m.status = 'scheduled' and ${meetingDay} < ${d} - 1))
      and ${byPerson(scope, sql`m.organiser_id`, sql`m.school_id`)}`);

  const validConsent = sql`c.withdrawn_at is null and c.replaced_by_id is null and c.valid_from <= ${d}
      and c.valid_until between ${d} and ${d} + ${CONSENT_EXPIRY_NOTICE_DAYS}::int`;
  const consent = bySchool(scope, sql`p.school_id`);
  if (consent)
    branches.push(sql`select ${columns({
      kind: kind('consent_expiring'),
      due: sql`c.valid_until`,
      pupil: sql`c.pupil_id`,
      school: sql`p.school_id`,
      ownerSchool: sql`p.school_id`,
      subject: sql`c.id`,
    })}
      from consents c join pupils p on p.region_id = c.region_id and p.id = c.pupil_id
      where ${validConsent} and ${consent}`);
  // and the guardian who gave it, when they have an account
  const gSchool = scope.kind === 'school';
  branches.push(sql`select ${columns({
    kind: kind('consent_expiring'),
    due: sql`c.valid_until`,
    pupil: sql`c.pupil_id`,
    school: gSchool ? sql`p.school_id` : NULL,
    ownerUser: sql`g.user_id`,
    subject: sql`c.id`,
  })}
    from guardians g
    -- a guardian gives consent for their own child: the pupil leads to the consents index
    join consents c on c.region_id = g.region_id and c.pupil_id = g.pupil_id and c.given_by_guardian_id = g.id
    ${gSchool ? sql`join pupils p on p.region_id = c.region_id and p.id = c.pupil_id` : sql``}
    where g.user_id is not null and ${validConsent} and ${byPerson(scope, sql`g.user_id`, sql`p.school_id`)}`);

  // verzuim (module 8): an open case without owner waits on the region's thuiszitter coordinator
  // (one task per case; without a coordinator, or one who left, on nobody: the team view shows it);
  // the partial index on (region_id, owner_user_id) where closed_on is null finds both kinds
  const abSchool = scope.kind === 'school';
  const abPupil = abSchool ? sql`join pupils p on p.region_id = ac.region_id and p.id = ac.pupil_id` : sql``;
  const coordinator = sql`(select u.id from regions r join users u on u.id = r.settings->'absence'->>'coordinatorUserId'
      where r.id = ac.region_id and u.deactivated_at is null
        and exists (select 1 from memberships m where m.user_id = u.id and m.role = 'swv_consultant' and m.ended_at is null))`;
  branches.push(sql`select ${columns({
    kind: kind('absence_no_owner'),
    due: sql`ac.opened_on`,
    pupil: sql`ac.pupil_id`,
    school: abSchool ? sql`p.school_id` : NULL,
    ownerUser: coordinator,
    subject: sql`ac.id`,
  })} from absence_cases ac ${abPupil}
    where ac.closed_on is null and ac.owner_user_id is null and ${byPerson(scope, coordinator, sql`p.school_id`)}`);
  // a next date in the past waits on the case's owner (shared/absence.ts caseFlags: next_date_passed)
  branches.push(sql`select ${columns({
    kind: kind('absence_next_date'),
    due: sql`ac.next_date`,
    pupil: sql`ac.pupil_id`,
    school: abSchool ? sql`p.school_id` : NULL,
    ownerUser: sql`ac.owner_user_id`,
    subject: sql`ac.id`,
  })} from absence_cases ac ${abPupil}
    where ac.closed_on is null and ac.next_date < ${d} and ${byPerson(scope, sql`ac.owner_user_id`, sql`p.school_id`)}`);

  return sql.join(branches, sql` union all `);
}
