import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page.js';

/** PLACEHOLDER (replaced by the module's own page): De arrangementen van één kind (ook voor ouders: wat is er besteed). */
export default function PupilArrangementsPage() {
  const { t } = useTranslation();
  return <PageHeading>{t('arrangements.pupilTitle')}</PageHeading>;
}
