import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page.js';

/** PLACEHOLDER (replaced by the module's own page): Eén aanvraag: checklist, tijdlijn, bijlagen, reacties, acties; toont <ExpertsSection> en <DecisionSection> uit features/decisions. */
export default function RequestPage() {
  const { t } = useTranslation();
  return <PageHeading>{t('requests.detailTitle')}</PageHeading>;
}
