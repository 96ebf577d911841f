import { z } from 'zod';
import { TASK_KINDS } from '../meeting.js';
import { ZPaged, ZPageQuery, ZUuid } from './common.js';

/**
 * The task inbox: every clock of the system as a task, computed from the records (never stored).
 * GET /api/v1/tasks is the actor's own inbox; GET /api/v1/tasks/team the tasks of their school or
 * region with who owns each; GET/PUT /api/v1/me/digest the daily e-mail.
 */

/** Who a task waits on: a person, the care coordinators (IB'ers) of a school, or nobody yet. */
export const ZTaskOwner = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), id: z.string(), name: z.string() }),
  z.object({ kind: z.literal('school'), schoolId: z.string(), schoolName: z.string() }),
  z.object({ kind: z.literal('unassigned') }),
]);
export type TTaskOwner = z.infer<typeof ZTaskOwner>;

export const ZTask = z.object({
  /** Stable key of the task (kind, the record it is about, its owner). */
  id: z.string(),
  kind: z.enum(TASK_KINDS),
  dueOn: z.string(),
  overdue: z.boolean(),
  /** Days from today (in the Netherlands) to the due date: negative when late. */
  daysUntilDue: z.number(),
  pupil: z.object({ id: z.string(), name: z.string() }),
  school: z.object({ id: z.string(), name: z.string() }),
  /** What the web links to (shared/tasks.ts taskPath). */
  oppId: z.string().nullable(),
  requestId: z.string().nullable(),
  arrangementId: z.string().nullable(),
  meetingId: z.string().nullable(),
  /** The absence case, for the absence tasks. */
  absenceCaseId: z.string().nullable(),
  /** The action item's title, or the signaleringsplan's trigger. */
  title: z.string().nullable(),
  /**
   * A short fact that sharpens the kind: the request's type (`request_waiting`, `advice_waiting`),
   * `draft` for a request not yet sent, the plan level (B, C, D), the meeting kind, the TLV number.
   */
  detail: z.string().nullable(),
  /** Only in the team view. */
  owner: ZTaskOwner.optional(),
});
export type TTask = z.infer<typeof ZTask>;

/** One's own inbox, optionally one kind of task (a consultant's list is long). */
export const ZTaskQuery = ZPageQuery.extend({ kind: z.enum(TASK_KINDS).optional() });

export const ZTaskList = ZPaged(ZTask).extend({ overdue: z.number() });
export type TTaskList = z.infer<typeof ZTaskList>;

/** A person's id, the IB'ers of a school (`school:<id>`), or `none` for tasks nobody has yet. */
export const ZTaskOwnerFilter = z
  .string()
  .regex(/^(none|school:[0-9a-fA-F-]{36}|[A-Za-z0-9_-]{1,100})$/, { message: 'rule:invalid_owner' });

export const ZTeamTaskQuery = ZPageQuery.extend({
  ownerId: ZTaskOwnerFilter.optional(),
  kind: z.enum(TASK_KINDS).optional(),
  /** The SWV narrows the region to one school; a school's leads see only their own. */
  schoolId: ZUuid.optional(),
});
export type TTeamTaskQuery = z.infer<typeof ZTeamTaskQuery>;

export const ZTaskOwnerSummary = z.object({ owner: ZTaskOwner, open: z.number(), overdue: z.number() });
export type TTaskOwnerSummary = z.infer<typeof ZTaskOwnerSummary>;

export const ZTeamTasks = ZTaskList.extend({ owners: z.array(ZTaskOwnerSummary) });
export type TTeamTasks = z.infer<typeof ZTeamTasks>;

/** The daily e-mail with one's open tasks: on unless turned off. */
export const ZDigestSetting = z.object({ enabled: z.boolean() }).strict();
export type TDigestSetting = z.infer<typeof ZDigestSetting>;

/** The value of `ownerId` that picks an owner from the summary. */
export function ownerFilterOf(o: TTaskOwner): string {
  return o.kind === 'user' ? o.id : o.kind === 'school' ? `school:${o.schoolId}` : 'none';
}
