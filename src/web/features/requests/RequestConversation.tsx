import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { TextAreaField } from '../../components/fields.js';
import { applyServerError, ErrorSummary, SaveCancel, summaryItems } from '../../components/forms.js';
import { ErrorAlert, Loading } from '../../components/Status.js';
import { formatDateTime } from '../../format.js';
import { REQUEST_COMMENT_MAX, type TRequest, useComments } from './data.js';
import { requestApi, requestPartKey } from './keys.js';
import { Empty } from './views.js';

/** "Wie, in welke rol, van welke organisatie" for a step or a message. */
function usePerson() {
  const { t } = useTranslation();
  return (p: { name: string; role: string | null; organisation: string | null }) =>
    [p.name, p.role ? t(`roles.${p.role}`, { defaultValue: p.role }) : null, p.organisation].filter(Boolean).join(', ');
}

/** "Tijdlijn": every step with its moment and who took it. */
export function RequestTimeline({ request, parent }: { request: TRequest; parent: boolean }) {
  const { t } = useTranslation();
  const person = usePerson();
  return (
    <section aria-labelledby="request-timeline-heading" className="rondom-part" id="request-timeline">
      <Heading2 id="request-timeline-heading">{t('requests.timeline.title')}</Heading2>
      <ol className="rondom-timeline">
        {request.timeline.map((e) => (
          <li key={`${e.status}-${e.at}`}>
            <strong>{t(parent ? `requests.timeline.stepParent.${e.status}` : `requests.timeline.step.${e.status}`)}</strong>{' '}
            <span>{t('requests.timeline.when', { when: formatDateTime(e.at), who: person(e.by) })}</span>
            {e.note ? <Paragraph className="rondom-free-text">{t('requests.timeline.note', { note: e.note })}</Paragraph> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function CommentForm({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, submitCount },
  } = useForm<{ body: string }>({ shouldFocusError: false, defaultValues: { body: '' } });
  const send = useMutation({
    mutationFn: (body: string) => api(requestApi(requestId, '/comments'), { method: 'POST', body: { body } }),
    onSuccess: (data) => {
      queryClient.setQueryData(requestPartKey(requestId, 'comments'), data);
      reset({ body: '' });
    },
    onError: (e) => applyServerError(e, setError, ['body']),
  });
  const required = t('validation.required');
  return (
    <form noValidate onSubmit={handleSubmit((v) => send.mutate(v.body.trim()))} className="rondom-form" aria-labelledby="request-comment-title">
      <ErrorSummary items={submitCount ? summaryItems(errors, ['body'], () => 'request-comment-body') : []} />
      {send.isError && !errors.body ? <ErrorAlert error={send.error} /> : null}
      <TextAreaField
        id="request-comment-body"
        label={<span id="request-comment-title">{t('requests.comments.new')}</span>}
        description={t('requests.comments.hint')}
        rows={3}
        required
        error={errors.body?.message}
        {...register('body', {
          validate: (v) => v.trim().length > 0 || required,
          maxLength: { value: REQUEST_COMMENT_MAX, message: t('validation.too_long', { max: REQUEST_COMMENT_MAX }) },
        })}
      />
      <SaveCancel label={t('requests.comments.send')} busy={send.isPending} onCancel={() => reset({ body: '' })} />
    </form>
  );
}

/** "Overleg school en samenwerkingsverband": the conversation on the request (not for parents). */
export function RequestComments({ request }: { request: TRequest }) {
  const { t } = useTranslation();
  const person = usePerson();
  const comments = useComments(request.id, request.policies.readComments);
  if (!request.policies.readComments) return null;
  return (
    <section aria-labelledby="request-comments-heading" className="rondom-part" id="request-comments">
      <Heading2 id="request-comments-heading">{t('requests.comments.title')}</Heading2>
      {comments.isPending ? (
        <Loading />
      ) : comments.isError ? (
        <ErrorAlert error={comments.error} />
      ) : comments.data.items.length === 0 ? (
        <Empty text={t('requests.comments.empty')} />
      ) : (
        <ol className="rondom-comments">
          {comments.data.items.map((c) => (
            <li key={c.id}>
              <Paragraph>
                <strong>{person(c.author)}</strong> <span className="rondom-hint">{formatDateTime(c.createdAt)}</span>
              </Paragraph>
              <Paragraph className="rondom-comments__body">{c.body}</Paragraph>
            </li>
          ))}
        </ol>
      )}
      {comments.data?.policies.comment ? <CommentForm requestId={request.id} /> : null}
    </section>
  );
}
