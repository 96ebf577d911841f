import { useQuery } from '@tanstack/react-query';
import { DataList, DataListItem, DataListKey, DataListValue, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../api.js';
import { AppLink } from '../../components/AppLink.js';
import { PageHeading } from '../../components/page.js';
import { LoadError, Loading, StatusMessage } from '../../components/Status.js';
import type { Group } from '../../types.js';
import { GroupForm } from './GroupForm.js';

export default function GroupPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [status, setStatus] = useState<string>();
  const group = useQuery({
    queryKey: ['groups', 'detail', id],
    queryFn: () => api<Group>(`/api/v1/groups/${encodeURIComponent(id)}`),
  });
  if (group.isPending) return <Loading />;
  if (group.isError) return <LoadError error={group.error} title={t('groups.detailTitle')} />;
  const g = group.data;
  return (
    <>
      <Paragraph>
        <AppLink to="/groepen">{t('groups.backToList')}</AppLink>
      </Paragraph>
      <PageHeading>{t('groups.detailHeading', { name: g.name })}</PageHeading>
      <StatusMessage>{status}</StatusMessage>
      <DataList>
        <DataListItem>
          <DataListKey>{t('groups.fields.school')}</DataListKey>
          <DataListValue value={g.schoolName}>{g.schoolName}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('groups.fields.schoolYear')}</DataListKey>
          <DataListValue value={g.schoolYear}>{g.schoolYear}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('groups.columns.pupils')}</DataListKey>
          <DataListValue value={String(g.pupilCount)}>{g.pupilCount}</DataListValue>
        </DataListItem>
      </DataList>
      <section aria-labelledby="group-edit-heading" className="rondom-section">
        <Heading2 id="group-edit-heading">{t('groups.editTitle')}</Heading2>
        <GroupForm
          key={`${g.id}-${g.name}-${g.teachers.map((x) => x.id).join(',')}`}
          group={g}
          onSaved={() => setStatus(t('common.saved'))}
        />
      </section>
    </>
  );
}
