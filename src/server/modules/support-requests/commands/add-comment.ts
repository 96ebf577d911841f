import { supportRequestComments } from '../../../db/schema/support.js';
import type { TMemberActor } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db.js';
import type { TRequestRow } from '../relation.js';

/** One message in the school–SWV conversation; the role is kept as it was when it was written. */
export async function addComment(tx: Tx, request: TRequestRow, actor: TMemberActor, body: string): Promise<string> {
  const [row] = await tx
    .insert(supportRequestComments)
    .values({ regionId: request.regionId, requestId: request.id, authorId: actor.userId, authorRole: actor.membership.role, body })
    .returning({ id: supportRequestComments.id });
  return row!.id;
}
