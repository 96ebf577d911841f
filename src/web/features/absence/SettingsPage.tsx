import './figures.css';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page.js';
import { LoadError, Loading } from '../../components/Status.js';
import { useAbsenceSettings } from './figures-data.js';
import { SettingsForm } from './SettingsForm.js';
import { SettingsSummary } from './SettingsSummary.js';

/**
 * /instellingen-verzuim — the region's thuiszitter definition, escalation ladder, coordinator,
 * escalation contact and absence reasons. Functioneel beheer changes them; the consultants read them.
 */
export default function SettingsPage() {
  const { t } = useTranslation();
  const settings = useAbsenceSettings();
  const data = settings.data;
  return (
    <div className="rondom-figures">
      <PageHeading>{t('absence.settings.title')}</PageHeading>
      <Paragraph lead>{t('absence.settings.intro')}</Paragraph>
      {settings.isPending ? (
        <Loading />
      ) : settings.isError ? (
        <LoadError error={settings.error} />
      ) : data?.policies.update ? (
        <SettingsForm data={data} />
      ) : data ? (
        <>
          <Alert type="info">
            <Paragraph>{t('absence.settings.readOnly')}</Paragraph>
          </Alert>
          <SettingsSummary data={data} />
        </>
      ) : null}
    </div>
  );
}
