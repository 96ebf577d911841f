import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../api.js';
import { AppLink } from '../../components/AppLink.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { applyServerError, ErrorSummary, summaryItems, TextField, useServerIssues } from '../../components/forms.js';
import { PageHeading } from '../../components/page.js';
import { ErrorAlert, LoadError, Loading, StatusMessage } from '../../components/Status.js';
import type { Organisation } from '../../types.js';
import { brinOf, organisationType } from './labels.js';

function Row({ label, value }: { label: string; value: string | null | undefined }) {
  const { t } = useTranslation();
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue value={value || t('common.unknown')}>{value || t('common.unknown')}</DataListValue>
    </DataListItem>
  );
}

interface Values {
  name: string;
  schoolBoard: string;
}
const FIELDS = ['name', 'schoolBoard'] as const;
const idOf = (f: string) => `org-edit-${f}`;

function EditForm({ org, onSaved }: { org: Organisation; onSaved: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { failure, unplaced, clear: clearServer, show: showServer } = useServerIssues();
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<Values>({ shouldFocusError: false, defaultValues: { name: org.name, schoolBoard: org.schoolBoard ?? '' } });
  useEffect(() => reset({ name: org.name, schoolBoard: org.schoolBoard ?? '' }), [org, reset]);
  const onSubmit = async (v: Values) => {
    clearServer();
    try {
      const body: Record<string, unknown> = { name: v.name.trim() };
      if (org.kind === 'school') body.schoolBoard = v.schoolBoard.trim() || null;
      const saved = await api<Organisation>(`/api/v1/organisations/${org.id}`, { method: 'PATCH', body });
      queryClient.setQueryData(['organisations', 'detail', org.id], saved);
      await queryClient.invalidateQueries({ queryKey: ['organisations'] });
      onSaved();
    } catch (e) {
      showServer(applyServerError(e, setError, FIELDS));
    }
  };
  const required = t('validation.required');
  const items = submitCount ? summaryItems(errors, FIELDS, idOf, unplaced) : [];
  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="rondom-form">
      <ErrorSummary items={items} message={failure} />
      <TextField
        id={idOf('name')}
        label={t('organisations.fields.name')}
        required
        autoComplete="off"
        error={errors.name?.message}
        {...register('name', { required, validate: (v) => v.trim().length > 0 || required })}
      />
      {org.kind === 'school' ? (
        <TextField
          id={idOf('schoolBoard')}
          label={t('organisations.fields.schoolBoard')}
          autoComplete="off"
          error={errors.schoolBoard?.message}
          {...register('schoolBoard')}
        />
      ) : null}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={isSubmitting} disabled={isSubmitting}>
          {t('common.save')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

export default function OrganisationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const org = useQuery({
    queryKey: ['organisations', 'detail', id],
    queryFn: () => api<Organisation>(`/api/v1/organisations/${encodeURIComponent(id)}`),
  });
  const archive = useMutation({
    mutationFn: (archived: boolean) =>
      api<Organisation>(`/api/v1/organisations/${encodeURIComponent(id)}`, { method: 'PATCH', body: { archived } }),
    onSuccess: async (saved, archived) => {
      setConfirming(false);
      queryClient.setQueryData(['organisations', 'detail', id], saved);
      setStatus(archived ? t('organisations.archivedDone') : t('organisations.restoredDone'));
      await queryClient.invalidateQueries({ queryKey: ['organisations'] });
    },
  });
  if (org.isPending) return <Loading />;
  if (org.isError) return <LoadError error={org.error} title={t('organisations.detailTitle')} />;
  const o = org.data;
  return (
    <>
      <Paragraph>
        <AppLink to="/organisaties">{t('organisations.backToList')}</AppLink>
      </Paragraph>
      <PageHeading>{o.name}</PageHeading>
      <StatusMessage>{status}</StatusMessage>
      <DataList>
        <Row label={t('organisations.fields.kind')} value={t(`orgKinds.${o.kind}`)} />
        {o.kind === 'school' ? (
          <>
            <Row label={t('organisations.fields.brinVestiging')} value={brinOf(o)} />
            <Row label={t('organisations.fields.schoolType')} value={organisationType(o, t)} />
            <Row label={t('organisations.fields.schoolBoard')} value={o.schoolBoard} />
            <Row label={t('organisations.fields.gemeente')} value={o.gemeenteName} />
          </>
        ) : null}
        {o.kind === 'partner' ? <Row label={t('organisations.fields.partnerKind')} value={organisationType(o, t)} /> : null}
        <Row
          label={t('organisations.fields.status')}
          value={o.archived ? t('organisations.archived') : t('organisations.active')}
        />
      </DataList>
      <section aria-labelledby="organisation-edit-heading" className="rondom-section">
        <Heading2 id="organisation-edit-heading">{t('organisations.editTitle')}</Heading2>
        <EditForm org={o} onSaved={() => setStatus(t('common.saved'))} />
      </section>
      <section aria-labelledby="organisation-archive-heading" className="rondom-section">
        <Heading2 id="organisation-archive-heading">
          {o.archived ? t('organisations.restoreTitle') : t('organisations.archiveTitle')}
        </Heading2>
        <Paragraph>{o.archived ? t('organisations.restoreText') : t('organisations.archiveText')}</Paragraph>
        {archive.isError ? <ErrorAlert error={archive.error} /> : null}
        {o.archived ? (
          <Button appearance="secondary-action-button" busy={archive.isPending} onClick={() => archive.mutate(false)}>
            {t('organisations.restore')}
          </Button>
        ) : (
          <Button appearance="secondary-action-button" hint="danger" onClick={() => setConfirming(true)}>
            {t('organisations.archive')}
          </Button>
        )}
      </section>
      <ConfirmDialog
        open={confirming}
        title={t('organisations.archiveConfirmTitle', { name: o.name })}
        confirmLabel={t('organisations.archive')}
        busy={archive.isPending}
        onConfirm={() => archive.mutate(true)}
        onCancel={() => setConfirming(false)}
      >
        {t('organisations.archiveConfirmText')}
      </ConfirmDialog>
    </>
  );
}
