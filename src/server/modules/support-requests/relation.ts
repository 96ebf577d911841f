import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TChecklistItem, TRequestType } from '../../../shared/support-request.js';
import { DEFAULT_CHECKLISTS } from '../../../shared/support-request.js';
import { pupils } from '../../db/schema/region.js';
import { supportRequests } from '../../db/schema/support.js';
import type { TMemberActor } from '../../platform/context.js';
import type { Tx } from '../../platform/db.js';
import { authorizeRecord } from '../../policies/index.js';
import { supportRequestPolicy, type TRequestSubject } from '../../policies/support-request.js';
import { guardianAccess } from '../pupils/relation.js';

/** `guardianAccess` reads the pupil as `p`. */
const p = alias(pupils, 'p');

export type TRequestRow = typeof supportRequests.$inferSelect;

/**
 * One request and how the actor stands to it, in one query under the request's RLS (another
 * region's request is simply not there). A request the actor may not read is a 404: its existence
 * is not confirmed. Actions are then checked with `authorizeAction` (403 for those who see it).
 */
export async function loadRequest(tx: Tx, actor: TMemberActor, id: string): Promise<{ request: TRequestRow; subject: TRequestSubject }> {
  const [row] = await tx
    .select({
      request: supportRequests,
      isExpert: sql<boolean>`exists (select 1 from request_experts e where e.region_id = ${supportRequests.regionId}
        and e.request_id = ${supportRequests.id} and e.expert_id = ${actor.userId})`,
      isGuardian: sql<boolean>`(${guardianAccess(actor.userId)})`,
    })
    .from(supportRequests)
    .innerJoin(p, and(eq(p.regionId, supportRequests.regionId), eq(p.id, supportRequests.pupilId)))
    .where(eq(supportRequests.id, id));
  const subject: TRequestSubject | null = row
    ? {
        pupilId: row.request.pupilId,
        schoolId: row.request.schoolId,
        type: row.request.type,
        status: row.request.status,
        consultantId: row.request.consultantId,
        isExpert: row.isExpert,
        isGuardian: row.isGuardian,
      }
    : null;
  authorizeRecord(subject, (s) => supportRequestPolicy.read(actor, s));
  return { request: row!.request, subject: subject! };
}

/** The intake checklist of a request type: the region's own list, or the default. */
export function checklistFor(actor: TMemberActor, type: TRequestType): TChecklistItem[] {
  return actor.regionSettings?.requestChecklists?.[type] ?? DEFAULT_CHECKLISTS[type];
}
