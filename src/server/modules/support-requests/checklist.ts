import { type SQL, sql } from 'drizzle-orm';
import type { TChecklistEntry } from '../../../shared/schemas/support-request.js';
import type { TChecklistItem } from '../../../shared/support-request.js';

/**
 * The intake checklist is never stored as ticks: each item is read off the data when the request
 * is shown, so it cannot disagree with the file (an OPP adopted yesterday counts today).
 */
export interface TChecklistFacts {
  opp_adopted: boolean;
  dossier_present: boolean;
  parents_informed: boolean;
  parents_signed: boolean;
  /** checklist item ids that an attachment of the request was uploaded for */
  documents: string[] | null;
}

/**
 * The facts as columns of a query over a request row `alias` (with region_id, id, pupil_id,
 * parents_informed_on, parents_signature_id): one indexed look-up each.
 */
export function checklistFactColumns(alias: string): SQL {
  const r = sql.raw(alias);
  return sql`exists (select 1 from opps o where o.region_id = ${r}.region_id and o.pupil_id = ${r}.pupil_id and o.status = 'adopted') as opp_adopted,
    exists (select 1 from dossiers d where d.region_id = ${r}.region_id and d.pupil_id = ${r}.pupil_id
      and jsonb_array_length(d.needs) > 0) as dossier_present,
    (${r}.parents_informed_on is not null) as parents_informed,
    (${r}.parents_signature_id is not null) as parents_signed,
    (select array_agg(distinct sa.checklist_item_id) from support_request_attachments sa
      join attachments a on a.region_id = sa.region_id and a.id = sa.attachment_id and a.removed_at is null
      where sa.region_id = ${r}.region_id and sa.request_id = ${r}.id and sa.checklist_item_id is not null) as documents`;
}

export function isMet(item: TChecklistItem, f: TChecklistFacts): boolean {
  switch (item.kind) {
    case 'document':
      return (f.documents ?? []).includes(item.id);
    default:
      return f[item.kind];
  }
}

export function evaluateChecklist(items: readonly TChecklistItem[], f: TChecklistFacts): TChecklistEntry[] {
  return items.map((i) => ({ id: i.id, kind: i.kind, label: i.label ?? null, met: isMet(i, f) }));
}

/** Items a file can meet: a region's document, or the parents' signed form. */
export const takesFile = (item: TChecklistItem) => item.kind === 'document' || item.kind === 'parents_signed';
