import { keepPreviousData, useQuery } from '@tanstack/react-query';
// types only: zod stays out of the browser bundle
import type { TDigestSetting, TTask, TTaskList, TTaskOwner, TTaskOwnerSummary, TTeamTasks } from '../../../shared/schemas/task.js';
import { api, qs } from '../../api.js';

export type { TDigestSetting, TTask, TTaskList, TTaskOwner, TTaskOwnerSummary, TTeamTasks };
export { TASK_KINDS } from '../../../shared/meeting.js';
export type { TTaskKind } from '../../../shared/meeting.js';
export { taskGoToKey, taskKindKey, taskPath } from '../../../shared/tasks.js';

export const TASKS_KEY = ['tasks'] as const;
export const DIGEST_KEY = ['me', 'digest'] as const;

export function useInbox(page: number, pageSize: number, kind = '') {
  return useQuery({
    queryKey: [...TASKS_KEY, 'inbox', { page, pageSize, kind }],
    queryFn: () => api<TTaskList>(`/api/v1/tasks${qs({ page, pageSize, kind })}`),
    placeholderData: keepPreviousData,
  });
}

export function useTeamTasks(f: { page: number; pageSize: number; ownerId: string; kind: string; schoolId: string }) {
  return useQuery({
    queryKey: [...TASKS_KEY, 'team', f],
    queryFn: () => api<TTeamTasks>(`/api/v1/tasks/team${qs(f)}`),
    placeholderData: keepPreviousData,
  });
}

/** The value of `ownerId` that picks an owner (as in shared/schemas/task.ts, without zod). */
export function ownerFilterOf(o: TTaskOwner): string {
  return o.kind === 'user' ? o.id : o.kind === 'school' ? `school:${o.schoolId}` : 'none';
}
