import { and, eq, ne, sql } from 'drizzle-orm';
import type { TArrangementTypeInput, TArrangementTypePatch } from '../../../../shared/schemas/arrangement.js';
import { arrangementTypes } from '../../../db/schema/support.js';
import type { Tx } from '../../../platform/db.js';
import { AppError } from '../../../platform/errors.js';
import { arrangementProblem } from '../errors.js';

type TTypeRow = typeof arrangementTypes.$inferSelect;

/** Names are unique per region, regardless of capitals ("Leesbegeleiding" and "leesbegeleiding" are one). */
async function ensureNameFree(tx: Tx, name: string, exceptId?: string) {
  const taken = await tx
    .select({ id: arrangementTypes.id })
    .from(arrangementTypes)
    .where(and(sql`lower(${arrangementTypes.name}) = lower(${name})`, exceptId ? ne(arrangementTypes.id, exceptId) : undefined))
    .limit(1);
  if (taken.length) throw arrangementProblem('name', 'type_name_taken', 'conflict');
}

const hours = (h: number | null | undefined) => (h === null || h === undefined ? null : h.toFixed(1));

export async function createArrangementType(tx: Tx, regionId: string, input: TArrangementTypeInput): Promise<TTypeRow> {
  await ensureNameFree(tx, input.name);
  const [row] = await tx
    .insert(arrangementTypes)
    .values({
      regionId,
      name: input.name,
      description: input.description,
      typicalHours: hours(input.typicalHours),
      typicalCostCents: input.typicalCostCents ?? null,
      executors: input.executors,
    })
    .returning();
  return row!;
}

/** Changes what is sent; a type in use is never deleted, only taken out of the catalogue (`active: false`). */
export async function updateArrangementType(tx: Tx, id: string, patch: TArrangementTypePatch): Promise<TTypeRow> {
  const [current] = await tx.select().from(arrangementTypes).where(eq(arrangementTypes.id, id)).for('update');
  if (!current) throw new AppError('not_found');
  if (patch.name !== undefined && patch.name !== current.name) await ensureNameFree(tx, patch.name, id);
  const set: Partial<typeof arrangementTypes.$inferInsert> = {};
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.description !== undefined) set.description = patch.description;
  if (patch.typicalHours !== undefined) set.typicalHours = hours(patch.typicalHours);
  if (patch.typicalCostCents !== undefined) set.typicalCostCents = patch.typicalCostCents;
  if (patch.executors !== undefined) set.executors = patch.executors;
  if (patch.active !== undefined) set.active = patch.active;
  if (Object.keys(set).length === 0) return current;
  const [row] = await tx.update(arrangementTypes).set(set).where(eq(arrangementTypes.id, id)).returning();
  return row!;
}
