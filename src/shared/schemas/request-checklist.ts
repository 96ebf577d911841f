import { z } from 'zod';
import { CHECKLIST_KINDS, REQUEST_TYPES } from '../support-request.js';

/** The region's intake checklists: what each type of request needs before it can be complete. */
export const CHECKLIST_MAX_ITEMS = 12;

export const ZChecklistTypeParams = z.object({ type: z.enum(REQUEST_TYPES) });

/** One item as beheer sets it; a `document` item names the document in the region's words. */
export const ZChecklistItemInput = z
  .object({
    kind: z.enum(CHECKLIST_KINDS),
    label: z.string().trim().max(120).nullish(),
  })
  .strict();
export const ZChecklistInput = z.object({ items: z.array(ZChecklistItemInput).max(CHECKLIST_MAX_ITEMS) }).strict();
export type TChecklistInput = z.infer<typeof ZChecklistInput>;

export const ZChecklistItem = z.object({ id: z.string(), kind: z.enum(CHECKLIST_KINDS), label: z.string().nullable() });
export const ZRequestChecklists = z.object({
  items: z.array(z.object({ type: z.enum(REQUEST_TYPES), custom: z.boolean(), items: z.array(ZChecklistItem) })),
});
export type TRequestChecklists = z.infer<typeof ZRequestChecklists>;
