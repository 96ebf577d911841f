import './sharing.css';
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
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AppLink } from '../../components/AppLink.js';
import { Pagination } from '../../components/Pagination.js';
import { PageHeading } from '../../components/page.js';
import { ErrorAlert, LoadError, Loading } from '../../components/Status.js';
import { useSession } from '../../session.js';
import { BreakGlassNotice, BreakGlassOffer, BreakGlassOfferFor } from '../break-glass/BreakGlassOffer.js';
import { formatDateTime } from '../../format.js';
import { PupilFileNav } from '../pupils/PupilFileNav.js';
import { audienceOf, backLink, isForbidden, isNotFound, type TAccessLogEntry, useAccessLog, usePupil, useSharing } from './data.js';
import { SharedWith } from './SharedWith.js';

const PAGE_SIZE = 25;

/**
 * "bekeek het groeidocument": the audit action in words. Keys are nested in the translations
 * (accessLog.actions.dossier.read); an action nobody has described yet gets a general sentence.
 */
export function actionText(t: TFunction, i18nExists: (k: string) => boolean, action: string): string {
  const key = `accessLog.actions.${action}`;
  if (/^[a-z_]+(\.[a-z_]+)+$/.test(action) && i18nExists(key)) {
    const s = t(key, { returnObjects: false });
    if (typeof s === 'string' && s !== key) return s;
  }
  return t('accessLog.actionUnknown');
}

function Entries({ items, total }: { items: TAccessLogEntry[]; total: number }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="rondom-table-wrap">
      <Table className="rondom-table">
        <TableCaption className="rondom-visually-hidden">{t('accessLog.caption', { count: total })}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('accessLog.columns.when')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('accessLog.columns.organisation')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('accessLog.columns.role')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('accessLog.columns.what')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id; a page is replaced as a whole
            <TableRow key={`${e.at}-${i}`}>
              <TableHeaderCell scope="row">{formatDateTime(e.at)}</TableHeaderCell>
              <TableCell>{e.organisation?.name ?? t('accessLog.noOrganisation')}</TableCell>
              <TableCell>{e.role ? t(`roles.${e.role}`, { defaultValue: t('accessLog.someone') }) : t('accessLog.system')}</TableCell>
              <TableCell>
                {actionText(t, (k) => i18n.exists(k), e.action)}
                {e.breakGlass && e.action !== 'pupil.break_glass' ? <strong className="rondom-flag rondom-flag--warning rondom-flag--inline">{t('accessLog.breakGlass')}</strong> : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/**
 * /leerlingen/:id/inzage — "Wie keek er in het dossier?": every look at and change to the child's
 * file (organisation and role, never a name), and what is shared with whom.
 */
export default function AccessLogPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useSession();
  const audience = audienceOf(me.activeMembership?.role);
  const [page, setPage] = useState(1);
  // who else looked is the question; one's own visits are there on request
  const [includeOwn, setIncludeOwn] = useState(false);
  const pupil = usePupil(id);
  // the register says whether the log is open to the person ("sharing" follows the same rule)
  const open = !!pupil.data?.policies.accessLog;
  const log = useAccessLog(id, page, PAGE_SIZE, open, includeOwn);
  const sharing = useSharing(id, open);

  if (pupil.isPending) return <Loading />;
  if (pupil.isError) return <LoadError error={pupil.error} title={t('accessLog.titleShort')} />;
  const p = pupil.data;
  // no file at all for this person, but an emergency opening is possible: offer it
  if (!open && p.policies.breakGlass) return <BreakGlassOfferFor pupil={p} />;
  if (log.isError && isNotFound(log.error)) return <BreakGlassOffer pupilId={id} error={log.error} title={t('accessLog.titleShort')} />;
  const back = backLink(me.activeMembership?.role, t);
  const title = t(`accessLog.title.${audience}`, { name: p.displayName });
  const data = log.data;
  return (
    <div className="rondom-file-page">
      {back ? (
        <Paragraph>
          <AppLink to={back.to}>{back.label}</AppLink>
        </Paragraph>
      ) : null}
      <PageHeading title={title}>{title}</PageHeading>
      <PupilFileNav pupilId={p.id} name={p.displayName} />
      <BreakGlassNotice pupilId={p.id} />
      {!open || (log.isError && isForbidden(log.error)) ? (
        <Paragraph className="rondom-empty">{t('accessLog.notForYou')}</Paragraph>
      ) : (
        <>
          <Paragraph lead>{t(`accessLog.intro.${audience}`, { name: p.firstName })}</Paragraph>
          <Paragraph>{t(`accessLog.breakGlassExplained.${audience}`)}</Paragraph>
          {audience !== 'staff' ? (
            <Paragraph>
              {t(`accessLog.question.${audience}`)} <AppLink to="/hulp">{t('accessLog.helpLink')}</AppLink>
            </Paragraph>
          ) : null}
          <section aria-labelledby="access-log-heading" className="rondom-file-section">
            <Heading2 id="access-log-heading">{t('accessLog.listTitle')}</Heading2>
            <div className="utrecht-form-field utrecht-form-field--checkbox">
              <input
                id="access-log-include-own"
                type="checkbox"
                className="utrecht-checkbox utrecht-checkbox--html-input"
                checked={includeOwn}
                onChange={(e) => {
                  setIncludeOwn(e.target.checked);
                  setPage(1);
                }}
              />{' '}
              <label htmlFor="access-log-include-own" className="utrecht-form-label utrecht-form-label--checkbox">
                {t('accessLog.includeOwn')}
              </label>
            </div>
            {log.isPending ? (
              <Loading />
            ) : log.isError ? (
              <ErrorAlert error={log.error} />
            ) : data && data.items.length === 0 ? (
              <Paragraph className="rondom-empty">{t('accessLog.empty')}</Paragraph>
            ) : data ? (
              <>
                <Entries items={data.items} total={data.total} />
                <Pagination
                  page={data.page}
                  pageSize={data.pageSize}
                  total={data.total}
                  onPage={setPage}
                  label={t('accessLog.pagination')}
                />
              </>
            ) : null}
          </section>
        </>
      )}
      {sharing.data ? <SharedWith pupil={p} audience={audience} sharing={sharing.data} /> : null}
    </div>
  );
}
