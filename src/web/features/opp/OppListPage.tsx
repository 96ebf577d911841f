import '../dossier/dossier.css';
import './opp.css';
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
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AppLink } from '../../components/AppLink.js';
import { LoadError, Loading } from '../../components/Status.js';
import { useSession } from '../../session.js';
import { BreakGlassNotice, BreakGlassOffer } from '../break-glass/BreakGlassOffer.js';
import { formatDay } from '../../format.js';
import { PupilFileHeader } from '../pupils/PupilFileNav.js';
import { usePupil } from '../pupils/data.js';
import { audienceOf } from '../sharing/data.js';
import { type TOppListItem, currentVersion, oppPage, useOppList } from './data.js';
import { NewVersion } from './NewVersion.js';
import type { Audience } from './parts.js';
import { OppStatusBadge } from './views.js';

/** "Het plan nu": the version to work on or to read, with what it asks of the reader. */
function Current({ pupilId, item, audience }: { pupilId: string; item: TOppListItem; audience: Audience }) {
  const { t } = useTranslation();
  const waitingForYou = audience === 'parent' && item.status === 'awaiting_assent';
  return (
    <section aria-labelledby="opp-current-heading" className={`rondom-opp-current${waitingForYou ? ' rondom-opp-current--ask' : ''}`}>
      <Heading2 id="opp-current-heading">{t('opp.list.currentTitle')}</Heading2>
      <Paragraph>
        {t('opp.list.versionN', { seq: item.seq })} <OppStatusBadge status={item.status} />
      </Paragraph>
      <Paragraph>{t(`opp.list.current.${item.status}`, { date: formatDay(item.adoptedAt ?? item.submittedAt ?? item.updatedAt) })}</Paragraph>
      {waitingForYou ? (
        <Paragraph>
          <strong>{t('opp.list.waitingForYou')}</strong>
        </Paragraph>
      ) : null}
      <Paragraph>
        <AppLink to={oppPage(pupilId, item.id)} className="rondom-opp-open">
          {waitingForYou ? t('opp.list.openAndDecide') : t('opp.list.open', { seq: item.seq })}
        </AppLink>
      </Paragraph>
    </section>
  );
}

/** /leerlingen/:id/opp — the versions of the child's OPP, the current one first. */
export default function OppListPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useSession();
  const role = me.activeMembership?.role;
  const audience = audienceOf(role);
  const pupil = usePupil(id);
  const list = useOppList(id);
  // a consultant without a relation to the child gets a 404 here while the register knows the child
  if (list.isError) return <BreakGlassOffer pupilId={id} error={list.error} title={t('opp.titleShort')} />;
  if (pupil.isError) return <LoadError error={pupil.error} title={t('opp.titleShort')} />;
  if (pupil.isPending || list.isPending) return <Loading />;
  const p = pupil.data;
  const { items, policies } = list.data;
  const title = t('opp.title', { name: p.displayName });
  const current = currentVersion(items);
  return (
    <div className="rondom-opp">
      <PupilFileHeader pupil={p} title={title} />
      <BreakGlassNotice pupilId={p.id} />
      <Paragraph lead>{t(`opp.list.intro.${audience}`, { name: p.firstName })}</Paragraph>
      {items.length === 0 ? (
        <section aria-labelledby="opp-empty-heading" className="rondom-part">
          <Heading2 id="opp-empty-heading">{t('opp.list.emptyTitle')}</Heading2>
          <Paragraph>{t('opp.list.whatIs')}</Paragraph>
          <Paragraph>{t('opp.list.whenNeeded')}</Paragraph>
          {audience === 'staff' && !policies.create ? <Paragraph className="rondom-hint">{t('opp.list.emptyReader')}</Paragraph> : null}
          {policies.create ? <NewVersion pupilId={p.id} first intro={t('opp.newVersion.firstIntro')} /> : null}
        </section>
      ) : (
        <>
          {current ? <Current pupilId={p.id} item={current} audience={audience} /> : null}
          <section aria-labelledby="opp-versions-heading" className="rondom-part">
            <Heading2 id="opp-versions-heading">{t('opp.list.versionsTitle')}</Heading2>
            <div className="rondom-table-wrap" role="region" aria-labelledby="opp-versions-caption" tabIndex={0}>
              <Table className="rondom-table">
                <TableCaption id="opp-versions-caption" className="rondom-visually-hidden">
                  {t('opp.list.caption', { name: p.displayName })}
                </TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('opp.columns.version')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('opp.columns.status')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('opp.columns.created')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('opp.columns.submitted')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('opp.columns.adopted')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {items.map((o) => (
                    <TableRow key={o.id}>
                      <TableHeaderCell scope="row" className="rondom-nowrap">
                        <AppLink to={oppPage(p.id, o.id)}>{t('opp.list.versionN', { seq: o.seq })}</AppLink>
                      </TableHeaderCell>
                      <TableCell>
                        <OppStatusBadge status={o.status} />
                      </TableCell>
                      <TableCell>{formatDay(o.createdAt)}</TableCell>
                      <TableCell>{o.submittedAt ? formatDay(o.submittedAt) : <span className="rondom-hint">{t('opp.list.notYet')}</span>}</TableCell>
                      <TableCell>{o.adoptedAt ? formatDay(o.adoptedAt) : <span className="rondom-hint">{t('opp.list.notYet')}</span>}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
            {policies.create ? <NewVersion pupilId={p.id} intro={t('opp.newVersion.intro')} /> : null}
          </section>
        </>
      )}
    </div>
  );
}
