import { useMutation } from '@tanstack/react-query';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ScrollTable } from '../../components/ScrollTable.js';
import { ErrorAlert } from '../../components/Status.js';
import { formatDay, formatSize } from '../../format.js';
import { checklistLabel, requestFileApi, type TRequest, type TRequestAttachment, useRequestSaved } from './data.js';
import { FileUpload } from './FileUpload.js';
import { Empty } from './views.js';

/** "Bijlagen": what the school sent with the request. Downloads are plain links; removing asks first. */
export function RequestFiles({ request, onStatus }: { request: TRequest; onStatus: (m: string) => void }) {
  const { t } = useTranslation();
  const saved = useRequestSaved();
  const [removing, setRemoving] = useState<TRequestAttachment | null>(null);
  const remove = useMutation({
    mutationFn: (a: TRequestAttachment) => api<TRequest>(requestFileApi(request.id, a.id), { method: 'DELETE' }),
    onSuccess: (r, a) => {
      setRemoving(null);
      saved(r);
      onStatus(t('requests.files.removed', { name: a.fileName }));
      requestAnimationFrame(() => document.getElementById('request-files-heading')?.focus());
    },
  });
  if (!request.policies.readAttachments) return null;
  const canChange = request.policies.edit;
  const forItem = (a: TRequestAttachment) => {
    const item = request.checklist.find((c) => c.id === a.checklistItemId);
    return item ? checklistLabel(t, item) : <span className="rondom-hint">{t('requests.files.noItem')}</span>;
  };
  return (
    <section aria-labelledby="request-files-heading" className="rondom-part" id="request-files">
      <Heading2 id="request-files-heading" tabIndex={-1} className="rondom-focus-target">
        {t('requests.files.title')}
      </Heading2>
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      {request.attachments.length === 0 ? (
        <Empty text={t('requests.files.empty')} />
      ) : (
        <ScrollTable
          id="request-files-table"
          caption={t('requests.files.caption')}
          columns={[
            t('requests.files.columns.name'),
            t('requests.files.columns.item'),
            t('requests.files.columns.size'),
            t('requests.files.columns.added'),
            ...(canChange ? [t('requests.files.columns.actions')] : []),
          ]}
          rows={request.attachments.map((a) => [
            <a key="link" className="utrecht-link utrecht-link--html-a" href={requestFileApi(request.id, a.id)} download>
              {a.fileName}
              <span className="rondom-visually-hidden"> {t('requests.files.download')}</span>
            </a>,
            forItem(a),
            formatSize(a.sizeBytes),
            t('requests.files.addedBy', { date: formatDay(a.createdAt), name: a.uploadedBy ?? '' }),
            ...(canChange
              ? [
                  <Button key="remove" appearance="subtle-button" hint="danger" aria-label={t('requests.files.removeFor', { name: a.fileName })} onClick={() => setRemoving(a)}>
                    {t('requests.files.remove')}
                  </Button>,
                ]
              : []),
          ])}
        />
      )}
      {canChange ? (
        <>
          <Paragraph className="rondom-hint">{t('requests.files.otherHint')}</Paragraph>
          <FileUpload request={request} label={t('requests.files.other')} onDone={(name) => onStatus(t('requests.files.added', { name }))} />
        </>
      ) : null}
      <ConfirmDialog
        open={!!removing}
        title={t('requests.files.removeTitle', { name: removing?.fileName ?? '' })}
        confirmLabel={t('requests.files.remove')}
        busy={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing)}
        onCancel={() => setRemoving(null)}
      >
        {t('requests.files.removeText')}
      </ConfirmDialog>
    </section>
  );
}
