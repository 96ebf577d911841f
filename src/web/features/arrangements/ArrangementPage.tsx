import '../dossier/dossier.css';
import '../opp/opp.css';
import './arrangements.css';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../api.js';
import { AppLink } from '../../components/AppLink.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { PageHeading } from '../../components/page.js';
import { ScrollTable } from '../../components/ScrollTable.js';
import { ErrorAlert, LoadError, Loading, StatusMessage } from '../../components/Status.js';
import { formatDate } from '../../format.js';
import { useSession } from '../../session.js';
import { Facts } from '../opp/views.js';
import { pupilArrangementsPage, requestPage } from '../requests/keys.js';
import { useConfirmAction } from '../sharing/confirm.js';
import { arrangementApi, formatHours, type TArrangement, useArrangement, useArrangementSaved } from './data.js';
import { EvaluationSection } from './EvaluationSection.js';
import { SpendSection } from './SpendSection.js';
import { ArrangementStatusBadge, executorText } from './views.js';

/** The evaluation dates, the next one said in words ("volgende") and in bold. */
function EvaluationDates({ a }: { a: TArrangement }) {
  const { t } = useTranslation();
  if (a.evaluationDates.length === 0) return null;
  return (
    <ul className="rondom-arr-dates">
      {a.evaluationDates.map((d) => (
        <li key={d} className={d === a.nextEvaluationOn ? 'rondom-arr-dates__next' : undefined}>
          {formatDate(d)}
          {d === a.nextEvaluationOn ? ` (${t('arrangements.detail.next')})` : ''}
        </li>
      ))}
    </ul>
  );
}

/** What was agreed: the goals and how the help is given. */
function Agreement({ a, forParent }: { a: TArrangement; forParent: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <section aria-labelledby="arr-goals-heading" className="rondom-part">
        <Heading2 id="arr-goals-heading">{forParent ? t('arrangements.detail.goalsParent') : t('arrangements.detail.goals')}</Heading2>
        <ScrollTable
          id="arr-goals"
          caption={t('arrangements.detail.goalsCaption', { type: a.type.name })}
          columns={[t('arrangements.fields.goal'), t('arrangements.fields.criterion')]}
          rows={a.goals.map((g) => [g.goal, g.criterion])}
          cellClassName={() => 'rondom-opp-cell'}
        />
      </section>
      <section aria-labelledby="arr-agreement-heading" className="rondom-part">
        <Heading2 id="arr-agreement-heading">{forParent ? t('arrangements.detail.agreementParent') : t('arrangements.detail.agreement')}</Heading2>
        <Paragraph className="rondom-free-text">{a.type.description}</Paragraph>
        <Facts
          items={[
            { label: t('arrangements.fields.executor'), value: executorText(t, a.executor) },
            { label: t('arrangements.fields.hours'), value: t('arrangements.hoursPerWeek', { hours: formatHours(a.hours) }) },
            { label: t('arrangements.fields.period'), value: t('arrangements.period', { from: formatDate(a.startOn), to: formatDate(a.endOn) }) },
            { label: t('arrangements.fields.evaluationDates'), value: <EvaluationDates a={a} /> },
            { label: t('arrangements.fields.school'), value: a.school.name },
            {
              label: t('arrangements.fields.request'),
              value: a.requestId ? <AppLink to={requestPage(a.requestId)}>{t('arrangements.detail.openRequest')}</AppLink> : null,
            },
          ]}
        />
      </section>
    </>
  );
}

/** /arrangementen/:id — one arrangement: goals, executor, period, budget against spend, evaluations. */
export default function ArrangementPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useSession();
  const forParent = me.activeMembership?.role === 'parent';
  const query = useArrangement(id);
  const saved = useArrangementSaved();
  const [status, setStatus] = useState('');
  const end = useConfirmAction(async (a: TArrangement) => {
    saved(await api<TArrangement>(arrangementApi(a.id, '/end'), { method: 'POST', body: {} }));
    setStatus(t('arrangements.detail.ended'));
  });
  if (query.isError) return <LoadError error={query.error} title={t('arrangements.detailTitle')} />;
  if (query.isPending) return <Loading />;
  const a = query.data;
  const title = t('arrangements.detail.title', { type: a.type.name, name: a.pupil.name });
  return (
    <div className="rondom-arr">
      <Paragraph>
        <AppLink to={pupilArrangementsPage(a.pupil.id)}>{t('arrangements.detail.back', { name: a.pupil.name })}</AppLink>
      </Paragraph>
      <PageHeading title={title}>{title}</PageHeading>
      <Paragraph className="rondom-subtitle">
        <ArrangementStatusBadge status={a.status} /> {t('arrangements.period', { from: formatDate(a.startOn), to: formatDate(a.endOn) })}
      </Paragraph>
      <StatusMessage>{status}</StatusMessage>
      {forParent ? <Paragraph lead>{t('arrangements.detail.introParent')}</Paragraph> : null}
      <Agreement a={a} forParent={forParent} />
      <SpendSection a={a} forParent={forParent} onStatus={setStatus} />
      <EvaluationSection a={a} forParent={forParent} onStatus={setStatus} />
      {a.policies.manage ? (
        // stays after ending, so focus has a place to land and the outcome is read in words
        <section aria-labelledby="arr-end-heading" className="rondom-part">
          <Heading2 id="arr-end-heading" ref={end.heading} tabIndex={-1} className="rondom-focus-target">
            {t('arrangements.detail.endTitle')}
          </Heading2>
          {a.policies.end ? (
            <>
              <Paragraph>{t('arrangements.detail.endIntro')}</Paragraph>
              <Button appearance="secondary-action-button" hint="danger" onClick={() => end.ask(a)}>
                {t('arrangements.detail.end')}
              </Button>
            </>
          ) : (
            <Paragraph>{t(`arrangements.detail.notRunning.${a.status}`)}</Paragraph>
          )}
        </section>
      ) : null}
      {a.policies.manage ? (
        <ConfirmDialog
          open={end.target !== null}
          title={t('arrangements.detail.endConfirmTitle')}
          confirmLabel={t('arrangements.detail.end')}
          busy={end.busy}
          onConfirm={() => void end.confirm()}
          onCancel={end.cancel}
        >
          <Paragraph>{t('arrangements.detail.endConfirmBody')}</Paragraph>
          {end.failure ? <ErrorAlert error={end.failure} /> : null}
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
