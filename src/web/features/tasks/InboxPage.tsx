import './tasks.css';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../components/AppLink.js';
import { SelectField } from '../../components/forms.js';
import { Pagination } from '../../components/Pagination.js';
import { PageHeading } from '../../components/page.js';
import { ErrorAlert, Loading, StatusMessage } from '../../components/Status.js';
import { formatNumber } from '../../format.js';
import { useSession } from '../../session.js';
import { TASK_KINDS, taskKindKey, type TTask, useInbox } from './data.js';
import { TaskCard } from './views.js';

const PAGE_SIZE = 20;

/**
 * /taken — what waits on me: every clock of the system for my roles, late first, then what is due
 * soon. A task goes by itself when the work is done; each one links to where that happens.
 */
export default function InboxPage() {
  const { t } = useTranslation();
  const me = useSession();
  const role = me.activeMembership?.role;
  const isParent = role === 'parent';
  const [page, setPage] = useState(1);
  const [kind, setKind] = useState('');
  const inbox = useInbox(page, PAGE_SIZE, kind);
  const data = inbox.data;
  const title = t('tasks.inbox.title');
  const late = data?.items.filter((i) => i.overdue) ?? [];
  const soon = data?.items.filter((i) => !i.overdue) ?? [];
  // the staff work for several schools; a parent knows which school their child goes to
  const showSchool = !isParent && new Set(data?.items.map((i) => i.school.id)).size > 1;
  const group = (id: string, heading: string, items: TTask[]) =>
    items.length ? (
      <section aria-labelledby={id} className="rondom-task-group">
        <Heading2 id={id}>{heading}</Heading2>
        <ul className="rondom-task-list">
          {items.map((task) => (
            <TaskCard key={task.id} task={task} showSchool={showSchool} />
          ))}
        </ul>
      </section>
    ) : null;
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Paragraph lead>{t(isParent ? 'tasks.inbox.introParent' : 'tasks.inbox.intro')}</Paragraph>
      {/* a consultant's list runs to pages; a family's stays short */}
      {!isParent ? (
        <search aria-label={t('tasks.inbox.filterLabel')}>
          <form className="rondom-filters" onSubmit={(e) => e.preventDefault()}>
            <SelectField
              id="inbox-kind"
              label={t('tasks.team.kindFilter')}
              value={kind}
              onChange={(e) => {
                setKind(e.target.value);
                setPage(1);
              }}
              placeholder={t('tasks.team.allKinds')}
              options={TASK_KINDS.map((k) => ({ value: k, label: t(taskKindKey(k)) }))}
            />
          </form>
        </search>
      ) : null}
      <StatusMessage>
        {data && data.total > 0
          ? data.overdue > 0
            ? t('tasks.inbox.countLate', { count: data.total, formatted: formatNumber(data.total), overdue: formatNumber(data.overdue) })
            : t('tasks.inbox.count', { count: data.total, formatted: formatNumber(data.total) })
          : null}
      </StatusMessage>
      {inbox.isPending ? (
        <Loading />
      ) : inbox.isError ? (
        <ErrorAlert error={inbox.error} />
      ) : data && data.total === 0 ? (
        <Paragraph className="rondom-empty">
          <strong>{t('tasks.inbox.emptyTitle')}</strong> {t(kind ? 'tasks.inbox.emptyKind' : 'tasks.inbox.emptyText')}
        </Paragraph>
      ) : data ? (
        <div aria-busy={inbox.isFetching || undefined}>
          {group('tasks-late', t('tasks.inbox.lateHeading', { count: data.overdue }), late)}
          {group('tasks-soon', t('tasks.inbox.soonHeading', { count: data.total - data.overdue }), soon)}
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} label={t('tasks.inbox.pagination')} />
        </div>
      ) : null}
      <Paragraph className="rondom-task-digest-hint">
        {t('tasks.inbox.digestHint')} <AppLink to="/account#digest">{t('tasks.inbox.digestLink')}</AppLink>
      </Paragraph>
    </>
  );
}
