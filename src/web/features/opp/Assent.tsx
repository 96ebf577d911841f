import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  ButtonGroup,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading2,
  Heading3,
  Paragraph,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/limits.js';
import { api } from '../../api.js';
import { AppLink } from '../../components/AppLink.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { applyServerError, ErrorSummary, SaveCancel, SelectField, useServerIssues } from '../../components/forms.js';
import { ErrorAlert } from '../../components/Status.js';
import { ACCEPT, MAX_LABEL, readAsBase64 } from '../dossier/Attachments.js';
import { isConflict } from '../dossier/data.js';
import { formatDateTime } from '../../format.js';
import { RadioGroupField, TextAreaField } from '../../components/fields.js';
import { summaryFor } from '../dossier/Goals.js';
import { usePupil } from '../pupils/data.js';
import {
  ASSENT_REASON_MAX,
  NOTE_MAX,
  type TOpp,
  type TOppAssent,
  focusOppState,
  oppKey,
  oppPath,
  signedPaperPath,
  useOppSaved,
} from './data.js';
import type { Audience } from './parts.js';

/** A refusal because the state moved on (another parent decided first): show the version as it is now. */
function useRefreshOnConflict(opp: TOpp) {
  const queryClient = useQueryClient();
  return (e: unknown) => {
    if (isConflict(e)) void queryClient.invalidateQueries({ queryKey: oppKey(opp.pupil.id, opp.id) });
  };
}

/* ---------- The parent decides (portal) ---------- */

