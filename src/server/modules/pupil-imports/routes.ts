import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IMPORT_MAX_BYTES } from '../../../shared/limits.js';
import { ZIdParams } from '../../../shared/schemas/common.js';
import {
  ZImportInput,
  ZImportPreview,
  ZImportPreviewInput,
  ZImportReport,
  ZImportStarted,
} from '../../../shared/schemas/pupil-import.js';
import { inTenant, requireMember, type TMemberActor } from '../../platform/context.js';
import { pickLocale } from '../../platform/i18n.js';
import { fieldError } from '../../platform/validation.js';
import { authorizeAction, authorizeRecord } from '../../policies/index.js';
import { pupilPolicy } from '../../policies/pupil.js';
import { importPupils } from './commands/import-pupils.js';
import { parseCsv, type TCsvRow } from './csv.js';
import { ImportJobs, type TImportJob } from './jobs.js';
import { resolveMapping, suggestMapping } from './mapping.js';
import { presentImport } from './presenter.js';
import { loadImport, saveImport } from './queries.js';

/** A JSON body carries the file as a string: escaping can nearly double it, so the body may be larger than the file. */
const IMPORT_BODY_LIMIT = IMPORT_MAX_BYTES * 2 + 64 * 1024;
const SAMPLE_ROWS = 5;

/** The SQLSTATE of a database error, also when the driver layer wrapped it. */
function pgCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  const code = e?.code ?? e?.cause?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The calendar date in the Netherlands: a date of birth "today" is fine, tomorrow is not. */
export function dutchToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);
}

export async function pupilImportRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const jobs = new ImportJobs();
  app.addHook('onClose', () => jobs.settle());

  /** The import itself, after the 202: one transaction, so a failure leaves nothing but the failed report. */
  async function run(job: TImportJob, actor: TMemberActor, rows: TCsvRow[], cols: ReturnType<typeof resolveMapping>) {
    try {
      const ended = await inTenant(db, actor, async ({ tx, audit }) => {
        const outcome = await importPupils(tx, {
          regionId: job.regionId,
          rows,
          cols,
          today: dutchToday(),
          onProgress(processed, imported, rejected) {
            job.processedRows = processed;
            job.importedRows = imported;
            job.rejected = rejected;
          },
        });
        const done: TImportJob = {
          ...job,
          status: 'done',
          processedRows: rows.length,
          importedRows: outcome.importedRows,
          rejected: outcome.rejected,
        };
        await saveImport(tx, done);
        // counts only: the audit trail names no children for a bulk action
        await audit({
          action: 'pupil.import',
          subjectType: 'pupil_import',
          subjectId: job.id,
          details: {
            status: 'done',
            totalRows: job.totalRows,
            importedRows: outcome.importedRows,
            rejectedRows: new Set(outcome.rejected.map((p) => p.row)).size,
            guardians: outcome.guardians,
          },
        });
        return done;
      });
      // only now, after the commit: the stored row and the memory agree
      Object.assign(job, ended);
    } catch (err) {
      // no message: a constraint error's detail can quote a child's data
      app.log.error(
        { importId: job.id, code: pgCode(err), name: (err as Error).name },
        'pupil import failed; nothing was imported',
      );
      const failed = {
        status: 'failed',
        importedRows: 0,
        failure: { rule: pgCode(err) === '23505' ? 'conflict' : 'unexpected' },
      } satisfies Partial<TImportJob>;
      try {
        await inTenant(db, actor, async ({ tx, audit }) => {
          await saveImport(tx, { ...job, ...failed });
          await audit({
            action: 'pupil.import',
            subjectType: 'pupil_import',
            subjectId: job.id,
            details: { status: 'failed', totalRows: job.totalRows, importedRows: 0, processedRows: job.processedRows },
          });
        });
        // memory says 'failed' only once the stored report does
        Object.assign(job, failed);
      } catch (saveErr) {
        // the job stays in memory (failed) so its owner still gets an answer from this process
        Object.assign(job, failed);
        app.log.error({ importId: job.id, code: pgCode(saveErr) }, 'could not store the failed import report');
        return;
      }
    }
    jobs.drop(job.id);
  }

  r.post(
    '/api/v1/pupil-imports/preview',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: { tags: ['pupil-imports'], body: ZImportPreviewInput, response: { 200: ZImportPreview } },
    },
    async (req) => {
      const actor = requireMember(req);
      authorizeAction(pupilPolicy.import(actor));
      const { columns, rows } = parseCsv(req.body.csv);
      return {
        columns,
        sampleRows: rows.slice(0, SAMPLE_ROWS).map((r) => r.cells),
        totalRows: rows.length,
        suggestedMapping: suggestMapping(columns),
      };
    },
  );

  r.post(
    '/api/v1/pupil-imports',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: { tags: ['pupil-imports'], body: ZImportInput, response: { 202: ZImportStarted } },
    },
    async (req, reply) => {
      const actor = requireMember(req);
      authorizeAction(pupilPolicy.import(actor));
      const { columns, rows } = parseCsv(req.body.csv);
      const cols = resolveMapping(columns, req.body.mapping);
      if (rows.length === 0) throw fieldError('csv', 'import_no_rows');
      const job: TImportJob = {
        id: randomUUID(),
        regionId: actor.membership.regionId,
        createdBy: actor.userId,
        fileName: req.body.fileName,
        status: 'running',
        processedRows: 0,
        totalRows: rows.length,
        importedRows: 0,
        rejected: [],
        failure: null,
        createdAt: new Date(),
      };
      jobs.add(job);
      jobs.track(() => run(job, actor, rows, cols));
      return reply.status(202).send({ id: job.id });
    },
  );

  r.get(
    '/api/v1/pupil-imports/:id',
    { schema: { tags: ['pupil-imports'], params: ZIdParams, response: { 200: ZImportReport } } },
    async (req) => {
      const actor = requireMember(req);
      const locale = pickLocale(actor.locale, req.headers['accept-language']);
      const live = jobs.get(req.params.id);
      if (live && live.regionId === actor.membership.regionId) {
        // while it runs: progress from memory (no personal data has been read from the database)
        return presentImport(
          authorizeRecord(live, () => pupilPolicy.import(actor)),
          locale,
        );
      }
      return inTenant(db, actor, async ({ tx, audit }) => {
        const found = authorizeRecord(await loadImport(tx, req.params.id), () => pupilPolicy.import(actor));
        // the report quotes rejected cells (names, dates of birth): a read of personal data
        await audit({ action: 'pupil_import.read', subjectType: 'pupil_import', subjectId: found.id });
        return presentImport(found, locale);
      });
    },
  );
}
