import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TOppStatus } from './data.js';

/** The state of a version in words (the colour only repeats them). */
export function OppStatusBadge({ status }: { status: TOppStatus }) {
  const { t } = useTranslation();
  return <span className={`rondom-opp-status rondom-opp-status--${status}`}>{t(`opp.status.${status}`)}</span>;
}

export interface TFact {
  label: string;
  value: ReactNode;
  /** free text as the person wrote it: line breaks kept */
  text?: boolean;
}

/**
 * A part's content as label–value pairs. An empty value says so in words ("Nog niet ingevuld"),
 * so a reader never wonders whether something failed to load.
 */
export function Facts({ items }: { items: TFact[] }) {
  const { t } = useTranslation();
  return (
    <dl className="rondom-opp-facts">
      {items.map((f) => {
        const empty = f.value === null || f.value === undefined || f.value === '';
        return (
          <div key={f.label}>
            <dt>{f.label}</dt>
            <dd className={empty ? 'rondom-opp-facts__empty' : f.text ? 'rondom-free-text' : undefined}>
              {empty ? t('opp.notFilledIn') : f.value}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
