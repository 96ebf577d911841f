import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { FieldErrors, UseFormRegister, UseFormSetValue } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api, qs } from '../../api.js';
import { SelectField } from '../../components/forms.js';
import { organisationKindFor, ROLES } from '../../roles.js';
import type { Organisation, Paged, TRole } from '../../types.js';

export interface RoleValues {
  role: TRole | '';
  organisationId: string;
}

/** Organisations a membership with this role may point at (swv roles → the SWV, teacher → a school, …). */
export function useOrganisationsForRole(role: TRole | '') {
  const kind = role ? organisationKindFor(role) : null;
  return useQuery({
    queryKey: ['organisations', { kind, all: true }],
    queryFn: () => api<Paged<Organisation>>(`/api/v1/organisations${qs({ kind, pageSize: 100 })}`),
    enabled: !!kind,
    staleTime: 60_000,
  });
}

/** Role select plus the organisation select that fits it; parents and pupils have no organisation. */
export function RoleOrganisationFields<T extends RoleValues>({
  idPrefix,
  role,
  register,
  setValue,
  errors,
}: {
  idPrefix: string;
  role: TRole | '';
  register: UseFormRegister<T>;
  setValue: UseFormSetValue<T>;
  errors: FieldErrors<T>;
}) {
  const { t } = useTranslation();
  const kind = role ? organisationKindFor(role) : null;
  const orgs = useOrganisationsForRole(role);
  const reg = register as unknown as UseFormRegister<RoleValues>;
  const set = setValue as unknown as UseFormSetValue<RoleValues>;
  const errs = errors as FieldErrors<RoleValues>;
  // a new role needs a new organisation choice
  const previousRole = useRef(role);
  useEffect(() => {
    if (previousRole.current === role) return;
    previousRole.current = role;
    set('organisationId', '');
  }, [role, set]);
  const options = (orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
  const required = t('validation.required');
  return (
    <>
      <SelectField
        id={`${idPrefix}-role`}
        label={t('users.fields.role')}
        required
        placeholder={t('users.chooseRole')}
        options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        error={errs.role?.message}
        {...reg('role', { required })}
      />
      {kind ? (
        <SelectField
          id={`${idPrefix}-organisationId`}
          label={t('users.fields.organisation')}
          description={
            orgs.isSuccess && options.length === 0
              ? t('users.noOrganisationsOfKind', { kind: t(`orgKinds.${kind}`) })
              : t('users.organisationHint', { kind: t(`orgKinds.${kind}`) })
          }
          required
          placeholder={t('users.chooseOrganisation')}
          options={options}
          busy={orgs.isFetching}
          error={errs.organisationId?.message}
          {...reg('organisationId', { required })}
        />
      ) : role ? (
        <p className="utrecht-paragraph rondom-hint">{t('users.noOrganisationNeeded')}</p>
      ) : null}
    </>
  );
}
