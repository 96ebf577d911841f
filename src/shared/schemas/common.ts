import { z } from 'zod';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../limits.js';

export const ZUuid = z.uuid({ message: 'rule:invalid_uuid' });
export const ZIdParams = z.object({ id: ZUuid });
export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
});
export type TPageQuery = z.infer<typeof ZPageQuery>;

export function ZPaged<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), page: z.number(), pageSize: z.number(), total: z.number() });
}

/** A calendar date as YYYY-MM-DD that really exists. */
export const ZDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'rule:invalid_date', abort: true })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, { message: 'rule:invalid_date' });

/** Free text a person types: trimmed, not empty, bounded. */
export const ZText = (max = 200) => z.string().trim().min(1, { message: 'rule:required' }).max(max);

export const ZEmail = z.string().trim().toLowerCase().pipe(z.email({ message: 'rule:invalid_email' }));
