import '../dossier/dossier.css';
import '../opp/opp.css';
import './arrangements.css';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ARRANGEMENT_REQUEST_TYPES } from '../../../shared/support-request.js';
import { AppLink } from '../../components/AppLink.js';
import { ErrorAlert, Loading, StatusMessage } from '../../components/Status.js';
import { formatDate } from '../../format.js';
import type { TRequestPartProps } from '../decisions/RequestDecisionParts.js';
import { arrangementPage } from '../requests/keys.js';
import { formatEuro, useRequestArrangements } from './data.js';
import { GrantForm } from './GrantForm.js';
import { ArrangementStatusBadge } from './views.js';

/** The arrangements made from a decided request, and for the consultant the form to grant one. */
function Granted({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const list = useRequestArrangements(requestId);
  const [granting, setGranting] = useState(false);
  const [status, setStatus] = useState<{ id: string; name: string } | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  return (
    <section aria-labelledby="request-arrangements-heading" className="rondom-part">
      <div className="rondom-part__head">
        <Heading2 id="request-arrangements-heading" ref={heading} tabIndex={-1} className="rondom-focus-target">
          {t('arrangements.grant.title')}
        </Heading2>
        {list.data?.policies.create && !granting ? (
          <Button ref={opener} appearance="secondary-action-button" onClick={() => setGranting(true)}>
            {t('arrangements.grant.open')}
          </Button>
        ) : null}
      </div>
      <StatusMessage>
        {status ? (
          <>
            {t('arrangements.grant.saved')} <AppLink to={arrangementPage(status.id)}>{t('arrangements.grant.openNew', { name: status.name })}</AppLink>
          </>
        ) : null}
      </StatusMessage>
      {granting ? (
        <GrantForm
          requestId={requestId}
          onClose={() => {
            setGranting(false);
            requestAnimationFrame(() => opener.current?.focus());
          }}
          onDone={(a) => {
            setGranting(false);
            setStatus({ id: a.id, name: a.type.name });
            requestAnimationFrame(() => heading.current?.focus());
          }}
        />
      ) : null}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Paragraph className="rondom-empty">{t('arrangements.grant.none')}</Paragraph>
      ) : (
        <ul className="rondom-card-list">
          {list.data.items.map((a) => (
            <li key={a.id}>
              <AppLink to={arrangementPage(a.id)}>{a.type.name}</AppLink> <ArrangementStatusBadge status={a.status} />
              <br />
              <span className="rondom-hint">
                {t('arrangements.grant.line', {
                  from: formatDate(a.startOn),
                  to: formatDate(a.endOn),
                  budget: formatEuro(a.totals.budgetCents),
                  spent: formatEuro(a.totals.spentCents),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Mounted by the request page: shown on a decided or closed request of a type that leads to an arrangement. */
export function GrantArrangement({ requestId, status, type }: TRequestPartProps) {
  if (!ARRANGEMENT_REQUEST_TYPES.includes(type) || (status !== 'decided' && status !== 'closed')) return null;
  return <Granted requestId={requestId} />;
}
