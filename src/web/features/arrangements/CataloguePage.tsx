import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page.js';

/** PLACEHOLDER (replaced by the module's own page): De catalogus van arrangementen van de regio. */
export default function CataloguePage() {
  const { t } = useTranslation();
  return <PageHeading>{t('arrangements.catalogueTitle')}</PageHeading>;
}
