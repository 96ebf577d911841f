import { useQueryClient } from '@tanstack/react-query';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api, type FieldIssue } from '../../api.js';
import { applyServerError, ErrorSummary, SaveCancel, summaryItems } from '../../components/forms.js';
import { ErrorAlert } from '../../components/Status.js';
import { formatDate } from '../../format.js';
import { isConflict, type TRequest, useRequestSaved } from './data.js';
import { requestApi, requestKey } from './keys.js';
import { bodyOf, REQUEST_FORM_FIELDS, RequestFields, requestFieldId, type TRequestValues, valuesOf } from './RequestForm.js';
import { FactList } from './views.js';

/** The school's edit form in place; a version changed meanwhile is refused and the text stays. */
function EditForm({ request, onClose, onSaved }: { request: TRequest; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const saved = useRequestSaved();
  const queryClient = useQueryClient();
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<TRequestValues>({ shouldFocusError: false, defaultValues: valuesOf(request) });
  const onSubmit = async (v: TRequestValues) => {
    setFailure(null);
    setUnplaced([]);
    try {
      saved(await api<TRequest>(requestApi(request.id), { method: 'PATCH', body: { rowVersion: request.rowVersion, ...bodyOf(v) } }));
      onSaved();
    } catch (e) {
      if (isConflict(e)) {
        setFailure(e);
        return;
      }
      const r = applyServerError(e, setError, REQUEST_FORM_FIELDS);
      if (r.message) setFailure(e);
      setUnplaced(r.unplaced);
    }
  };
  const items = submitCount ? summaryItems(errors, REQUEST_FORM_FIELDS, requestFieldId, unplaced) : [];
  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="rondom-form" aria-labelledby="request-details-heading">
      <ErrorSummary items={items} />
      {failure ? <ErrorAlert error={failure} /> : null}
      {failure && isConflict(failure) ? (
        <Paragraph>
          <Button appearance="secondary-action-button" onClick={() => void queryClient.invalidateQueries({ queryKey: requestKey(request.id) })}>
            {t('requests.details.reload')}
          </Button>
        </Paragraph>
      ) : null}
      <RequestFields register={register} errors={errors} type={request.type} forSubmit={request.status === 'draft'} />
      <SaveCancel label={t('common.save')} busy={isSubmitting} onCancel={onClose} />
    </form>
  );
}

/** The request's own words: the question, what was tried, the parents. Parents read only the question. */
export function RequestDetails({ request, parent, onStatus }: { request: TRequest; parent: boolean; onStatus: (m: string) => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const empty = <span className="rondom-hint">{t('requests.details.notFilledIn')}</span>;
  const text = (v: string | null) => (v ? <span className="rondom-free-text">{v}</span> : empty);
  const close = () => {
    setEditing(false);
    requestAnimationFrame(() => document.getElementById('request-details-heading')?.focus());
  };
  const facts = parent
    ? [{ label: t('requests.fields.questionParent'), value: text(request.question) }]
    : [
        { label: t('requests.fields.question'), value: text(request.question) },
        { label: t('requests.fields.tried'), value: text(request.tried) },
        ...(request.type === 'tlv'
          ? [{ label: t('requests.fields.tlvSchoolType'), value: request.tlvSchoolType ? t(`requests.tlvSchoolType.${request.tlvSchoolType}`) : empty }]
          : []),
        { label: t('requests.fields.parentsInformedOn'), value: request.parentsInformedOn ? formatDate(request.parentsInformedOn) : empty },
        { label: t('requests.fields.parentsView'), value: text(request.parentsView) },
      ];
  return (
    <section aria-labelledby="request-details-heading" className="rondom-part" id="request-details">
      <Heading2 id="request-details-heading" tabIndex={-1} className="rondom-focus-target">
        {t(parent ? 'requests.details.titleParent' : 'requests.details.title')}
      </Heading2>
      {editing ? (
        <EditForm
          request={request}
          onClose={close}
          onSaved={() => {
            onStatus(t('requests.details.saved'));
            close();
          }}
        />
      ) : (
        <>
          <FactList items={facts} />
          {request.policies.edit ? (
            <Button appearance="secondary-action-button" onClick={() => setEditing(true)}>
              {t('requests.details.edit')}
            </Button>
          ) : null}
        </>
      )}
    </section>
  );
}
