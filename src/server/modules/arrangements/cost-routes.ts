import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type TCostQuery, type TCostReport, ZCostQuery, ZCostReport } from '../../../shared/schemas/arrangement.js';
import { schoolYearLabel } from '../../../shared/school-year.js';
import { organisations } from '../../db/schema/region.js';
import { inTenant, requireMember, type TMemberActor } from '../../platform/context.js';
import { CSV_CONTENT_TYPE, csvDisposition, toCsv } from '../../platform/csv-export.js';
import type { Tx } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { pickLocale, t, type TLocale } from '../../platform/i18n.js';
import { fieldError } from '../../platform/validation.js';
import { arrangementPolicy } from '../../policies/arrangement.js';
import { costPeriods, costReport } from './costs.js';

/**
 * Which schools the actor may see: the SWV the region (or one school of it), a school's IB'er and
 * director only their own school. Decided before the database is touched.
 */
function schoolFilter(actor: TMemberActor, asked: string | undefined): { schoolId: string | null; check: boolean } {
  const scope = arrangementPolicy.costScope(actor);
  if (scope.kind === 'none') throw new AppError('forbidden');
  if (scope.kind === 'school') {
    if (asked && asked !== scope.schoolId) throw new AppError('forbidden');
    return { schoolId: scope.schoolId, check: false };
  }
  return { schoolId: asked ?? null, check: !!asked };
}

async function report(tx: Tx, q: TCostQuery, filter: { schoolId: string | null; check: boolean }): Promise<TCostReport> {
  if (filter.check) {
    const [school] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.id, filter.schoolId!), eq(organisations.kind, 'school')));
    if (!school) throw fieldError('schoolId', 'unknown_school');
  }
  const view = q.schoolYear !== undefined ? 'schoolYear' : 'calendarYear';
  const year = (q.schoolYear ?? q.calendarYear)!;
  return { view, year, ...(await costReport(tx, costPeriods(view, year), filter.schoolId)) };
}

const euros = (cents: number) => cents / 100;

/** "aug–dec 2026": a half as the report's columns name it. */
function halfLabel(locale: TLocale, p: { from: string }) {
  return t(locale, p.from.slice(5, 7) === '08' ? 'arrangements.costs.augDec' : 'arrangements.costs.janJul', { year: p.from.slice(0, 4) });
}

function reportCsv(r: TCostReport, locale: TLocale): string {
  const [a, b] = r.periods.map((p) => halfLabel(locale, p));
  const col = (key: string, params: Record<string, unknown> = {}) => t(locale, `arrangements.costs.csv.${key}`, params);
  const header = [
    col('school'),
    col('spent', { period: a }),
    col('spent', { period: b }),
    col('spentTotal'),
    col('budget', { period: a }),
    col('budget', { period: b }),
    col('budgetTotal'),
    col('arrangements'),
  ];
  const line = (name: string, f: TCostReport['total']) => [
    name,
    euros(f.spentFirstCents),
    euros(f.spentSecondCents),
    euros(f.spentTotalCents),
    euros(f.budgetFirstCents),
    euros(f.budgetSecondCents),
    euros(f.budgetTotalCents),
    f.arrangements,
  ];
  return toCsv(header, [...r.rows.map((row) => line(row.school.name, row)), line(col('total'), r.total)], { decimal: locale === 'nl' ? ',' : '.' });
}

/** Costs of arrangements per school, per school year or per calendar year, on screen and as CSV. */
export async function costRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const tags = ['arrangements'];

  r.get('/api/v1/arrangement-costs', { schema: { tags, querystring: ZCostQuery, response: { 200: ZCostReport } } }, async (req) => {
    const actor = requireMember(req);
    const filter = schoolFilter(actor, req.query.schoolId);
    // sums per school, no child in sight: not a read of personal data
    return inTenant(db, actor, ({ tx }) => report(tx, req.query, filter));
  });

  r.get('/api/v1/arrangement-costs.csv', { schema: { tags, querystring: ZCostQuery } }, async (req: FastifyRequest<{ Querystring: TCostQuery }>, reply) => {
    const actor = requireMember(req);
    const filter = schoolFilter(actor, req.query.schoolId);
    const locale = pickLocale(actor.locale, req.headers['accept-language']);
    const { csv, name } = await inTenant(db, actor, async ({ tx, audit }) => {
      const out = await report(tx, req.query, filter);
      await audit({
        action: 'arrangement_costs.export',
        subjectType: 'arrangement_costs',
        details: { format: 'csv', view: out.view, year: out.year, schoolId: filter.schoolId },
      });
      const period = out.view === 'schoolYear' ? schoolYearLabel(out.year) : String(out.year);
      return { csv: reportCsv(out, locale), name: `${t(locale, 'arrangements.costs.csv.fileName')}-${period}` };
    });
    return reply.header('content-type', CSV_CONTENT_TYPE).header('content-disposition', csvDisposition(name)).header('cache-control', 'no-store').send(csv);
  });
}
