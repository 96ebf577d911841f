import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  ButtonGroup,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/limits.js';
import { ApiError, api } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorSummary } from '../../components/forms.js';
import { ErrorAlert } from '../../components/Status.js';
import { type TAttachment, type TDossier, attachmentPath, dossierKey } from './data.js';
import { formatDay, formatSize } from '../../format.js';
import { summaryLine } from './labels.js';
import { EmptyPart } from './views.js';

export const MAX_LABEL = '10 MB';
export const ACCEPT = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';

/** The file as base64 without the "data:…;base64," prefix, as the API takes it. */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

const kindOf = (contentType: string) =>
  contentType === 'application/pdf' ? 'PDF' : contentType === 'image/png' ? 'PNG' : contentType === 'image/jpeg' ? 'JPG' : contentType;

function UploadForm({ pupilId, onAdded }: { pupilId: string; onAdded: (a: TAttachment) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string>();
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const label = t('dossier.attachments.file');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setMessage(undefined);
    const file = input.current?.files?.[0];
    let problem: string | undefined;
    if (!file) problem = t('dossier.attachments.noFile');
    else if (file.size === 0) problem = t('validation.file_empty');
    else if (file.size > ATTACHMENT_MAX_BYTES) problem = t('validation.file_too_large', { max: MAX_LABEL });
    if (problem || !file) {
      setError(problem);
      return;
    }
    setBusy(true);
    try {
      const contentBase64 = await readAsBase64(file);
      const added = await api<TAttachment>(attachmentPath(pupilId), { method: 'POST', body: { fileName: file.name, contentBase64 } });
      if (input.current) input.current.value = '';
      onAdded(added);
    } catch (err) {
      // the server names what is wrong with the file (type, size, empty): show it on the field
      if (err instanceof ApiError && err.issues?.length) setError(err.issues.map((i) => i.message).join(' '));
      else setMessage(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="rondom-form rondom-upload" aria-labelledby="dossier-upload-title">
      <Heading3 id="dossier-upload-title" className="rondom-form__title">
        {t('dossier.attachments.uploadTitle')}
      </Heading3>
      <ErrorSummary items={error ? [{ fieldId: 'dossier-upload-file', message: summaryLine(label, error) }] : []} message={message} />
      <FormField
        invalid={!!error}
        type="file"
        label={<FormLabel htmlFor="dossier-upload-file">{label}</FormLabel>}
        description={
          <FormFieldDescription id="dossier-upload-file-description">
            {t('dossier.attachments.fileHint', { max: MAX_LABEL })}
          </FormFieldDescription>
        }
        errorMessage={error ? <FormFieldErrorMessage id="dossier-upload-file-error">{error}</FormFieldErrorMessage> : null}
        input={
          <input
            ref={input}
            id="dossier-upload-file"
            name="file"
            type="file"
            accept={ACCEPT}
            className="rondom-file-input"
            aria-invalid={error ? true : undefined}
            aria-describedby={['dossier-upload-file-description', error ? 'dossier-upload-file-error' : ''].filter(Boolean).join(' ')}
            onChange={() => setError(undefined)}
          />
        }
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {busy ? t('dossier.attachments.uploading') : t('dossier.attachments.upload')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** "Bijlagen": reports and papers; downloads are ordinary links, removing asks first. */
export function AttachmentsSection({ dossier, onStatus }: { dossier: TDossier; onStatus: (message: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const pupilId = dossier.pupil.id;
  const [removing, setRemoving] = useState<TAttachment | null>(null);
  const list = dossier.attachments ?? [];
  const canUpload = dossier.policies.upload;
  const patchList = (f: (l: TAttachment[]) => TAttachment[]) =>
    queryClient.setQueryData<TDossier>(dossierKey(pupilId), (old) => (old ? { ...old, attachments: f(old.attachments ?? []) } : old));
  const remove = useMutation({
    mutationFn: (a: TAttachment) => api(attachmentPath(pupilId, a.id), { method: 'DELETE' }),
    onSuccess: (_r, a) => {
      setRemoving(null);
      patchList((l) => l.filter((x) => x.id !== a.id));
      onStatus(t('dossier.attachments.removed', { name: a.fileName }));
      // the list moved: put focus on the section heading
      requestAnimationFrame(() => document.getElementById('dossier-attachments-heading')?.focus());
    },
  });
  return (
    <section aria-labelledby="dossier-attachments-heading" className="rondom-part" id="dossier-attachments">
      <div className="rondom-part__head">
        <Heading2 id="dossier-attachments-heading" tabIndex={-1} className="rondom-focus-target">
          {t('dossier.attachments.title')}
        </Heading2>
      </div>
      <Paragraph className="rondom-hint rondom-part__intro">{t('dossier.attachments.intro')}</Paragraph>
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      {list.length === 0 ? (
        <EmptyPart text={t('dossier.attachments.empty')} hint={canUpload ? t('dossier.attachments.emptyHint') : undefined} />
      ) : (
        <div className="rondom-table-wrap">
          <Table className="rondom-table">
            <TableCaption className="rondom-visually-hidden">{t('dossier.attachments.caption', { name: dossier.pupil.displayName })}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('dossier.attachments.columns.name')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('dossier.attachments.columns.kind')}</TableHeaderCell>
                <TableHeaderCell scope="col" className="rondom-numeric">
                  {t('dossier.attachments.columns.size')}
                </TableHeaderCell>
                <TableHeaderCell scope="col">{t('dossier.attachments.columns.added')}</TableHeaderCell>
                {canUpload ? (
                  <TableHeaderCell scope="col">
                    <span className="rondom-visually-hidden">{t('dossier.attachments.columns.actions')}</span>
                  </TableHeaderCell>
                ) : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.map((a) => (
                <TableRow key={a.id}>
                  <TableHeaderCell scope="row">
                    <a className="utrecht-link utrecht-link--html-a" href={attachmentPath(pupilId, a.id)} download={a.fileName}>
                      {a.fileName}
                      <span className="rondom-visually-hidden"> {t('dossier.attachments.download')}</span>
                    </a>
                  </TableHeaderCell>
                  <TableCell>{kindOf(a.contentType)}</TableCell>
                  <TableCell className="rondom-numeric">{formatSize(a.sizeBytes)}</TableCell>
                  <TableCell>{formatDay(a.createdAt)}</TableCell>
                  {canUpload ? (
                    <TableCell>
                      <Button
                        appearance="subtle-button"
                        hint="danger"
                        aria-label={t('dossier.attachments.removeFor', { name: a.fileName })}
                        onClick={() => setRemoving(a)}
                      >
                        {t('dossier.attachments.remove')}
                      </Button>
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {canUpload ? (
        <UploadForm
          pupilId={pupilId}
          onAdded={(a) => {
            patchList((l) => [a, ...l]);
            onStatus(t('dossier.attachments.added', { name: a.fileName }));
          }}
        />
      ) : null}
      <ConfirmDialog
        open={!!removing}
        title={t('dossier.attachments.removeTitle', { name: removing?.fileName ?? '' })}
        confirmLabel={t('dossier.attachments.remove')}
        busy={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing)}
        onCancel={() => setRemoving(null)}
      >
        {t('dossier.attachments.removeText')}
      </ConfirmDialog>
    </section>
  );
}
