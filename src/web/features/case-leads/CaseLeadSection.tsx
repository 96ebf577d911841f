import { Button, ButtonGroup, DataList, DataListItem, DataListKey, DataListValue, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { useReturnFocus } from '../../components/focus.js';
import { formatDay } from '../../format.js';
import { CaseHistory } from './CaseHistory.js';
import { CloseCaseDialog } from './CloseCaseDialog.js';
import { closeCaseApi, type TCase, useCaseSaved } from './data.js';
import { HandoverForm } from './HandoverForm.js';

function MailLink({ email }: { email: string }) {
  return (
    <a className="utrecht-link utrecht-link--html-a" href={`mailto:${email}`}>
      {email}
    </a>
  );
}

/**
 * "Regievoerder": who holds the regie, with their organisation and since when; naming or handing
 * over (from the candidates the server offers), closing the case, and the history. The family sees
 * one contact.
 */
export function CaseLeadSection({
  pupilId,
  theCase,
  forFamily,
  name,
  onStatus,
}: {
  pupilId: string;
  theCase: TCase;
  forFamily: boolean;
  name: string;
  onStatus: (message: string) => void;
}) {
  const { t } = useTranslation();
  const saved = useCaseSaved(pupilId);
  const heading = useRef<HTMLHeadingElement>(null);
  const lead = theCase.caseLead;
  const { policies } = theCase;
  // with nobody leading yet, the form is the way forward: open from the start
  const [handing, setHanding] = useState(false);
  const [closing, setClosing] = useState(false);
  const handoverButton = useReturnFocus(handing);
  const showForm = policies.setCaseLead && (handing || !lead);

  const done = (message: string) => {
    setHanding(false);
    setClosing(false);
    onStatus(message);
    heading.current?.focus();
  };

  return (
    <section aria-labelledby="case-lead-heading" className="rondom-part rondom-case-lead">
      <Heading2 id="case-lead-heading" ref={heading} tabIndex={-1} className="rondom-focus-target">
        {forFamily ? t('caseLeads.lead.titleFamily') : t('caseLeads.lead.title')}
      </Heading2>
      {lead ? (
        forFamily ? (
          <Paragraph>
            {t('caseLeads.lead.contactFamily', { person: lead.person.name, organisation: lead.organisation.name, name })}{' '}
            {lead.email ? (
              <>
                {t('caseLeads.lead.mailFamily')} <MailLink email={lead.email} />
              </>
            ) : null}
          </Paragraph>
        ) : (
          <DataList className="rondom-case-facts">
            <DataListItem>
              <DataListKey>{t('caseLeads.lead.person')}</DataListKey>
              <DataListValue value={lead.person.name}>
                {lead.person.name || t('common.unknown')}
                {lead.isMe ? ` ${t('caseLeads.lead.isMe')}` : ''}
              </DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>{t('caseLeads.lead.organisation')}</DataListKey>
              <DataListValue value={lead.organisation.name}>{lead.organisation.name}</DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>{t('caseLeads.lead.since')}</DataListKey>
              <DataListValue value={lead.since}>{formatDay(lead.since)}</DataListValue>
            </DataListItem>
            {lead.email ? (
              <DataListItem>
                <DataListKey>{t('caseLeads.lead.email')}</DataListKey>
                <DataListValue value={lead.email}>
                  <MailLink email={lead.email} />
                </DataListValue>
              </DataListItem>
            ) : null}
            {lead.note ? (
              <DataListItem>
                <DataListKey>{t('caseLeads.lead.note')}</DataListKey>
                <DataListValue value={lead.note} multiline>
                  {lead.note}
                </DataListValue>
              </DataListItem>
            ) : null}
          </DataList>
        )
      ) : (
        <Paragraph className="rondom-empty">{forFamily ? t('caseLeads.lead.noneFamily') : t('caseLeads.lead.none')}</Paragraph>
      )}

      {showForm ? (
        <HandoverForm
          pupilId={pupilId}
          theCase={theCase}
          onCancel={lead ? () => setHanding(false) : undefined}
          onDone={(who) => void saved(who.answer).then(() => done(who.message))}
        />
      ) : policies.setCaseLead || policies.close ? (
        <ButtonGroup className="rondom-case-actions">
          {policies.setCaseLead ? (
            <Button ref={handoverButton} appearance="secondary-action-button" onClick={() => setHanding(true)}>
              {t('caseLeads.handover.open')}
            </Button>
          ) : null}
          {policies.close ? (
            <Button appearance="secondary-action-button" hint="danger" onClick={() => setClosing(true)}>
              {t('caseLeads.close.open')}
            </Button>
          ) : null}
        </ButtonGroup>
      ) : null}

      {policies.close ? (
        <CloseCaseDialog
          open={closing}
          leadName={lead?.person.name ?? ''}
          onCancel={() => setClosing(false)}
          onClose={async (note) => {
            const answer = await api<TCase>(closeCaseApi(pupilId), { method: 'POST', body: { note } });
            await saved(answer);
            done(t('caseLeads.close.done'));
          }}
        />
      ) : null}

      {policies.readHistory && theCase.history.length > 0 ? <CaseHistory history={theCase.history} name={name} /> : null}
    </section>
  );
}
