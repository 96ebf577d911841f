import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n/index.js';
import { countText, type TAbsenceOverview, type TCount } from './figures-data.js';

const decimal = (n: number) => new Intl.NumberFormat(currentLocale() === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 }).format(n);
const nonZero = (c: TCount) => c === '<5' || c > 0;

interface TCard {
  key: string;
  value: string;
  hint?: string | undefined;
  /** needs someone now; said in words, the border only repeats it */
  attention?: boolean;
}

/** The key figures of the open cases as cards: a label, a big number, and a line that explains it. */
export function FiguresCards({ data }: { data: TAbsenceOverview }) {
  const { t } = useTranslation();
  const { open, durations } = data;
  // anonymised, '<5' may also be 0, and the analyst cannot act on it: no marks there
  const attention = (c: TCount) => !data.anonymised && nonZero(c);
  const days = (n: number | null) => (n === null ? '—' : t('absence.figures.days', { count: n, n: decimal(n) }));
  const cards: TCard[] = [
    { key: 'open', value: countText(open.total) },
    { key: 'thuiszitters', value: countText(open.thuiszitters) },
    {
      key: 'per1000',
      value: open.per1000 === null ? '—' : decimal(open.per1000),
      hint:
        open.per1000 !== null
          ? t('absence.figures.cards.per1000Hint', { pupils: countText(data.pupils) })
          : data.anonymised && open.thuiszitters === '<5'
            ? t('absence.figures.cards.per1000Hidden')
            : t('absence.figures.cards.per1000None'),
    },
    {
      key: 'noOwner',
      value: countText(open.noOwner),
      attention: attention(open.noOwner),
      hint: data.anonymised ? undefined : attention(open.noOwner) ? t('absence.figures.cards.noOwnerAttention') : t('absence.figures.cards.allOwned'),
    },
    {
      key: 'nextDatePassed',
      value: countText(open.nextDatePassed),
      attention: attention(open.nextDatePassed),
      hint: data.anonymised ? undefined : attention(open.nextDatePassed) ? t('absence.figures.cards.nextDateAttention') : t('absence.figures.cards.allOnTime'),
    },
  ];
  // durations only for those who may see them: the anonymised view gets counts only
  if (durations && !data.anonymised) {
    const none = durations.n === 0 ? t('absence.figures.cards.noThuiszitters') : undefined;
    cards.push(
      { key: 'p50', value: days(durations.p50), hint: none ?? t('absence.figures.cards.p50Hint') },
      { key: 'p90', value: days(durations.p90), hint: none ?? t('absence.figures.cards.p90Hint') },
    );
  }
  return (
    <dl className="rondom-figure-cards">
      {cards.map((c) => (
        <div key={c.key} className={`rondom-figure-card${c.attention ? ' rondom-figure-card--attention' : ''}`}>
          <dt>{t(`absence.figures.cards.${c.key}`)}</dt>
          <dd className="rondom-figure-card__value">{c.value}</dd>
          {c.hint ? (
            <dd className="rondom-figure-card__hint">
              {c.attention ? <strong>{t('absence.figures.cards.attention')} </strong> : null}
              {c.hint}
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}
