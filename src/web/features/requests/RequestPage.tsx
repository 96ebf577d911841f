import '../dossier/dossier.css';
import './requests.css';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AppLink } from '../../components/AppLink.js';
import { PageHeading } from '../../components/page.js';
import { LoadError, Loading, StatusMessage } from '../../components/Status.js';
import { formatDay } from '../../format.js';
import { canOpen } from '../../roles.js';
import { useSession } from '../../session.js';
import { GrantArrangement } from '../arrangements/GrantArrangement.js';
import { DecisionSection, ExpertsSection } from '../decisions/RequestDecisionParts.js';
import { audienceOf } from '../sharing/data.js';
import { type TRequest, useRequest } from './data.js';
import { pupilRequestsPage } from './keys.js';
import { RequestActions } from './RequestActions.js';
import { RequestChecklist } from './RequestChecklist.js';
import { RequestComments, RequestTimeline } from './RequestConversation.js';
import { RequestDetails } from './RequestDetails.js';
import { RequestFiles } from './RequestFiles.js';
import { Days, FactList, RequestStatusBadge } from './views.js';

/** Status, dates and lead times; the page puts focus here after a step. */
function StateBlock({ request, parent }: { request: TRequest; parent: boolean }) {
  const { t } = useTranslation();
  const r = request;
  const facts = [
    {
      label: t('requests.fields.status'),
      value: (
        <>
          <RequestStatusBadge status={r.status} />
          {r.outcome ? ` ${t(`requests.outcome.${r.outcome}`)}` : null}
        </>
      ),
    },
    { label: t('requests.fields.type'), value: t(`requests.type.${r.type}`) },
    { label: t('requests.fields.school'), value: r.school.name },
    { label: t('requests.fields.consultant'), value: r.consultant?.name ?? t('requests.list.unassigned') },
    { label: t('requests.fields.submittedAt'), value: r.submittedAt ? formatDay(r.submittedAt) : t('requests.list.notSubmitted') },
    ...(!parent && r.submittedAt
      ? [
          { label: t('requests.columns.toComplete'), value: <Days value={r.receivedToComplete} /> },
          { label: t('requests.columns.toDecided'), value: <Days value={r.receivedToDecided} /> },
        ]
      : []),
  ];
  const ask = !parent && r.policies.edit && !r.checklistMet;
  return (
    <div id="request-state" tabIndex={-1} className="rondom-focus-target">
      <FactList items={facts} />
      <Alert type={ask ? 'warning' : 'info'}>
        <Paragraph>{t(parent ? `requests.state.parent.${r.status}` : `requests.state.${r.status}`)}</Paragraph>
        {r.status === 'withdrawn' && r.withdrawnReason ? <Paragraph>{t('requests.state.withdrawnReason', { reason: r.withdrawnReason })}</Paragraph> : null}
        {ask ? (
          <Paragraph>
            <a className="utrecht-link utrecht-link--html-a" href="#request-checklist">
              {t('requests.state.toChecklist')}
            </a>
          </Paragraph>
        ) : null}
      </Alert>
    </div>
  );
}

/** /aanvragen/:id — one request: what is missing, its content, files, steps, timeline and conversation, then the decision parts. */
export default function RequestPage() {
  const { id = '' } = useParams();
  // another request is another page: open forms and messages start anew
  return <RequestView key={id} id={id} />;
}

function RequestView({ id }: { id: string }) {
  const { t } = useTranslation();
  const role = useSession().activeMembership?.role;
  const parent = audienceOf(role) === 'parent';
  const request = useRequest(id);
  const [status, setStatus] = useState<string>();
  if (request.isPending) return <Loading />;
  if (request.isError) return <LoadError error={request.error} title={t('requests.detailTitle')} />;
  const r = request.data;
  const title = t('requests.detail.title', { type: t(`requests.type.${r.type}`), name: r.pupil.name });
  const parts = { requestId: r.id, pupilId: r.pupil.id, status: r.status, type: r.type };
  const decided = r.status === 'decided' || r.status === 'closed';
  return (
    <div className="rondom-requests">
      <Paragraph>
        {canOpen(role, 'requests') ? <AppLink to="/aanvragen">{t('requests.backToList')}</AppLink> : null}
        {canOpen(role, 'requests') ? ' · ' : null}
        <AppLink to={pupilRequestsPage(r.pupil.id)}>{t('requests.backToPupil', { name: r.pupil.name })}</AppLink>
      </Paragraph>
      <PageHeading title={title}>{title}</PageHeading>
      <StatusMessage>{status}</StatusMessage>
      <StateBlock request={r} parent={parent} />
      {/* what is missing matters until the request is complete; after that it is history */}
      {r.status === 'draft' || r.status === 'submitted' ? <RequestChecklist request={r} onStatus={setStatus} /> : null}
      {decided ? null : (
        <>
          <RequestDetails request={r} parent={parent} onStatus={setStatus} />
          <RequestActions request={r} onStatus={setStatus} />
          <ExpertsSection {...parts} />
        </>
      )}
      {/* one place in the tree, before or after the rest: deciding must not remount it (its message would go) */}
      <DecisionSection {...parts} />
      <GrantArrangement {...parts} />
      {decided ? (
        <>
          <RequestDetails request={r} parent={parent} onStatus={setStatus} />
          <RequestActions request={r} onStatus={setStatus} />
        </>
      ) : null}
      <RequestFiles request={r} onStatus={setStatus} />
      <RequestTimeline request={r} parent={parent} />
      <RequestComments request={r} />
      {decided ? <ExpertsSection {...parts} /> : null}
    </div>
  );
}
