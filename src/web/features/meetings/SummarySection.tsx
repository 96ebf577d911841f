import { Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorAlert } from '../../components/Status.js';
import { formatDateTime } from '../../format.js';
import { meetingApi, type TMeeting, type TShareSummaryResult, useMeetingSaved } from './data.js';

/** Who got the summary and who did not, with the reason in words. */
function ShareResult({ result }: { result: TShareSummaryResult }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // after the dialog has closed and handed focus back to its opener
  useEffect(() => {
    const id = requestAnimationFrame(() => ref.current?.focus());
    return () => cancelAnimationFrame(id);
  }, []);
  return (
    <div ref={ref} tabIndex={-1} className="rondom-mtg-share rondom-focus-target">
      <Heading3 className="rondom-form__title">{t('meetings.summary.resultTitle')}</Heading3>
      <Paragraph>{t('meetings.summary.sent', { count: result.sent })}</Paragraph>
      {result.withheld.length ? (
        <>
          <Paragraph>{t('meetings.summary.withheldTitle')}</Paragraph>
          <ul className="utrecht-unordered-list">
            {result.withheld.map((w, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: two guests may share a name; the list is replaced as a whole
              <li key={`${w.name}-${i}`} className="utrecht-unordered-list__item">
                {t('meetings.summary.withheldLine', { name: w.name, reason: t(`meetings.summary.reason.${w.reason}`) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** The one-page summary: download it, and (once closed) mail its link to the participants consent allows. */
export function SummarySection({ m, family }: { m: TMeeting; family: boolean }) {
  const { t } = useTranslation();
  const saved = useMeetingSaved();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [result, setResult] = useState<TShareSummaryResult | null>(null);
  if (!m.policies.summary && !m.policies.shareSummary) return null;
  const share = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const r = await api<TShareSummaryResult>(meetingApi(m.id, '/share-summary'), { method: 'POST' });
      setAsking(false);
      setResult(r);
      saved(m.id, null, m.pupil.id);
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="mtg-summary-heading" className="rondom-part">
      <Heading2 id="mtg-summary-heading">{t('meetings.summary.title')}</Heading2>
      <Paragraph className="rondom-part__intro">{family ? t('meetings.summary.introParent') : t('meetings.summary.intro')}</Paragraph>
      {m.policies.summary ? (
        <Paragraph>
          <a className="utrecht-link utrecht-link--html-a" href={meetingApi(m.id, '/summary.pdf')} download>
            {t('meetings.summary.download')}
          </a>
          {m.status === 'held' ? <span className="rondom-hint"> {t('meetings.summary.draft')}</span> : null}
        </Paragraph>
      ) : null}
      {m.policies.shareSummary ? (
        <>
          <Paragraph>{t('meetings.summary.shareIntro')}</Paragraph>
          {m.summarySharedAt && !result ? <Paragraph className="rondom-hint">{t('meetings.summary.sharedAt', { when: formatDateTime(m.summarySharedAt) })}</Paragraph> : null}
          <Button appearance="secondary-action-button" onClick={() => setAsking(true)}>
            {m.summarySharedAt ? t('meetings.summary.shareAgain') : t('meetings.summary.share')}
          </Button>
          {result ? <ShareResult result={result} /> : null}
          <ConfirmDialog
            open={asking}
            tone="neutral"
            title={t('meetings.summary.confirmTitle')}
            confirmLabel={t('meetings.summary.confirm')}
            busy={busy}
            onConfirm={() => void share()}
            onCancel={() => setAsking(false)}
          >
            <Paragraph>{t('meetings.summary.confirmBody')}</Paragraph>
            {failure ? <ErrorAlert error={failure} /> : null}
          </ConfirmDialog>
        </>
      ) : null}
    </section>
  );
}
