import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page.js';

/** PLACEHOLDER (replaced by the module's own page): TLV's die aflopen en terugkeerplannen. */
export default function TlvClocksPage() {
  const { t } = useTranslation();
  return <PageHeading>{t('tlv.clocksTitle')}</PageHeading>;
}
