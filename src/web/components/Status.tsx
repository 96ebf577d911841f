import { Alert, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import { NotFoundPage } from '../routes/NotFoundPage.js';
import { PageHeading } from './page.js';

/**
 * A polite live region that is always in the page, so that a confirmation written into it
 * ("Organisatie aangemaakt.") is read out by screen readers.
 */
export function StatusMessage({ children }: { children?: ReactNode }) {
  return (
    <div role="status" className="rondom-status">
      {children ? <Paragraph className="rondom-status__message">{children}</Paragraph> : null}
    </div>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Paragraph className="rondom-loading" aria-busy="true">
      {label ?? t('app.loading')}
    </Paragraph>
  );
}

/** An error in a box; the message comes from the server in the person's language. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const message = error instanceof Error && error.message ? error.message : t('errors.internal');
  return (
    <Alert type="error" role="alert">
      <Paragraph>{message}</Paragraph>
    </Alert>
  );
}

/** What a page shows when its main data could not be loaded: 404 → the not-found page. */
export function LoadError({ error, title }: { error: unknown; title?: string }) {
  if (error instanceof ApiError && (error.status === 404 || error.code === 'not_found')) return <NotFoundPage />;
  if (!title) return <ErrorAlert error={error} />;
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <ErrorAlert error={error} />
    </>
  );
}
