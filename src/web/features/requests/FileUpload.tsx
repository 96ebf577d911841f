import { Button, ButtonGroup, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel } from '@utrecht/component-library-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/limits.js';
import { ApiError, api } from '../../api.js';
import { ErrorAlert } from '../../components/Status.js';
import { ACCEPT, MAX_LABEL, readAsBase64 } from '../dossier/Attachments.js';
import { type TRequest, useRequestSaved } from './data.js';
import { requestApi } from './keys.js';

/**
 * Sends one file with the request; with `checklistItemId` the file meets that item of the
 * checklist (a document the region asks for, or the parents' signed form).
 */
export function FileUpload({
  request,
  checklistItemId,
  label,
  onDone,
}: {
  request: TRequest;
  checklistItemId?: string;
  label: string;
  onDone: (fileName: string) => void;
}) {
  const { t } = useTranslation();
  const saved = useRequestSaved();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string>();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const id = `request-upload-${checklistItemId ?? 'any'}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setFailure(null);
    const file = input.current?.files?.[0];
    const problem = !file
      ? t('requests.files.noFile')
      : file.size === 0
        ? t('validation.file_empty')
        : file.size > ATTACHMENT_MAX_BYTES
          ? t('validation.file_too_large', { max: MAX_LABEL })
          : undefined;
    if (problem || !file) {
      setError(problem);
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const contentBase64 = await readAsBase64(file);
      const r = await api<TRequest>(requestApi(request.id, '/attachments'), {
        method: 'POST',
        body: { file: { fileName: file.name, contentBase64 }, ...(checklistItemId ? { checklistItemId } : {}) },
      });
      if (input.current) input.current.value = '';
      saved(r);
      onDone(file.name);
    } catch (err) {
      // the server names what is wrong with the file (type, size, empty): show it on the field
      if (err instanceof ApiError && err.issues?.length) setError(err.issues.map((i) => i.message).join(' '));
      else setFailure(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="rondom-form rondom-upload">
      {failure ? <ErrorAlert error={failure} /> : null}
      <FormField
        invalid={!!error}
        type="file"
        label={<FormLabel htmlFor={id}>{label}</FormLabel>}
        description={<FormFieldDescription id={`${id}-description`}>{t('requests.files.hint', { max: MAX_LABEL })}</FormFieldDescription>}
        errorMessage={error ? <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage> : null}
        input={
          <input
            ref={input}
            id={id}
            type="file"
            accept={ACCEPT}
            className="rondom-file-input"
            aria-invalid={error ? true : undefined}
            aria-describedby={[`${id}-description`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
            onChange={() => setError(undefined)}
          />
        }
      />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
          {busy ? t('requests.files.uploading') : t('requests.files.upload')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
