import type { TImportReport } from '../../../shared/schemas/pupil-import.js';
import { type TLocale, t } from '../../platform/i18n.js';
import type { TImportJob } from './jobs.js';
import type { TRowProblem } from './rows.js';

/** A rejected row's reason in the reader's language, e.g. "Geboortedatum: geen geldige datum". */
export function reasonText(locale: TLocale, p: TRowProblem): string {
  const field = p.field ? t(locale, `imports.fields.${p.field}`) : t(locale, 'imports.wholeRow');
  return t(locale, `imports.reject.${p.rule}`, { ...p.params, field });
}

export function presentImport(job: TImportJob, locale: TLocale): TImportReport {
  return {
    id: job.id,
    fileName: job.fileName,
    status: job.status,
    processedRows: job.processedRows,
    totalRows: job.totalRows,
    importedRows: job.importedRows,
    rejected: job.rejected.map((p) => ({
      row: p.row,
      field: p.field,
      rule: p.rule,
      reason: reasonText(locale, p),
      value: p.value,
    })),
    failure: job.failure ? t(locale, `imports.failure.${job.failure.rule}`) : null,
    createdAt: job.createdAt.toISOString(),
  };
}
