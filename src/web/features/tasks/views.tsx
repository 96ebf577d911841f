import { useTranslation } from 'react-i18next';
import { AppLink } from '../../components/AppLink.js';
import { formatDate } from '../../format.js';
import { type TTask, type TTaskOwner, taskGoToKey, taskKindKey, taskPath } from './data.js';

/** What the task asks, in words; a draft request asks to be finished and sent. */
export function useTaskWhat() {
  const { t } = useTranslation();
  return (task: TTask) => {
    if (task.kind === 'request_waiting' && task.detail === 'draft') return t('tasks.kind.request_draft');
    if (task.kind === 'signal_trigger' && task.detail) return t('tasks.kind.signal_trigger_level', { level: task.detail });
    return t(taskKindKey(task.kind));
  };
}

/** "Te laat sinds 3 dagen", "Vandaag", "Over 5 dagen" — with the date itself beside it. */
export function DueText({ task }: { task: TTask }) {
  const { t } = useTranslation();
  const days = task.daysUntilDue;
  const words =
    days < -1
      ? t('tasks.due.late', { count: -days })
      : days === -1
        ? t('tasks.due.lateSinceYesterday')
        : days === 0
          ? t('tasks.due.today')
          : days === 1
            ? t('tasks.due.tomorrow')
            : t('tasks.due.inDays', { count: days });
  return (
    <span className="rondom-task-due">
      {task.overdue ? <strong className="rondom-task-late">{words}</strong> : <span>{words}</span>}{' '}
      <span className="rondom-task-due__date">{t('tasks.due.date', { date: formatDate(task.dueOn) })}</span>
    </span>
  );
}

/** "Naar het OPP", with the child's name for screen readers (a list of "Naar het OPP" says little). */
export function TaskLink({ task }: { task: TTask }) {
  const { t } = useTranslation();
  return (
    <AppLink to={taskPath({ ...task, pupilId: task.pupil.id })}>
      {t(taskGoToKey(task.kind))}
      <span className="rondom-visually-hidden"> {t('tasks.forPupil', { name: task.pupil.name })}</span>
    </AppLink>
  );
}

export function ownerName(t: (k: string, o?: Record<string, unknown>) => string, o: TTaskOwner | undefined): string {
  if (!o || o.kind === 'unassigned') return t('tasks.owner.unassigned');
  if (o.kind === 'school') return t('tasks.owner.school', { school: o.schoolName });
  return o.name;
}

/** One task as a card: what, for which child, when, and where it is done. */
export function TaskCard({ task, showSchool }: { task: TTask; showSchool: boolean }) {
  const { t } = useTranslation();
  const what = useTaskWhat();
  return (
    <li className={`rondom-task${task.overdue ? ' rondom-task--late' : ''}`}>
      <p className="rondom-task__what">{what(task)}</p>
      {task.title ? <p className="rondom-task__title">{task.title}</p> : null}
      <p className="rondom-task__who">
        {t('tasks.pupil', { name: task.pupil.name })}
        {showSchool ? <span className="rondom-task__school"> · {task.school.name}</span> : null}
      </p>
      <p className="rondom-task__when">
        <DueText task={task} />
      </p>
      <p className="rondom-task__go">
        <TaskLink task={task} />
      </p>
    </li>
  );
}
