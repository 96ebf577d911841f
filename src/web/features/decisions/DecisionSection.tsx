import './decisions.css';
import { Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Loading, StatusMessage } from '../../components/Status.js';
import { formatDate, formatDay } from '../../format.js';
import { useSession } from '../../session.js';
import { DecisionForm } from './DecisionForm.js';
import { decisionPath, objectionDossierPath, type TDecision, useDecision, useExperts } from './data.js';
import { Objections } from './Objections.js';
import type { TRequestPartProps } from './RequestDecisionParts.js';
import { ReturnPlan } from './ReturnPlan.js';

const downloadLink = (href: string, label: string) => (
  <a className="utrecht-link utrecht-link--html-a" href={href} download>
    {label}
  </a>
);

/** The decision as taken: outcome in words, reasons, the TLV, the letter, and the objection clock. */
function DecisionView({ requestId, d, parent, onStatus }: { requestId: string; d: TDecision; parent: boolean; onStatus: (m: string) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="rondom-decision-outcome">
        <span className={`rondom-decision-badge rondom-decision-badge--${d.outcome}`}>{t(`decisions.outcome.${d.outcome}`)}</span>
      </p>
      <dl className="rondom-decision-facts">
        <div>
          <dt>{t('decisions.view.decidedOn')}</dt>
          <dd>{t('decisions.view.decidedBy', { date: formatDay(d.decidedAt), name: d.decidedBy.name })}</dd>
        </div>
        <div>
          <dt>{t('decisions.view.sentOn')}</dt>
          <dd>{formatDate(d.sentOn)}</dd>
        </div>
      </dl>
      <p className="rondom-decision-card__label">{t(parent ? 'decisions.view.reasonsParent' : 'decisions.view.reasons')}</p>
      <div className="rondom-free-text">{d.reasons}</div>
      {d.criteria ? (
        <>
          <p className="rondom-decision-card__label">{t('decisions.view.criteria')}</p>
          <div className="rondom-free-text">{d.criteria}</div>
        </>
      ) : null}
      {d.tlv ? (
        <div className="rondom-decision-tlv-view">
          <Heading3>{t('tlv.title')}</Heading3>
          <dl className="rondom-decision-facts">
            <div>
              <dt>{t('tlv.number')}</dt>
              <dd>{d.tlv.number}</dd>
            </div>
            <div>
              <dt>{t('tlv.schoolTypeLabel')}</dt>
              <dd>{t(`tlv.schoolType.${d.tlv.schoolType}`)}</dd>
            </div>
            {d.tlv.category ? (
              <div>
                <dt>{t('tlv.categoryLabel')}</dt>
                <dd>{t(`tlv.category.${d.tlv.category}`)}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('tlv.validity')}</dt>
              <dd>{t('tlv.validFromUntil', { from: formatDate(d.tlv.validFrom), until: formatDate(d.tlv.validUntil) })}</dd>
            </div>
          </dl>
        </div>
      ) : null}
      <ul className="rondom-decision-downloads">
        <li>{downloadLink(decisionPath(requestId, '/letter'), t('decisions.view.letter'))}</li>
        {d.policies.exportObjectionDossier ? <li>{downloadLink(objectionDossierPath(requestId), t('decisions.view.dossier'))}</li> : null}
      </ul>
      <div className="rondom-decision-deadline">
        <Heading3>{t('objections.deadlineTitle')}</Heading3>
        <Paragraph>
          {d.objectionOpen
            ? t('objections.deadlineOpen', { date: formatDate(d.objectionDeadline) })
            : t('objections.deadlinePassed', { date: formatDate(d.objectionDeadline) })}
        </Paragraph>
        {parent ? <Paragraph className="rondom-hint">{t('objections.howParent')}</Paragraph> : null}
      </div>
      <Objections requestId={requestId} decision={d} onStatus={onStatus} />
      {d.tlv ? <ReturnPlan requestId={requestId} tlv={d.tlv} canEdit={d.policies.editReturnPlan} onStatus={onStatus} /> : null}
    </>
  );
}

/** "Besluit": the decision form for whoever decides, then the decision with its letter and objections. Mounted by the request page. */
export function DecisionSection({ requestId, status, type }: TRequestPartProps) {
  const { t } = useTranslation();
  const me = useSession();
  const parent = me.activeMembership?.role === 'parent';
  const decided = status === 'decided' || status === 'closed';
  const decision = useDecision(requestId, decided);
  // before the decision exists, the experts' answer says whether this reader may take it
  const experts = useExperts(requestId);
  const [deciding, setDeciding] = useState(false);
  const [message, setMessage] = useState('');
  const opener = useRef<HTMLButtonElement>(null);
  const mayDecide = status === 'in_assessment' && !!experts.data?.policies.decide;
  if (!decided && !mayDecide) return null;
  return (
    <section aria-labelledby="decision-heading" className="rondom-decision-part">
      <div className="rondom-decision-part__head">
        <Heading2 id="decision-heading" tabIndex={-1} className="rondom-focus-target">
          {t('decisions.title')}
        </Heading2>
        {mayDecide && !deciding && !decision.data ? (
          <Button ref={opener} appearance="primary-action-button" onClick={() => setDeciding(true)}>
            {t('decisions.form.open')}
          </Button>
        ) : null}
      </div>
      <StatusMessage>{message}</StatusMessage>
      {decision.data ? (
        <DecisionView requestId={requestId} d={decision.data} parent={parent} onStatus={setMessage} />
      ) : decided && decision.isPending ? (
        <Loading />
      ) : decision.isError ? (
        <ErrorAlert error={decision.error} />
      ) : deciding ? (
        <DecisionForm
          requestId={requestId}
          isTlv={type === 'tlv'}
          advicesSufficient={!!experts.data?.advicesSufficient}
          onDone={setMessage}
          onClose={() => {
            setDeciding(false);
            requestAnimationFrame(() => (opener.current ?? document.getElementById('decision-heading'))?.focus());
          }}
        />
      ) : (
        <Paragraph className="rondom-hint">{t(type === 'tlv' && !experts.data?.advicesSufficient ? 'decisions.form.waitingForAdvices' : 'decisions.form.ready')}</Paragraph>
      )}
    </section>
  );
}
