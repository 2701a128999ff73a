import { formatDate, formatDateTime } from '../../../src-shared/format/date';
import { formatRupiah } from '../../../src-shared/format/money';
import type { ColumnType } from '../../../src-shared/schemas/export';

const whole = new Intl.NumberFormat('id-ID');
const decimal = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('id-ID', { style: 'percent', maximumFractionDigits: 1 });

/** A report cell as the preview shows it: the way the XLSX file's formats will show it. */
export function formatCell(type: ColumnType, value: string | number | null, timeZone?: string): string {
  if (value === null || value === '') return '';
  if (typeof value === 'number') {
    if (type === 'money') return formatRupiah(value);
    if (type === 'percent') return percent.format(value);
    if (type === 'decimal') return decimal.format(value);
    return whole.format(value);
  }
  if (type === 'date') return formatDate(value);
  if (type === 'datetime') return formatDateTime(value, timeZone);
  if (type === 'month') return `${value.slice(5, 7)}/${value.slice(0, 4)}`;
  return value;
}

/** Right-aligned: figures line up by their last digit. */
export const isFigure = (type: ColumnType) => type === 'integer' || type === 'money' || type === 'decimal' || type === 'percent';
