import { eq } from 'drizzle-orm';
import { pupilImports } from '../../db/schema/region.js';
import type { Tx } from '../../platform/db.js';
import type { TImportFailure, TImportJob } from './jobs.js';
import type { TRowProblem } from './rows.js';

/** What `pupil_imports.report` holds. */
export interface TStoredReport {
  processedRows: number;
  rejected: TRowProblem[];
  failure: TImportFailure | null;
}

/** Writes an ended import (done or failed) in the given transaction. */
export async function saveImport(tx: Tx, job: TImportJob): Promise<void> {
  if (job.status === 'running') throw new Error('a running import is not stored');
  const report: TStoredReport = { processedRows: job.processedRows, rejected: job.rejected, failure: job.failure };
  await tx.insert(pupilImports).values({
    regionId: job.regionId,
    id: job.id,
    createdBy: job.createdBy,
    fileName: job.fileName,
    status: job.status,
    totalRows: job.totalRows,
    importedRows: job.importedRows,
    report,
    createdAt: job.createdAt,
  });
}

/** An ended import of the request's region (RLS), as a job. */
export async function loadImport(tx: Tx, id: string): Promise<TImportJob | null> {
  const [row] = await tx.select().from(pupilImports).where(eq(pupilImports.id, id));
  if (!row) return null;
  const report = (typeof row.report === 'string' ? JSON.parse(row.report) : row.report) as TStoredReport;
  return {
    id: row.id,
    regionId: row.regionId,
    createdBy: row.createdBy,
    fileName: row.fileName,
    status: row.status,
    processedRows: report.processedRows,
    totalRows: row.totalRows,
    importedRows: row.importedRows,
    rejected: report.rejected,
    failure: report.failure,
    createdAt: new Date(row.createdAt),
  };
}
