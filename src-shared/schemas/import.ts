import { z } from 'zod';
import { pageInput, pageOutput } from './common';

export const IMPORT_KINDS = ['customers', 'transactions', 'products', 'leads'] as const;
export type ImportKindName = (typeof IMPORT_KINDS)[number];

export const ISSUE_CATEGORIES = ['date', 'number', 'phone', 'duplicate', 'missing', 'other'] as const;
export type IssueCategory = (typeof ISSUE_CATEGORIES)[number];

export const fileRef = z.object({ fileId: z.string(), name: z.string(), size: z.number().int() });

/** A file the renderer hands over: the bytes travel once; later steps name it by fileId. */
export const uploadInput = z.strictObject({
  name: z.string().trim().min(1).max(255),
  bytes: z.instanceof(Uint8Array),
});

export const importOptions = z.strictObject({
  /** What to do with a row that matches an existing record (customers by code, phone or email;
   * products by code; transactions by invoice number; leads by phone among live leads). */
  onDuplicate: z.enum(['skip', 'update', 'stop']).default('skip'),
  /** Invoices starting with C or negative quantities: leave them out, or keep them as returns. */
  cancellations: z.enum(['exclude', 'returns']).default('exclude'),
  /** 100 when the file's amounts have cents to keep as whole numbers (e.g. USD data sets). */
  amountMultiplier: z.union([z.literal(1), z.literal(100)]).default(1),
  /** Any failed row stops the whole import (otherwise failed rows are left out and reported). */
  strict: z.boolean().default(false),
  /** Lines of one invoice number that name different customers: a sale per customer (the default),
   * or the lines of any customer but the invoice's first refused. */
  multiCustomerInvoice: z.enum(['split', 'reject']).optional(),
  /** Days after today a sale's date may lie before it is flagged as a likely typing mistake (default 1). */
  futureDays: z.number().int().min(0).max(3650).optional(),
  /** The marketplace export the file was recognised as (src-main/import/presets): its status rules apply. */
  preset: z.string().max(40).optional(),
  /** Orders still in progress (to ship, shipped): left out (the default), kept as pending (not a
   * sale; written as one when a later export shows it completed), or counted as sales now. */
  inProgress: z.enum(['skip', 'pending', 'sale']).optional(),
  /** Whether an order's amount includes the shipping the buyer paid (default: products only). */
  includeShipping: z.boolean().optional(),
});
export type ImportOptions = z.output<typeof importOptions>;

/** Target field → column index in the header row (null: not imported). */
export const mappingShape = z.record(z.string().max(40), z.number().int().min(0).max(500).nullable());
export type Mapping = z.infer<typeof mappingShape>;

export const inspectInput = z.strictObject({
  fileId: z.string().max(80),
  kind: z.enum(IMPORT_KINDS),
  sheet: z.string().max(200).optional(),
  /** 0-based index of the header row among the file's first rows; detected when absent. */
  headerRow: z.number().int().min(0).max(50).optional(),
});

export const inspectOutput = z.object({
  format: z.enum(['csv', 'xlsx']),
  sheets: z.array(z.string()),
  sheet: z.string(),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  headerRow: z.number().int(),
  headerLine: z.number().int(),
  headers: z.array(z.string()),
  /** The first data rows as the user sees them (text), and the rows above the header. */
  rows: z.array(z.array(z.string())),
  /** Each preview row's number as Excel or LibreOffice shows it (header and title rows counted):
   * the same number the check's report gives the row. */
  rowLines: z.array(z.number().int()),
  titleRows: z.array(z.array(z.string())),
  titleLines: z.array(z.number().int()),
  columnTypes: z.array(z.enum(['date', 'number', 'phone', 'email', 'text', 'empty'])),
  fields: z.array(z.object({ field: z.string(), required: z.union([z.boolean(), z.string()]) })),
  mapping: mappingShape,
  mappingSource: z.enum(['remembered', 'auto', 'preset']),
  /** The marketplace or till export recognised from the header row (src-main/import/presets), if any. */
  preset: z.string().nullable().optional(),
  /** An order export (statuses, shipping) or a till's sales export (receipts, walk-ins, refunds). */
  presetKind: z.enum(['orders', 'till']).nullable().optional(),
  /** Whether the preset's statuses include orders still in progress (a till's may, as Olsera's online orders). */
  presetInProgress: z.boolean().optional(),
  missing: z.array(z.string()),
});
export type InspectOutput = z.infer<typeof inspectOutput>;

export const runInput = z.strictObject({
  fileId: z.string().max(80),
  kind: z.enum(IMPORT_KINDS),
  sheet: z.string().max(200).optional(),
  headerRow: z.number().int().min(0).max(50),
  mapping: mappingShape,
  options: importOptions.default({ onDuplicate: 'skip', cancellations: 'exclude', amountMultiplier: 1, strict: false }),
});
export type RunInput = z.output<typeof runInput>;

export const importIssue = z.object({
  line: z.number().int(),
  column: z.string(),
  field: z.string(),
  category: z.enum(ISSUE_CATEGORIES),
  value: z.string(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssue>;

export const importReport = z.object({
  status: z.enum(['valid', 'stopped', 'completed']),
  /** Why the import cannot go ahead (status 'stopped'), in the user's language. */
  stopReason: z.string().nullable(),
  rowsTotal: z.number().int(),
  valid: z.number().int(),
  toSkip: z.number().int(),
  failed: z.number().int(),
  /** Records the import writes (transactions after grouping line items per invoice). */
  records: z.number().int(),
  customersCreated: z.number().int(),
  updated: z.number().int(),
  byCategory: z.record(z.string(), z.number().int()),
  /** The first issues (all of them are in the downloadable report). */
  issues: z.array(importIssue),
  warnings: z.array(z.string()),
  errorFileId: z.string().nullable(),
  durationMs: z.number().int(),
  uploadId: z.string().nullable(),
});
export type ImportReport = z.infer<typeof importReport>;

/** A marketplace buyer who may be a customer the shop already had (src-main/import/duplicates.ts). */
export const possibleDuplicate = z.object({
  marketplace: z.object({ id: z.string(), code: z.string(), name: z.string(), identity: z.string(), city: z.string().nullable() }),
  shop: z.object({ id: z.string(), code: z.string(), name: z.string(), phone: z.string().nullable(), city: z.string().nullable() }),
  reason: z.enum(['phone', 'nameCity']),
});
export type PossibleDuplicate = z.infer<typeof possibleDuplicate>;
export const linkDuplicateInput = z.strictObject({ marketplaceId: z.string().max(64), shopId: z.string().max(64) });

export const uploadRow = z.object({
  id: z.string(),
  kind: z.enum(IMPORT_KINDS),
  file_name: z.string(),
  status: z.enum(['processing', 'completed', 'failed', 'cancelled']),
  rows_total: z.number().int(),
  rows_imported: z.number().int(),
  rows_skipped: z.number().int(),
  rows_failed: z.number().int(),
  customers_created: z.number().int(),
  duration_ms: z.number().int().nullable(),
  error: z.string().nullable(),
  user_name: z.string().nullable(),
  created_at: z.string(),
  undone_at: z.string().nullable(),
});
export type UploadRow = z.infer<typeof uploadRow>;

export const historyInput = z.strictObject({ ...pageInput });
export const historyOutput = pageOutput(uploadRow);
