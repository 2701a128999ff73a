import { neutralised } from '../../src-shared/format/spreadsheet';

/** One column of a file made in the page: its header and how a row gives its cell. */
export interface ExportColumn<Row> {
  header: string;
  value: (row: Row) => string | number | null;
  /** Excel number format for money and counts. */
  numFmt?: string;
  width?: number;
}

/**
 * A field of the CSV: text that would run as a formula is made text (a customer's WhatsApp message
 * can reach the assistant's analytics), then quoted where it holds a separator, quote or line break.
 */
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'string' ? neutralised(value) : String(value);
  return /[",\n\r;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The rows as CSV text, header first, lines ending in CRLF as Excel writes them. */
export function csvText<Row>(rows: Row[], columns: ExportColumn<Row>[]): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(','), ...rows.map((row) => columns.map((c) => csvCell(c.value(row))).join(','))];
  return lines.join('\r\n') + '\r\n';
}
