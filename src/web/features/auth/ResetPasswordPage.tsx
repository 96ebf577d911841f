import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ApiError, api } from '../../api.js';
import { AppLink } from '../../components/AppLink.js';
import { ErrorSummary, summaryItems, TextField } from '../../components/forms.js';
import { PageHeading } from '../../components/page.js';
import { StatusMessage } from '../../components/Status.js';

interface Values {
  newPassword: string;
  confirm: string;
}

/** as configured on the server (better-auth minPasswordLength) */
const MIN_LENGTH = 10;

export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  // the token is taken out of the address bar right away, so it is not left in history
  const [token] = useState(() => new URLSearchParams(location.search).get('token') ?? '');
  useEffect(() => {
    if (location.search) navigate({ pathname: location.pathname, search: '' }, { replace: true });
  }, [location.pathname, location.search, navigate]);
  const [done, setDone] = useState(false);
  const [failure, setFailure] = useState<string>();
  const {
    register,
    handleSubmit,
    getValues,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<Values>({ shouldFocusError: false, defaultValues: { newPassword: '', confirm: '' } });

  const onSubmit = async (values: Values) => {
    setFailure(undefined);
    try {
      await api('/api/auth/reset-password', { method: 'POST', body: { newPassword: values.newPassword, token } });
      setDone(true);
    } catch (e) {
      if (e instanceof ApiError && e.status === 429) setFailure(t('errors.rate_limited'));
      else if (e instanceof ApiError && e.authCode?.includes('PASSWORD_TOO_SHORT'))
        setFailure(t('validation.too_short', { min: MIN_LENGTH }));
      else if (e instanceof ApiError && e.authCode?.includes('PASSWORD_TOO_LONG')) setFailure(t('auth.reset.tooLong'));
      else if (e instanceof ApiError && e.status === 400 && !e.issues) setFailure(t('auth.reset.badToken'));
      else setFailure(e instanceof Error ? e.message : t('errors.internal'));
    }
  };
  const items = submitCount
    ? summaryItems(errors, ['newPassword', 'confirm'], (f) => (f === 'confirm' ? 'reset-confirm' : 'reset-password'))
    : [];

  return (
    <div className="rondom-narrow">
      <PageHeading>{t('auth.reset.title')}</PageHeading>
      <StatusMessage>{done ? t('auth.reset.done') : null}</StatusMessage>
      {done ? (
        <Paragraph>
          <AppLink to="/inloggen">{t('auth.reset.toSignIn')}</AppLink>
        </Paragraph>
      ) : !token ? (
        <>
          <Paragraph>{t('auth.reset.noToken')}</Paragraph>
          <Paragraph>
            <AppLink to="/wachtwoord-vergeten">{t('auth.reset.requestNew')}</AppLink>
          </Paragraph>
        </>
      ) : (
        <>
          <Paragraph>{t('auth.reset.intro')}</Paragraph>
          <form noValidate onSubmit={handleSubmit(onSubmit)} className="rondom-form">
            <ErrorSummary items={items} message={failure} />
            <TextField
              id="reset-password"
              label={t('auth.fields.newPassword')}
              description={t('auth.reset.passwordHint', { min: MIN_LENGTH })}
              type="password"
              autoComplete="new-password"
              required
              error={errors.newPassword?.message}
              {...register('newPassword', {
                required: t('validation.required'),
                minLength: { value: MIN_LENGTH, message: t('validation.too_short', { min: MIN_LENGTH }) },
              })}
            />
            <TextField
              id="reset-confirm"
              label={t('auth.fields.confirmPassword')}
              type="password"
              autoComplete="new-password"
              required
              error={errors.confirm?.message}
              {...register('confirm', {
                required: t('validation.required'),
                validate: (v) => v === getValues('newPassword') || t('auth.reset.mismatch'),
              })}
            />
            <ButtonGroup>
              <Button type="submit" appearance="primary-action-button" busy={isSubmitting} disabled={isSubmitting}>
                {t('auth.reset.submit')}
              </Button>
            </ButtonGroup>
          </form>
          {failure === t('auth.reset.badToken') ? (
            <Paragraph>
              <AppLink to="/wachtwoord-vergeten">{t('auth.reset.requestNew')}</AppLink>
            </Paragraph>
          ) : null}
        </>
      )}
    </div>
  );
}
