import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api.js';
import { AppLink } from '../../components/AppLink.js';
import { ErrorSummary, summaryItems, TextField } from '../../components/forms.js';
import { PageHeading } from '../../components/page.js';
import { currentLocale, LANG_COOKIE, readCookie } from '../../i18n/index.js';
import { fetchMe, ME_KEY } from '../../session.js';
import type { Me, SignInOptions } from '../../types.js';

interface Credentials {
  email: string;
  password: string;
}

function useFinishSignIn() {
  const queryClient = useQueryClient();
  return async () => {
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    let me = await fetchMe().catch(() => null);
    // a language chosen on this page before signing in is kept for the account
    if (me && readCookie(LANG_COOKIE) && me.user.locale !== currentLocale()) {
      const locale = currentLocale();
      await api('/api/v1/me/locale', { method: 'PUT', body: { locale } }).catch(() => undefined);
      me = { ...me, user: { ...me.user, locale } };
    }
    if (me) queryClient.setQueryData<Me | null>(ME_KEY, me);
    else await queryClient.invalidateQueries({ queryKey: ME_KEY });
  };
}

function CredentialsForm({ onTwoFactor }: { onTwoFactor: () => void }) {
  const { t } = useTranslation();
  const finish = useFinishSignIn();
  const [failure, setFailure] = useState<string>();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<Credentials>({ shouldFocusError: false, defaultValues: { email: '', password: '' } });

  const onSubmit = async (values: Credentials) => {
    setFailure(undefined);
    try {
      const res = await api<{ twoFactorRedirect?: boolean }>('/api/auth/sign-in/email', {
        method: 'POST',
        body: { email: values.email.trim(), password: values.password },
      });
      if (res?.twoFactorRedirect) {
        onTwoFactor();
        return;
      }
      await finish();
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 400)) setFailure(t('auth.signIn.badCredentials'));
      else if (e instanceof ApiError && e.status === 429) setFailure(t('errors.rate_limited'));
      else setFailure(e instanceof Error ? e.message : t('errors.internal'));
    }
  };

  const items = submitCount ? summaryItems(errors, ['email', 'password'], (f) => `signin-${f}`) : [];
  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="rondom-form">
      <ErrorSummary items={items} message={failure} />
      <TextField
        id="signin-email"
        label={t('auth.fields.email')}
        type="email"
        autoComplete="username"
        required
        error={errors.email?.message}
        {...register('email', { required: t('validation.required') })}
      />
      <TextField
        id="signin-password"
        label={t('auth.fields.password')}
        type="password"
        autoComplete="current-password"
        required
        error={errors.password?.message}
        {...register('password', { required: t('validation.required') })}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={isSubmitting} disabled={isSubmitting}>
          {t('auth.signIn.submit')}
        </Button>
      </ButtonGroup>
      <Paragraph>
        <AppLink to="/wachtwoord-vergeten">{t('auth.signIn.forgot')}</AppLink>
      </Paragraph>
    </form>
  );
}

