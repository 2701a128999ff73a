import { z } from 'zod';
import { SEGMENT_IDS } from '../rfm/rules';
import { pageInput, pageOutput } from './common';

/** Reports with a fixed id; a segment's members are `segment:<segment id>`. */
export const STATIC_REPORTS = [
  'customers',
  'transactions',
  'products',
  'leads',
  'rfm',
  'sales-monthly',
  'leads-funnel',
  'leads-forecast',
  'leads-team',
  'segment-summary',
  'top-customers',
  'win-back',
  'import-history',
  'activity-log',
] as const;

export const reportId = z.union([z.enum(STATIC_REPORTS), z.templateLiteral(['segment:', z.enum(SEGMENT_IDS)])]);
export type ReportId = z.infer<typeof reportId>;

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * How a column's values are written: `money` in whole rupiah with the Rupiah format, `date` a
 * calendar date, `datetime` an instant shown in the business time zone, `month` `YYYY-MM`,
 * `percent` a fraction (0.125 = 12,5 %).
 */
export const COLUMN_TYPES = ['text', 'integer', 'money', 'decimal', 'percent', 'date', 'datetime', 'month'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/** A report's filters: the list's own input without paging, checked by the report's schema. */
export const reportFilters = z.record(z.string(), z.unknown()).default({});

export const exportOptions = {
  format: z.enum(EXPORT_FORMATS).default('xlsx'),
  /** Column keys in report order; omitted: every column. A list sends the ones it shows. */
  columns: z.array(z.string().max(40)).min(1).max(80).optional(),
  /** `;` for Excel set to Indonesian, where `,` is the decimal sign. */
  separator: z.enum([',', ';']).default(','),
  /** CSV dates as `21/11/2026` or `2026-11-21` (XLSX has real date cells either way). */
  dateStyle: z.enum(['dmy', 'iso']).default('dmy'),
};

export const exportRunInput = z.strictObject({ report: reportId, filters: reportFilters, ...exportOptions });
export type ExportRunInput = z.input<typeof exportRunInput>;
export type ExportOptions = Pick<z.output<typeof exportRunInput>, 'format' | 'columns' | 'separator' | 'dateStyle'>;

export const exportRunOutput = z.object({ fileId: z.string(), name: z.string(), rows: z.number().int(), bytes: z.number().int() });

export const exportPreviewInput = z.strictObject({ report: reportId, filters: reportFilters });

export const reportColumnInfo = z.object({
  key: z.string(),
  label: z.string(),
  type: z.enum(COLUMN_TYPES),
  /** The list column this one belongs to, so a list's visible columns name report columns. */
  listKey: z.string(),
});
export type ReportColumnInfo = z.infer<typeof reportColumnInfo>;

/** A cell as the preview shows it: text, a number, or a date as ISO text; null when empty. */
const cell = z.union([z.string(), z.number(), z.null()]);

export const exportPreviewOutput = z.object({
  columns: z.array(reportColumnInfo),
  rows: z.array(z.array(cell)),
  /** Every row the export would write, not only the ones shown. */
  total: z.number().int(),
  /** Sums over every row, for the columns where a sum means something (revenue, amount). */
  totals: z.record(z.string(), z.number()),
  period: z.object({ from: z.string().nullable(), to: z.string().nullable() }).nullable(),
});
export type ExportPreview = z.infer<typeof exportPreviewOutput>;

export const reportInfo = z.object({
  id: reportId,
  name: z.string(),
  group: z.enum(['data', 'analysis', 'history']),
  columns: z.array(reportColumnInfo),
  /** Filter keys the report takes (the Laporan page offers a period where `from`/`to` are among them). */
  filters: z.array(z.string()),
  /** False: the user's role may not export it (staff and customer lists); `reason` says why. */
  allowed: z.boolean(),
  reason: z.string().nullable(),
});
export type ReportInfo = z.infer<typeof reportInfo>;

export const EXPORT_STATUSES = ['completed', 'failed', 'cancelled'] as const;

export const exportHistoryRow = z.object({
  id: z.string(),
  report: z.string(),
  reportName: z.string(),
  format: z.enum(EXPORT_FORMATS),
  fileName: z.string(),
  filters: z.record(z.string(), z.unknown()),
  rows: z.number().int(),
  bytes: z.number().int(),
  durationMs: z.number().int(),
  status: z.enum(EXPORT_STATUSES),
  error: z.string().nullable(),
  userName: z.string().nullable(),
  createdAt: z.string(),
});
export type ExportHistoryRow = z.infer<typeof exportHistoryRow>;

export const exportHistoryInput = z.strictObject({ ...pageInput });
export const exportHistoryOutput = pageOutput(exportHistoryRow);
