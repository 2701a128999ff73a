import type { Language } from '../../src-shared/schemas/auth';
import type { ImportKindName } from '../../src-shared/schemas/import';
import { workbookWriter } from '../files/excel';

interface Template {
  headers: string[];
  examples: (string | number | Date)[][];
  notes: { id: string[]; en: string[] };
}

/** Headers are words the column matcher knows, so a filled-in template maps itself. */
const TEMPLATES: Record<ImportKindName, Template> = {
  customers: {
    headers: ['Kode', 'Nama', 'No HP', 'Email', 'Alamat', 'Kota', 'Tag', 'Catatan', 'Sumber'],
    examples: [
      ['C000101', 'Budi Santoso', '0812-3456-7890', 'budi@contoh.id', 'Jl. Merdeka No. 5', 'Bandung', 'member, grosir', 'Suka batik tulis', 'instagram'],
      ['', 'Siti Rahma', '+62 857 1111 2222', '', '', 'Yogyakarta', '', '', 'walk-in'],
    ],
    notes: {
      id: ['Wajib: Nama. Kode kosong = dibuat otomatis (C000001, …).', 'No HP boleh ditulis 0812…, 62812…, atau +62 812…; disimpan seragam.', 'Tag dipisah koma.', 'Pelanggan yang sudah ada (kode, HP, atau email sama) dilewati, diperbarui, atau menghentikan impor sesuai pilihan Anda.'],
      en: ['Required: Name. An empty code is generated (C000001, …).', 'Phones may be written 0812…, 62812… or +62 812…; they are stored the same way.', 'Separate tags with commas.', 'Existing customers (same code, phone or email) are skipped, updated, or stop the import, as you choose.'],
    },
  },
  transactions: {
    headers: ['No Faktur', 'Tanggal', 'Kode Pelanggan', 'Nama Pelanggan', 'No HP', 'Produk', 'Qty', 'Harga Satuan', 'Total', 'Kanal', 'Kode Kampanye', 'Catatan'],
    examples: [
      ['INV-0001', new Date(Date.UTC(2026, 10, 21)), 'C000101', 'Budi Santoso', '0812-3456-7890', 'Kemeja Batik Cap', 2, 325000, 650000, 'whatsapp', 'UMR_NOV_2026_HEMAT', ''],
      ['INV-0001', new Date(Date.UTC(2026, 10, 21)), 'C000101', 'Budi Santoso', '0812-3456-7890', 'Dompet Batik', 1, 55000, 55000, 'whatsapp', 'UMR_NOV_2026_HEMAT', ''],
    ],
    notes: {
      id: ['Wajib: Tanggal, salah satu dari Kode/Nama/No HP/Email pelanggan, dan Total (atau Qty + Harga Satuan).', 'Beberapa baris dengan No Faktur sama digabung menjadi satu transaksi berisi beberapa barang.', 'Tanggal boleh 21/11/2026, 2026-11-21, atau 21 November 2026. Nominal boleh 650000, 650.000, atau Rp 650.000,-.', 'Pelanggan yang belum ada dibuat otomatis.'],
      en: ['Required: Date, one of customer Code/Name/Phone/Email, and Total (or Qty + Unit price).', 'Rows sharing an invoice number become one transaction with several items.', 'Dates may be 21/11/2026, 2026-11-21 or 21 November 2026. Amounts may be 650000, 650.000 or Rp 650.000,-.', 'Customers not found are created.'],
    },
  },
  products: {
    headers: ['Kode', 'Nama', 'Kategori', 'Harga', 'Aktif'],
    examples: [
      ['BTK-001', 'Kemeja Batik Tulis Parang', 'Batik Tulis', 850000, 'ya'],
      ['', 'Kelas Membatik (program)', 'Program', 150000, 'ya'],
    ],
    notes: {
      id: ['Wajib: Nama. Kode kosong = dibuat otomatis (P-0001, …).', 'Aktif: ya/tidak.'],
      en: ['Required: Name. An empty code is generated (P-0001, …).', 'Active: yes/no.'],
    },
  },
  leads: {
    headers: ['Nama', 'Asal Sekolah', 'No HP', 'Email', 'Kota', 'Kanal', 'UTM Source', 'UTM Medium', 'Kode Kampanye', 'Minat', 'Nilai', 'PIC', 'Tahap', 'Perkiraan Closing', 'Catatan'],
    examples: [
      ['Dewi Lestari', 'SMA Negeri 3 Bandung', '0812-3456-7890', 'dewi@contoh.id', 'Bandung', 'Instagram Ads', 'ig', 'paid', 'UMR_NOV_2026_HEMAT', 'Paket Umrah Hemat', 28500000, '', 'Lead', new Date(Date.UTC(2026, 11, 20)), 'Tanya jadwal keberangkatan'],
      ['Rizky Pratama', 'PT Sinar Jaya', '+62 857 1111 2222', '', 'Cimahi', '', 'tiktok', '', '', 'Kelas privat', 1500000, '', 'Follow-up', '', ''],
    ],
    notes: {
      id: [
        'Wajib: Nama. Kode prospek dibuat otomatis (L-00001, …).',
        'Kanal: nama saluran (Organik, TikTok Ads, Instagram Ads, …) atau kosong; bila kosong, UTM Source/Medium yang dikenal menentukannya.',
        'Tahap: nama tahap (Lead, Follow-up, Interest, Booking, Won, Lost); kosong = tahap pertama. PIC: username pengguna, atau kosong.',
        'Prospek dengan No HP yang sudah ada dilewati, diperbarui, atau menghentikan impor sesuai pilihan Anda.',
        'Satu baris bermasalah menghentikan seluruh impor: tidak ada yang disimpan sampai semua baris benar.',
      ],
      en: [
        'Required: Name. Lead codes are generated (L-00001, …).',
        'Channel: a channel name (Organik, TikTok Ads, Instagram Ads, …) or empty; when empty, a known UTM Source/Medium decides it.',
        'Stage: a stage name (Lead, Follow-up, Interest, Booking, Won, Lost); empty = the first stage. PIC: a user’s username, or empty.',
        'Leads whose phone already exists are skipped, updated, or stop the import, as you choose.',
        'One row with a problem stops the whole import: nothing is saved until every row is right.',
      ],
    },
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
  const notes = workbook.addWorksheet(language === 'en' ? 'Notes' : 'Petunjuk');
  notes.getColumn(1).width = 110;
  for (const line of template.notes[language]) notes.addRow([line]).commit();
  notes.commit();
  await workbook.commit();
}
