import { useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, Code, Heading2, OrderedList, OrderedListItem, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api.js';
import { AppLink } from '../../components/AppLink.js';
import { ErrorSummary, summaryItems, TextField } from '../../components/forms.js';
import { PageHeading } from '../../components/page.js';
import { StatusMessage } from '../../components/Status.js';
import { ME_KEY, useOptionalSession } from '../../session.js';

interface Enabled {
  totpURI: string;
  backupCodes: string[];
}

/** The secret from an otpauth:// URI, in groups of four so it can be typed over. */
function secretOf(uri: string): string {
  try {
    const secret = new URL(uri).searchParams.get('secret') ?? '';
    return secret.replace(/(.{4})/g, '$1 ').trim();
  } catch {
    return '';
  }
}

function PasswordStep({ onEnabled }: { onEnabled: (e: Enabled) => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string>();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<{ password: string }>({ shouldFocusError: false, defaultValues: { password: '' } });
  const onSubmit = async ({ password }: { password: string }) => {
    setFailure(undefined);
    try {
      onEnabled(await api<Enabled>('/api/auth/two-factor/enable', { method: 'POST', body: { password } }));
    } catch (e) {
      if (e instanceof ApiError && (e.status === 400 || e.status === 401)) setFailure(t('auth.twoFactor.badPassword'));
      else if (e instanceof ApiError && e.status === 429) setFailure(t('errors.rate_limited'));
      else setFailure(e instanceof Error ? e.message : t('errors.internal'));
    }
  };
  const items = submitCount ? summaryItems(errors, ['password'], () => 'twofactor-password') : [];
  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="rondom-form">
      <ErrorSummary items={items} message={failure} />
      <TextField
        id="twofactor-password"
        label={t('auth.fields.password')}
        description={t('auth.twoFactor.passwordHint')}
        type="password"
        autoComplete="current-password"
        required
        error={errors.password?.message}
        {...register('password', { required: t('validation.required') })}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={isSubmitting} disabled={isSubmitting}>
          {t('auth.twoFactor.start')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

function VerifyStep({ enabled, onDone }: { enabled: Enabled; onDone: () => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string>();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<{ code: string }>({ shouldFocusError: false, defaultValues: { code: '' } });
  const onSubmit = async ({ code }: { code: string }) => {
    setFailure(undefined);
    try {
      await api('/api/auth/two-factor/verify-totp', { method: 'POST', body: { code: code.replace(/\s+/g, '') } });
      onDone();
    } catch (e) {
      if (e instanceof ApiError && (e.status === 400 || e.status === 401)) setFailure(t('auth.signIn.badCode'));
      else if (e instanceof ApiError && e.status === 429) setFailure(t('errors.rate_limited'));
      else setFailure(e instanceof Error ? e.message : t('errors.internal'));
    }
  };
  const items = submitCount ? summaryItems(errors, ['code'], () => 'twofactor-code') : [];
  const secret = secretOf(enabled.totpURI);
  return (
    <>
      <section aria-labelledby="twofactor-app-heading">
        <Heading2 id="twofactor-app-heading">{t('auth.twoFactor.appTitle')}</Heading2>
        <OrderedList>
          <OrderedListItem>{t('auth.twoFactor.appStep1')}</OrderedListItem>
          <OrderedListItem>{t('auth.twoFactor.appStep2')}</OrderedListItem>
        </OrderedList>
        <dl className="rondom-secret">
          <dt>{t('auth.twoFactor.secret')}</dt>
          <dd>
            <Code className="rondom-secret__value" translate="no">
              {secret}
            </Code>
          </dd>
          <dt>{t('auth.twoFactor.uri')}</dt>
          <dd>
            <Code className="rondom-secret__uri" translate="no">
              {enabled.totpURI}
            </Code>
          </dd>
        </dl>
      </section>
      <section aria-labelledby="twofactor-backup-heading">
        <Heading2 id="twofactor-backup-heading">{t('auth.twoFactor.backupTitle')}</Heading2>
        <Paragraph>{t('auth.twoFactor.backupIntro')}</Paragraph>
        <ul className="rondom-backup-codes" aria-label={t('auth.twoFactor.backupTitle')}>
          {enabled.backupCodes.map((c) => (
            <li key={c}>
              <Code translate="no">{c}</Code>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="twofactor-verify-heading">
        <Heading2 id="twofactor-verify-heading">{t('auth.twoFactor.verifyTitle')}</Heading2>
        <form noValidate onSubmit={handleSubmit(onSubmit)} className="rondom-form">
          <ErrorSummary items={items} message={failure} />
          <TextField
            id="twofactor-code"
            label={t('auth.fields.totpCode')}
            autoComplete="one-time-code"
            inputMode="numeric"
            required
            error={errors.code?.message}
            {...register('code', { required: t('validation.required') })}
          />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={isSubmitting} disabled={isSubmitting}>
              {t('auth.twoFactor.verify')}
            </Button>
          </ButtonGroup>
        </form>
      </section>
    </>
  );
}

export default function TwoFactorSetupPage() {
  const { t } = useTranslation();
  const me = useOptionalSession();
  const queryClient = useQueryClient();
  const [enabled, setEnabled] = useState<Enabled | null>(null);
  const [done, setDone] = useState(false);
  const alreadyOn = !!me?.secondFactor.enabled && !enabled;
  return (
    <div className="rondom-narrow">
      <PageHeading>{t('auth.twoFactor.title')}</PageHeading>
      <StatusMessage>{done ? t('auth.twoFactor.done') : null}</StatusMessage>
      {done || alreadyOn ? (
        <>
          {alreadyOn ? <Paragraph>{t('auth.twoFactor.alreadyOn')}</Paragraph> : null}
          <Paragraph>
            <AppLink to="/">{t('auth.twoFactor.continue')}</AppLink>
          </Paragraph>
        </>
      ) : (
        <>
          {me?.secondFactor.required ? <Paragraph lead>{t('auth.twoFactor.requiredIntro')}</Paragraph> : null}
          <Paragraph>{t('auth.twoFactor.intro')}</Paragraph>
          {enabled ? (
            <VerifyStep
              enabled={enabled}
              onDone={() => {
                setDone(true);
                void queryClient.invalidateQueries({ queryKey: ME_KEY });
              }}
            />
          ) : (
            <PasswordStep onEnabled={setEnabled} />
          )}
        </>
      )}
    </div>
  );
}
