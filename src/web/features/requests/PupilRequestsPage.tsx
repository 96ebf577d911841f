import '../dossier/dossier.css';
import './requests.css';
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
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AppLink } from '../../components/AppLink.js';
import { PageHeading } from '../../components/page.js';
import { LoadError, Loading } from '../../components/Status.js';
import { formatDay } from '../../format.js';
import { useSession } from '../../session.js';
import { PupilFileNav } from '../pupils/PupilFileNav.js';
import { usePupil } from '../pupils/data.js';
import { audienceOf, backLink } from '../sharing/data.js';
import { checklistLabel, usePupilRequests } from './data.js';
import { newRequestPage, requestPage } from './keys.js';
import { RequestStatusBadge } from './views.js';

/** /leerlingen/:id/aanvragen — the child's requests to the SWV and the decisions on them (parents read it too, in B1). */
export default function PupilRequestsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const role = useSession().activeMembership?.role;
  const audience = audienceOf(role);
  const pupil = usePupil(id);
  const list = usePupilRequests(id);
  // the board reads a child's requests without a place in the pupil register: the page then goes by the list alone
  if (list.isError) return <LoadError error={list.error} title={t('requests.pupilTitle')} />;
  if (list.isPending || pupil.isPending) return <Loading />;
  const p = pupil.data;
  const { items, policies } = list.data;
  const name = p?.displayName ?? items[0]?.pupil.name;
  const title = name ? t('requests.pupil.title', { name }) : t('requests.pupilTitle');
  const back = backLink(role, t);
  const parent = audience === 'parent';
  return (
    <div className="rondom-requests">
      {back ? (
        <Paragraph>
          <AppLink to={back.to}>{back.label}</AppLink>
        </Paragraph>
      ) : null}
      <PageHeading title={title}>{title}</PageHeading>
      {p ? (
        <>
          <Paragraph className="rondom-subtitle">{p.school.name}</Paragraph>
          <PupilFileNav pupilId={p.id} name={p.displayName} />
        </>
      ) : null}
      <Paragraph lead>{t(parent ? 'requests.pupil.introParent' : 'requests.pupil.intro', { name: p?.firstName ?? name ?? '' })}</Paragraph>
      {policies.create ? (
        <Paragraph>
          <Link to={newRequestPage(id)} className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action">
            {t('requests.pupil.new')}
          </Link>
        </Paragraph>
      ) : null}
      {items.length === 0 ? (
        <Paragraph className="rondom-empty">{t(parent ? 'requests.pupil.emptyParent' : 'requests.pupil.empty')}</Paragraph>
      ) : (
        <div className="rondom-table-wrap" role="region" aria-labelledby="pupil-requests-caption" tabIndex={0}>
          <Table className="rondom-table">
            <TableCaption id="pupil-requests-caption" className="rondom-visually-hidden">
              {title}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('requests.columns.type')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('requests.columns.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('requests.columns.received')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('requests.columns.decision')}</TableHeaderCell>
                {!parent ? <TableHeaderCell scope="col">{t('requests.columns.missing')}</TableHeaderCell> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((i) => (
                <TableRow key={i.id}>
                  <TableHeaderCell scope="row">
                    <AppLink to={requestPage(i.id)}>{t(`requests.type.${i.type}`)}</AppLink>
                  </TableHeaderCell>
                  <TableCell>
                    <RequestStatusBadge status={i.status} />
                  </TableCell>
                  <TableCell className="rondom-nowrap">
                    {i.submittedAt ? formatDay(i.submittedAt) : <span className="rondom-hint">{t('requests.list.notSubmitted')}</span>}
                  </TableCell>
                  <TableCell>
                    {i.outcome ? (
                      t('requests.pupil.decidedOn', { outcome: t(`requests.outcome.${i.outcome}`), date: formatDay(i.decidedAt) })
                    ) : (
                      <span className="rondom-hint">{t('requests.pupil.noDecision')}</span>
                    )}
                  </TableCell>
                  {!parent ? (
                    <TableCell>
                      {i.missing.length ? i.missing.map((c) => checklistLabel(t, c)).join(', ') : <span className="rondom-hint">{t('requests.list.nothingMissing')}</span>}
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}
