import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { absenceSettings, type TAbsenceReason, type TAbsenceSettings } from '../../../shared/absence.js';
import { type TAbsenceSettingsAnswer, type TAbsenceSettingsInput, ZAbsenceSettings, ZAbsenceSettingsInput } from '../../../shared/schemas/absence.js';
import { inTenant, requireMember, type TMemberActor } from '../../platform/context.js';
import { query, type Tx } from '../../platform/db.js';
import { fieldError } from '../../platform/validation.js';
import { authorizeAction } from '../../policies/index.js';
import { absencePolicy } from '../../policies/absence.js';

/** The region's stored absence settings merged with the defaults (read in the tenant tx, so a change shows at once). */
export async function loadAbsenceSettings(tx: Tx): Promise<TAbsenceSettings> {
  const [row] = await query<{ absence: Partial<TAbsenceSettings> | null }>(tx, sql`select settings->'absence' as absence from regions`);
  return absenceSettings(row?.absence);
}

/** Who may be the thuiszitter coordinator: the region's active SWV consultants. */
export async function coordinatorCandidates(tx: Tx): Promise<{ id: string; name: string }[]> {
  return query<{ id: string; name: string }>(
    tx,
    sql`select u.id, u.name from users u
         where u.deactivated_at is null
           and exists (select 1 from memberships m where m.user_id = u.id and m.role = 'swv_consultant' and m.ended_at is null)
         order by u.name, u.id`,
  );
}

async function present(tx: Tx, actor: TMemberActor): Promise<TAbsenceSettingsAnswer> {
  const s = await loadAbsenceSettings(tx);
  const candidates = await coordinatorCandidates(tx);
  let coordinator: { id: string; name: string } | null = null;
  if (s.coordinatorUserId) {
    // a coordinator who left still shows by name, so the admin sees whom to replace
    const [u] = await query<{ id: string; name: string }>(tx, sql`select id, name from users where id = ${s.coordinatorUserId}`);
    coordinator = u ?? null;
  }
  return {
    thuiszitter: s.thuiszitter,
    ladder: s.ladder,
    reasons: s.reasons,
    coordinator,
    escalationContact: s.escalationContact,
    coordinatorCandidates: candidates,
    policies: { update: absencePolicy.updateSettings(actor) },
  };
}

const slug = (label: string) =>
  label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 50) || 'reden';

/**
 * Reasons keep their ids (episodes refer to them); a new reason gets one from its label, made
 * unique. An id the client names must be one the region has: ids are not invented by clients.
 */
export function toReasons(input: TAbsenceSettingsInput['reasons'], current: readonly TAbsenceReason[]): TAbsenceReason[] {
  const known = new Set(current.map((r) => r.id));
  const taken = new Set<string>();
  input.forEach((r, n) => {
    if (r.id === undefined) return;
    if (!known.has(r.id)) throw fieldError(`reasons.${n}.id`, 'unknown_reason');
    if (taken.has(r.id)) throw fieldError(`reasons.${n}.id`, 'duplicate_key');
    taken.add(r.id);
  });
  // a new label does not take an id an existing (kept or dropped) reason had
  const reserved = new Set([...known, ...taken]);
  return input.map((r) => {
    if (r.id !== undefined) return { id: r.id, label: r.label, active: r.active };
    const base = slug(r.label);
    let id = base;
    for (let i = 2; reserved.has(id); i++) id = `${base}-${i}`;
    reserved.add(id);
    return { id, label: r.label, active: r.active };
  });
}

/**
 * Functioneel beheer sets the region's thuiszitter definition, escalation ladder, absence reasons,
 * coordinator and escalation contact (ADR 013); the SWV's consultants read them. Each region its
 * own: the settings live on the region's row, which the tenant transaction alone can reach.
 */
export async function absenceSettingsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const tags = ['absence'];

  r.get('/api/v1/absence/settings', { schema: { tags, response: { 200: ZAbsenceSettings } } }, async (req) => {
    const actor = requireMember(req);
    authorizeAction(absencePolicy.readSettings(actor));
    return inTenant(db, actor, async ({ tx }) => present(tx, actor));
  });

  r.put('/api/v1/absence/settings', { schema: { tags, body: ZAbsenceSettingsInput, response: { 200: ZAbsenceSettings } } }, async (req) => {
    const actor = requireMember(req);
    authorizeAction(absencePolicy.updateSettings(actor));
    const input = req.body;
    return inTenant(db, actor, async ({ tx, audit }) => {
      const current = await loadAbsenceSettings(tx);
      const reasons = toReasons(input.reasons, current.reasons);
      const kept = new Set(reasons.map((x) => x.id));
      // a reason old episodes name may be retired (inactive), never removed: they would lose their words
      const used = await query<{ id: string }>(tx, sql`select distinct unnest(reason_ids) as id from absence_episodes`);
      const lost = used.map((u) => u.id).filter((id) => !kept.has(id));
      if (lost.length) {
        const label = current.reasons.find((x) => x.id === lost[0])?.label ?? lost[0];
        throw fieldError('reasons', 'reason_in_use', { label });
      }
      if (input.coordinatorUserId && !(await coordinatorCandidates(tx)).some((c) => c.id === input.coordinatorUserId)) {
        throw fieldError('coordinatorUserId', 'unknown_coordinator');
      }
      const next: TAbsenceSettings = {
        thuiszitter: { minDays: input.thuiszitter.minDays, countedKinds: [...new Set(input.thuiszitter.countedKinds)] },
        ladder: input.ladder,
        reasons,
        coordinatorUserId: input.coordinatorUserId,
        escalationContact: input.escalationContact,
      };
      await tx.execute(
        sql`update regions set settings = settings || jsonb_build_object('absence', ${JSON.stringify(next)}::jsonb) where id = ${actor.membership.regionId}`,
      );
      // what changed in outline; no names or addresses in the log
      await audit({
        action: 'absence.settings.update',
        subjectType: 'region',
        subjectId: actor.membership.regionId,
        details: {
          minDays: next.thuiszitter.minDays,
          countedKinds: next.thuiszitter.countedKinds,
          ladder: next.ladder.map((l) => `${l.key}:${l.after.amount}${l.after.unit[0]}`),
          reasons: reasons.length,
          activeReasons: reasons.filter((x) => x.active).length,
          coordinator: next.coordinatorUserId !== null,
          escalationContact: next.escalationContact !== null,
        },
      });
      return present(tx, actor);
    });
  });
}
