import { z } from 'zod';
import { ZText, ZUuid } from './common.js';

/**
 * The fields a pupil import can fill, in the order the mapping form shows them. A mapping names,
 * for each field, the column of the file that holds it (or null: not in the file).
 */
export const IMPORT_FIELDS = [
  'externalRef',
  'firstName',
  'namePrefix',
  'lastName',
  'dateOfBirth',
  'brin',
  'vestiging',
  'groupName',
  'gemeente',
  'enrolledOn',
  'guardianName',
  'guardianEmail',
  'guardianPhone',
  'guardianHasGezag',
] as const;
export type TImportField = (typeof IMPORT_FIELDS)[number];

/** Without these a row cannot become a pupil: the mapping must name a column for each. */
export const REQUIRED_IMPORT_FIELDS = ['firstName', 'lastName', 'dateOfBirth', 'brin'] as const satisfies readonly TImportField[];

/** A column name as it appears in the file's header row. */
const ZColumn = z.string().max(200).nullable();

export const ZImportMapping = z.strictObject(
  Object.fromEntries(IMPORT_FIELDS.map((f) => [f, ZColumn.optional()])) as Record<TImportField, z.ZodOptional<typeof ZColumn>>,
);
export type TImportMapping = Partial<Record<TImportField, string | null>>;

/** The file as text (the browser reads it; UTF-8, with or without BOM; ; or , separated). */
export const ZImportPreviewInput = z.object({
  csv: z.string(),
  fileName: ZText(255),
});
export type TImportPreviewInput = z.infer<typeof ZImportPreviewInput>;

export const ZImportInput = ZImportPreviewInput.extend({ mapping: ZImportMapping });
export type TImportInput = z.infer<typeof ZImportInput>;

export const ZImportPreview = z.object({
  columns: z.array(z.string()),
  /** The first 5 data rows, cells in column order. */
  sampleRows: z.array(z.array(z.string())),
  totalRows: z.number(),
  suggestedMapping: z.record(z.enum(IMPORT_FIELDS), z.string().nullable()),
});
export type TImportPreview = z.infer<typeof ZImportPreview>;

export const ZImportStarted = z.object({ id: ZUuid });

export const IMPORT_STATUSES = ['running', 'done', 'failed'] as const;
export type TImportStatus = (typeof IMPORT_STATUSES)[number];

export const ZImportRejection = z.object({
  /** The row number as a spreadsheet shows it: the header is row 1, the first data row is 2. */
  row: z.number(),
  /** The import field, or null for a problem of the whole row (a duplicate found by name and date of birth). */
  field: z.string().nullable(),
  /** Rule name, for the UI's own handling; `reason` is the text to show. */
  rule: z.string(),
  reason: z.string(),
  /** The cell as it was in the file. */
  value: z.string(),
});
export type TImportRejection = z.infer<typeof ZImportRejection>;

export const ZImportReport = z.object({
  id: z.string(),
  fileName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  processedRows: z.number(),
  totalRows: z.number(),
  importedRows: z.number(),
  rejected: z.array(ZImportRejection),
  /** Why a failed import failed (nothing was imported); null otherwise. */
  failure: z.string().nullable(),
  createdAt: z.string(),
});
export type TImportReport = z.infer<typeof ZImportReport>;
