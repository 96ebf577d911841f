import { Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format.js';
import type { TRequestStatus } from './data.js';

/** The state of a request in words (the colour only repeats them). */
export function RequestStatusBadge({ status }: { status: TRequestStatus }) {
  const { t } = useTranslation();
  return <span className={`rondom-request-status rondom-request-status--${status}`}>{t(`requests.status.${status}`)}</span>;
}

/** "5 dagen", or "nog niet" while the step is not reached. */
export function Days({ value }: { value: number | null }) {
  const { t } = useTranslation();
  if (value === null) return <span className="rondom-hint">{t('requests.leadTime.notYet')}</span>;
  return <>{t('requests.leadTime.days', { count: value, formatted: formatNumber(value) })}</>;
}

/** Lines of label and value under the heading of a request. */
export function FactList({ items }: { items: { label: string; value: ReactNode }[] }) {
  return (
    <dl className="rondom-request-facts">
      {items.map((f) => (
        <div key={f.label}>
          <dt>{f.label}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A short text that says why something is empty. */
export function Empty({ text }: { text: string }) {
  return <Paragraph className="rondom-empty">{text}</Paragraph>;
}
