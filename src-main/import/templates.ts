import { translator } from '../../src-shared/i18n/messages';
import type { Language } from '../../src-shared/schemas/auth';
import type { ImportKindName } from '../../src-shared/schemas/import';
import { workbookWriter } from '../files/excel';

interface Template {
  headers: string[];
  examples: (string | number | Date)[][];
}

/** Headers are words the column matcher knows, so a filled-in template maps itself. */
const TEMPLATES: Record<ImportKindName, Template> = {
  customers: {
    headers: ['Kode', 'Nama', 'No HP', 'Email', 'Alamat', 'Kota', 'Tag', 'Catatan', 'Sumber'],
    examples: [
      ['C000101', 'Budi Santoso', '0812-3456-7890', 'budi@contoh.id', 'Jl. Merdeka No. 5', 'Bandung', 'member, grosir', 'Suka batik tulis', 'instagram'],
      ['', 'Siti Rahma', '+62 857 1111 2222', '', '', 'Yogyakarta', '', '', 'walk-in'],
    ],
  },
  transactions: {
    headers: [
      'No Faktur',
      'Tanggal',
      'Kode Pelanggan',
      'Nama Pelanggan',
      'No HP',
      'Produk',
      'Qty',
      'Harga Satuan',
      'Total',
      'Kanal',
      'Kode Kampanye',
      'Catatan',
    ],
    examples: [
      [
        'INV-0001',
        new Date(Date.UTC(2026, 10, 21)),
        'C000101',
        'Budi Santoso',
        '0812-3456-7890',
        'Kemeja Batik Cap',
        2,
        325000,
        650000,
        'whatsapp',
        'UMR_NOV_2026_HEMAT',
        '',
      ],
      [
        'INV-0001',
        new Date(Date.UTC(2026, 10, 21)),
        'C000101',
        'Budi Santoso',
        '0812-3456-7890',
        'Dompet Batik',
        1,
        55000,
        55000,
        'whatsapp',
        'UMR_NOV_2026_HEMAT',
        '',
      ],
    ],
  },
  products: {
    headers: ['Kode', 'Nama', 'Kategori', 'Harga', 'Aktif'],
    examples: [
      ['BTK-001', 'Kemeja Batik Tulis Parang', 'Batik Tulis', 850000, 'ya'],
      ['', 'Kelas Membatik (program)', 'Program', 150000, 'ya'],
    ],
  },
  leads: {
    headers: [
      'Nama',
      'Asal Sekolah',
      'No HP',
      'Email',
      'Kota',
      'Kanal',
      'UTM Source',
      'UTM Medium',
      'Kode Kampanye',
      'Minat',
      'Nilai',
      'PIC',
      'Tahap',
      'Perkiraan Closing',
      'Catatan',
    ],
    examples: [
      [
        'Dewi Lestari',
        'SMA Negeri 3 Bandung',
        '0812-3456-7890',
        'dewi@contoh.id',
        'Bandung',
        'Instagram Ads',
        'ig',
        'paid',
        'UMR_NOV_2026_HEMAT',
        'Paket Umrah Hemat',
        28500000,
        '',
        'Lead',
        new Date(Date.UTC(2026, 11, 20)),
        'Tanya jadwal keberangkatan',
      ],
      ['Rizky Pratama', 'PT Sinar Jaya', '+62 857 1111 2222', '', 'Cimahi', '', 'tiktok', '', '', 'Kelas privat', 1500000, '', 'Follow-up', '', ''],
    ],
  },
};

/** The downloadable XLSX template: a header row, two example rows, and a notes sheet. */
export async function writeTemplate(path: string, kind: ImportKindName, language: Language): Promise<void> {
  const template = TEMPLATES[kind];
  const workbook = await workbookWriter(path);
  const sheet = workbook.addWorksheet('Data', { views: [{ state: 'frozen', ySplit: 1 }] });
  // Columns first: the streaming writer writes them before the rows.
  template.headers.forEach((header, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.max(14, header.length + 4);
    if (/tanggal|closing/i.test(header)) column.numFmt = 'dd/mm/yyyy';
    if (/harga|total|nilai/i.test(header)) column.numFmt = '"Rp" #,##0';
  });
  const header = sheet.addRow(template.headers);
  header.font = { bold: true };
  header.commit();
  for (const example of template.examples) sheet.addRow(example).commit();
  sheet.commit();
  const t = translator(language);
  const notes = workbook.addWorksheet(t('impFile.notesSheet'));
  notes.getColumn(1).width = 110;
  for (const line of t(`impFile.notes.${kind}`).split('\n')) notes.addRow([line]).commit();
  notes.commit();
  await workbook.commit();
}
