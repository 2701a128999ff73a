import ExcelJS from 'exceljs';

// The Shopee fixture's figures worked out apart from the import, from the file's rows as they stand.

export const SHOPEE_FIXTURE = new URL('../fixtures/marketplace/shopee-orders.xlsx', import.meta.url).pathname;

/** The fixture's rows as the file has them, read apart from the import. */
export async function fileRows(path = SHOPEE_FIXTURE): Promise<Record<string, string>[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = book.worksheets[0];
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, string>[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) rows.push(Object.fromEntries(headers.map((h, i) => [h, String(row.getCell(i + 1).value ?? '')])));
  });
  return rows;
}

/** `Rp 165.000`, `165.000` or 165000: whole rupiah. */
const rupiah = (text: string) => Number(text.replace(/[^\d]/g, ''));

/** The fixture's figures, by hand: an order is its lines' `Total Harga Produk`, by `Status Pesanan`. */
export function expected(rows: Record<string, string>[]) {
  const orders = new Map<string, { status: string; buyer: string; products: number; shipping: number; lines: number }>();
  for (const r of rows) {
    const o = orders.get(r['No. Pesanan']) ?? {
      status: r['Status Pesanan'],
      buyer: r['Username (Pembeli)'],
      products: 0,
      shipping: rupiah(r['Ongkos Kirim Dibayar oleh Pembeli']),
      lines: 0,
    };
    o.products += rupiah(r['Total Harga Produk']);
    o.lines += 1;
    orders.set(r['No. Pesanan'], o);
  }
  const all = [...orders.values()];
  const done = all.filter((o) => o.status === 'Selesai');
  const returned = all.filter((o) => o.status.startsWith('Pengembalian'));
  const cancelled = all.filter((o) => o.status === 'Batal');
  const inProgress = all.filter((o) => ['Dikirim', 'Perlu Dikirim', 'Belum Bayar'].includes(o.status));
  const sum = (list: typeof all, f: (o: (typeof all)[number]) => number) => list.reduce((s, o) => s + f(o), 0);
  return {
    done,
    returned,
    cancelled,
    inProgress,
    revenue: sum(done, (o) => o.products),
    buyers: new Set([...done, ...returned].map((o) => o.buyer)),
    skippedLines: sum([...cancelled, ...inProgress], (o) => o.lines),
    shipping: sum(done, (o) => o.shipping),
  };
}