function DisagreeForm({ opp, onCancel, onDone }: { opp: TOpp; onCancel: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const saved = useOppSaved(opp.pupil.id);
  const refresh = useRefreshOnConflict(opp);
  const { failure, unplaced, clear: clearServer, show: showServer } = useServerIssues();
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<{ reason: string }>({ shouldFocusError: false, defaultValues: { reason: '' } });
  useEffect(() => setFocus('reason'), [setFocus]);
  const label = t('opp.assent.parent.reason');
  const onValid = async (v: { reason: string }) => {
    clearServer();
    try {
      saved(await api<TOpp>(oppPath(opp.id, '/assent'), { method: 'POST', body: { decision: 'disagree', reason: v.reason.trim() } }));
      onDone();
    } catch (e) {
      refresh(e);
      showServer(applyServerError(e, setError, ['reason']));
    }
  };
  const items = submitCount ? summaryFor(errors, [{ name: 'reason', label }], () => 'opp-disagree-reason', unplaced) : [];
  const required = t('opp.assent.parent.reasonRequired');
  return (
    <form noValidate onSubmit={handleSubmit(onValid)} className="rondom-form rondom-part__form" aria-labelledby="opp-disagree-title">
      <Heading3 id="opp-disagree-title" className="rondom-form__title">
        {t('opp.assent.parent.disagreeTitle')}
      </Heading3>
      <Paragraph>{t('opp.assent.parent.disagreeText')}</Paragraph>
      <ErrorSummary items={items} message={failure} />
      <TextAreaField
        id="opp-disagree-reason"
        label={label}
        description={t('opp.assent.parent.reasonHint')}
        required
        rows={5}
        error={errors.reason?.message}
        {...register('reason', {
          validate: (x) => x.trim().length > 0 || required,
          maxLength: { value: ASSENT_REASON_MAX, message: t('validation.too_long', { max: ASSENT_REASON_MAX }) },
        })}
      />
      <SaveCancel label={t('opp.assent.parent.sendDisagree')} busy={isSubmitting} onCancel={onCancel} />
    </form>
  );
}

/**
 * For a parent with gezag, on a version waiting for them: what instemming means, in plain words,
 * and the two answers. "Akkoord" asks once more and says what happens; "niet akkoord" asks why.
 */
export function ParentAssent({ opp, onStatus }: { opp: TOpp; onStatus: (m: string) => void }) {
  const { t } = useTranslation();
  const saved = useOppSaved(opp.pupil.id);
  const refresh = useRefreshOnConflict(opp);
  const [confirming, setConfirming] = useState(false);
  const [disagreeing, setDisagreeing] = useState(false);
  const disagreeButton = useRef<HTMLButtonElement>(null);
  const agree = useMutation({
    mutationFn: () => api<TOpp>(oppPath(opp.id, '/assent'), { method: 'POST', body: { decision: 'agree' } }),
    onSuccess: (o) => {
      setConfirming(false);
      saved(o);
      onStatus(t('opp.assent.parent.agreed'));
      focusOppState();
    },
    onError: (e) => {
      setConfirming(false);
      refresh(e);
    },
  });
  return (
    <section aria-labelledby="opp-ask-heading" className="rondom-opp-ask" id="opp-ask">
      <Heading2 id="opp-ask-heading">{t('opp.assent.parent.title')}</Heading2>
      <Paragraph className="rondom-opp-ask__lead">
        <strong>{t('opp.assent.parent.lead')}</strong>
      </Paragraph>
      <Paragraph>
        {t('opp.assent.parent.what', { name: opp.pupil.name })}{' '}
        <a className="utrecht-link utrecht-link--html-a" href="#opp-actionPlan">
          {t('opp.assent.parent.readActionPlan')}
        </a>
      </Paragraph>
      <Paragraph>
        {t('opp.assent.parent.questions')} <AppLink to="/hulp">{t('opp.assent.parent.helpLink')}</AppLink>
      </Paragraph>
      {agree.isError ? <ErrorAlert error={agree.error} /> : null}
      {disagreeing ? (
        <DisagreeForm
          opp={opp}
          onCancel={() => {
            setDisagreeing(false);
            requestAnimationFrame(() => disagreeButton.current?.focus());
          }}
          onDone={() => {
            onStatus(t('opp.assent.parent.disagreed'));
            focusOppState();
          }}
        />
      ) : (
        <ButtonGroup>
          <Button appearance="primary-action-button" onClick={() => setConfirming(true)}>
            {t('opp.assent.parent.agree')}
          </Button>
          <Button ref={disagreeButton} appearance="secondary-action-button" onClick={() => setDisagreeing(true)}>
            {t('opp.assent.parent.disagree')}
          </Button>
        </ButtonGroup>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('opp.assent.parent.confirmTitle')}
        tone="neutral"
        confirmLabel={t('opp.assent.parent.confirmAgree')}
        busy={agree.isPending}
        onConfirm={() => agree.mutate()}
        onCancel={() => setConfirming(false)}
      >
        <Paragraph>{t('opp.assent.parent.confirmText')}</Paragraph>
        <Paragraph>{t('opp.assent.parent.confirmLater')}</Paragraph>
      </ConfirmDialog>
    </section>
  );
}

/* ---------- The school records a decision on paper ---------- */

interface PaperValues {
  guardianId: string;
  decision: 'agree' | 'disagree' | '';
  reason: string;
  file: FileList | null;
}
const PAPER_FIELDS = ['guardianId', 'decision', 'reason', 'file'] as const;

function PaperAssentForm({ opp, onClose, onDone }: { opp: TOpp; onClose: () => void; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const saved = useOppSaved(opp.pupil.id);
  const refresh = useRefreshOnConflict(opp);
  const pupil = usePupil(opp.pupil.id);
  const { failure, unplaced, clear: clearServer, show: showServer } = useServerIssues();
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    watch,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<PaperValues>({ shouldFocusError: false, defaultValues: { guardianId: '', decision: '', reason: '', file: null } });
  const guardians = (pupil.data?.guardians ?? []).filter((g) => g.hasGezag);
  useEffect(() => {
    if (pupil.data) setFocus('guardianId');
  }, [pupil.data, setFocus]);
  const decision = watch('decision');
  const idOf = (f: string) => `opp-paper-${f}`;
  const labels: Record<(typeof PAPER_FIELDS)[number], string> = {
    guardianId: t('opp.paper.guardian'),
    decision: t('opp.paper.decision'),
    reason: t('opp.paper.reason'),
    file: t('opp.paper.file'),
  };
  const onValid = async (v: PaperValues) => {
    clearServer();
    const file = v.file?.[0];
    if (!file) return;
    try {
      const contentBase64 = await readAsBase64(file);
      const o = await api<TOpp>(oppPath(opp.id, '/assent/paper'), {
        method: 'POST',
        body: {
          guardianId: v.guardianId,
          decision: v.decision,
          reason: v.reason.trim() || null,
          file: { fileName: file.name, contentBase64 },
        },
      });
      saved(o);
      onDone(v.decision === 'agree' ? t('opp.paper.savedAgree') : t('opp.paper.savedDisagree'));
      onClose();
    } catch (e) {
      refresh(e);
      // the server names the file's problem on "file" or one of its parts ("file.contentBase64")
      showServer(applyServerError(e, setError, [...PAPER_FIELDS, 'file.fileName', 'file.contentBase64']));
    }
  };
  const fileError =
    errors.file?.message ??
    (errors as { file?: { fileName?: { message?: string }; contentBase64?: { message?: string } } }).file?.contentBase64?.message ??
    (errors as { file?: { fileName?: { message?: string } } }).file?.fileName?.message;
  const items = submitCount
    ? [
        ...summaryFor(errors, (['guardianId', 'decision', 'reason'] as const).map((name) => ({ name, label: labels[name] })), idOf, []),
        ...(fileError ? [{ fieldId: idOf('file'), message: `${labels.file}: ${fileError}` }] : []),
        ...unplaced.map((i) => ({ fieldId: null, message: i.message })),
      ]
    : [];
  const required = t('validation.required');
  if (pupil.isPending) return <Paragraph aria-busy="true">{t('app.loading')}</Paragraph>;
  if (pupil.isError) return <ErrorAlert error={pupil.error} />;
  if (guardians.length === 0)
    return (
      <Alert type="warning">
        <Paragraph>{t('opp.paper.noGuardians')}</Paragraph>
        <Button appearance="secondary-action-button" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </Alert>
    );
  return (
    <form noValidate onSubmit={handleSubmit(onValid)} className="rondom-form rondom-part__form" aria-labelledby="opp-paper-title">
      <Heading3 id="opp-paper-title" className="rondom-form__title">
        {t('opp.paper.title')}
      </Heading3>
      <Paragraph className="rondom-hint">{t('opp.paper.intro')}</Paragraph>
      <ErrorSummary items={items} message={failure} />
      <SelectField
        id={idOf('guardianId')}
        label={labels.guardianId}
        description={t('opp.paper.guardianHint')}
        required
        placeholder={t('opp.paper.chooseGuardian')}
        options={guardians.map((g) => ({ value: g.id, label: g.name }))}
        error={errors.guardianId?.message}
        {...register('guardianId', { required: t('opp.paper.guardianRequired') })}
      />
      <RadioGroupField
        id={idOf('decision')}
        legend={labels.decision}
        required
        error={errors.decision?.message}
        options={[
          { value: 'agree', label: t('opp.paper.optionAgree') },
          { value: 'disagree', label: t('opp.paper.optionDisagree') },
        ]}
        inputProps={register('decision', { required: t('opp.paper.chooseDecision') })}
      />
      <TextAreaField
        id={idOf('reason')}
        label={labels.reason}
        description={decision === 'disagree' ? t('opp.paper.reasonHintDisagree') : t('opp.paper.reasonHint')}
        required={decision === 'disagree'}
        rows={3}
        error={errors.reason?.message}
        {...register('reason', {
          validate: (x, all) => all.decision !== 'disagree' || x.trim().length > 0 || required,
          maxLength: { value: ASSENT_REASON_MAX, message: t('validation.too_long', { max: ASSENT_REASON_MAX }) },
        })}
      />
      <FormField
        invalid={!!fileError}
        type="file"
        label={
          <>
            <FormLabel htmlFor={idOf('file')}>{labels.file}</FormLabel>
            <span className="rondom-required" aria-hidden="true">
              {' '}
              {t('form.requiredMark')}
            </span>
          </>
        }
        description={<FormFieldDescription id={`${idOf('file')}-description`}>{t('opp.paper.fileHint', { max: MAX_LABEL })}</FormFieldDescription>}
        errorMessage={fileError ? <FormFieldErrorMessage id={`${idOf('file')}-error`}>{fileError}</FormFieldErrorMessage> : null}
        input={
          <input
            id={idOf('file')}
            type="file"
            accept={ACCEPT}
            className="rondom-file-input"
            aria-required="true"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={[`${idOf('file')}-description`, fileError ? `${idOf('file')}-error` : ''].filter(Boolean).join(' ')}
            {...register('file', {
              validate: (files) => {
                const f = files?.[0];
                if (!f) return t('opp.paper.noFile');
                if (f.size === 0) return t('validation.file_empty');
                if (f.size > ATTACHMENT_MAX_BYTES) return t('validation.file_too_large', { max: MAX_LABEL });
                return true;
              },
            })}
          />
        }
      />
      <SaveCancel label={t('opp.paper.save')} busy={isSubmitting} onCancel={onClose} />
    </form>
  );
}

/* ---------- After a "niet akkoord": the conversation ---------- */

function FollowUpForm({ opp, assent, onClose, onDone }: { opp: TOpp; assent: TOppAssent; onClose: () => void; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const saved = useOppSaved(opp.pupil.id);
  const refresh = useRefreshOnConflict(opp);
  const { failure, unplaced, clear: clearServer, show: showServer } = useServerIssues();
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<{ note: string }>({ shouldFocusError: false, defaultValues: { note: '' } });
  useEffect(() => setFocus('note'), [setFocus]);
  const id = `opp-follow-up-${assent.id}`;
  const label = t('opp.followUp.note');
  const required = t('validation.required');
  const onValid = async (v: { note: string }) => {
    clearServer();
    try {
      saved(
        await api<TOpp>(oppPath(opp.id, `/assents/${encodeURIComponent(assent.id)}/follow-up`), {
          method: 'POST',
          body: { note: v.note.trim() },
        }),
      );
      onDone(t('opp.followUp.saved'));
      onClose();
    } catch (e) {
      refresh(e);
      showServer(applyServerError(e, setError, ['note']));
    }
  };
  const items = submitCount ? summaryFor(errors, [{ name: 'note', label }], () => `${id}-note`, unplaced) : [];
  return (
    <form noValidate onSubmit={handleSubmit(onValid)} className="rondom-form rondom-part__form" aria-labelledby={`${id}-title`}>
      <Heading3 id={`${id}-title`} className="rondom-form__title">
        {t('opp.followUp.title', { name: assent.guardian.name })}
      </Heading3>
      <ErrorSummary items={items} message={failure} />
      <TextAreaField
        id={`${id}-note`}
        label={label}
        description={t('opp.followUp.noteHint')}
        required
        rows={4}
        error={errors.note?.message}
        {...register('note', {
          validate: (x) => x.trim().length > 0 || required,
          maxLength: { value: NOTE_MAX, message: t('validation.too_long', { max: NOTE_MAX }) },
        })}
      />
      <SaveCancel label={t('opp.followUp.save')} busy={isSubmitting} onCancel={onClose} />
    </form>
  );
}

/* ---------- The decisions on this version ---------- */

function Decision({
  opp,
  assent,
  audience,
  onStatus,
}: {
  opp: TOpp;
  assent: TOppAssent;
  audience: Audience;
  onStatus: (m: string) => void;
}) {
  const { t } = useTranslation();
  const [following, setFollowing] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const headingId = `opp-assent-${assent.id}`;
  const disagree = assent.decision === 'disagree';
  const canFollowUp = opp.policies.followUp && disagree && !assent.followedUpAt;
  return (
    <li className={`rondom-opp-decision rondom-opp-decision--${assent.decision}`}>
      <Heading3 id={headingId} tabIndex={-1} className="rondom-opp-decision__title rondom-focus-target">
        {t('opp.assents.heading', { name: assent.guardian.name, decision: t(`opp.decision.${assent.decision}`) })}
      </Heading3>
      <dl className="rondom-opp-facts">
        <div>
          <dt>{t('opp.assents.when')}</dt>
          <dd>{formatDateTime(assent.decidedAt)}</dd>
        </div>
        <div>
          <dt>{t('opp.assents.how')}</dt>
          <dd>
            {assent.via === 'portal'
              ? t('opp.assents.viaPortal')
              : audience === 'staff' && assent.recordedByName
                ? t('opp.assents.viaPaperBy', { name: assent.recordedByName })
                : t('opp.assents.viaPaper')}
            {assent.paperAttachmentId ? (
              <>
                {' '}
                <a
                  className="utrecht-link utrecht-link--html-a"
                  href={signedPaperPath(opp.pupil.id, assent.paperAttachmentId)}
                  download
                >
                  {t('opp.assents.signedPaper')}
                </a>
              </>
            ) : null}
          </dd>
        </div>
        {assent.reason ? (
          <div>
            <dt>{t('opp.assents.reason')}</dt>
            <dd className="rondom-free-text">{assent.reason}</dd>
          </div>
        ) : null}
        {disagree ? (
          <div>
            <dt>{t('opp.assents.followUp')}</dt>
            <dd>
              {assent.followedUpAt ? (
                <>
                  {t('opp.assents.followedUpOn', { date: formatDateTime(assent.followedUpAt) })}
                  {assent.followUpNote ? <div className="rondom-free-text">{assent.followUpNote}</div> : null}
                </>
              ) : audience === 'staff' ? (
                <strong>{t('opp.assents.noFollowUpStaff')}</strong>
              ) : (
                t('opp.assents.noFollowUpFamily')
              )}
            </dd>
          </div>
        ) : null}
      </dl>
      {canFollowUp && !following ? (
        <Button ref={opener} appearance="secondary-action-button" onClick={() => setFollowing(true)}>
          {t('opp.followUp.open')}
        </Button>
      ) : null}
      {canFollowUp && following ? (
        <FollowUpForm
          opp={opp}
          assent={assent}
          onClose={() => {
            setFollowing(false);
            requestAnimationFrame(() => (opener.current?.isConnected ? opener.current.focus() : document.getElementById(headingId)?.focus()));
          }}
          onDone={onStatus}
        />
      ) : null}
    </li>
  );
}

/**
 * "Instemming van de ouders": every decision on this version (who, what, why, how, when, and the
 * conversation after a "niet akkoord"), and for the school the paper route.
 */
export function AssentSection({ opp, audience, onStatus }: { opp: TOpp; audience: Audience; onStatus: (m: string) => void }) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const canRecord = opp.policies.recordPaperAssent;
  if (opp.assents.length === 0 && !canRecord) return null;
  return (
    <section aria-labelledby="opp-assents-heading" className="rondom-part" id="opp-assents">
      <div className="rondom-part__head">
        <Heading2 id="opp-assents-heading" tabIndex={-1} className="rondom-focus-target">
          {t('opp.assents.title')}
        </Heading2>
        {canRecord && !recording ? (
          <Button ref={opener} appearance="secondary-action-button" onClick={() => setRecording(true)}>
            {t('opp.paper.open')}
          </Button>
        ) : null}
      </div>
      <Paragraph className="rondom-hint rondom-part__intro">{t(`opp.assents.intro.${audience}`)}</Paragraph>
      {canRecord && recording ? (
        <PaperAssentForm
          opp={opp}
          onClose={() => {
            setRecording(false);
            requestAnimationFrame(() => (opener.current?.isConnected ? opener.current.focus() : focusOppState()));
          }}
          onDone={onStatus}
        />
      ) : null}
      {opp.assents.length === 0 ? (
        <Paragraph className="rondom-empty">{t('opp.assents.none')}</Paragraph>
      ) : (
        <ul className="rondom-opp-decisions">
          {[...opp.assents].reverse().map((a) => (
            <Decision key={a.id} opp={opp} assent={a} audience={audience} onStatus={onStatus} />
          ))}
        </ul>
      )}
    </section>
  );
}
