import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { addDays } from '../src-shared/format/date';
import { FIRST_NAMES, LAST_NAMES, MOBILE_PREFIXES } from '../src-main/demo/catalog';
import { Dice, seededRandom } from '../src-main/demo/random';

export const IMPORT_HEADER = ['No Faktur', 'Tanggal', 'Kode Pelanggan', 'Nama Pelanggan', 'No HP', 'Total'];

/** A shop's sales export: `rows` purchases by `customers` customers over two years (fixed seed). */
export function* salesRows(rows: number, customers: number, seed = 11): Generator<[string, string, string, string, string, number]> {
  const dice = new Dice(seededRandom(seed));
  const names = Array.from({ length: customers }, (_, i) => `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[(i * 7) % LAST_NAMES.length]}`);
  for (let i = 0; i < rows; i++) {
    const c = dice.chance(0.7) ? dice.int(0, Math.floor(customers / 5) - 1) : dice.int(0, customers - 1);
    const phone = `0${MOBILE_PREFIXES[c % MOBILE_PREFIXES.length]}${String(c).padStart(8, '0')}`;
    yield [
      `INV-${String(i + 1).padStart(7, '0')}`,
      addDays('2026-11-22', -dice.int(0, 729)),
      `K${String(c + 1).padStart(6, '0')}`,
      names[c],
      phone,
      dice.int(10, 2_000) * 1_000,
    ];
  }
}

export async function writeSalesCsv(path: string, rows: number, customers: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${IMPORT_HEADER.join(',')}\n`);
  let buffer = '';
  for (const r of salesRows(rows, customers)) {
    // dd/mm/yyyy and plain numbers, as an Indonesian export writes them
    const [y, m, d] = r[1].split('-');
    buffer += `${r[0]},${d}/${m}/${y},${r[2]},${r[3]},${r[4]},${r[5]}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      buffer = '';
    }
  }
  out.end(buffer);
  await new Promise<void>((resolve) => out.on('finish', () => resolve()));
}

export async function writeSalesXlsx(path: string, rows: number, customers: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Penjualan');
  sheet.addRow(IMPORT_HEADER).commit();
  for (const r of salesRows(rows, customers)) sheet.addRow([r[0], new Date(`${r[1]}T00:00:00Z`), r[2], r[3], r[4], r[5]]).commit();
  sheet.commit();
  await workbook.commit();
}
