import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page.js';

/** PLACEHOLDER (replaced by the module's own page): Eén arrangement: doelen, uitvoerder, uren, geld, bestedingen, evaluaties. */
export default function ArrangementPage() {
  const { t } = useTranslation();
  return <PageHeading>{t('arrangements.detailTitle')}</PageHeading>;
}
