import '../dossier/dossier.css';
import './opp.css';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError, api } from '../../api.js';
import { AppLink } from '../../components/AppLink.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorSummary, type SummaryItem } from '../../components/forms.js';
import { PageHeading } from '../../components/page.js';
import { ErrorAlert, Loading, StatusMessage } from '../../components/Status.js';
import { NotFoundPage } from '../../routes/NotFoundPage.js';
import { useSession } from '../../session.js';
import { BreakGlassNotice, BreakGlassOffer } from '../break-glass/BreakGlassOffer.js';
import { isConflict } from '../dossier/data.js';
import { formatDateTime, formatDay } from '../../format.js';
import { summaryLine } from '../dossier/labels.js';
import { PupilFileNav } from '../pupils/PupilFileNav.js';
import { audienceOf } from '../sharing/data.js';
import { AssentSection, ParentAssent } from './Assent.js';
import {
  type TOpp,
  adoptingAssent,
  focusOppState,
  lastDisagreement,
  oppKey,
  oppPage,
  oppPath,
  useOpp,
  useOppSaved,
} from './data.js';
import { EvaluationsSection } from './Evaluations.js';
import { NewVersion } from './NewVersion.js';
import { ActionPlanPart } from './ActionPlanPart.js';
import { HearingPart } from './HearingPart.js';
import { type Audience, OogoPart, PerspectivePart, partId, partOfField, type TOppPart } from './parts.js';
import { OppStatusBadge } from './views.js';

/** Status, dates and what the state means for the reader; the page puts focus here after a decision. */
function StateBlock({ opp, audience }: { opp: TOpp; audience: Audience }) {
  const { t } = useTranslation();
  const adopted = adoptingAssent(opp);
  const no = lastDisagreement(opp);
  const via = (a: { via: 'portal' | 'paper' }) => t(`opp.state.via.${a.via}`);
  let notice: { type: 'info' | 'ok' | 'warning'; lines: string[] } | null = null;
  switch (opp.status) {
    case 'draft':
      notice = audience === 'staff' ? { type: 'info', lines: [t('opp.state.draft')] } : null;
      break;
    case 'awaiting_assent':
      notice = {
        type: 'info',
        lines: [t(`opp.state.awaiting.${audience}`, { date: formatDay(opp.submittedAt) })],
      };
      break;
    case 'disagreed':
      notice = no
        ? {
            type: 'warning',
            lines: [
              t('opp.state.disagreed.who', { name: no.guardian.name, date: formatDay(no.decidedAt) }),
              ...(no.reason ? [t('opp.state.disagreed.reason', { reason: no.reason })] : []),
              t(`opp.state.disagreed.${audience}`),
            ],
          }
        : null;
      break;
    case 'adopted':
    case 'superseded':
      notice = {
        type: opp.status === 'adopted' ? 'ok' : 'info',
        lines: [
          adopted
            ? t('opp.state.adoptedWith', { date: formatDay(opp.adoptedAt), name: adopted.guardian.name, via: via(adopted) })
            : t('opp.state.adoptedOn', { date: formatDay(opp.adoptedAt) }),
          t(opp.status === 'adopted' ? 'opp.state.readOnly' : 'opp.state.superseded'),
        ],
      };
      break;
  }
  return (
    <div id="opp-state" tabIndex={-1} className="rondom-opp-state rondom-focus-target">
      <dl className="rondom-opp-facts rondom-opp-facts--inline">
        <div>
          <dt>{t('opp.columns.status')}</dt>
          <dd>
            <OppStatusBadge status={opp.status} />
          </dd>
        </div>
        <div>
          <dt>{t('opp.columns.created')}</dt>
          <dd>{formatDay(opp.createdAt)}</dd>
        </div>
        {opp.submittedAt ? (
          <div>
            <dt>{t('opp.columns.submitted')}</dt>
            <dd>{formatDay(opp.submittedAt)}</dd>
          </div>
        ) : null}
        {opp.adoptedAt ? (
          <div>
            <dt>{t('opp.columns.adopted')}</dt>
            <dd>{formatDay(opp.adoptedAt)}</dd>
          </div>
        ) : null}
        {audience === 'staff' && opp.updatedByName ? (
          <div>
            <dt>{t('opp.lastChange')}</dt>
            {/* a decision or a submission also moves updatedAt: the moment is only the editor's while in the making */}
            <dd>
              {opp.status === 'draft'
                ? t('opp.lastChangeBy', { name: opp.updatedByName, when: formatDateTime(opp.updatedAt) })
                : t('opp.lastEditedBy', { name: opp.updatedByName })}
            </dd>
          </div>
        ) : null}
      </dl>
      {notice ? (
        <Alert type={notice.type}>
          {notice.lines.map((l) => (
            <Paragraph key={l}>{l}</Paragraph>
          ))}
          {opp.status === 'disagreed' && opp.policies.followUp ? (
            <Paragraph>
              <a className="utrecht-link utrecht-link--html-a" href="#opp-assents">
                {t('opp.state.toFollowUp')}
              </a>
            </Paragraph>
          ) : null}
          {opp.status === 'awaiting_assent' && opp.policies.recordPaperAssent ? (
            <Paragraph>
              <a className="utrecht-link utrecht-link--html-a" href="#opp-assents">
                {t('opp.state.toPaper')}
              </a>
            </Paragraph>
          ) : null}
          {opp.status === 'draft' && opp.policies.submit ? (
            <Paragraph>
              <a className="utrecht-link utrecht-link--html-a" href="#opp-submit">
                {t('opp.state.toSubmit')}
              </a>
            </Paragraph>
          ) : null}
          {opp.policies.downloadPdf ? (
            <Paragraph>
              <a className="utrecht-link utrecht-link--html-a" href={oppPath(opp.id, '/pdf')} download>
                {t('opp.pdf', { seq: opp.seq })}
              </a>
            </Paragraph>
          ) : null}
        </Alert>
      ) : null}
    </div>
  );
}

