import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n/index.js';
import type { TActionItem, TMeetingConsent, TMeetingStatus } from './data.js';

/** The state of a meeting in words (the colour only repeats them). */
export function MeetingStatusBadge({ status }: { status: TMeetingStatus }) {
  const { t } = useTranslation();
  return <span className={`rondom-mtg-status rondom-mtg-status--${status}`}>{t(`meetings.status.${status}`)}</span>;
}

/** The parents' answer in words, with a sign that repeats it for the eye. */
export function ConsentBadge({ consent }: { consent: TMeetingConsent }) {
  const { t } = useTranslation();
  const sign = consent === 'given' ? '✓' : consent === 'refused' ? '✕' : '…';
  return (
    <span className={`rondom-mtg-consent rondom-mtg-consent--${consent}`}>
      <span aria-hidden="true">{sign} </span>
      {t(`meetings.consent.${consent}`)}
    </span>
  );
}

/** An action's state; an open action past its date says "te laat" in words. */
export function ActionStatusText({ a }: { a: Pick<TActionItem, 'status' | 'overdue'> }) {
  const { t } = useTranslation();
  if (a.status === 'open' && a.overdue) {
    return (
      <strong className="rondom-mtg-overdue">
        <span aria-hidden="true">⚠ </span>
        {t('meetings.actions.overdue')}
      </strong>
    );
  }
  return <span className={`rondom-mtg-action rondom-mtg-action--${a.status}`}>{t(`meetings.actions.status.${a.status}`)}</span>;
}

/** 45 → "45 minuten", 90 → "1,5 uur". */
export function durationText(t: TFunction, minutes: number): string {
  if (minutes < 60) return t('meetings.minutes', { count: minutes });
  const hours = new Intl.NumberFormat(currentLocale() === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 2 }).format(minutes / 60);
  return t('meetings.hours', { hours });
}

/** Who added an agenda point: "u" for one's own, else the role it was added in (never a name). */
export function addedByText(t: TFunction, item: { addedByRole: string; mine: boolean }): string {
  if (item.mine) return t('meetings.agenda.byYou');
  return t('meetings.agenda.by', { who: t(`roles.${item.addedByRole}`, { defaultValue: item.addedByRole }) });
}
