import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api.js';
import { AppLink } from '../../components/AppLink.js';
import { ErrorSummary, summaryItems, TextField } from '../../components/forms.js';
import { PageHeading } from '../../components/page.js';
import { StatusMessage } from '../../components/Status.js';

export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [sent, setSent] = useState(false);
  const [failure, setFailure] = useState<string>();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<{ email: string }>({ shouldFocusError: false, defaultValues: { email: '' } });
  const onSubmit = async ({ email }: { email: string }) => {
    setFailure(undefined);
    try {
      await api('/api/auth/request-password-reset', {
        method: 'POST',
        body: { email: email.trim(), redirectTo: '/wachtwoord-herstellen' },
      });
      setSent(true);
    } catch (e) {
      if (e instanceof ApiError && e.status === 429) setFailure(t('errors.rate_limited'));
      else if (e instanceof ApiError && e.status === 400) setFailure(t('validation.invalid_email'));
      else setFailure(e instanceof Error ? e.message : t('errors.internal'));
    }
  };
  const items = submitCount ? summaryItems(errors, ['email'], () => 'forgot-email') : [];
  return (
    <div className="rondom-narrow">
      <PageHeading>{t('auth.forgot.title')}</PageHeading>
      <StatusMessage>{sent ? t('auth.forgot.sent') : null}</StatusMessage>
      {sent ? null : (
        <>
          <Paragraph>{t('auth.forgot.intro')}</Paragraph>
          <form noValidate onSubmit={handleSubmit(onSubmit)} className="rondom-form">
            <ErrorSummary items={items} message={failure} />
            <TextField
              id="forgot-email"
              label={t('auth.fields.email')}
              type="email"
              autoComplete="email"
              required
              error={errors.email?.message}
              {...register('email', { required: t('validation.required') })}
            />
            <ButtonGroup>
              <Button type="submit" appearance="primary-action-button" busy={isSubmitting} disabled={isSubmitting}>
                {t('auth.forgot.submit')}
              </Button>
            </ButtonGroup>
          </form>
        </>
      )}
      <Paragraph>
        <AppLink to="/inloggen">{t('auth.backToSignIn')}</AppLink>
      </Paragraph>
    </div>
  );
}
