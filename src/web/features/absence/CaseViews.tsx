import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../format.js';
import { RED_FLAGS, type TAbsenceCase, type TCaseFlag } from './data.js';

/**
 * The small pieces the case pages share. Status is always said in words; the colour and the mark
 * only repeat them.
 */

/** "Geen eigenaar", "Volgende datum verlopen": red flags first, each a word with a mark. */
export function CaseFlagList({ flags }: { flags: readonly TCaseFlag[] }) {
  const { t } = useTranslation();
  if (!flags.length) return null;
  const sorted = [...flags].sort((a, b) => Number(RED_FLAGS.includes(b)) - Number(RED_FLAGS.includes(a)));
  return (
    <ul className="rondom-absence-flags">
      {sorted.map((f) => {
        const red = RED_FLAGS.includes(f);
        return (
          <li key={f} className={red ? 'rondom-absence-flag rondom-absence-flag--red' : 'rondom-absence-flag'}>
            {red ? <span aria-hidden="true">⚠ </span> : null}
            {t(`absence.flag.${f}`)}
          </li>
        );
      })}
    </ul>
  );
}

/** The notice at the top of a case that needs someone now; the other flags as a plain reminder. */
export function CaseFlagsNotice({ flags }: { flags: readonly TCaseFlag[] }) {
  const { t } = useTranslation();
  const red = flags.filter((f) => RED_FLAGS.includes(f));
  const other = flags.filter((f) => !RED_FLAGS.includes(f));
  if (!flags.length) return null;
  return (
    <div className="rondom-absence-notice">
      <Alert type={red.length ? 'error' : 'warning'}>
        <Paragraph>
          <strong>{red.length ? t('absence.case.flagsTitleRed') : t('absence.case.flagsTitle')}</strong>
        </Paragraph>
        <ul className="utrecht-unordered-list">
          {[...red, ...other].map((f) => (
            <li key={f} className="utrecht-unordered-list__item">
              {t(`absence.case.flag.${f}`)}
            </li>
          ))}
        </ul>
      </Alert>
    </div>
  );
}

/** "52 dagen zonder onderwijs", and in words whether the child counts as thuiszitter. */
export function DayCounter({ c, size = 'large' }: { c: TAbsenceCase; size?: 'large' | 'small' }) {
  const { t } = useTranslation();
  const days = c.daysWithoutEducation;
  return (
    <div className={`rondom-absence-counter rondom-absence-counter--${size}`}>
      <p className="rondom-absence-counter__days">
        {t('absence.case.days', { count: days, formatted: formatNumber(days) })}
      </p>
      <p className="rondom-absence-counter__since">
        {c.status === 'closed' ? (
          t('absence.case.counterClosed')
        ) : c.thuiszitter ? (
          <strong>{t('absence.case.thuiszitterSince', { date: formatDate(c.countingSince) })}</strong>
        ) : c.countingSince ? (
          t('absence.case.notYetThuiszitter', { date: formatDate(c.countingSince) })
        ) : (
          t('absence.case.notCounting')
        )}
      </p>
      {c.offerFrom ? <p className="rondom-absence-counter__since">{t('absence.case.offerStopsCounter', { date: formatDate(c.offerFrom) })}</p> : null}
    </div>
  );
}

/** "Ja" / "Nee" for thuiszitter in a table cell, with the word doing the work. */
export function ThuiszitterCell({ value }: { value: boolean }) {
  const { t } = useTranslation();
  return value ? <strong>{t('absence.list.thuiszitterYes')}</strong> : <>{t('absence.list.thuiszitterNo')}</>;
}

/** The owner, or "Geen eigenaar" in red and in words. */
export function OwnerText({ owner }: { owner: { name: string } | null }) {
  const { t } = useTranslation();
  if (owner) return <>{owner.name}</>;
  return (
    <strong className="rondom-absence-red">
      <span aria-hidden="true">⚠ </span>
      {t('absence.flag.no_owner')}
    </strong>
  );
}

/** The next date, "verlopen" in words when it has passed, or "Geen volgende datum". */
export function NextDateText({ date, passed }: { date: string | null; passed: boolean }) {
  const { t } = useTranslation();
  if (!date) return <span className="rondom-hint">{t('absence.flag.no_next_date')}</span>;
  if (!passed) return <>{formatDate(date)}</>;
  return (
    <strong className="rondom-absence-red">
      <span aria-hidden="true">⚠ </span>
      {t('absence.list.nextDatePassed', { date: formatDate(date) })}
    </strong>
  );
}
