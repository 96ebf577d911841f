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
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, qs } from '../../api.js';
import { AppLink } from '../../components/AppLink.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { applyServerError, ErrorSummary, summaryItems, useServerIssues } from '../../components/forms.js';
import { PageHeading } from '../../components/page.js';
import { ErrorAlert, LoadError, Loading, StatusMessage } from '../../components/Status.js';
import { organisationKindFor } from '../../roles.js';
import type { MembershipRef, User } from '../../types.js';
import { RoleOrganisationFields, type RoleValues } from './roleFields.js';

const FIELDS = ['role', 'organisationId'] as const;
const idOf = (f: string) => `membership-${f}`;
const EMPTY: RoleValues = { role: '', organisationId: '' };

/** The memberships endpoint may answer a page or a plain list; both become a list. */
function listOf<T>(data: T[] | { items: T[] }): T[] {
  return Array.isArray(data) ? data : data.items;
}

function AddRoleForm({ userId, onAdded }: { userId: string; onAdded: (m: MembershipRef) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { failure, unplaced, clear: clearServer, show: showServer } = useServerIssues();
  const {
    register,
    handleSubmit,
    watch,
    reset,
    setError,
    setValue,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<RoleValues>({ shouldFocusError: false, defaultValues: EMPTY });
  const role = watch('role');
  const onSubmit = async (v: RoleValues) => {
    clearServer();
    try {
      const needsOrg = v.role ? organisationKindFor(v.role) !== null : false;
      const m = await api<MembershipRef>('/api/v1/memberships', {
        method: 'POST',
        body: { userId, role: v.role, organisationId: needsOrg ? v.organisationId : null },
      });
      reset(EMPTY);
      await queryClient.invalidateQueries({ queryKey: ['memberships', userId] });
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      onAdded(m);
    } catch (e) {
      showServer(applyServerError(e, setError, FIELDS));
    }
  };
  const items = submitCount ? summaryItems(errors, FIELDS, idOf, unplaced) : [];
  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="rondom-form">
      <ErrorSummary items={items} message={failure} />
      <RoleOrganisationFields<RoleValues>
        idPrefix="membership"
        role={role}
        register={register}
        setValue={setValue}
        errors={errors}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={isSubmitting} disabled={isSubmitting}>
          {t('users.addRole')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

export default function UserPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<string>();
  const [ending, setEnding] = useState<MembershipRef | null>(null);
  const [deactivating, setDeactivating] = useState(false);
  const user = useQuery({
    queryKey: ['users', 'detail', id],
    queryFn: () => api<User>(`/api/v1/users/${encodeURIComponent(id)}`),
  });
  const memberships = useQuery({
    queryKey: ['memberships', id],
    queryFn: async () =>
      listOf(await api<MembershipRef[] | { items: MembershipRef[] }>(`/api/v1/memberships${qs({ userId: id })}`)),
    enabled: user.isSuccess,
  });
  const endRole = useMutation({
    mutationFn: (m: MembershipRef) => api(`/api/v1/memberships/${encodeURIComponent(m.id)}`, { method: 'DELETE' }),
    onSuccess: async (_r, m) => {
      setEnding(null);
      setStatus(t('users.roleEnded', { role: t(`roles.${m.role}`) }));
      await queryClient.invalidateQueries({ queryKey: ['memberships', id] });
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const deactivate = useMutation({
    mutationFn: () => api(`/api/v1/users/${encodeURIComponent(id)}/deactivate`, { method: 'POST', body: {} }),
    onSuccess: async () => {
      setDeactivating(false);
      setStatus(t('users.deactivatedDone'));
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });

  if (user.isPending) return <Loading />;
  if (user.isError) return <LoadError error={user.error} title={t('users.detailTitle')} />;
  const u = user.data;
  const list = memberships.data ?? u.memberships;
  const roleName = (m: MembershipRef) =>
    m.organisationName
      ? t('users.roleAt', { role: t(`roles.${m.role}`), organisation: m.organisationName })
      : t(`roles.${m.role}`);

  return (
    <>
      <Paragraph>
        <AppLink to="/gebruikers">{t('users.backToList')}</AppLink>
      </Paragraph>
      <PageHeading>{u.name}</PageHeading>
      <StatusMessage>{status}</StatusMessage>
      <DataList>
        <DataListItem>
          <DataListKey>{t('users.fields.email')}</DataListKey>
          <DataListValue value={u.email}>{u.email}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('users.columns.status')}</DataListKey>
          <DataListValue value="x">{u.deactivated ? t('users.deactivated') : t('users.active')}</DataListValue>
        </DataListItem>
      </DataList>

      <section aria-labelledby="user-roles-heading" className="rondom-section">
        <Heading2 id="user-roles-heading">{t('users.rolesTitle')}</Heading2>
        {memberships.isError ? <ErrorAlert error={memberships.error} /> : null}
        {endRole.isError ? <ErrorAlert error={endRole.error} /> : null}
        {list.length === 0 ? (
          <Paragraph className="rondom-empty">{t('users.noRoles')}</Paragraph>
        ) : (
          <div className="rondom-table-wrap">
            <Table className="rondom-table">
              <TableCaption className="rondom-visually-hidden">{t('users.rolesCaption', { name: u.name })}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('users.columns.role')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('users.columns.organisation')}</TableHeaderCell>
                  <TableHeaderCell scope="col">
                    <span className="rondom-visually-hidden">{t('users.columns.actions')}</span>
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.map((m) => (
                  <TableRow key={m.id}>
                    <TableHeaderCell scope="row">{t(`roles.${m.role}`)}</TableHeaderCell>
                    <TableCell>{m.organisationName ?? t('users.noOrganisation')}</TableCell>
                    <TableCell>
                      <Button
                        appearance="subtle-button"
                        hint="danger"
                        aria-label={t('users.endRoleFor', { role: roleName(m) })}
                        onClick={() => setEnding(m)}
                      >
                        {t('users.endRole')}
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>

      {u.deactivated ? null : (
        <section aria-labelledby="user-add-role-heading" className="rondom-section">
          <Heading2 id="user-add-role-heading">{t('users.addRoleTitle')}</Heading2>
          <AddRoleForm userId={u.id} onAdded={(m) => setStatus(t('users.roleAdded', { role: t(`roles.${m.role}`) }))} />
        </section>
      )}

      {u.deactivated ? null : (
        <section aria-labelledby="user-deactivate-heading" className="rondom-section">
          <Heading2 id="user-deactivate-heading">{t('users.deactivateTitle')}</Heading2>
          <Paragraph>{t('users.deactivateText')}</Paragraph>
          {deactivate.isError ? <ErrorAlert error={deactivate.error} /> : null}
          <Button appearance="secondary-action-button" hint="danger" onClick={() => setDeactivating(true)}>
            {t('users.deactivate')}
          </Button>
        </section>
      )}

      <ConfirmDialog
        open={!!ending}
        title={ending ? t('users.endRoleConfirmTitle', { role: roleName(ending) }) : ''}
        confirmLabel={t('users.endRole')}
        busy={endRole.isPending}
        onConfirm={() => ending && endRole.mutate(ending)}
        onCancel={() => setEnding(null)}
      >
        {t('users.endRoleConfirmText', { name: u.name })}
      </ConfirmDialog>
      <ConfirmDialog
        open={deactivating}
        title={t('users.deactivateConfirmTitle', { name: u.name })}
        confirmLabel={t('users.deactivate')}
        busy={deactivate.isPending}
        onConfirm={() => deactivate.mutate()}
        onCancel={() => setDeactivating(false)}
      >
        {t('users.deactivateConfirmText', { name: u.name })}
      </ConfirmDialog>
    </>
  );
}
