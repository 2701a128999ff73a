/**
 * What a file says about itself (the XLSX "Info" sheet): which report, whose shop, which period and
 * filters, how many rows and what they add up to, when and by whom.
 */
import { formatDate, formatDateTime } from '../../src-shared/format/date';
import { formatRupiah } from '../../src-shared/format/money';
import { actionName } from '../../src-shared/i18n/activity';
import { CHURN_TEXT, SEGMENT_TEXT } from '../../src-shared/i18n/segments';
import type { ChurnBand, SegmentId } from '../../src-shared/rfm/rules';
import type { Language } from '../../src-shared/schemas/auth';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Period, PreparedReport, Report, ReportColumn, Words } from './report';

const W = (id: string, en: string): Words => [id, en];

const FILTER_LABELS: Record<string, Words> = {
  search: W('Pencarian', 'Search'),
  city: W('Kota', 'City'),
  tag: W('Label', 'Tag'),
  status: W('Status', 'Status'),
  customerId: W('Pelanggan', 'Customer'),
  minAmount: W('Nominal minimal', 'Minimum amount'),
  maxAmount: W('Nominal maksimal', 'Maximum amount'),
  category: W('Kategori', 'Category'),
  segment: W('Segmen', 'Segment'),
  r: W('Skor R', 'R score'),
  f: W('Skor F', 'F score'),
  m: W('Skor M', 'M score'),
  churnBand: W('Risiko berhenti', 'Churn risk'),
  limit: W('Jumlah teratas', 'Top'),
  action: W('Jenis aktivitas', 'Kind of activity'),
};

/** Filters with their default value say nothing worth printing. */
const DEFAULTS: Record<string, unknown> = { status: 'active' };

const STATUS: Record<string, Words> = { active: W('Aktif', 'Active'), deleted: W('Dihapus', 'Deleted'), all: W('Semua', 'All') };

const pick = (words: Words, language: Language) => words[language === 'id' ? 0 : 1];

async function filterValue(key: string, value: unknown, language: Language, db: Kysely<Database>): Promise<string> {
  if (key === 'status') return pick(STATUS[String(value)] ?? W(String(value), String(value)), language);
  if (key === 'segment') return SEGMENT_TEXT[language][value as SegmentId]?.name ?? String(value);
  if (key === 'action') return actionName(String(value), language);
  if (key === 'churnBand') return CHURN_TEXT[language][value as ChurnBand] ?? String(value);
  if (key === 'minAmount' || key === 'maxAmount') return formatRupiah(Number(value));
  if (key === 'customerId') {
    const customer = await db.selectFrom('customers').select(['code', 'name']).where('id', '=', String(value)).executeTakeFirst();
    return customer ? `${customer.name} (${customer.code})` : String(value);
  }
  return String(value);
}

/** `Kota: Bandung; Urutan: Nama ↓` — the filters and sort as the list showed them. */
export async function describeFilters(report: Report, filters: Record<string, unknown>, language: Language, db: Kysely<Database>): Promise<string> {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(filters)) {
    const label = FILTER_LABELS[key];
    if (!label || value === undefined || value === null || value === '' || DEFAULTS[key] === value) continue;
    parts.push(`${pick(label, language)}: ${await filterValue(key, value, language, db)}`);
  }
  if (typeof filters.sort === 'string') {
    const column = report.columns.find((c) => c.key === filters.sort);
    const name = column ? pick(column.label, language) : filters.sort;
    parts.push(`${pick(W('Urutan', 'Sort'), language)}: ${name} ${filters.desc ? '↓' : '↑'}`);
  }
  return parts.length > 0 ? parts.join('; ') : pick(W('Tanpa filter', 'None'), language);
}

export function periodText(period: Period | null, language: Language): string | null {
  if (!period) return null;
  const from = period.from ? formatDate(period.from) : pick(W('awal', 'the start'), language);
  const to = period.to ? formatDate(period.to) : pick(W('sekarang', 'now'), language);
  return `${from} – ${to}`;
}

function totalText(column: ReportColumn, value: number): string {
  return column.type === 'money' ? formatRupiah(value) : new Intl.NumberFormat('id-ID').format(value);
}

export interface InfoFacts {
  report: Report;
  prepared: PreparedReport;
  filters: string;
  columns: readonly ReportColumn[];
  rows: number;
  totals: Record<string, number>;
  business: string;
  userName: string | null;
  generatedAt: string;
  timeZone: string;
  language: Language;
}

export function infoLines(f: InfoFacts): [string, string][] {
  const say = (words: Words) => pick(words, f.language);
  const lines: [string, string][] = [
    [say(W('Laporan', 'Report')), say(f.report.name)],
    [say(W('Usaha', 'Business')), f.business],
  ];
  const period = periodText(f.prepared.period, f.language);
  if (period) lines.push([say(W('Periode', 'Period')), period]);
  lines.push([say(W('Filter', 'Filters')), f.filters]);
  for (const [label, value] of f.prepared.notes) lines.push([say(label), value]);
  lines.push([say(W('Jumlah baris', 'Rows')), new Intl.NumberFormat('id-ID').format(f.rows)]);
  for (const column of f.columns) {
    if (column.total) lines.push([`${say(W('Total', 'Total'))} ${say(column.label).toLowerCase()}`, totalText(column, f.totals[column.key] ?? 0)]);
  }
  lines.push([say(W('Dibuat pada', 'Generated at')), `${formatDateTime(f.generatedAt, f.timeZone)} (${f.timeZone})`]);
  lines.push([say(W('Dibuat oleh', 'Generated by')), f.userName ?? '—']);
  lines.push([say(W('Aplikasi', 'Application')), 'Smart Marketing Agent']);
  return lines;
}
