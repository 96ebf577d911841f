import { Paragraph } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { api } from '../../api.js';
import { PageHeading } from '../../components/page.js';
import { LoadError, Loading } from '../../components/Status.js';
import type { Paged, PupilListItem } from '../../types.js';

/** A pupil's own way in: the list the server gives a pupil holds only themselves. */
export default function MyFilePage() {
  const { t } = useTranslation();
  const mine = useQuery({ queryKey: ['pupils', 'self'], queryFn: () => api<Paged<PupilListItem>>('/api/v1/pupils?pageSize=1') });
  if (mine.isPending) return <Loading />;
  if (mine.isError) return <LoadError error={mine.error} title={t('myFile.title')} />;
  const me = mine.data.items[0];
  if (me) return <Navigate to={`/leerlingen/${encodeURIComponent(me.id)}/groeidocument`} replace />;
  return (
    <>
      <PageHeading>{t('myFile.title')}</PageHeading>
      <Paragraph>{t('myFile.notLinked')}</Paragraph>
    </>
  );
}
