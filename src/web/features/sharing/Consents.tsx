import { useQueryClient } from '@tanstack/react-query';
import {
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Heading3,
  Paragraph,
} from '@utrecht/component-library-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReturnFocus } from '../../components/focus.js';
import { useConfirmAction } from './confirm.js';
import { api } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorAlert, Loading } from '../../components/Status.js';
import { formatDay } from '../../format.js';
import type { Pupil } from '../../types.js';
import { ConsentForm, type RecipientOrganisation } from './ConsentForm.js';
import { type Audience, CURRENT_STATUSES, isForbidden, type TConsent, type TConsentList, withdrawPath } from './data.js';
import { categoriesText, givenByText, listText, periodText, personText, recipientsText } from './labels.js';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue value={value}>{value}</DataListValue>
    </DataListItem>
  );
}

/** The status in words, with a border and weight of its own (never colour alone). */
export function ConsentStatus({ status }: { status: TConsent['status'] }) {
  const { t } = useTranslation();
  return <span className={`rondom-consent-status rondom-consent-status--${status}`}>{t(`sharing.status.${status}`)}</span>;
}

function ConsentCard({
  consent,
  pupil,
  audience,
  organisations,
  onWithdraw,
  onStatus,
}: {
  consent: TConsent;
  pupil: Pupil;
  audience: Audience;
  organisations: RecipientOrganisation[];
  onWithdraw: (c: TConsent) => void;
  onStatus: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [changing, setChanging] = useState(false);
  const changeButton = useReturnFocus(changing);
  const c = consent;
  const who = recipientsText(t, c.recipients);
  const headingId = `consent-${c.id}-heading`;
  const ended =
    c.status === 'replaced'
      ? t('sharing.endedReplaced', { date: formatDay(c.withdrawnAt) })
      : c.status === 'withdrawn'
        ? t('sharing.endedWithdrawn', { date: formatDay(c.withdrawnAt), who: personText(t, c.withdrawnBy, audience) })
        : null;
  return (
    <article className="rondom-consent" aria-labelledby={headingId}>
      <div className="rondom-consent__head">
        <Heading3 id={headingId} className="rondom-consent__title">
          {t('sharing.consentTitle', { who })}
        </Heading3>
        <ConsentStatus status={c.status} />
      </div>
      <DataList className="rondom-consent__facts">
        <Fact label={t('sharing.fields.categories')} value={categoriesText(t, c.categories)} />
        <Fact label={t('sharing.fields.purpose')} value={c.purpose} />
        <Fact label={t('sharing.fields.legalBasis')} value={t(`sharing.legalBasis.${c.legalBasis}.plain`)} />
        <Fact label={t('sharing.fields.period')} value={periodText(t, c)} />
        <Fact label={t('sharing.fields.givenBy')} value={givenByText(t, c, audience)} />
        {/* a paper form recorded by the school; in the portal the giver records it themselves */}
        {c.recordedBy.kind === 'staff' ? (
          <Fact
            label={t('sharing.fields.recordedBy')}
            value={t('sharing.recordedOn', { who: personText(t, c.recordedBy, audience), date: formatDay(c.createdAt) })}
          />
        ) : null}
        {ended ? <Fact label={t('sharing.fields.ended')} value={ended} /> : null}
      </DataList>
      {c.policies.change || c.policies.withdraw ? (
        changing ? (
          <ConsentForm
            pupil={pupil}
            audience={audience}
            organisations={organisations}
            replaces={c}
            onCancel={() => setChanging(false)}
            onDone={(m) => {
              setChanging(false);
              onStatus(m);
            }}
          />
        ) : (
          <ButtonGroup>
            {c.policies.change ? (
              <Button
                ref={changeButton}
                appearance="secondary-action-button"
                aria-label={t('sharing.changeFor', { who })}
                onClick={() => setChanging(true)}
              >
                {t('sharing.change')}
              </Button>
            ) : null}
            {c.policies.withdraw ? (
              <Button appearance="secondary-action-button" hint="danger" aria-label={t('sharing.withdrawFor', { who })} onClick={() => onWithdraw(c)}>
                {t('sharing.withdraw')}
              </Button>
            ) : null}
          </ButtonGroup>
        )
      ) : null}
    </article>
  );
}

/** "CJG Lekstroom kan het groeidocument en het OPP dan niet meer inzien, vanaf nu." */
function withdrawText(t: ReturnType<typeof useTranslation>['t'], c: TConsent): string {
  const who = recipientsText(t, c.recipients);
  const count = c.recipients.organisations.length + c.recipients.kinds.length;
  const what = listText(t, c.categories.map((x) => t(`sharing.categories.${x}.inline`)));
  return t('sharing.withdrawDialog.effect', { who, what, count });
}

/**
 * (a) of "Delen en toestemming": the consents in force, the ended ones folded away, and what the
 * person may do with each (from the server's `policies`).
 */
export function ConsentsSection({
  pupil,
  audience,
  consents,
  organisations,
  onStatus,
}: {
  pupil: Pupil;
  audience: Audience;
  consents: { isPending: boolean; isError: boolean; error: unknown; data: TConsentList | undefined };
  organisations: RecipientOrganisation[];
  onStatus: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [giving, setGiving] = useState(false);
  const giveButton = useReturnFocus(giving);
  const withdraw = useConfirmAction(async (c: TConsent) => {
    await api<TConsent>(withdrawPath(c.id), { method: 'POST' });
    await queryClient.invalidateQueries({ queryKey: ['pupil-file', pupil.id] });
    onStatus(t('sharing.withdrawn', { who: recipientsText(t, c.recipients) }));
  });
  const withdrawing = withdraw.target;

  let body: ReactNode;
  if (consents.isPending) body = <Loading />;
  else if (consents.isError)
    body = isForbidden(consents.error) ? (
      <Paragraph className="rondom-empty">{t('sharing.consentsNotForYou')}</Paragraph>
    ) : (
      <ErrorAlert error={consents.error} />
    );
  else {
    const list = consents.data?.items ?? [];
    const current = list.filter((c) => CURRENT_STATUSES.includes(c.status));
    const ended = list.filter((c) => !CURRENT_STATUSES.includes(c.status));
    const card = (c: TConsent) => (
      <ConsentCard
        key={c.id}
        consent={c}
        pupil={pupil}
        audience={audience}
        organisations={organisations}
        onWithdraw={(x) => withdraw.ask(x)}
        onStatus={onStatus}
      />
    );
    body = (
      <>
        {current.length ? (
          <div className="rondom-consents">{current.map(card)}</div>
        ) : (
          <Paragraph className="rondom-empty">{t(`sharing.noConsents.${audience}`)}</Paragraph>
        )}
        {ended.length ? (
          <details className="rondom-history">
            <summary>{t('sharing.history', { count: ended.length })}</summary>
            <Paragraph className="rondom-hint">{t('sharing.historyIntro')}</Paragraph>
            <div className="rondom-consents">{ended.map(card)}</div>
          </details>
        ) : null}
        {consents.data?.policies.give ? (
          <div className="rondom-give">
            {giving ? (
              <ConsentForm
                pupil={pupil}
                audience={audience}
                organisations={organisations}
                onCancel={() => setGiving(false)}
                onDone={(m) => {
                  setGiving(false);
                  onStatus(m);
                }}
              />
            ) : (
              <Button ref={giveButton} appearance="primary-action-button" onClick={() => setGiving(true)}>
                {t(`sharing.form.open.${audience}`)}
              </Button>
            )}
          </div>
        ) : null}
      </>
    );
  }

  return (
    <section aria-labelledby="consents-heading" className="rondom-file-section">
      <Heading2 id="consents-heading" ref={withdraw.heading} tabIndex={-1} className="rondom-focus-target">{t('sharing.consentsTitle')}</Heading2>
      <Paragraph>{t(`sharing.consentsIntro.${audience}`)}</Paragraph>
      {body}
      <ConfirmDialog
        open={!!withdrawing}
        title={t('sharing.withdrawDialog.title')}
        confirmLabel={t('sharing.withdrawDialog.confirm')}
        busy={withdraw.busy}
        onConfirm={() => void withdraw.confirm()}
        onCancel={withdraw.cancel}
      >
        {withdrawing ? (
          <>
            <Paragraph>{withdrawText(t, withdrawing)}</Paragraph>
            <Paragraph>{t(`sharing.withdrawDialog.later.${audience}`)}</Paragraph>
            {withdraw.failure ? <ErrorAlert error={withdraw.failure} /> : null}
          </>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}
