import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';

// The Pawoon and Olsera till exports (test/fixtures/marketplace/generate-pos.ts): their figures
// worked out by hand from the files' rows as they stand, apart from the import.

const DIR = new URL('../fixtures/marketplace/', import.meta.url).pathname;
export const PAWOON = `${DIR}pawoon-sales.xlsx`;
export const OLSERA = `${DIR}olsera-sales.csv`;
export const OLSERA_LATER = `${DIR}olsera-sales-later.csv`;
export type Row = Record<string, string>;

/** `Rp 49.500`, `49.500,00` or 49500: whole rupiah. */
export const rupiah = (text: string) => Number(text.replace(/,\d\d$/, '').replace(/[^\d]/g, ''));

/** A sheet's rows below the row that starts with `first` (the header, under the title rows). */
export async function pawoonRows(): Promise<Row[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(PAWOON);
  const sheet = book.worksheets[0];
  let headers: string[] | null = null;
  const rows: Row[] = [];
  sheet.eachRow((row) => {
    const cells = (row.values as unknown[]).slice(1).map((v) => String(v ?? ''));
    if (headers) rows.push(Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? ''])));
    else if (cells.includes('ID Struk')) headers = cells;
  });
  return rows;
}

/** The Olsera CSV below its title row; its quoted fields (`"24.000,00"`) hold no quote themselves. */
export function olseraRows(path = OLSERA): Row[] {
  const lines = readFileSync(path, 'utf8').trim().split('\r\n').slice(1);
  const header = lines[0].split(',');
  return lines.slice(1).map((line) => {
    const cells: string[] = [];
    for (let rest = line; rest.length > 0;) {
      if (rest.startsWith('"')) {
        const end = rest.indexOf('"', 1);
        cells.push(rest.slice(1, end));
        rest = rest.slice(end + 2);
      } else {
        const end = rest.indexOf(',');
        cells.push(end < 0 ? rest : rest.slice(0, end));
        rest = end < 0 ? '' : rest.slice(end + 1);
      }
    }
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

export type State = 'sale' | 'cancelled' | 'returned' | 'inProgress';

/** What the file says, by hand: each receipt/order once, by its state; walk-ins (no customer) apart. */
export function figures(rows: Row[], col: { order: string; customer: string; total: string; status: string }, state: (status: string) => State) {
  const orders = new Map<string, { customer: string; state: State; total: number; lines: number }>();
  for (const r of rows) {
    const o = orders.get(r[col.order]) ?? { customer: r[col.customer], state: state(r[col.status]), total: 0, lines: 0 };
    o.total += rupiah(r[col.total]);
    o.lines += 1;
    orders.set(r[col.order], o);
  }
  const all = [...orders.values()];
  const named = all.filter((o) => o.customer !== '');
  const of = (s: State) => named.filter((o) => o.state === s);
  const sum = (list: typeof all) => list.reduce((n, o) => n + o.total, 0);
  const kept = [...of('sale'), ...of('returned')];
  return {
    sales: kept.length,
    returns: of('returned').length,
    cancelled: of('cancelled').length,
    inProgress: of('inProgress'),
    walkIns: all.filter((o) => o.customer === '').length,
    revenue: sum(kept),
    refunded: sum(of('returned')),
    customers: new Set(kept.map((o) => o.customer.toLowerCase())),
    skippedLines: all.filter((o) => o.customer === '' || o.state === 'cancelled' || o.state === 'inProgress').reduce((n, o) => n + o.lines, 0),
  };
}

export const PAWOON_COLS = { order: 'ID Struk', customer: 'Nama Pelanggan', total: 'Total', status: 'Status Pembayaran' };
export const pawoonState = (s: string): State => (s === 'Void' ? 'cancelled' : s === 'Refund' ? 'returned' : 'sale');
export const OLSERA_COLS = { order: 'No. Order', customer: 'Pelanggan', total: 'Total', status: 'Status' };
export const olseraState = (s: string): State =>
  ({
    Lunas: 'sale',
    Selesai: 'sale',
    Batal: 'cancelled',
    Retur: 'returned',
    Pending: 'inProgress',
    Diproses: 'inProgress',
    Dikirim: 'inProgress',
    'Belum Lunas': 'inProgress',
  })[s] as State;
export const olseraFigures = (path = OLSERA) => figures(olseraRows(path), OLSERA_COLS, olseraState);
