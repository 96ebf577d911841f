import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZDigestSetting, ZTaskList, ZTaskQuery, ZTeamTaskQuery, ZTeamTasks } from '../../../shared/schemas/task.js';
import { inTenant, requireMember } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { inboxScope, teamScope } from './scope.js';
import { presentOwnerSummary, presentTask } from './presenter.js';
import { listTasks, summariseOwners } from './queries.js';

const tags = ['tasks'];

/**
 * The task inbox (PRODUCT.md module 17): every clock as a task, computed from the records on each
 * read. A task is done when its thing is done, so there is nothing here to mark done.
 */
export async function taskRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.ctx;
  const db = database.db;

  r.get('/api/v1/tasks', { schema: { tags, querystring: ZTaskQuery, response: { 200: ZTaskList } } }, async (req) => {
    const actor = requireMember(req);
    const { page, pageSize, kind } = req.query;
    return inTenant(db, actor, async ({ tx, audit }) => {
      const { rows, total, overdue } = await listTasks(tx, inboxScope(actor), { page, pageSize, filter: { kind } });
      // children's names with what is due: a read of personal data, logged as counts like the clock lists
      await audit({ action: 'task.list', subjectType: 'task', details: { results: rows.length, total, overdue, kind: kind ?? null } });
      return { items: rows.map((t) => presentTask(t)), page, pageSize, total, overdue };
    });
  });

  r.get('/api/v1/tasks/team', { schema: { tags, querystring: ZTeamTaskQuery, response: { 200: ZTeamTasks } } }, async (req) => {
    const actor = requireMember(req);
    const { page, pageSize, kind, ownerId, schoolId: asked } = req.query;
    return inTenant(db, actor, async ({ tx, audit }) => {
      const { scope, schoolId, withTitle } = await teamScope(tx, actor, asked);
      const filter = { kind, ownerId };
      const { rows, total, overdue } = await listTasks(tx, scope, { page, pageSize, filter, withOwners: true });
      const owners = await summariseOwners(tx, scope, { filter });
      await audit({
        action: 'task.team_list',
        subjectType: 'task',
        details: { results: rows.length, total, overdue, schoolId: schoolId ?? null, kind: kind ?? null, ownerId: ownerId ?? null },
      });
      return {
        items: rows.map((t) => presentTask(t, { withOwner: true, withTitle })),
        page,
        pageSize,
        total,
        overdue,
        owners: owners.map(presentOwnerSummary),
      };
    });
  });

  // the daily e-mail is a preference of the person, not of a membership: no tenant data
  r.get('/api/v1/me/digest', { schema: { tags: ['me'], response: { 200: ZDigestSetting } } }, async (req) => {
    const a = req.actor;
    if (!a) throw new AppError('unauthenticated');
    const [u] = await database.raw<{ digest_opt_out: boolean }>('select digest_opt_out from users where id = $1', [a.userId]);
    return { enabled: !u?.digest_opt_out };
  });

  r.put('/api/v1/me/digest', { schema: { tags: ['me'], body: ZDigestSetting, response: { 200: ZDigestSetting } } }, async (req) => {
    const a = req.actor;
    if (!a) throw new AppError('unauthenticated');
    await database.raw('update users set digest_opt_out = $1, updated_at = now() where id = $2', [!req.body.enabled, a.userId]);
    return { enabled: req.body.enabled };
  });
}
