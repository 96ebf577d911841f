import { DataList, DataListItem, DataListKey, DataListValue } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { isExemption, type TAbsenceSettingsAnswer } from './figures-data.js';

type TT = (k: string, o?: Record<string, unknown>) => string;
type TStep = TAbsenceSettingsAnswer['ladder'][number];

/** "Na 2 weken zonder plan krijgt de coördinator thuiszitters een bericht." */
export function stepSentence(t: TT, s: { condition: string; amount: number | string; unit: string; target: string }): string {
  const amount = Number(s.amount);
  return t('absence.settings.ladder.sentence', {
    after: Number.isInteger(amount) && amount > 0 ? t(`absence.settings.unitCount.${s.unit}`, { count: amount }) : '…',
    condition: t(`absence.settings.ladder.when.${s.condition}`),
    target: t(`absence.settings.ladder.who.${s.target}`),
  });
}

/** The settings for those who may read but not change them (the SWV's consultants). */
export function SettingsSummary({ data }: { data: TAbsenceSettingsAnswer }) {
  const { t } = useTranslation();
  const kinds = data.thuiszitter.countedKinds.filter((k) => !isExemption(k));
  return (
    <DataList>
      <DataListItem>
        <DataListKey>{t('absence.settings.definition.title')}</DataListKey>
        <DataListValue>
          {t('absence.settings.definition.summary', { count: data.thuiszitter.minDays })}
          <ul className="utrecht-unordered-list">
            {kinds.map((k) => (
              <li key={k} className="utrecht-unordered-list__item">
                {t(`absence.kind.${k}`)}
              </li>
            ))}
          </ul>
          {t('absence.settings.definition.exemption')}
        </DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{t('absence.settings.ladder.title')}</DataListKey>
        <DataListValue>
          {data.ladder.length === 0 ? (
            t('absence.settings.ladder.none')
          ) : (
            <ul className="utrecht-unordered-list">
              {data.ladder.map((s: TStep) => (
                <li key={s.key} className="utrecht-unordered-list__item">
                  {stepSentence(t, { ...s, amount: s.after.amount, unit: s.after.unit })}
                </li>
              ))}
            </ul>
          )}
        </DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{t('absence.settings.coordinator.label')}</DataListKey>
        <DataListValue>{data.coordinator?.name ?? t('absence.settings.coordinator.all')}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{t('absence.settings.contact.title')}</DataListKey>
        <DataListValue>
          {data.escalationContact ? `${data.escalationContact.name} (${data.escalationContact.email})` : t('absence.settings.contact.none')}
        </DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{t('absence.settings.reasons.title')}</DataListKey>
        <DataListValue>
          <ul className="utrecht-unordered-list">
            {data.reasons.map((r) => (
              <li key={r.id} className="utrecht-unordered-list__item">
                {r.label}
                {r.active ? null : ` (${t('absence.settings.reasons.retired')})`}
              </li>
            ))}
          </ul>
        </DataListValue>
      </DataListItem>
    </DataList>
  );
}
