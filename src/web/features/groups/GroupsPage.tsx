import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, qs } from '../../api.js';
import { AppLink } from '../../components/AppLink.js';
import { SelectField } from '../../components/forms.js';
import { Pagination } from '../../components/Pagination.js';
import { PageHeading } from '../../components/page.js';
import { ErrorAlert, Loading, StatusMessage } from '../../components/Status.js';
import { GROUP_MANAGERS } from '../../roles.js';
import { useSession } from '../../session.js';
import type { Group, Paged } from '../../types.js';
import { useSchools } from '../../components/SchoolFilter.js';
import { GroupForm } from './GroupForm.js';

const PAGE_SIZE = 50;

export default function GroupsPage() {
  const { t } = useTranslation();
  const me = useSession();
  const role = me.activeMembership?.role;
  const isAdmin = role === 'swv_admin';
  const canCreate = !!role && GROUP_MANAGERS.includes(role);
  const [schoolId, setSchoolId] = useState('');
  const [page, setPage] = useState(1);
  const [created, setCreated] = useState<Group | null>(null);
  const schools = useSchools(isAdmin);
  const groups = useQuery({
    queryKey: ['groups', { schoolId, page }],
    queryFn: () => api<Paged<Group>>(`/api/v1/groups${qs({ schoolId, page, pageSize: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });
  const data = groups.data;
  return (
    <>
      <PageHeading>{t('groups.title')}</PageHeading>
      {isAdmin ? (
        <search aria-label={t('groups.filterLabel')}>
          <form className="rondom-filters" onSubmit={(e) => e.preventDefault()}>
            <SelectField
              id="groups-school"
              label={t('groups.schoolFilter')}
              value={schoolId}
              onChange={(e) => {
                setSchoolId(e.target.value);
                setPage(1);
              }}
              placeholder={t('groups.allSchools')}
              options={(schools.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
            />
          </form>
        </search>
      ) : null}
      {groups.isPending ? (
        <Loading />
      ) : groups.isError ? (
        <ErrorAlert error={groups.error} />
      ) : data && data.items.length === 0 ? (
        <Paragraph className="rondom-empty">
          {schoolId ? t('groups.noResults') : canCreate ? t('groups.empty') : t('groups.emptyReadOnly')}
        </Paragraph>
      ) : data ? (
        <>
          <div className="rondom-table-wrap">
            <Table className="rondom-table" aria-busy={groups.isFetching || undefined}>
              <TableCaption className="rondom-visually-hidden">{t('groups.title')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('groups.columns.name')}</TableHeaderCell>
                  {isAdmin ? <TableHeaderCell scope="col">{t('groups.columns.school')}</TableHeaderCell> : null}
                  <TableHeaderCell scope="col">{t('groups.columns.schoolYear')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('groups.columns.teachers')}</TableHeaderCell>
                  <TableHeaderCell scope="col" className="rondom-numeric">
                    {t('groups.columns.pupils')}
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.items.map((g) => (
                  <TableRow key={g.id}>
                    <TableHeaderCell scope="row">
                      {canCreate ? <AppLink to={`/groepen/${g.id}`}>{g.name}</AppLink> : g.name}
                    </TableHeaderCell>
                    {isAdmin ? <TableCell>{g.schoolName}</TableCell> : null}
                    <TableCell>{g.schoolYear}</TableCell>
                    <TableCell>
                      {g.teachers.length ? g.teachers.map((x) => x.name).join(', ') : t('groups.noTeachersYet')}
                    </TableCell>
                    <TableCell className="rondom-numeric">{g.pupilCount}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <Pagination
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            onPage={setPage}
            label={t('groups.pagination')}
          />
        </>
      ) : null}
      {canCreate ? (
        <section aria-labelledby="group-create-heading" className="rondom-section">
          <Heading2 id="group-create-heading">{t('groups.createTitle')}</Heading2>
          <StatusMessage>
            {created ? (
              <>
                {t('groups.created')}{' '}
                <AppLink to={`/groepen/${created.id}`}>{t('groups.viewCreated', { name: created.name })}</AppLink>
              </>
            ) : null}
          </StatusMessage>
          <GroupForm onSaved={setCreated} />
        </section>
      ) : null}
    </>
  );
}
