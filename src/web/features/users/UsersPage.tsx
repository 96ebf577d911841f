import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  ButtonGroup,
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
import { api, qs } from '../../api.js';
import { AppLink } from '../../components/AppLink.js';
import { applyServerError, ErrorSummary, summaryItems, TextField, useServerIssues } from '../../components/forms.js';
import { Pagination } from '../../components/Pagination.js';
import { PageHeading } from '../../components/page.js';
import { ErrorAlert, Loading, StatusMessage } from '../../components/Status.js';
import { useDebounced } from '../../format.js';
import { organisationKindFor } from '../../roles.js';
import type { Paged, User } from '../../types.js';
import { RoleOrganisationFields, type RoleValues } from './roleFields.js';

const PAGE_SIZE = 25;

interface InviteValues extends RoleValues {
  name: string;
  email: string;
}
const FIELDS = ['name', 'email', 'role', 'organisationId'] as const;
const idOf = (f: string) => `invite-${f}`;
const EMPTY: InviteValues = { name: '', email: '', role: '', organisationId: '' };

export function rolesText(user: Pick<User, 'memberships'>, t: (k: string) => string): string {
  return user.memberships
    .map((m) => (m.organisationName ? `${t(`roles.${m.role}`)} (${m.organisationName})` : t(`roles.${m.role}`)))
    .join(', ');
}

function InviteForm({ onInvited }: { onInvited: (u: User) => void }) {
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
  } = useForm<InviteValues>({ shouldFocusError: false, defaultValues: EMPTY });
  const role = watch('role');
  const onSubmit = async (v: InviteValues) => {
    clearServer();
    try {
      const needsOrg = v.role ? organisationKindFor(v.role) !== null : false;
      const user = await api<User>('/api/v1/users', {
        method: 'POST',
        body: {
          name: v.name.trim(),
          email: v.email.trim(),
          role: v.role,
          organisationId: needsOrg ? v.organisationId : null,
        },
      });
      reset(EMPTY);
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      onInvited(user);
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
        label={t('users.fields.name')}
        required
        autoComplete="off"
        error={errors.name?.message}
        {...register('name', { required, validate: (v) => v.trim().length > 0 || required })}
      />
      <TextField
        id={idOf('email')}
        label={t('users.fields.email')}
        type="email"
        required
        autoComplete="off"
        spellCheck={false}
        error={errors.email?.message}
        {...register('email', {
          required,
          pattern: { value: /^\s*[^\s@]+@[^\s@]+\.[^\s@]+\s*$/, message: t('validation.invalid_email') },
        })}
      />
      <RoleOrganisationFields<InviteValues>
        idPrefix="invite"
        role={role}
        register={register}
        setValue={setValue}
        errors={errors}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={isSubmitting} disabled={isSubmitting}>
          {t('users.invite')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

export default function UsersPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [invited, setInvited] = useState<User | null>(null);
  const q = useDebounced(search.trim(), 300);
  const users = useQuery({
    queryKey: ['users', { q, page }],
    queryFn: () => api<Paged<User>>(`/api/v1/users${qs({ q, page, pageSize: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });
  const data = users.data;
  return (
    <>
      <PageHeading>{t('users.title')}</PageHeading>
      <search aria-label={t('users.searchLabel')}>
        <form className="rondom-filters" onSubmit={(e) => e.preventDefault()}>
          <TextField
            id="users-search"
            label={t('users.search')}
            type="search"
            autoComplete="off"
            spellCheck={false}
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setPage(1);
            }}
          />
        </form>
      </search>
      {users.isPending ? (
        <Loading />
      ) : users.isError ? (
        <ErrorAlert error={users.error} />
      ) : data && data.items.length === 0 ? (
        <Paragraph className="rondom-empty">{q ? t('users.noResults', { q }) : t('users.empty')}</Paragraph>
      ) : data ? (
        <>
          <div className="rondom-table-wrap">
            <Table className="rondom-table" aria-busy={users.isFetching || undefined}>
              <TableCaption className="rondom-visually-hidden">{t('users.title')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('users.columns.name')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('users.columns.email')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('users.columns.roles')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('users.columns.status')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.items.map((u) => (
                  <TableRow key={u.id}>
                    <TableHeaderCell scope="row">
                      <AppLink to={`/gebruikers/${u.id}`}>{u.name}</AppLink>
                    </TableHeaderCell>
                    <TableCell>{u.email}</TableCell>
                    <TableCell>{rolesText(u, t) || t('users.noRoles')}</TableCell>
                    <TableCell>{u.deactivated ? t('users.deactivated') : t('users.active')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {typeof data.total === 'number' ? (
            <Pagination
              page={data.page}
              pageSize={data.pageSize}
              total={data.total}
              onPage={setPage}
              label={t('users.pagination')}
            />
          ) : null}
        </>
      ) : null}
      <section aria-labelledby="invite-heading" className="rondom-section">
        <Heading2 id="invite-heading">{t('users.inviteTitle')}</Heading2>
        <Paragraph>{t('users.inviteIntro')}</Paragraph>
        <StatusMessage>
          {invited ? (
            <>
              {t('users.invited', { email: invited.email })}{' '}
              <AppLink to={`/gebruikers/${invited.id}`}>{t('users.viewInvited', { name: invited.name })}</AppLink>
            </>
          ) : null}
        </StatusMessage>
        <InviteForm onInvited={setInvited} />
      </section>
    </>
  );
}
