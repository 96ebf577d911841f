import { Button } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';

/** "Vorige / Pagina x van y / Volgende" under a paged list. */
export function Pagination({
  page,
  pageSize,
  total,
  onPage,
  label,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  /** names the navigation landmark, e.g. "Paginering leerlingen" */
  label: string;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="rondom-pagination" aria-label={label}>
      <Button appearance="secondary-action-button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('common.previous')}
      </Button>
      <span className="rondom-pagination__position" aria-live="polite">
        {t('common.pageOf', { page, pages })}
      </span>
      <Button appearance="secondary-action-button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('common.next')}
      </Button>
    </nav>
  );
}
