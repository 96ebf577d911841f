import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api.js';
import { AppLink } from '../../components/AppLink.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { PageHeading } from '../../components/page.js';
import { membershipLabel } from '../../components/Shell.js';
import { ErrorAlert } from '../../components/Status.js';
import { ME_KEY, useSession } from '../../session.js';
import { DigestSetting } from '../tasks/DigestSetting.js';

export default function AccountPage() {
  const { t } = useTranslation();
  const me = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation({
    mutationFn: () => api('/api/auth/revoke-sessions', { method: 'POST', body: {} }),
    onSuccess: () => {
      setConfirming(false);
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, null);
      navigate('/inloggen', { replace: true });
    },
  });
  return (
    <>
      <PageHeading>{t('account.title')}</PageHeading>
      <DataList>
        <DataListItem>
          <DataListKey>{t('account.name')}</DataListKey>
          <DataListValue value={me.user.name}>{me.user.name}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('account.email')}</DataListKey>
          <DataListValue value={me.user.email}>{me.user.email}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('account.secondFactor')}</DataListKey>
          <DataListValue value="x">
            {me.secondFactor.enabled ? t('account.secondFactorOn') : t('account.secondFactorOff')}
          </DataListValue>
        </DataListItem>
      </DataList>
      {me.secondFactor.enabled ? null : (
        <Paragraph>
          <AppLink to="/tweestapsverificatie">{t('account.setUpSecondFactor')}</AppLink>
        </Paragraph>
      )}
      <section aria-labelledby="account-roles-heading">
        <Heading2 id="account-roles-heading">{t('account.rolesTitle')}</Heading2>
        {me.memberships.length ? (
          <UnorderedList>
            {me.memberships.map((m) => (
              <UnorderedListItem key={m.id}>{membershipLabel(m, t)}</UnorderedListItem>
            ))}
          </UnorderedList>
        ) : (
          <Paragraph>{t('home.noRole')}</Paragraph>
        )}
      </section>
      <DigestSetting />
      <section aria-labelledby="account-sessions-heading">
        <Heading2 id="account-sessions-heading">{t('account.sessionsTitle')}</Heading2>
        <Paragraph>{t('account.sessionsIntro')}</Paragraph>
        {revoke.isError ? <ErrorAlert error={revoke.error} /> : null}
        <Button appearance="secondary-action-button" hint="danger" onClick={() => setConfirming(true)}>
          {t('account.signOutEverywhere')}
        </Button>
      </section>
      <ConfirmDialog
        open={confirming}
        title={t('account.confirmTitle')}
        confirmLabel={t('account.signOutEverywhere')}
        busy={revoke.isPending}
        onConfirm={() => revoke.mutate()}
        onCancel={() => setConfirming(false)}
      >
        {t('account.confirmText')}
      </ConfirmDialog>
    </>
  );
}
