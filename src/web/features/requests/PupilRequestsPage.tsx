import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page.js';

/** PLACEHOLDER (replaced by the module's own page): De aanvragen en besluiten van één kind (ook voor ouders). */
export default function PupilRequestsPage() {
  const { t } = useTranslation();
  return <PageHeading>{t('requests.pupilTitle')}</PageHeading>;
}
