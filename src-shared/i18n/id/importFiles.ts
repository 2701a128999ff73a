/** Bahasa Indonesia: the files the importer writes: its list of problems, and its templates' notes (a row each). */
export const idImportFiles = {
  'impFile.problemsSheet': 'Masalah',
  'impFile.row': 'Baris',
  'impFile.column': 'Kolom',
  'impFile.value': 'Nilai di file',
  'impFile.category': 'Kategori',
  'impFile.problem': 'Masalah dan bentuk yang diharapkan',
  'impFile.notesSheet': 'Petunjuk',
  'impFile.notes.customers': [
    'Wajib: Nama. Kode kosong = dibuat otomatis (C000001, …).',
    'No HP boleh ditulis 0812…, 62812…, atau +62 812…; disimpan seragam.',
    'Tag dipisah koma.',
    'Pelanggan yang sudah ada (kode, HP, atau email sama) dilewati, diperbarui, atau menghentikan impor sesuai pilihan Anda.',
  ].join('\n'),
  'impFile.notes.transactions': [
    'Wajib: Tanggal, salah satu dari Kode/Nama/No HP/Email pelanggan, dan Total (atau Qty + Harga Satuan).',
    'Beberapa baris dengan No Faktur sama digabung menjadi satu transaksi berisi beberapa barang.',
    'Tanggal boleh 21/11/2026, 2026-11-21, atau 21 November 2026. Nominal boleh 650000, 650.000, atau Rp 650.000,-.',
    'Pelanggan yang belum ada dibuat otomatis.',
  ].join('\n'),
  'impFile.notes.products': ['Wajib: Nama. Kode kosong = dibuat otomatis (P-0001, …).', 'Aktif: ya/tidak.'].join('\n'),
  'impFile.notes.leads': [
    'Wajib: Nama. Kode prospek dibuat otomatis (L-00001, …).',
    'Kanal: nama saluran (Organik, TikTok Ads, Instagram Ads, …) atau kosong; bila kosong, UTM Source/Medium yang dikenal menentukannya.',
    'Tahap: nama tahap (Lead, Follow-up, Interest, Booking, Won, Lost); kosong = tahap pertama. PIC: username pengguna, atau kosong.',
    'Prospek dengan No HP yang sudah ada dilewati, diperbarui, atau menghentikan impor sesuai pilihan Anda.',
    'Satu baris bermasalah menghentikan seluruh impor: tidak ada yang disimpan sampai semua baris benar.',
  ].join('\n'),
} satisfies Record<string, string>;
