import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page.js';

/** PLACEHOLDER (replaced by the module's own page): Nieuwe aanvraag voor een kind. */
export default function NewRequestPage() {
  const { t } = useTranslation();
  return <PageHeading>{t('requests.newTitle')}</PageHeading>;
}
