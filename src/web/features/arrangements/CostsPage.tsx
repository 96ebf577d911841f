import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page.js';

/** PLACEHOLDER (replaced by the module's own page): Kosten per school per schooljaar en per kalenderjaar. */
export default function CostsPage() {
  const { t } = useTranslation();
  return <PageHeading>{t('arrangements.costsTitle')}</PageHeading>;
}
