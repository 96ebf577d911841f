import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_KINDS, PARTNER_KINDS, SCHOOL_TYPES } from '../../../shared/roles.js';
import { api, qs } from '../../api.js';
import { applyServerError, ErrorSummary, SelectField, summaryItems, TextField, useServerIssues } from '../../components/forms.js';
import type { Organisation, OrganisationKind, Paged } from '../../types.js';

interface Values {
  kind: OrganisationKind | '';
  name: string;
  brin: string;
  vestiging: string;
  schoolType: string;
  schoolBoard: string;
  gemeenteId: string;
  partnerKind: string;
}

const FIELDS = ['kind', 'name', 'brin', 'vestiging', 'schoolType', 'schoolBoard', 'gemeenteId', 'partnerKind'] as const;
const idOf = (f: string) => `org-${f}`;
const EMPTY: Values = {
  kind: '',
  name: '',
  brin: '',
  vestiging: '',
  schoolType: '',
  schoolBoard: '',
  gemeenteId: '',
  partnerKind: '',
};

export function useGemeenten() {
  return useQuery({
    queryKey: ['organisations', { kind: 'gemeente', all: true }],
    queryFn: () => api<Paged<Organisation>>(`/api/v1/organisations${qs({ kind: 'gemeente', pageSize: 100 })}`),
    staleTime: 60_000,
  });
}

/** Creates an organisation; the fields follow its kind (a school needs BRIN, vestiging, type and gemeente). */
export function OrganisationCreateForm({ onCreated }: { onCreated: (o: Organisation) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const gemeenten = useGemeenten();
  const { failure, unplaced, clear: clearServer, show: showServer } = useServerIssues();
  const {
    register,
    handleSubmit,
    watch,
    reset,
    setError,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<Values>({ shouldFocusError: false, defaultValues: EMPTY, shouldUnregister: true });
  const kind = watch('kind');

  const create = useMutation({
    mutationFn: (v: Values) => {
      const body: Record<string, unknown> = { kind: v.kind, name: v.name.trim() };
      if (v.kind === 'school') {
        body.brin = v.brin.trim().toUpperCase();
        body.vestiging = v.vestiging.trim();
        body.schoolType = v.schoolType;
        body.schoolBoard = v.schoolBoard.trim() || null;
        body.gemeenteId = v.gemeenteId;
      }
      if (v.kind === 'partner') body.partnerKind = v.partnerKind;
      return api<Organisation>('/api/v1/organisations', { method: 'POST', body });
    },
  });

  const onSubmit = async (v: Values) => {
    clearServer();
    try {
      const created = await create.mutateAsync(v);
      reset(EMPTY);
      await queryClient.invalidateQueries({ queryKey: ['organisations'] });
      onCreated(created);
    } catch (e) {
      showServer(applyServerError(e, setError, FIELDS));
    }
  };

  const required = t('validation.required');
  const items = submitCount ? summaryItems(errors, FIELDS, idOf, unplaced) : [];
  const gemeenteOptions = (gemeenten.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }));

  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="rondom-form">
      <ErrorSummary items={items} message={failure} />
      <SelectField
        id={idOf('kind')}
        label={t('organisations.fields.kind')}
        required
        placeholder={t('organisations.chooseKind')}
        options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`orgKinds.${k}`) }))}
        error={errors.kind?.message}
        {...register('kind', { required })}
      />
      <TextField
        id={idOf('name')}
        label={t('organisations.fields.name')}
        required
        autoComplete="off"
        error={errors.name?.message}
        {...register('name', {
          required,
          validate: (v) => v.trim().length > 0 || required,
          maxLength: { value: 200, message: t('validation.too_long', { max: 200 }) },
        })}
      />
      {kind === 'school' ? (
        <fieldset className="rondom-fieldset">
          <legend className="rondom-fieldset__legend">{t('organisations.schoolDetails')}</legend>
          <div className="rondom-form-row">
            <TextField
              id={idOf('brin')}
              label={t('organisations.fields.brin')}
              description={t('organisations.brinHint')}
              required
              maxLength={4}
              autoComplete="off"
              className="rondom-field--short"
              error={errors.brin?.message}
              {...register('brin', {
                required,
                pattern: { value: /^\s*\d{2}[A-Za-z0-9]{2}\s*$/, message: t('validation.invalid_brin') },
              })}
            />
            <TextField
              id={idOf('vestiging')}
              label={t('organisations.fields.vestiging')}
              description={t('organisations.vestigingHint')}
              required
              maxLength={2}
              inputMode="numeric"
              autoComplete="off"
              className="rondom-field--short"
              error={errors.vestiging?.message}
              {...register('vestiging', {
                required,
                pattern: { value: /^\s*\d{2}\s*$/, message: t('validation.invalid_vestiging') },
              })}
            />
          </div>
          <SelectField
            id={idOf('schoolType')}
            label={t('organisations.fields.schoolType')}
            required
            placeholder={t('organisations.chooseSchoolType')}
            options={SCHOOL_TYPES.map((s) => ({ value: s, label: t(`schoolTypes.${s}`) }))}
            error={errors.schoolType?.message}
            {...register('schoolType', { required })}
          />
          <TextField
            id={idOf('schoolBoard')}
            label={t('organisations.fields.schoolBoard')}
            autoComplete="off"
            error={errors.schoolBoard?.message}
            {...register('schoolBoard', { maxLength: { value: 200, message: t('validation.too_long', { max: 200 }) } })}
          />
          <SelectField
            id={idOf('gemeenteId')}
            label={t('organisations.fields.gemeente')}
            description={gemeenteOptions.length || gemeenten.isPending ? undefined : t('organisations.noGemeenten')}
            required
            placeholder={t('organisations.chooseGemeente')}
            options={gemeenteOptions}
            error={errors.gemeenteId?.message}
            {...register('gemeenteId', { required })}
          />
        </fieldset>
      ) : null}
      {kind === 'partner' ? (
        <SelectField
          id={idOf('partnerKind')}
          label={t('organisations.fields.partnerKind')}
          required
          placeholder={t('organisations.choosePartnerKind')}
          options={PARTNER_KINDS.map((p) => ({ value: p, label: t(`partnerKinds.${p}`) }))}
          error={errors.partnerKind?.message}
          {...register('partnerKind', { required })}
        />
      ) : null}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={isSubmitting} disabled={isSubmitting}>
          {t('organisations.create')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