function SecondFactorForm({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const finish = useFinishSignIn();
  const [backup, setBackup] = useState(false);
  const [failure, setFailure] = useState<string>();
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<{ code: string }>({ shouldFocusError: false, defaultValues: { code: '' } });

  const onSubmit = async ({ code }: { code: string }) => {
    setFailure(undefined);
    try {
      await api(backup ? '/api/auth/two-factor/verify-backup-code' : '/api/auth/two-factor/verify-totp', {
        method: 'POST',
        body: { code: code.replace(/\s+/g, '') },
      });
      await finish();
    } catch (e) {
      if (e instanceof ApiError && e.status === 429) setFailure(t('errors.rate_limited'));
      else if (e instanceof ApiError && (e.status === 400 || e.status === 401)) setFailure(t('auth.signIn.badCode'));
      else setFailure(e instanceof Error ? e.message : t('errors.internal'));
    }
  };
  const items = submitCount ? summaryItems(errors, ['code'], () => 'signin-code') : [];
  return (
    <section aria-labelledby="second-factor-heading">
      <Heading2 id="second-factor-heading">{t('auth.signIn.secondFactorTitle')}</Heading2>
      <Paragraph>{backup ? t('auth.signIn.backupIntro') : t('auth.signIn.totpIntro')}</Paragraph>
      <form noValidate onSubmit={handleSubmit(onSubmit)} className="rondom-form">
        <ErrorSummary items={items} message={failure} />
        <TextField
          id="signin-code"
          label={backup ? t('auth.fields.backupCode') : t('auth.fields.totpCode')}
          autoComplete="one-time-code"
          inputMode={backup ? 'text' : 'numeric'}
          required
          autoFocus
          error={errors.code?.message}
          {...register('code', { required: t('validation.required') })}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={isSubmitting} disabled={isSubmitting}>
            {t('auth.signIn.verify')}
          </Button>
          <Button
            appearance="subtle-button"
            onClick={() => {
              setBackup(!backup);
              setFailure(undefined);
              reset({ code: '' });
            }}
          >
            {backup ? t('auth.signIn.useTotp') : t('auth.signIn.useBackup')}
          </Button>
          <Button appearance="subtle-button" onClick={onBack}>
            {t('auth.signIn.back')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

function RegionOptions() {
  const { t } = useTranslation();
  const [ssoError, setSsoError] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const options = useQuery({
    queryKey: ['public', 'sign-in-options'],
    queryFn: () => api<SignInOptions>('/api/public/sign-in-options'),
    staleTime: 5 * 60_000,
  });
  const regions = options.data?.regions ?? [];
  if (!regions.length) return null;
  const startSso = async (providerId: string) => {
    setSsoError(undefined);
    setBusy(providerId);
    try {
      const res = await api<{ url?: string; redirect?: boolean }>('/api/auth/sign-in/social', {
        method: 'POST',
        // better-auth serves generic OIDC providers through its social sign-in endpoint
        body: { provider: providerId, callbackURL: '/', errorCallbackURL: '/inloggen?sso=mislukt' },
      });
      if (res?.url) window.location.assign(res.url);
      else setBusy(undefined);
    } catch (e) {
      setBusy(undefined);
      setSsoError(e instanceof Error ? e.message : t('errors.internal'));
    }
  };
  return (
    <section aria-labelledby="regions-heading" className="rondom-regions">
      <Heading2 id="regions-heading">{t('auth.signIn.regionsTitle')}</Heading2>
      {ssoError ? (
        <Alert type="error" role="alert">
          <Paragraph>{ssoError}</Paragraph>
        </Alert>
      ) : null}
      <ul className="rondom-card-list">
        {regions.map((r) => (
          <li key={r.slug} className="rondom-card">
            <Heading3>{r.name}</Heading3>
            <Paragraph>
              {r.requireSecondFactorForStaff
                ? t('auth.signIn.secondFactorRequired', { region: r.name })
                : t('auth.signIn.secondFactorOff', { region: r.name })}
            </Paragraph>
            {r.sso ? (
              <Button
                appearance="secondary-action-button"
                busy={busy === r.sso.providerId}
                disabled={!!busy}
                onClick={() => r.sso && void startSso(r.sso.providerId)}
              >
                {t('auth.signIn.sso', { label: r.sso.label })}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function SignInPage() {
  const { t } = useTranslation();
  const [step, setStep] = useState<'credentials' | 'second-factor'>('credentials');
  return (
    <div className="rondom-narrow">
      <PageHeading>{t('auth.signIn.title')}</PageHeading>
      {step === 'credentials' ? (
        <>
          <Paragraph lead>{t('auth.signIn.intro')}</Paragraph>
          <CredentialsForm onTwoFactor={() => setStep('second-factor')} />
          <RegionOptions />
        </>
      ) : (
        <SecondFactorForm onBack={() => setStep('credentials')} />
      )}
    </div>
  );
}
