import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../components/AppLink.js';
import { PageHeading } from '../components/page.js';

/** The general error page: something broke while showing this page. */
export function ErrorPage({ onRetry, message }: { onRetry?: () => void; message?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('errorPage.title')}</PageHeading>
      <Paragraph>{message ?? t('errorPage.text')}</Paragraph>
      <ButtonGroup>
        {onRetry ? (
          <Button appearance="primary-action-button" onClick={onRetry}>
            {t('errorPage.retry')}
          </Button>
        ) : null}
      </ButtonGroup>
      <Paragraph>
        <AppLink to="/">{t('notFound.home')}</AppLink>
      </Paragraph>
    </>
  );
}
