import { DataList, DataListItem, DataListKey, DataListValue, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../components/AppLink.js';
import { ScrollTable } from '../../components/ScrollTable.js';
import { formatDate } from '../../format.js';
import { CaseFlagList, DayCounter, NextDateText, OwnerText } from './CaseViews.js';
import { absenceCasePage, type TAbsenceCase, type TAbsenceCaseItem } from './data.js';

/** The child's open case in short: the counter, who owns it, what is next, and the way to the case. */
export function PupilCaseSummary({ c, headingRef }: { c: TAbsenceCase; headingRef?: Ref<HTMLHeadingElement> }) {
  const { t } = useTranslation();
  // owner and next date have their own lines; the rest of the flags (no plan) are said here
  const otherFlags = c.flags.filter((f) => f !== 'no_owner' && f !== 'next_date_passed' && f !== 'no_next_date');
  const kinds = [...new Set(c.episodes.filter((e) => e.endedOn === null).map((e) => t(`absence.kind.${e.kind}`)))];
  return (
    <section aria-labelledby="absence-open-heading" className="rondom-section rondom-absence-summary">
      <Heading2 id="absence-open-heading" ref={headingRef} tabIndex={-1}>
        {t('absence.pupil.openTitle')}
      </Heading2>
      <DayCounter c={c} size="small" />
      <DataList>
        <DataListItem>
          <DataListKey>{t('absence.pupil.kinds')}</DataListKey>
          <DataListValue>{kinds.length ? kinds.join(', ') : t('absence.pupil.noOpenEpisode')}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('absence.pupil.thuiszitter')}</DataListKey>
          <DataListValue>{c.thuiszitter ? t('absence.pupil.thuiszitterYes') : t('absence.pupil.thuiszitterNo')}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('absence.case.work.owner')}</DataListKey>
          <DataListValue>
            <OwnerText owner={c.owner} />
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('absence.case.work.nextDate')}</DataListKey>
          <DataListValue>
            <NextDateText date={c.nextDate} passed={c.flags.includes('next_date_passed')} />
          </DataListValue>
        </DataListItem>
        {otherFlags.length ? (
          <DataListItem>
            <DataListKey>{t('absence.pupil.flags')}</DataListKey>
            <DataListValue>
              <CaseFlagList flags={otherFlags} />
            </DataListValue>
          </DataListItem>
        ) : null}
      </DataList>
      <Paragraph className="rondom-absence-tocase">
        <AppLink to={absenceCasePage(c.id)}>{t('absence.pupil.toCase')}</AppLink>
      </Paragraph>
    </section>
  );
}

/** Cases that were closed: when, how, and a link to read each one back. */
export function PupilClosedCases({ items }: { items: TAbsenceCaseItem[] }) {
  const { t } = useTranslation();
  if (!items.length) return null;
  return (
    <section aria-labelledby="absence-closed-heading" className="rondom-section">
      <Heading2 id="absence-closed-heading">{t('absence.pupil.closedTitle')}</Heading2>
      <ScrollTable
        id="absence-closed"
        caption={t('absence.pupil.closedTitle')}
        columns={[t('absence.pupil.columns.period'), t('absence.pupil.columns.kinds'), t('absence.pupil.columns.closeReason')]}
        rows={items.map((i) => [
          <AppLink key="link" to={absenceCasePage(i.id)}>
            {t('absence.case.episodes.fromTo', { from: formatDate(i.openedOn), to: formatDate(i.closedOn) })}
          </AppLink>,
          i.kinds.map((k) => t(`absence.kind.${k}`)).join(', '),
          i.closeReason ? t(`absence.closeReason.${i.closeReason}`) : '—',
        ])}
      />
    </section>
  );
}