/**
 * "Voorleggen aan ouders". The server checks that the legal parts are there; what it misses comes
 * back as one line per field, each a link to its part.
 */
function SubmitSection({ opp, onStatus, onMissing }: { opp: TOpp; onStatus: (m: string) => void; onMissing: (fields: string[]) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const saved = useOppSaved(opp.pupil.id);
  const [confirming, setConfirming] = useState(false);
  const submit = useMutation({
    mutationFn: () => api<TOpp>(oppPath(opp.id, '/submit'), { method: 'POST', body: { rowVersion: opp.rowVersion } }),
    onMutate: () => setConfirming(false),
    onSuccess: (o) => {
      onMissing([]);
      saved(o);
      onStatus(t('opp.submit.done'));
      focusOppState();
    },
    onError: (e) => {
      onMissing(e instanceof ApiError ? (e.issues ?? []).map((i) => i.field) : []);
      // someone changed the plan after this page loaded: show the newest first
      if (isConflict(e)) void queryClient.invalidateQueries({ queryKey: oppKey(opp.pupil.id, opp.id) });
    },
  });
  const error = submit.error;
  const items: SummaryItem[] =
    error instanceof ApiError && error.issues?.length
      ? error.issues.map((i) => {
          const part = partOfField(i.field);
          const field = t(`opp.fields.${i.field}`, { defaultValue: i.field });
          const where = part ? t('opp.submit.fieldIn', { field, part: t(`opp.${part}.title`) }) : field;
          return { fieldId: part ? `${partId(part)}-heading` : null, message: summaryLine(where, i.message) };
        })
      : [];
  return (
    <section aria-labelledby="opp-submit-heading" className="rondom-part" id="opp-submit">
      <Heading2 id="opp-submit-heading">{t('opp.submit.title')}</Heading2>
      <Paragraph>{t('opp.submit.intro')}</Paragraph>
      <ErrorSummary items={items} message={error && !isConflict(error) ? error.message : undefined} />
      {error && isConflict(error) ? <ErrorAlert error={error} /> : null}
      <Button appearance="primary-action-button" busy={submit.isPending} disabled={submit.isPending} onClick={() => setConfirming(true)}>
        {t('opp.submit.button')}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={t('opp.submit.confirmTitle', { name: opp.pupil.name })}
        tone="neutral"
        confirmLabel={t('opp.submit.button')}
        busy={submit.isPending}
        onConfirm={() => submit.mutate()}
        onCancel={() => setConfirming(false)}
      >
        {t('opp.submit.confirmText')}
      </ConfirmDialog>
    </section>
  );
}

/** /leerlingen/:id/opp/:oppId — one version of the plan: its four parts, the parents' decision, evaluations. */
export default function OppPage() {
  const { id = '', oppId = '' } = useParams();
  // another version is another page: open forms, messages and the heading's focus start anew
  return <OppVersion key={oppId} id={id} oppId={oppId} />;
}

function OppVersion({ id, oppId }: { id: string; oppId: string }) {
  const { t } = useTranslation();
  const me = useSession();
  const audience = audienceOf(me.activeMembership?.role);
  const opp = useOpp(id, oppId);
  const [status, setStatus] = useState<string>();
  // what the server said is missing at the last "Voorleggen", per part, until that part is saved
  const [missing, setMissing] = useState<string[]>([]);
  // saving a part starts a new attempt: the last refusal's summary goes, the parts keep their own marks
  const [attempt, setAttempt] = useState(0);
  if (opp.isPending) return <Loading />;
  if (opp.isError) return <BreakGlassOffer pupilId={id} error={opp.error} title={t('opp.titleShort')} />;
  const o = opp.data;
  // a version of another child under this child's address
  if (o.pupil.id !== id) return <NotFoundPage />;
  const title = t('opp.versionTitle', { name: o.pupil.name, seq: o.seq });
  const onSaved = (partTitle: string, part: TOppPart) => {
    setStatus(t('opp.savedPart', { part: partTitle }));
    setMissing((m) => m.filter((f) => partOfField(f) !== part));
    setAttempt((n) => n + 1);
  };
  const partProps = { opp: o, audience, onSaved, missing };
  const evaluable = o.status === 'adopted' || o.status === 'superseded' || o.evaluations.length > 0;
  return (
    <div className="rondom-opp">
      <Paragraph>
        <AppLink to={oppPage(id)}>{t('opp.backToVersions')}</AppLink>
      </Paragraph>
      <PageHeading title={title}>{title}</PageHeading>
      <Paragraph className="rondom-subtitle">{o.school.name}</Paragraph>
      <PupilFileNav pupilId={id} name={o.pupil.name} />
      <BreakGlassNotice pupilId={id} />
      <StatusMessage>{status}</StatusMessage>
      <StateBlock opp={o} audience={audience} />
      {o.policies.assent ? <ParentAssent opp={o} onStatus={setStatus} /> : null}
      <PerspectivePart {...partProps} />
      <OogoPart {...partProps} />
      <ActionPlanPart {...partProps} />
      <HearingPart {...partProps} />
      {o.policies.submit ? <SubmitSection key={attempt} opp={o} onStatus={setStatus} onMissing={setMissing} /> : null}
      <AssentSection opp={o} audience={audience} onStatus={setStatus} />
      {evaluable ? <EvaluationsSection opp={o} audience={audience} onStatus={setStatus} /> : null}
      {o.policies.newVersion ? (
        <section aria-labelledby="opp-new-heading" className="rondom-part">
          <Heading2 id="opp-new-heading">{t('opp.newVersion.title')}</Heading2>
          <NewVersion pupilId={id} intro={t('opp.newVersion.intro')} />
        </section>
      ) : null}
    </div>
  );
}
