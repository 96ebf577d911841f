import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { absenceSettings } from '../../../shared/absence.js';
import { type TAbsenceOverview, ZAbsenceOverview, ZPeriodQuery } from '../../../shared/schemas/absence.js';
import { inTenant, requireMember, type TMemberActor } from '../../platform/context.js';
import { CSV_CONTENT_TYPE, csvDisposition, toCsv } from '../../platform/csv-export.js';
import type { Tx } from '../../platform/db.js';
import { forbidden } from '../../platform/errors.js';
import { pickLocale, t } from '../../platform/i18n.js';
import { absencePolicy } from '../../policies/absence.js';
import { dutchDate } from '../opps/clocks.js';
import { loadFigures, type TFiguresScope } from './figures.js';
import { inspectorateCsv, loadInspectorate } from './inspectorate.js';
import { overviewCsv, presentOverview } from './overview-presenter.js';

const tags = ['absence'];

/**
 * How the actor sees the figures, decided before the database is touched: the SWV the region,
 * leerplicht the children living in their gemeente, the gemeente's analyst and the OPR the
 * region anonymised; anyone else nothing.
 */
function figuresView(actor: TMemberActor): { anonymised: boolean; scope: TFiguresScope; scopeView: TAbsenceOverview['scope'] } {
  const view = absencePolicy.figures(actor);
  const m = actor.membership;
  if (view === 'none') throw forbidden();
  if (view === 'gemeente') {
    return { anonymised: false, scope: { kind: 'gemeente', gemeenteId: m.gemeenteId! }, scopeView: { kind: 'gemeente', name: m.organisationName ?? '' } };
  }
  return { anonymised: view === 'anonymised', scope: { kind: 'region' }, scopeView: { kind: 'region', name: m.regionName } };
}

async function overview(tx: Tx, actor: TMemberActor, q: { from: string; to: string }) {
  const v = figuresView(actor);
  const today = dutchDate();
  const def = absenceSettings(actor.regionSettings?.absence).thuiszitter;
  const figures = await loadFigures(tx, { scope: v.scope, def, from: q.from, to: q.to, today });
  return presentOverview(figures, { anonymised: v.anonymised, scope: v.scopeView, from: q.from, to: q.to, today });
}

/** What the audit trail keeps of a figures read: who, which view and period, and counts only. */
const auditDetails = (o: TAbsenceOverview, format: 'json' | 'csv') => ({
  format,
  scope: o.scope.kind,
  anonymised: o.anonymised,
  from: o.period.from,
  to: o.period.to,
  open: o.open.total,
  closed: o.closed.total,
});

/** The figures: region overview, its CSV, and the inspectorate count (module 8 of PRODUCT.md). */
export async function absenceOverviewRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;

  r.get('/api/v1/absence/overview', { schema: { tags, querystring: ZPeriodQuery, response: { 200: ZAbsenceOverview } } }, async (req) => {
    const actor = requireMember(req);
    figuresView(actor);
    return inTenant(db, actor, async ({ tx, audit }) => {
      const out = await overview(tx, actor, req.query);
      await audit({ action: 'absence_figures.read', subjectType: 'absence_figures', details: auditDetails(out, 'json') });
      return out;
    });
  });

  r.get('/api/v1/absence/overview.csv', { schema: { tags, querystring: ZPeriodQuery } }, async (req, reply) => {
    const actor = requireMember(req);
    figuresView(actor);
    const locale = pickLocale(actor.locale, req.headers['accept-language']);
    const csv = await inTenant(db, actor, async ({ tx, audit }) => {
      const out = await overview(tx, actor, req.query);
      await audit({ action: 'absence_figures.export', subjectType: 'absence_figures', details: auditDetails(out, 'csv') });
      const { header, rows } = overviewCsv(out, locale);
      return toCsv(header, rows, { decimal: locale === 'nl' ? ',' : '.' });
    });
    const name = `${t(locale, 'absence.export.fileName')}-${req.query.from}-${req.query.to}`;
    return reply.header('content-type', CSV_CONTENT_TYPE).header('content-disposition', csvDisposition(name)).header('cache-control', 'no-store').send(csv);
  });

  /**
   * Only for those who file it: the SWV and leerplicht. Anonymised viewers are refused rather than
   * given suppressed cells: per kind, open at start + new − ended = open at end, so any one '<5'
   * on a line could be worked back from the other three.
   */
  r.get('/api/v1/absence/inspectorate.csv', { schema: { tags, querystring: ZPeriodQuery } }, async (req, reply) => {
    const actor = requireMember(req);
    const v = figuresView(actor);
    if (v.anonymised) throw forbidden();
    const locale = pickLocale(actor.locale, req.headers['accept-language']);
    const { from, to } = req.query;
    const csv = await inTenant(db, actor, async ({ tx, audit }) => {
      const rows = await loadInspectorate(tx, { scope: v.scope, from, to, today: dutchDate() });
      await audit({
        action: 'absence_inspectorate.export',
        subjectType: 'absence_figures',
        details: { format: 'csv', scope: v.scope.kind, from, to, openAtEnd: rows.reduce((n, r) => n + r.openAtEnd, 0) },
      });
      const out = inspectorateCsv(rows, locale);
      return toCsv(out.header, out.rows, { decimal: locale === 'nl' ? ',' : '.' });
    });
    const name = `${t(locale, 'absence.export.inspectorate.fileName')}-${from}-${to}`;
    return reply.header('content-type', CSV_CONTENT_TYPE).header('content-disposition', csvDisposition(name)).header('cache-control', 'no-store').send(csv);
  });
}
