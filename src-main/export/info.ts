/**
 * What a file says about itself (the XLSX "Info" sheet): which report, whose shop, which period and
 * filters, how many rows and what they add up to, when and by whom.
 */
import { formatDate, formatDateTime } from '../../src-shared/format/date';
import { formatRupiah } from '../../src-shared/format/money';
import { actionName } from '../../src-shared/i18n/activity';
import { churnLabel, segmentLabel } from '../../src-shared/i18n/segments';
import type { Language } from '../../src-shared/schemas/auth';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { words, type Period, type PreparedReport, type Report, type ReportColumn, type Words } from './report';

const FILTER_LABELS: Record<string, Words> = {
  search: 'search',
  city: 'city',
  tag: 'tag',
  status: 'status',
  customerId: 'customer',
  minAmount: 'minimumAmount',
  maxAmount: 'maximumAmount',
  category: 'category',
  segment: 'segment',
  r: 'rScore',
  f: 'fScore',
  m: 'mScore',
  churnBand: 'churnRisk',
  limit: 'topCount',
  action: 'kindOfActivity',
};

/** Filters with their default value say nothing worth printing. */
const DEFAULTS: Record<string, unknown> = { status: 'active' };

const STATUS: Record<string, Words> = { active: 'active', deleted: 'deleted', all: 'all' };

async function filterValue(key: string, value: unknown, language: Language, db: Kysely<Database>): Promise<string> {
  if (key === 'status') return STATUS[String(value)] ? words(STATUS[String(value)], language) : String(value);
  if (key === 'segment') return segmentLabel(String(value), language);
  if (key === 'action') return actionName(String(value), language);
  if (key === 'churnBand') return churnLabel(String(value), language);
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
    parts.push(`${words(label, language)}: ${await filterValue(key, value, language, db)}`);
  }
  if (typeof filters.sort === 'string') {
    const column = report.columns.find((c) => c.key === filters.sort);
    const name = column ? words(column.label, language) : filters.sort;
    parts.push(`${words('sort', language)}: ${name} ${filters.desc ? '↓' : '↑'}`);
  }
  return parts.length > 0 ? parts.join('; ') : words('noFilter', language);
}

export function periodText(period: Period | null, language: Language): string | null {
  if (!period) return null;
  const from = period.from ? formatDate(period.from) : words('theStart', language);
  const to = period.to ? formatDate(period.to) : words('now', language);
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
  const say = (name: Words) => words(name, f.language);
  const lines: [string, string][] = [
    [say('report'), say(f.report.name)],
    [say('business'), f.business],
  ];
  const period = periodText(f.prepared.period, f.language);
  if (period) lines.push([say('period'), period]);
  lines.push([say('filters'), f.filters]);
  for (const [label, value] of f.prepared.notes) lines.push([say(label), value]);
  lines.push([say('rows'), new Intl.NumberFormat('id-ID').format(f.rows)]);
  for (const column of f.columns) {
    if (column.total) lines.push([`${say('total')} ${say(column.label).toLowerCase()}`, totalText(column, f.totals[column.key] ?? 0)]);
  }
  lines.push([say('generatedAt'), `${formatDateTime(f.generatedAt, f.timeZone)} (${f.timeZone})`]);
  lines.push([say('generatedBy'), f.userName ?? '—']);
  lines.push([say('application'), 'Smart Marketing Agent']);
  return lines;
}
