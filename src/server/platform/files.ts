import { ATTACHMENT_MAX_BYTES } from '../../shared/limits.js';
import type { TFileUpload } from '../../shared/schemas/attachment.js';
import { fieldError } from './validation.js';

/** The file kinds a child's file may hold, recognised by their first bytes, not by name or claim. */
const KINDS: { type: string; magic: number[] }[] = [
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
];

/** Body limit for routes that take a ZFileUpload: the base64 file plus a little JSON around it. */
export const UPLOAD_BODY_LIMIT = Math.ceil((ATTACHMENT_MAX_BYTES * 4) / 3) + 64 * 1024;

/** Decodes and checks an upload; a refusal names the field `file` with a rule the person understands. */
export function acceptFile(upload: TFileUpload, field = 'file'): { fileName: string; contentType: string; data: Buffer } {
  const data = Buffer.from(upload.contentBase64, 'base64');
  if (data.length === 0) throw fieldError(field, 'file_empty');
  if (data.length > ATTACHMENT_MAX_BYTES) throw fieldError(field, 'file_too_large', { max: '10 MB' });
  const kind = KINDS.find((k) => k.magic.every((b, i) => data[i] === b));
  if (!kind) throw fieldError(field, 'file_type_not_allowed');
  // a name is shown and offered on download: keep it to a plain file name
  const fileName = upload.fileName.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').slice(0, 200);
  return { fileName, contentType: kind.type, data };
}
