import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page.js';

/** PLACEHOLDER (replaced by the module's own page): De lijst met aanvragen (school: eigen school; SWV: de regio met filters en doorlooptijden; deskundige: toegewezen aanvragen). */
export default function RequestsPage() {
  const { t } = useTranslation();
  return <PageHeading>{t('requests.title')}</PageHeading>;
}
