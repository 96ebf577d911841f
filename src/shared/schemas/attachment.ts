import { z } from 'zod';
import { ATTACHMENT_MAX_BYTES } from '../limits.js';

/** A file sent as JSON: the browser reads it as base64; the server checks what it really is. */
export const ZFileUpload = z.object({
  fileName: z.string().trim().min(1, { message: 'rule:required' }).max(200),
  // base64 grows a file by a third
  contentBase64: z
    .string()
    .min(1, { message: 'rule:file_empty' })
    .max(Math.ceil((ATTACHMENT_MAX_BYTES * 4) / 3) + 4, { message: 'rule:file_too_large' })
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: 'rule:file_unreadable' }),
});
export type TFileUpload = z.infer<typeof ZFileUpload>;

export const ZAttachment = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  createdAt: z.string(),
});
export type TAttachment = z.infer<typeof ZAttachment>;
