import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams, ZPaged, ZPageQuery, ZUuid } from '../../../shared/schemas/common.js';
import { ZGroup, ZGroupInput, ZGroupPatch } from '../../../shared/schemas/group.js';
import { groups, groupTeachers, organisations } from '../../db/schema/region.js';
import { inTenant, requireMember } from '../../platform/context.js';
import { query, type Tx } from '../../platform/db.js';
import { fieldError } from '../../platform/validation.js';
import { authorizeAction, authorizeRecord } from '../../policies/index.js';
import { groupPolicy } from '../../policies/group.js';

async function selectGroups(tx: Tx, where: ReturnType<typeof sql>, page = 1, pageSize = 100) {
  const rows = await query<Record<string, unknown>>(tx, sql`select g.id, g.school_id, s.name as school_name, g.name, g.school_year,
      coalesce((select json_agg(json_build_object('id', u.id, 'name', u.name) order by u.name)
        from group_teachers gt join users u on u.id = gt.user_id
        where gt.region_id = g.region_id and gt.group_id = g.id), '[]'::json) as teachers,
      (select count(*) from pupils p where p.region_id = g.region_id and p.group_id = g.id) as pupil_count,
      count(*) over () as total
    from groups g join organisations s on s.region_id = g.region_id and s.id = g.school_id
    where ${where} order by s.name, g.school_year desc, g.name
    limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return {
    total: rows[0] ? Number(rows[0].total) : 0,
    items: rows.map((r) => ({
      id: String(r.id),
      schoolId: String(r.school_id),
      schoolName: String(r.school_name),
      name: String(r.name),
      schoolYear: String(r.school_year),
      teachers: (typeof r.teachers === 'string' ? JSON.parse(r.teachers) : r.teachers) as { id: string; name: string }[],
      pupilCount: Number(r.pupil_count),
    })),
  };
}

/** Teachers must hold a teacher role at the group's school. */
async function checkTeachers(tx: Tx, schoolId: string, teacherIds: string[]) {
  if (!teacherIds.length) return;
  const found = await query(tx, sql`select distinct user_id from memberships where role = 'teacher'
    and organisation_id = ${schoolId} and ended_at is null and user_id in ${teacherIds}`);
  if (found.length !== new Set(teacherIds).size) throw fieldError('teacherIds', 'not_a_teacher_here');
}

async function setTeachers(tx: Tx, regionId: string, groupId: string, teacherIds: string[]) {
  await tx.delete(groupTeachers).where(eq(groupTeachers.groupId, groupId));
  if (teacherIds.length)
    await tx.insert(groupTeachers).values([...new Set(teacherIds)].map((userId) => ({ regionId, groupId, userId })));
}

export async function groupRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;

  r.get(
    '/api/v1/groups',
    { schema: { tags: ['groups'], querystring: ZPageQuery.extend({ schoolId: ZUuid.optional() }), response: { 200: ZPaged(ZGroup) } } },
    async (req) => {
      const actor = requireMember(req);
      const scope = groupPolicy.listScope(actor);
      authorizeAction(scope.kind !== 'none');
      return inTenant(db, actor, async ({ tx }) => {
        const conds = [sql`true`];
        if (scope.kind === 'school') conds.push(sql`g.school_id = ${scope.schoolId}`);
        if (req.query.schoolId) conds.push(sql`g.school_id = ${req.query.schoolId}`);
        const out = await selectGroups(tx, sql.join(conds, sql` and `), req.query.page, req.query.pageSize);
        return { ...out, page: req.query.page, pageSize: req.query.pageSize };
      });
    },
  );

  r.get('/api/v1/groups/:id', { schema: { tags: ['groups'], params: ZIdParams, response: { 200: ZGroup } } }, async (req) => {
    const actor = requireMember(req);
    return inTenant(db, actor, async ({ tx }) => {
      const { items } = await selectGroups(tx, sql`g.id = ${req.params.id}`);
      return authorizeRecord(items[0], (g) => groupPolicy.read(actor, { schoolId: g.schoolId, teacherIds: g.teachers.map((t) => t.id) }));
    });
  });

  r.post('/api/v1/groups', { schema: { tags: ['groups'], body: ZGroupInput, response: { 201: ZGroup } } }, async (req, reply) => {
    const actor = requireMember(req);
    const b = req.body;
    const created = await inTenant(db, actor, async ({ tx, audit }) => {
      const [school] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(and(eq(organisations.id, b.schoolId), eq(organisations.kind, 'school')));
      if (!school) throw fieldError('schoolId', 'unknown_school');
      authorizeAction(groupPolicy.create(actor, b.schoolId));
      await checkTeachers(tx, b.schoolId, b.teacherIds);
      const [g] = await tx
        .insert(groups)
        .values({ regionId: actor.membership.regionId, schoolId: b.schoolId, name: b.name, schoolYear: b.schoolYear })
        .returning({ id: groups.id });
      await setTeachers(tx, actor.membership.regionId, g!.id, b.teacherIds);
      await audit({ action: 'group.create', subjectType: 'group', subjectId: g!.id });
      return (await selectGroups(tx, sql`g.id = ${g!.id}`)).items[0]!;
    });
    return reply.status(201).send(created);
  });

  r.patch(
    '/api/v1/groups/:id',
    { schema: { tags: ['groups'], params: ZIdParams, body: ZGroupPatch, response: { 200: ZGroup } } },
    async (req) => {
      const actor = requireMember(req);
      return inTenant(db, actor, async ({ tx, audit }) => {
        const { items } = await selectGroups(tx, sql`g.id = ${req.params.id}`);
        const g = authorizeRecord(items[0], (x) => groupPolicy.read(actor, { schoolId: x.schoolId, teacherIds: [] }));
        authorizeAction(groupPolicy.update(actor, { schoolId: g.schoolId, teacherIds: [] }));
        if (req.body.name !== undefined) await tx.update(groups).set({ name: req.body.name }).where(eq(groups.id, g.id));
        if (req.body.teacherIds !== undefined) {
          await checkTeachers(tx, g.schoolId, req.body.teacherIds);
          await setTeachers(tx, actor.membership.regionId, g.id, req.body.teacherIds);
        }
        await audit({ action: 'group.update', subjectType: 'group', subjectId: g.id, details: { fields: Object.keys(req.body) } });
        return (await selectGroups(tx, sql`g.id = ${g.id}`)).items[0]!;
      });
    },
  );
}
