import '../dossier/dossier.css';
import './arrangements.css';
import {
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AppLink } from '../../components/AppLink.js';
import { LoadError, Loading } from '../../components/Status.js';
import { formatDate } from '../../format.js';
import { useSession } from '../../session.js';
import { PupilFileHeader } from '../pupils/PupilFileNav.js';
import { usePupil } from '../pupils/data.js';
import { arrangementPage, pupilRequestsPage } from '../requests/keys.js';
import { audienceOf } from '../sharing/data.js';
import { formatEuro, formatHours, usePupilArrangements } from './data.js';
import { ArrangementStatusBadge, BudgetSummary } from './views.js';

/** /leerlingen/:id/arrangementen — the child's arrangements; for parents "welke extra hulp krijgt uw kind". */
export default function PupilArrangementsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useSession();
  const role = me.activeMembership?.role;
  const audience = audienceOf(role);
  const forParent = audience === 'parent';
  const pupil = usePupil(id);
  const list = usePupilArrangements(id);
  // break-the-glass opens the file, not the arrangements: a 404 here is the not-found page
  if (list.isError) return <LoadError error={list.error} title={t('arrangements.pupilTitle')} />;
  if (pupil.isError) return <LoadError error={pupil.error} title={t('arrangements.pupilTitle')} />;
  if (pupil.isPending || list.isPending) return <Loading />;
  const p = pupil.data;
  const { items, totals } = list.data;
  const title = forParent ? t('arrangements.pupil.titleParent', { name: p.firstName }) : t('arrangements.pupil.title', { name: p.displayName });
  const overall = { ...totals, remainingCents: totals.budgetCents - totals.spentCents, overBudget: totals.spentCents > totals.budgetCents };
  return (
    <div className="rondom-arr">
      <PupilFileHeader pupil={p} title={title} />
      <Paragraph lead>{forParent ? t('arrangements.pupil.introParent', { name: p.firstName }) : t('arrangements.pupil.intro')}</Paragraph>
      {items.length === 0 ? (
        <section aria-labelledby="arr-pupil-empty-heading" className="rondom-part">
          <Heading2 id="arr-pupil-empty-heading">{forParent ? t('arrangements.pupil.emptyTitleParent') : t('arrangements.pupil.emptyTitle')}</Heading2>
          <Paragraph>{forParent ? t('arrangements.pupil.emptyParent', { name: p.firstName }) : t('arrangements.pupil.empty')}</Paragraph>
          {p.policies.requests ? (
            <Paragraph>
              <AppLink to={pupilRequestsPage(p.id)}>{t('arrangements.pupil.toRequests')}</AppLink>
            </Paragraph>
          ) : null}
        </section>
      ) : (
        <>
          <section aria-labelledby="arr-pupil-list-heading" className="rondom-part">
            <Heading2 id="arr-pupil-list-heading">{forParent ? t('arrangements.pupil.listTitleParent') : t('arrangements.pupil.listTitle')}</Heading2>
            <div className="rondom-table-wrap" role="region" aria-labelledby="arr-pupil-caption" tabIndex={0}>
              <Table className="rondom-table">
                <TableCaption id="arr-pupil-caption" className="rondom-visually-hidden">
                  {t('arrangements.pupil.caption', { name: p.displayName })}
                </TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('arrangements.columns.type')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('arrangements.columns.status')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('arrangements.columns.period')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('arrangements.columns.hours')}</TableHeaderCell>
                    <TableHeaderCell scope="col" className="rondom-num">{t('arrangements.columns.budget')}</TableHeaderCell>
                    <TableHeaderCell scope="col" className="rondom-num">{t('arrangements.columns.spent')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('arrangements.columns.nextEvaluation')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {items.map((a) => (
                    <TableRow key={a.id}>
                      <TableHeaderCell scope="row">
                        <AppLink to={arrangementPage(a.id)}>{a.type.name}</AppLink>
                      </TableHeaderCell>
                      <TableCell>
                        <ArrangementStatusBadge status={a.status} />
                      </TableCell>
                      <TableCell>{t('arrangements.period', { from: formatDate(a.startOn), to: formatDate(a.endOn) })}</TableCell>
                      <TableCell className="rondom-nowrap">{t('arrangements.hoursPerWeek', { hours: formatHours(a.hours) })}</TableCell>
                      <TableCell className="rondom-num">{formatEuro(a.totals.budgetCents)}</TableCell>
                      <TableCell className="rondom-num">
                        {formatEuro(a.totals.spentCents)}
                        {a.totals.overBudget ? (
                          <>
                            {' '}
                            <strong>{t('arrangements.overBudgetMark')}</strong>
                          </>
                        ) : null}
                      </TableCell>
                      <TableCell>
                        {a.nextEvaluationOn ? formatDate(a.nextEvaluationOn) : <span className="rondom-hint">{t('arrangements.noNextEvaluation')}</span>}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
                <TableFooter>
                  <TableRow className="rondom-arr-total">
                    <TableHeaderCell scope="row">{t('arrangements.pupil.total')}</TableHeaderCell>
                    <TableCell />
                    <TableCell />
                    <TableCell />
                    <TableCell className="rondom-num">{formatEuro(totals.budgetCents)}</TableCell>
                    <TableCell className="rondom-num">{formatEuro(totals.spentCents)}</TableCell>
                    <TableCell />
                  </TableRow>
                </TableFooter>
              </Table>
            </div>
          </section>
          <section aria-labelledby="arr-pupil-spent-heading" className="rondom-part">
            <Heading2 id="arr-pupil-spent-heading">{forParent ? t('arrangements.pupil.spentTitleParent') : t('arrangements.pupil.spentTitle')}</Heading2>
            <BudgetSummary totals={overall} forParent={forParent} id="arr-pupil-budget" />
            {forParent ? <Paragraph className="rondom-hint">{t('arrangements.pupil.spentHintParent')}</Paragraph> : null}
          </section>
        </>
      )}
    </div>
  );
}
