import './dossier.css';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
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
import { useParams } from 'react-router';
import { api, qs } from '../../api.js';
import { AppLink } from '../../components/AppLink.js';
import { PageHeading } from '../../components/page.js';
import { Pagination } from '../../components/Pagination.js';
import { ErrorAlert, LoadError, Loading } from '../../components/Status.js';
import type { Paged } from '../../types.js';
import { PupilFileNav } from '../pupils/PupilFileNav.js';
import { type TChangedBy, type TDossierVersionItem, dossierPath, useDossier } from './data.js';
import { formatDateTime } from '../../format.js';
import { changedPartsText } from './labels.js';

const PAGE_SIZE = 20;

/** Staff see the name on the first line; the role and organisation (all that parents see) below it. */
function Who({ by }: { by: TChangedBy }) {
  const { t } = useTranslation();
  const role = by.role ? t(`roles.${by.role}`, { defaultValue: by.role }) : '';
  const where = [role, by.organisationName].filter(Boolean).join(', ');
  if (!by.name) return <>{where || t('common.unknown')}</>;
  return (
    <>
      {by.name}
      {where ? (
        <>
          <br />
          <span className="rondom-hint">{where}</span>
        </>
      ) : null}
    </>
  );
}

/** "Geschiedenis": every saved version of the groeidocument, newest first, with who changed what and when. */
export default function DossierVersionsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [page, setPage] = useState(1);
  // the pupil's name and school for the heading (usually already loaded by the dossier page)
  const dossier = useDossier(id);
  const versions = useQuery({
    queryKey: ['dossier', id, 'versions', { page }],
    queryFn: () => api<Paged<TDossierVersionItem>>(`${dossierPath(id)}/versions${qs({ page, pageSize: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });
  if (dossier.isPending) return <Loading />;
  if (dossier.isError) return <LoadError error={dossier.error} title={t('dossier.history.title')} />;
  const d = dossier.data;
  const base = `/leerlingen/${encodeURIComponent(d.pupil.id)}/groeidocument`;
  const title = t('dossier.history.pageTitle', { name: d.pupil.displayName });
  const data = versions.data;
  return (
    <>
      <Paragraph>
        <AppLink to={base}>{t('dossier.backToDossier')}</AppLink>
      </Paragraph>
      <PageHeading title={title}>{title}</PageHeading>
      <PupilFileNav pupilId={d.pupil.id} name={d.pupil.displayName} />
      <Paragraph>{t('dossier.history.pageIntro')}</Paragraph>
      {versions.isPending ? (
        <Loading />
      ) : versions.isError ? (
        <ErrorAlert error={versions.error} />
      ) : data && data.items.length === 0 ? (
        <Paragraph className="rondom-empty">{t('dossier.history.empty')}</Paragraph>
      ) : data ? (
        <>
          <div className="rondom-table-wrap">
            <Table className="rondom-table" aria-busy={versions.isFetching || undefined}>
              <TableCaption className="rondom-visually-hidden">{title}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('dossier.history.columns.version')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('dossier.history.columns.when')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('dossier.history.columns.who')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('dossier.history.columns.what')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.items.map((v) => (
                  <TableRow key={v.version}>
                    <TableHeaderCell scope="row" className="rondom-nowrap">
                      <AppLink to={`${base}/versies/${v.version}`}>{t('dossier.history.versionLink', { version: v.version })}</AppLink>
                    </TableHeaderCell>
                    <TableCell>{formatDateTime(v.changedAt)}</TableCell>
                    <TableCell>
                      <Who by={v.changedBy} />
                    </TableCell>
                    <TableCell>{changedPartsText(t, v.changedFields, d.goals)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} label={t('dossier.history.pagination')} />
        </>
      ) : null}
    </>
  );
}
