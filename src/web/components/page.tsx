import { Heading1 } from '@utrecht/component-library-react';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

let navigated = false;
/** Called by the router listener after the first page: later pages move focus to their heading. */
export function markNavigated(): void {
  navigated = true;
}

/**
 * The one h1 of a page; sets `document.title` to "<title> — Rondom" and, after a client-side
 * navigation, moves focus to the heading so screen reader users hear where they are.
 */
export function PageHeading({ children, title }: { children: ReactNode; title?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  const text = title ?? (typeof children === 'string' ? children : '');
  useEffect(() => {
    document.title = text ? t('app.documentTitle', { page: text }) : t('app.name');
  }, [text, t]);
  useEffect(() => {
    if (navigated) ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <Heading1 ref={ref} tabIndex={-1} className="rondom-page-heading">
      {children}
    </Heading1>
  );
}
