import { Heading3 } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../components/ScrollTable.js';
import { formatDay } from '../../format.js';
import type { TCaseLeadPeriod } from './data.js';

/** How a period ended, in words: handed over, closed (with why), or still running. */
function EndCell({ p }: { p: TCaseLeadPeriod }) {
  const { t } = useTranslation();
  if (!p.until) return <strong>{t('caseLeads.history.current')}</strong>;
  const by = p.endedBy?.name || t('common.unknown');
  return (
    <>
      {t(`caseLeads.history.ended.${p.endReason ?? 'handed_over'}`, { date: formatDay(p.until), by })}
      {p.endNote ? <span className="rondom-cell-hint">{p.endNote}</span> : null}
    </>
  );
}

/** Every period of the regie, newest first: who, from which organisation, from when to when, and who changed it. */
export function CaseHistory({ history, name }: { history: TCaseLeadPeriod[]; name: string }) {
  const { t } = useTranslation();
  return (
    <div className="rondom-case-history">
      <Heading3 id="case-history-heading">{t('caseLeads.history.title')}</Heading3>
      <ScrollTable
        id="case-history"
        caption={t('caseLeads.history.caption', { name })}
        columns={[t('caseLeads.history.columns.person'), t('caseLeads.history.columns.from'), t('caseLeads.history.columns.namedBy'), t('caseLeads.history.columns.end')]}
        cellClassName={(c) => (c === 1 ? 'rondom-nowrap' : undefined)}
        rows={history.map((p) => [
          <>
            {p.person.name || t('common.unknown')}
            <span className="rondom-cell-hint">{p.organisation.name}</span>
          </>,
          formatDay(p.from),
          <>
            {p.namedBy.name || t('common.unknown')}
            {p.note ? <span className="rondom-cell-hint">{p.note}</span> : null}
          </>,
          <EndCell key="end" p={p} />,
        ])}
      />
    </div>
  );
}
