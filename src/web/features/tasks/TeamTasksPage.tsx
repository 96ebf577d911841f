import './tasks.css';
import { Button, Heading2, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/forms.js';
import { Pagination } from '../../components/Pagination.js';
import { PageHeading } from '../../components/page.js';
import { SchoolFilter } from '../../components/SchoolFilter.js';
import { ErrorAlert, Loading, StatusMessage } from '../../components/Status.js';
import { formatNumber } from '../../format.js';
import { useSession } from '../../session.js';
import { ownerFilterOf, TASK_KINDS, taskKindKey, type TTeamTasks, useTeamTasks } from './data.js';
import { DueText, ownerName, TaskLink, useTaskWhat } from './views.js';

const PAGE_SIZE = 25;

/**
 * /taken/team — who has what: a school's IB'er and director see their school's tasks, the SWV office
 * the region's (with a school filter). First per owner (open, late), then the list itself.
 */
export default function TeamTasksPage() {
  const { t } = useTranslation();
  const me = useSession();
  const role = me.activeMembership?.role;
  const regionWide = role === 'swv_consultant' || role === 'swv_board';
  const [filter, setFilter] = useState({ ownerId: '', kind: '', schoolId: '' });
  const [page, setPage] = useState(1);
  const query = useTeamTasks({ page, pageSize: PAGE_SIZE, ...filter });
  const data: TTeamTasks | undefined = query.data;
  const title = t('tasks.team.title');
  const what = useTaskWhat();
  const change = (k: keyof typeof filter, v: string) => {
    setFilter((f) => ({ ...f, [k]: v, ...(k === 'schoolId' ? { ownerId: '' } : {}) }));
    setPage(1);
  };
  const showOwner = (ownerId: string) => {
    change('ownerId', ownerId);
    document.getElementById('team-tasks-heading')?.focus();
  };
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Paragraph lead>{t(regionWide ? 'tasks.team.introRegion' : 'tasks.team.introSchool')}</Paragraph>
      <search aria-label={t('tasks.team.filterLabel')}>
        <form className="rondom-filters" onSubmit={(e) => e.preventDefault()}>
          {regionWide ? (
            <SchoolFilter
              id="team-tasks-school"
              label={t('tasks.team.schoolFilter')}
              allLabel={t('tasks.team.allSchools')}
              value={filter.schoolId}
              onChange={(v) => change('schoolId', v)}
            />
          ) : null}
          <SelectField
            id="team-tasks-kind"
            label={t('tasks.team.kindFilter')}
            value={filter.kind}
            onChange={(e) => change('kind', e.target.value)}
            placeholder={t('tasks.team.allKinds')}
            options={TASK_KINDS.map((k) => ({ value: k, label: t(taskKindKey(k)) }))}
          />
          <SelectField
            id="team-tasks-owner"
            label={t('tasks.team.ownerFilter')}
            value={filter.ownerId}
            onChange={(e) => change('ownerId', e.target.value)}
            placeholder={t('tasks.team.allOwners')}
            options={(data?.owners ?? []).map((o) => ({ value: ownerFilterOf(o.owner), label: ownerName(t, o.owner) }))}
          />
        </form>
      </search>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorAlert error={query.error} />
      ) : data ? (
        <>
          <section aria-labelledby="team-owners-heading">
            <Heading2 id="team-owners-heading">{t('tasks.team.ownersTitle')}</Heading2>
            {data.owners.length === 0 ? (
              <Paragraph className="rondom-empty">
                <strong>{t('tasks.team.emptyTitle')}</strong> {t('tasks.team.emptyText')}
              </Paragraph>
            ) : (
              <div className="rondom-table-wrap" role="region" aria-labelledby="team-owners-caption" tabIndex={0}>
                <Table className="rondom-table rondom-task-owners">
                  <TableCaption id="team-owners-caption" className="rondom-visually-hidden">
                    {t('tasks.team.ownersTitle')}
                  </TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t('tasks.team.columns.owner')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('tasks.team.columns.open')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('tasks.team.columns.late')}</TableHeaderCell>
                      <TableHeaderCell scope="col">
                        <span className="rondom-visually-hidden">{t('tasks.team.columns.show')}</span>
                      </TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {data.owners.map((o) => {
                      const id = ownerFilterOf(o.owner);
                      const name = ownerName(t, o.owner);
                      return (
                        <TableRow key={id} className={id === filter.ownerId ? 'rondom-task-owners__picked' : undefined}>
                          <TableHeaderCell scope="row">{name}</TableHeaderCell>
                          <TableCell className="rondom-numeric">{formatNumber(o.open)}</TableCell>
                          <TableCell className="rondom-numeric">
                            {o.overdue > 0 ? <strong className="rondom-task-late">{t('tasks.team.lateCount', { count: o.overdue })}</strong> : '0'}
                          </TableCell>
                          <TableCell>
                            <Button
                              appearance="subtle-button"
                              onClick={() => showOwner(id === filter.ownerId ? '' : id)}
                            >
                              {id === filter.ownerId ? (
                                t('tasks.team.showAll')
                              ) : (
                                <>
                                  {t('tasks.team.showOwner')}
                                  <span className="rondom-visually-hidden"> {t('tasks.team.ofOwner', { name })}</span>
                                </>
                              )}
                            </Button>
                          </TableCell>
                        </TableRow>
                      );
                    })}
                  </TableBody>
                </Table>
              </div>
            )}
          </section>
          <section aria-labelledby="team-tasks-heading">
            <Heading2 id="team-tasks-heading" tabIndex={-1}>
              {filter.ownerId && data.owners.length
                ? t('tasks.team.tasksOf', { name: ownerName(t, data.owners.find((o) => ownerFilterOf(o.owner) === filter.ownerId)?.owner) })
                : t('tasks.team.tasksTitle')}
            </Heading2>
            <StatusMessage>
              {data.total > 0 ? t('tasks.team.count', { count: data.total, formatted: formatNumber(data.total), overdue: formatNumber(data.overdue) }) : null}
            </StatusMessage>
            {data.total === 0 ? (
              data.owners.length ? (
                <Paragraph className="rondom-empty">{t('tasks.team.noneForFilter')}</Paragraph>
              ) : null
            ) : (
              <>
                <div className="rondom-table-wrap" role="region" aria-labelledby="team-tasks-caption" tabIndex={0}>
                  <Table className="rondom-table" aria-busy={query.isFetching || undefined}>
                    <TableCaption id="team-tasks-caption" className="rondom-visually-hidden">
                      {t('tasks.team.tasksTitle')}
                    </TableCaption>
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell scope="col">{t('tasks.team.columns.pupil')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('tasks.team.columns.what')}</TableHeaderCell>
                        {regionWide ? <TableHeaderCell scope="col">{t('tasks.team.columns.school')}</TableHeaderCell> : null}
                        <TableHeaderCell scope="col">{t('tasks.team.columns.owner')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('tasks.team.columns.due')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('tasks.team.columns.where')}</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {data.items.map((task) => (
                        <TableRow key={task.id} className={task.overdue ? 'rondom-task-row--late' : undefined}>
                          <TableHeaderCell scope="row">{task.pupil.name}</TableHeaderCell>
                          <TableCell>
                            {what(task)}
                            {task.title ? <span className="rondom-task__title-inline">{task.title}</span> : null}
                          </TableCell>
                          {regionWide ? <TableCell>{task.school.name}</TableCell> : null}
                          <TableCell>{ownerName(t, task.owner)}</TableCell>
                          <TableCell>
                            <DueText task={task} />
                          </TableCell>
                          <TableCell className="rondom-nowrap">
                            <TaskLink task={task} />
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
                <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} label={t('tasks.team.pagination')} />
              </>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}
