import '../dossier/dossier.css';
import './requests.css';
import { useQueryClient } from '@tanstack/react-query';
import { Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api.js';
import { AppLink } from '../../components/AppLink.js';
import { applyServerError, ErrorSummary, SaveCancel, summaryItems, useServerIssues } from '../../components/forms.js';
import { PageHeading } from '../../components/page.js';
import { LoadError, Loading } from '../../components/Status.js';
import { usePupil } from '../pupils/data.js';
import { NotFoundPage } from '../../routes/NotFoundPage.js';
import { pupilRequestsApi, type TRequest, usePupilRequests, useRequestSaved } from './data.js';
import { pupilRequestsPage, requestPage } from './keys.js';
import { bodyOf, REQUEST_FORM_FIELDS, RequestFields, requestFieldId, type TRequestValues, TypeChoice } from './RequestForm.js';

const EMPTY: TRequestValues = { type: '', question: '', tried: '', tlvSchoolType: '', parentsInformedOn: '', parentsView: '' };

/**
 * /leerlingen/:id/aanvragen/nieuw — a short form that saves a draft and opens it. The key is made
 * once per form: a double click or a resend after a lost answer finds the same request.
 */
export default function NewRequestPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const saved = useRequestSaved();
  const queryClient = useQueryClient();
  const pupil = usePupil(id);
  // the same answer the child's request list gets: only the school's leads may file one
  const list = usePupilRequests(id);
  const [clientKey] = useState(() => crypto.randomUUID());
  const { failure, unplaced, clear: clearServer, show: showServer } = useServerIssues();
  const {
    register,
    handleSubmit,
    watch,
    setError,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<TRequestValues>({ shouldFocusError: false, defaultValues: EMPTY });
  const type = watch('type');
  if (pupil.isError) return <LoadError error={pupil.error} title={t('requests.newTitle')} />;
  if (list.isError) return <LoadError error={list.error} title={t('requests.newTitle')} />;
  if (pupil.isPending || list.isPending) return <Loading />;
  if (!list.data.policies.create) return <NotFoundPage />;
  const p = pupil.data;
  const onSubmit = async (v: TRequestValues) => {
    clearServer();
    try {
      const r = await api<TRequest>(pupilRequestsApi(p.id), { method: 'POST', body: { clientKey, type: v.type, ...bodyOf(v) } });
      saved(r);
      await queryClient.invalidateQueries({ queryKey: ['pupils', 'detail', p.id] });
      navigate(requestPage(r.id));
    } catch (e) {
      showServer(applyServerError(e, setError, REQUEST_FORM_FIELDS));
    }
  };
  const title = t('requests.new.title', { name: p.displayName });
  const items = submitCount ? summaryItems(errors, REQUEST_FORM_FIELDS, requestFieldId, unplaced) : [];
  return (
    <div className="rondom-requests">
      <Paragraph>
        <AppLink to={pupilRequestsPage(p.id)}>{t('requests.backToPupil', { name: p.displayName })}</AppLink>
      </Paragraph>
      <PageHeading title={title}>{title}</PageHeading>
      <Paragraph lead>{t('requests.new.intro')}</Paragraph>
      <form noValidate onSubmit={handleSubmit(onSubmit)} className="rondom-form">
        <ErrorSummary items={items} message={failure} />
        <TypeChoice register={register} error={errors.type?.message} />
        <RequestFields register={register} errors={errors} type={type} />
        <Paragraph className="rondom-hint">{t('requests.new.draftHint')}</Paragraph>
        <SaveCancel label={t('requests.new.save')} busy={isSubmitting} onCancel={() => navigate(pupilRequestsPage(p.id))} />
      </form>
    </div>
  );
}
