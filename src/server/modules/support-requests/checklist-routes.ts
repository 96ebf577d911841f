import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type TChecklistInput, ZChecklistInput, ZChecklistTypeParams, ZRequestChecklists } from '../../../shared/schemas/request-checklist.js';
import { DEFAULT_CHECKLISTS, REQUEST_TYPES, type TChecklistItem, type TRequestType } from '../../../shared/support-request.js';
import type { TRegionSettings } from '../../db/schema/region.js';
import { inTenant, requireMember, type TMemberActor } from '../../platform/context.js';
import { query, type Tx } from '../../platform/db.js';
import { fieldError } from '../../platform/validation.js';
import { authorizeAction } from '../../policies/index.js';
import { supportRequestPolicy } from '../../policies/support-request.js';

type TChecklists = NonNullable<TRegionSettings['requestChecklists']>;

async function loadChecklists(tx: Tx): Promise<TChecklists> {
  const [row] = await query<{ lists: TChecklists | null }>(tx, sql`select settings->'requestChecklists' as lists from regions`);
  return row?.lists ?? {};
}

const present = (lists: TChecklists) => ({
  items: REQUEST_TYPES.map((type) => ({
    type,
    custom: !!lists[type],
    items: (lists[type] ?? DEFAULT_CHECKLISTS[type]).map((i) => ({ id: i.id, kind: i.kind, label: i.label ?? null })),
  })),
});

/**
 * Items with stable ids: a fact is checked once (its kind is its id), a document gets an id from
 * its label, so files already uploaded for "Verslag onderzoek" keep meeting that item.
 */
function toItems(input: TChecklistInput): TChecklistItem[] {
  const seen = new Set<string>();
  return input.items.map((i, n) => {
    const field = `items.${n}`;
    if (i.kind === 'document' && !i.label) throw fieldError(`${field}.label`, 'required');
    if (i.kind !== 'document' && i.label) throw fieldError(`${field}.label`, 'checklist_label_only_for_document');
    const id =
      i.kind === 'document'
        ? `document:${i.label!.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`
        : i.kind;
    if (seen.has(id)) throw fieldError(field, 'checklist_item_twice');
    seen.add(id);
    return i.kind === 'document' ? { id, kind: i.kind, label: i.label! } : { id, kind: i.kind };
  });
}

/**
 * Functioneel beheer sets the region's intake checklist per type of request ("TLV: an adopted
 * OPP, the parents' signature and the psychological report"); a type without its own list uses
 * the default. Requests read the list when they are shown, so a change counts at once.
 */
export async function checklistRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const tags = ['support-requests'];
  const manager = (actor: TMemberActor) => authorizeAction(supportRequestPolicy.manageChecklists(actor));

  r.get('/api/v1/request-checklists', { schema: { tags, response: { 200: ZRequestChecklists } } }, async (req) => {
    const actor = requireMember(req);
    manager(actor);
    return inTenant(db, actor, async ({ tx }) => present(await loadChecklists(tx)));
  });

  r.put(
    '/api/v1/request-checklists/:type',
    { schema: { tags, params: ZChecklistTypeParams, body: ZChecklistInput, response: { 200: ZRequestChecklists } } },
    async (req) => {
      const actor = requireMember(req);
      manager(actor);
      const items = toItems(req.body);
      return inTenant(db, actor, async ({ tx, audit }) => {
        await setChecklist(tx, actor.membership.regionId, req.params.type, items);
        await audit({ action: 'request_checklist.update', subjectType: 'region', details: { type: req.params.type, items: items.map((i) => i.id) } });
        return present(await loadChecklists(tx));
      });
    },
  );

  r.delete('/api/v1/request-checklists/:type', { schema: { tags, params: ZChecklistTypeParams, response: { 200: ZRequestChecklists } } }, async (req) => {
    const actor = requireMember(req);
    manager(actor);
    return inTenant(db, actor, async ({ tx, audit }) => {
      await setChecklist(tx, actor.membership.regionId, req.params.type, null);
      await audit({ action: 'request_checklist.reset', subjectType: 'region', details: { type: req.params.type } });
      return present(await loadChecklists(tx));
    });
  });
}

/** Only this type's list changes; the rest of the region's settings (sign-in, steunpunt) stay as they are. */
async function setChecklist(tx: Tx, regionId: string, type: TRequestType, items: TChecklistItem[] | null) {
  const lists = sql`coalesce(settings->'requestChecklists', '{}'::jsonb)`;
  const next = items ? sql`${lists} || jsonb_build_object(${type}::text, ${JSON.stringify(items)}::jsonb)` : sql`${lists} - ${type}::text`;
  await tx.execute(sql`update regions set settings = settings || jsonb_build_object('requestChecklists', ${next}) where id = ${regionId}`);
}
