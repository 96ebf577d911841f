import type { TImportStatus } from '../../../shared/schemas/pupil-import.js';
import { AppError } from '../../platform/errors.js';
import type { TRowProblem } from './rows.js';

/** Why an import failed as a whole; `rule` is an i18n key under `imports.failure.` */
export interface TImportFailure {
  rule: 'unexpected' | 'conflict';
}

/** An import's state: in memory while it runs, in `pupil_imports` once it has ended. */
export interface TImportJob {
  id: string;
  regionId: string;
  createdBy: string;
  fileName: string;
  status: TImportStatus;
  processedRows: number;
  totalRows: number;
  importedRows: number;
  rejected: TRowProblem[];
  failure: TImportFailure | null;
  createdAt: Date;
}

/** Imports running at once in one process; each holds a database connection for its duration. */
export const MAX_RUNNING_IMPORTS = 2;

/**
 * Imports that have not yet been written to `pupil_imports`, per app instance. The row is written
 * when the import ends (inside the import's own transaction when it succeeds), and only then is
 * the job dropped from here, so a GET always finds it in one place or the other.
 */
export class ImportJobs {
  private jobs = new Map<string, TImportJob>();
  private work = new Set<Promise<void>>();

  get(id: string): TImportJob | undefined {
    return this.jobs.get(id);
  }

  /** Registers a job; refuses a second running import in the same region, or too many at once. */
  add(job: TImportJob): void {
    const running = [...this.jobs.values()].filter((j) => j.status === 'running');
    if (running.some((j) => j.regionId === job.regionId)) throw new AppError('conflict', 'imports.alreadyRunning');
    if (running.length >= MAX_RUNNING_IMPORTS) throw new AppError('rate_limited', 'imports.busy');
    this.jobs.set(job.id, job);
  }

  /** Runs `fn` in the background; `settle` waits for it (app shutdown). */
  track(fn: () => Promise<void>): void {
    const p = fn().finally(() => this.work.delete(p));
    this.work.add(p);
  }

  drop(id: string): void {
    this.jobs.delete(id);
  }

  async settle(): Promise<void> {
    await Promise.allSettled([...this.work]);
  }
}
