/**
 * A report cell as each format writes it. XLSX gets real numbers and dates (a spreadsheet sorts and
 * sums them); CSV gets text in the form the chosen Excel locale reads back as the same value.
 */
import type { ColumnType } from '../../src-shared/schemas/export';
import { neutralised } from '../../src-shared/format/spreadsheet';

/** What a report row holds after its columns' `show`: text, a number, ISO date text, or nothing. */
export type Cell = string | number | null;

/** UTC midnight of a calendar date: exceljs writes a Date as the serial number of its UTC day. */
export function excelDay(iso: string): Date {
  return new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
}

/**
 * Instants (created_at …) as the wall-clock time of the business time zone. The zone's offset is
 * asked of Intl once per hour of the timeline, not once per row: a million rows span few hours.
 */
export function zoneClock(timeZone: string): (instant: string) => Date | null {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const offsets = new Map<number, number>();
  const offsetAt = (ms: number): number => {
    const hour = Math.floor(ms / 3_600_000);
    let offset = offsets.get(hour);
    if (offset === undefined) {
      const p = Object.fromEntries(parts.formatToParts(new Date(hour * 3_600_000)).map((x) => [x.type, Number(x.value)]));
      offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - hour * 3_600_000;
      offsets.set(hour, offset);
    }
    return offset;
  };
  return (instant) => {
    const ms = Date.parse(instant);
    return Number.isNaN(ms) ? null : new Date(ms + offsetAt(ms));
  };
}

/** The value an XLSX cell gets; dates become Date objects the column's format shows as dd/mm/yyyy. */
export function xlsxValue(type: ColumnType, value: Cell, local: (instant: string) => Date | null): string | number | Date | null {
  if (value === null || value === '') return null;
  if (typeof value === 'number') return value;
  switch (type) {
    case 'date':
      return excelDay(value);
    case 'month':
      return excelDay(`${value}-01`);
    case 'datetime':
      return local(value);
    default:
      return value;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

export interface CsvStyle {
  dateStyle: 'dmy' | 'iso';
  /** `,` as the decimal sign: the convention of Excel set to Indonesian, which expects `;` between fields. */
  decimalComma: boolean;
  /** An instant as the business time zone's `21/11/2026 14:05` (see minuteText). */
  minute: (instant: string) => string;
}

/**
 * Instants as local date and minute text. Rows written together carry nearby instants (an import's
 * rows share a minute), so the text is kept per UTC minute: one conversion serves them all.
 */
export function minuteText(dateStyle: 'dmy' | 'iso', local: (instant: string) => Date | null): (instant: string) => string {
  const known = new Map<string, string>();
  return (instant) => {
    const key = instant.slice(0, 16);
    let text = known.get(key);
    if (text === undefined) {
      const at = local(instant);
      if (!at) return instant;
      const date =
        dateStyle === 'iso'
          ? `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`
          : `${pad(at.getUTCDate())}/${pad(at.getUTCMonth() + 1)}/${at.getUTCFullYear()}`;
      text = `${date} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`;
      if (known.size >= 10_000) known.clear();
      known.set(key, text);
    }
    return text;
  };
}

function decimalText(n: number, digits: number, style: CsvStyle): string {
  const text = String(Math.round(n * 10 ** digits) / 10 ** digits);
  return style.decimalComma ? text.replace('.', ',') : text;
}

/** The text (or number) a CSV field gets; papaparse adds the quoting. */
export function csvValue(type: ColumnType, value: Cell, style: CsvStyle): string | number {
  if (value === null) return '';
  switch (type) {
    case 'text':
      return neutralised(String(value));
    case 'integer':
    case 'money':
      return value;
    case 'decimal':
      return typeof value === 'number' ? decimalText(value, 2, style) : value;
    case 'percent':
      return typeof value === 'number' ? `${decimalText(value * 100, 1, style)}%` : value;
    case 'date':
      return style.dateStyle === 'iso' ? String(value) : `${String(value).slice(8, 10)}/${String(value).slice(5, 7)}/${String(value).slice(0, 4)}`;
    case 'month':
      return style.dateStyle === 'iso' ? String(value) : `${String(value).slice(5, 7)}/${String(value).slice(0, 4)}`;
    case 'datetime':
      return style.minute(String(value));
  }
}
