/**
 * The activity log in words: a sentence per entry ("Sari mengekspor 503 pelanggan ke Excel"), a
 * name per kind of action for the filter, and the entry's details as labelled fields. The audit
 * page and the activity-log export both read it, so the screen and the file say the same.
 */
import { AUDIT_ACTIONS, isAuditAction, type AuditAction } from '../audit/actions';
import { formatDate } from '../format/date';
import { formatRupiah } from '../format/money';
import { SEGMENT_IDS, type SegmentId } from '../rfm/rules';
import type { Language } from '../schemas/auth';
import type { STATIC_REPORTS } from '../schemas/export';
import { CONTENT_CHANNEL_TEXT } from './channels';
import { SEGMENT_TEXT } from './segments';

/** What an entry holds, as the audit list and the export read it. */
export interface ActivityEntry {
  user_name: string | null;
  action: string;
  entity?: string | null;
  details: Record<string, unknown> | null;
}

export interface ActivityField {
  key: string;
  label: string;
  value: string;
}

/** The facts a sentence is made of, already in the reader's language. */
interface Facts {
  /** Who did it: the user's name, or "Sistem" for what the app did on its own (as the audit page's user column says). */
  who: string;
  /** Whether the entry names a user (a failed sign-in does when the username exists). */
  known: boolean;
  /** A number from the details, as the language writes it (1.204 / 1,204); `?` when missing. */
  n(key: string): string;
  count(key: string): number;
  /** A text from the details, or '' */
  s(key: string): string;
  d: Record<string, unknown>;
  language: Language;
}

type Say = (f: Facts) => string;
interface ActionText {
  /** The kind of action, for the filter: "Masuk", "Ekspor selesai". */
  name: string;
  say: Say;
}

const FORMAT_NAME: Record<string, string> = { xlsx: 'Excel', csv: 'CSV' };

/** How many of what a report's rows are: "503 pelanggan", "12 bulan penjualan". [id, en one, en many] */
const REPORT_ROWS: Record<(typeof STATIC_REPORTS)[number], readonly [string, string, string]> = {
  customers: ['pelanggan', 'customer', 'customers'],
  transactions: ['transaksi', 'transaction', 'transactions'],
  products: ['produk', 'product', 'products'],
  leads: ['prospek', 'lead', 'leads'],
  rfm: ['pelanggan beserta skor RFM', 'customer with RFM scores', 'customers with RFM scores'],
  'sales-monthly': ['bulan penjualan', 'month of sales', 'months of sales'],
  'leads-funnel': ['baris funnel & konversi', 'funnel & conversion row', 'funnel & conversion rows'],
  'leads-forecast': ['baris perkiraan closing', 'forecast row', 'forecast rows'],
  'leads-team': ['baris kinerja tim', 'team row', 'team rows'],
  'segment-summary': ['baris ringkasan segmen', 'segment summary row', 'segment summary rows'],
  'top-customers': ['pelanggan teratas', 'top customer', 'top customers'],
  'win-back': ['pelanggan untuk diajak kembali', 'customer to win back', 'customers to win back'],
  'import-history': ['baris riwayat impor', 'import history row', 'import history rows'],
  'activity-log': ['baris log aktivitas', 'activity log row', 'activity log rows'],
};

const IMPORT_KIND: Record<string, readonly [string, string, string]> = {
  customers: REPORT_ROWS.customers,
  transactions: REPORT_ROWS.transactions,
  products: REPORT_ROWS.products,
  leads: REPORT_ROWS.leads,
};

const ROLE_NAME: Record<Language, Record<string, string>> = {
  id: { owner: 'Pemilik', manager: 'Manajer', staff: 'Staf' },
  en: { owner: 'Owner', manager: 'Manager', staff: 'Staff' },
};

const JOB_NAME: Record<Language, Record<string, string>> = {
  id: { 'export.run': 'ekspor', 'export.preview': 'pratinjau laporan', 'import.run': 'impor', 'import.inspect': 'pemeriksaan file impor', 'import.undo': 'pembatalan impor', 'rfm.run': 'analisis RFM', 'clv.fit': 'perhitungan model CLV', 'db.check': 'pemeriksaan database', 'demo.generate': 'pembuatan toko demo', 'loyalty.expire': 'penghangusan poin' },
  en: { 'export.run': 'export', 'export.preview': 'report preview', 'import.run': 'import', 'import.inspect': 'import file check', 'import.undo': 'import undo', 'rfm.run': 'RFM analysis', 'clv.fit': 'CLV model fit', 'db.check': 'database check', 'demo.generate': 'demo shop generation', 'loyalty.expire': 'points expiry' },
};

/** "503 pelanggan" / "503 customers" / "1 customer". */
function howMany(f: Facts, key: string, words: readonly [string, string, string] | undefined): string {
  const number = f.n(key);
  if (!words) return f.language === 'id' ? `${number} baris` : `${number} ${f.count(key) === 1 ? 'row' : 'rows'}`;
  return `${number} ${f.language === 'id' ? words[0] : f.count(key) === 1 ? words[1] : words[2]}`;
}

function reportRows(f: Facts): string {
  const report = f.s('report');
  if (report.startsWith('segment:')) {
    const segment = report.slice('segment:'.length);
    const name = (SEGMENT_IDS as readonly string[]).includes(segment) ? SEGMENT_TEXT[f.language][segment as SegmentId].name : segment;
    return f.language === 'id' ? `${f.n('rows')} pelanggan segmen ${name}` : `${f.n('rows')} ${name} customer${f.count('rows') === 1 ? '' : 's'}`;
  }
  return howMany(f, 'rows', REPORT_ROWS[report as keyof typeof REPORT_ROWS]);
}

function reportWhat(f: Facts): string {
  const report = f.s('report');
  if (report.startsWith('segment:')) {
    const segment = report.slice('segment:'.length);
    const name = (SEGMENT_IDS as readonly string[]).includes(segment) ? SEGMENT_TEXT[f.language][segment as SegmentId].name : segment;
    return f.language === 'id' ? `pelanggan segmen ${name}` : `${name} customers`;
  }
  const words = REPORT_ROWS[report as keyof typeof REPORT_ROWS];
  return words ? (f.language === 'id' ? words[0] : words[2]) : f.language === 'id' ? 'laporan' : 'a report';
}

const format = (f: Facts) => FORMAT_NAME[f.s('format')] ?? f.s('format').toUpperCase();
const attempt = (f: Facts) => (f.d.failures === undefined ? '' : f.language === 'id' ? ` (percobaan ke-${f.n('failures')})` : ` (attempt ${f.n('failures')})`);
const contentChannel = (f: Facts) => CONTENT_CHANNEL_TEXT[f.language][f.s('channel') as keyof (typeof CONTENT_CHANNEL_TEXT)['id']] ?? f.s('channel');
const money = (f: Facts) => (typeof f.d.amount === 'number' ? formatRupiah(f.d.amount) : '');
const date = (f: Facts) => formatDate(f.s('date'));
const named = (f: Facts) => [f.s('name'), f.s('code') && `(${f.s('code')})`].filter(Boolean).join(' ');

function importCounts(f: Facts): string {
  const parts = (f.language === 'id' ? [['transactions', 'transaksi'], ['customers', 'pelanggan'], ['products', 'produk']] : [['transactions', 'transactions'], ['customers', 'customers'], ['products', 'products']])
    .filter(([key]) => f.count(key) > 0)
    .map(([key, word]) => `${f.n(key)} ${word}`);
  if (parts.length === 0) return '';
  return f.language === 'id' ? `: ${parts.join(', ')} dihapus lagi` : `: ${parts.join(', ')} removed again`;
}

const ID: Record<AuditAction, ActionText> = {
  'setup.create': { name: 'Toko disiapkan', say: (f) => `${f.who} menyiapkan toko “${f.s('business')}” dengan akun pemilik ${f.s('owner')}` },
  'demo.open': { name: 'Toko demo dibuka', say: (f) => `${f.who} membuka toko demo berisi ${f.n('customers')} pelanggan dan ${f.n('transactions')} transaksi` },
  'auth.login': { name: 'Masuk', say: (f) => `${f.who} masuk` },
  'auth.login_failed': { name: 'Gagal masuk', say: (f) => `Gagal masuk dengan nama pengguna “${f.s('username')}”: ${f.known ? 'kata sandi salah' : 'nama pengguna tidak dikenal'}${attempt(f)}` },
  'auth.login_throttled': { name: 'Masuk ditahan sementara', say: (f) => `Terlalu banyak percobaan masuk untuk “${f.s('username')}”: diminta menunggu ${f.n('waitSeconds')} detik` },
  'auth.logout': { name: 'Keluar', say: (f) => `${f.who} keluar` },
  'auth.lock': { name: 'Layar dikunci', say: (f) => `${f.who} mengunci layar` },
  'auth.unlock': { name: 'Kunci layar dibuka', say: (f) => `${f.who} membuka kunci layar` },
  'auth.unlock_failed': { name: 'Gagal membuka kunci', say: (f) => `${f.who} gagal membuka kunci layar: kata sandi salah${attempt(f)}` },
  'business.update': { name: 'Profil toko diubah', say: (f) => `${f.who} mengubah profil toko` },
  'settings.update': { name: 'Pengaturan diubah', say: (f) => `${f.who} mengubah pengaturan: ${settingNames(f)}` },
  'ai.keySet': { name: 'Kunci API AI disimpan', say: (f) => `${f.who} menyimpan kunci API untuk AI` },
  'ai.keyRemoved': { name: 'Kunci API AI dihapus', say: (f) => `${f.who} menghapus kunci API untuk AI` },
  'users.create': { name: 'Pengguna ditambahkan', say: (f) => `${f.who} menambahkan pengguna ${f.s('username')} sebagai ${ROLE_NAME.id[f.s('role')] ?? f.s('role')}` },
  'users.update': {
    name: 'Pengguna diubah',
    say: (f) => `${f.who} mengubah akun pengguna (peran ${ROLE_NAME.id[f.s('role')] ?? f.s('role')}${f.d.active === false ? ', dinonaktifkan' : ''}${f.d.passwordReset ? ', kata sandi diganti' : ''})`,
  },
  'customers.create': { name: 'Pelanggan ditambahkan', say: (f) => `${f.who} menambahkan pelanggan ${named(f)}` },
  'customers.update': { name: 'Pelanggan diubah', say: (f) => `${f.who} mengubah data pelanggan ${f.s('code')}`.trimEnd() },
  'customers.delete': { name: 'Pelanggan dihapus', say: (f) => `${f.who} menghapus seorang pelanggan` },
  'customers.link': { name: 'Pembeli marketplace dihubungkan', say: (f) => `${f.who} menghubungkan pembeli ${f.s('identity')} dengan pelanggan ${f.s('code')}`.trimEnd() },
  'customers.restore': { name: 'Pelanggan dipulihkan', say: (f) => `${f.who} memulihkan seorang pelanggan` },
  'products.create': { name: 'Produk ditambahkan', say: (f) => `${f.who} menambahkan produk ${named(f)}` },
  'products.update': { name: 'Produk diubah', say: (f) => `${f.who} mengubah data produk` },
  'products.delete': { name: 'Produk dihapus', say: (f) => `${f.who} menghapus sebuah produk` },
  'products.restore': { name: 'Produk dipulihkan', say: (f) => `${f.who} memulihkan sebuah produk` },
  'transactions.create': { name: 'Transaksi dicatat', say: (f) => `${f.who} mencatat transaksi ${money(f)} tanggal ${date(f)}` },
  'transactions.update': { name: 'Transaksi diubah', say: (f) => `${f.who} mengubah transaksi menjadi ${money(f)} tanggal ${date(f)}` },
  'transactions.delete': { name: 'Transaksi dihapus', say: (f) => `${f.who} menghapus sebuah transaksi` },
  'transactions.restore': { name: 'Transaksi dipulihkan', say: (f) => `${f.who} memulihkan sebuah transaksi` },
  'import.completed': { name: 'Impor selesai', say: (f) => `${f.who} mengimpor ${howMany(f, 'imported', IMPORT_KIND[f.s('kind')])} dari ${f.s('file')}` },
  'import.failed': { name: 'Impor gagal', say: (f) => `Impor oleh ${f.who} gagal` },
  'import.cancelled': { name: 'Impor dibatalkan', say: (f) => `${f.who} membatalkan impor sebelum selesai` },
  'import.interrupted': { name: 'Impor terputus', say: () => 'Impor terhenti karena aplikasi ditutup sebelum selesai; tidak ada data yang disimpan' },
  'import.undo': { name: 'Impor dibatalkan ulang', say: (f) => `${f.who} membatalkan sebuah impor${importCounts(f)}` },
  'export.completed': { name: 'Ekspor selesai', say: (f) => `${f.who} mengekspor ${reportRows(f)} ke ${format(f)}` },
  'export.failed': { name: 'Ekspor gagal', say: (f) => `Ekspor ${reportWhat(f)} ke ${format(f)} oleh ${f.who} gagal` },
  'export.cancelled': { name: 'Ekspor dibatalkan', say: (f) => `${f.who} membatalkan ekspor ${reportWhat(f)} ke ${format(f)}` },
  'rfm.run': {
    name: 'Analisis RFM dijalankan',
    say: (f) => `${f.who} menjalankan analisis RFM untuk ${f.n('customers')} pelanggan${f.s('asOf') ? ` per ${formatDate(f.s('asOf'))}` : ''}`,
  },
  'content.update': { name: 'Pesan diubah', say: (f) => `${f.who} mengubah pesan di pustaka konten` },
  'content.delete': { name: 'Pesan dihapus', say: (f) => `${f.who} menghapus pesan dari pustaka konten` },
  'content.contacted': { name: 'Pelanggan dihubungi', say: (f) => `${f.who} mencatat ${f.n('customers')} pelanggan sudah dihubungi lewat ${contentChannel(f)}` },
  'campaign.create': { name: 'Kampanye dibuat', say: (f) => `${f.who} membuat kampanye ${f.s('code')} untuk ${f.n('recipients')} pelanggan` },
  'leads.create': { name: 'Prospek ditambahkan', say: (f) => `${f.who} menambahkan prospek ${named(f)}` },
  'leads.update': { name: 'Prospek diubah', say: (f) => `${f.who} mengubah prospek ${f.s('code')}`.trimEnd() },
  'leads.move': { name: 'Tahap prospek diubah', say: (f) => `${f.who} memindahkan prospek ${f.s('code')} dari ${f.s('from')} ke ${f.s('to')}${f.s('reason') ? ` (alasan: ${f.s('reason')})` : ''}` },
  'leads.delete': { name: 'Prospek dihapus', say: (f) => `${f.who} menghapus prospek ${f.s('code')}`.trimEnd() },
  'leads.restore': { name: 'Prospek dipulihkan', say: (f) => `${f.who} memulihkan prospek ${f.s('code')}`.trimEnd() },
  'leads.convert': { name: 'Prospek menjadi pelanggan', say: (f) => `${f.who} menjadikan prospek ${f.s('lead')} pelanggan ${f.s('customer')}${f.d.created ? ' baru' : ''}` },
  'leads.stages': { name: 'Tahap pipeline diubah', say: (f) => `${f.who} mengubah tahap pipeline` },
  'leads.channels': { name: 'Saluran prospek diubah', say: (f) => `${f.who} mengubah daftar saluran prospek` },
  'leads.adSpend': { name: 'Biaya iklan dicatat', say: (f) => `${f.who} mencatat biaya iklan ${f.s('channel')} bulan ${f.s('month')}` },
  'activities.create': { name: 'Aktivitas dicatat', say: (f) => `${f.who} mencatat aktivitas ${f.s('kind')}` },
  'activities.update': { name: 'Aktivitas diubah', say: (f) => `${f.who} mengubah aktivitas${f.d.done === true ? ' (selesai)' : ''}` },
  'activities.delete': { name: 'Aktivitas dihapus', say: (f) => `${f.who} menghapus aktivitas` },
  'job.cancel': {
    name: 'Pekerjaan dihentikan',
    say: (f) => `${f.who} menghentikan ${JOB_NAME.id[f.s('kind')] ?? 'pekerjaan'}${f.s('ownerName') && f.s('ownerName') !== f.who ? ` milik ${f.s('ownerName')}` : ''}`,
  },
  'db.restore': { name: 'Database dipulihkan', say: (f) => `${f.who} memulihkan database dari cadangan ${f.s('from')}` },
  'loyalty.redeem': { name: 'Poin ditukar', say: (f) => `${f.who} menukar ${f.n('points')} poin pelanggan senilai ${formatRupiah(f.count('value'))}` },
  'loyalty.adjust': { name: 'Poin dikoreksi', say: (f) => `${f.who} mengoreksi poin pelanggan ${f.count('points') > 0 ? '+' : ''}${f.n('points')} (alasan: ${f.s('reason')})` },
};

const EN: Record<AuditAction, ActionText> = {
  'setup.create': { name: 'Shop set up', say: (f) => `${f.who} set up the shop “${f.s('business')}” with owner account ${f.s('owner')}` },
  'demo.open': { name: 'Demo shop opened', say: (f) => `${f.who} opened a demo shop with ${f.n('customers')} customers and ${f.n('transactions')} transactions` },
  'auth.login': { name: 'Signed in', say: (f) => `${f.who} signed in` },
  'auth.login_failed': { name: 'Failed sign-in', say: (f) => `Failed sign-in as “${f.s('username')}”: ${f.known ? 'wrong password' : 'unknown username'}${attempt(f)}` },
  'auth.login_throttled': { name: 'Sign-in held back', say: (f) => `Too many sign-in attempts for “${f.s('username')}”: asked to wait ${f.n('waitSeconds')} seconds` },
  'auth.logout': { name: 'Signed out', say: (f) => `${f.who} signed out` },
  'auth.lock': { name: 'Screen locked', say: (f) => `${f.who} locked the screen` },
  'auth.unlock': { name: 'Screen unlocked', say: (f) => `${f.who} unlocked the screen` },
  'auth.unlock_failed': { name: 'Failed unlock', say: (f) => `${f.who} failed to unlock the screen: wrong password${attempt(f)}` },
  'business.update': { name: 'Shop profile changed', say: (f) => `${f.who} changed the shop profile` },
  'settings.update': { name: 'Settings changed', say: (f) => `${f.who} changed settings: ${settingNames(f)}` },
  'ai.keySet': { name: 'AI API key saved', say: (f) => `${f.who} saved the AI API key` },
  'ai.keyRemoved': { name: 'AI API key removed', say: (f) => `${f.who} removed the AI API key` },
  'users.create': { name: 'User added', say: (f) => `${f.who} added user ${f.s('username')} as ${ROLE_NAME.en[f.s('role')] ?? f.s('role')}` },
  'users.update': {
    name: 'User changed',
    say: (f) => `${f.who} changed a user account (role ${ROLE_NAME.en[f.s('role')] ?? f.s('role')}${f.d.active === false ? ', disabled' : ''}${f.d.passwordReset ? ', password replaced' : ''})`,
  },
  'customers.create': { name: 'Customer added', say: (f) => `${f.who} added customer ${named(f)}` },
  'customers.update': { name: 'Customer changed', say: (f) => `${f.who} changed customer ${f.s('code')}`.trimEnd() },
  'customers.delete': { name: 'Customer deleted', say: (f) => `${f.who} deleted a customer` },
  'customers.link': { name: 'Marketplace buyer linked', say: (f) => `${f.who} linked buyer ${f.s('identity')} to customer ${f.s('code')}`.trimEnd() },
  'customers.restore': { name: 'Customer restored', say: (f) => `${f.who} restored a customer` },
  'products.create': { name: 'Product added', say: (f) => `${f.who} added product ${named(f)}` },
  'products.update': { name: 'Product changed', say: (f) => `${f.who} changed a product` },
  'products.delete': { name: 'Product deleted', say: (f) => `${f.who} deleted a product` },
  'products.restore': { name: 'Product restored', say: (f) => `${f.who} restored a product` },
  'transactions.create': { name: 'Transaction recorded', say: (f) => `${f.who} recorded a transaction of ${money(f)} on ${date(f)}` },
  'transactions.update': { name: 'Transaction changed', say: (f) => `${f.who} changed a transaction to ${money(f)} on ${date(f)}` },
  'transactions.delete': { name: 'Transaction deleted', say: (f) => `${f.who} deleted a transaction` },
  'transactions.restore': { name: 'Transaction restored', say: (f) => `${f.who} restored a transaction` },
  'import.completed': { name: 'Import finished', say: (f) => `${f.who} imported ${howMany(f, 'imported', IMPORT_KIND[f.s('kind')])} from ${f.s('file')}` },
  'import.failed': { name: 'Import failed', say: (f) => `An import by ${f.who} failed` },
  'import.cancelled': { name: 'Import cancelled', say: (f) => `${f.who} cancelled an import before it finished` },
  'import.interrupted': { name: 'Import interrupted', say: () => 'An import stopped because the app closed before it finished; nothing was saved' },
  'import.undo': { name: 'Import undone', say: (f) => `${f.who} undid an import${importCounts(f)}` },
  'export.completed': { name: 'Export finished', say: (f) => `${f.who} exported ${reportRows(f)} to ${format(f)}` },
  'export.failed': { name: 'Export failed', say: (f) => `An export of ${reportWhat(f)} to ${format(f)} by ${f.who} failed` },
  'export.cancelled': { name: 'Export cancelled', say: (f) => `${f.who} cancelled an export of ${reportWhat(f)} to ${format(f)}` },
  'rfm.run': { name: 'RFM analysis run', say: (f) => `${f.who} ran the RFM analysis for ${f.n('customers')} customers${f.s('asOf') ? ` as of ${formatDate(f.s('asOf'))}` : ''}` },
  'content.update': { name: 'Message changed', say: (f) => `${f.who} changed a message in the content library` },
  'content.delete': { name: 'Message deleted', say: (f) => `${f.who} deleted a message from the content library` },
  'content.contacted': { name: 'Customers contacted', say: (f) => `${f.who} marked ${f.n('customers')} customers as contacted via ${contentChannel(f)}` },
  'campaign.create': { name: 'Campaign created', say: (f) => `${f.who} created campaign ${f.s('code')} for ${f.n('recipients')} customers` },
  'leads.create': { name: 'Lead added', say: (f) => `${f.who} added lead ${named(f)}` },
  'leads.update': { name: 'Lead changed', say: (f) => `${f.who} changed lead ${f.s('code')}`.trimEnd() },
  'leads.move': { name: 'Lead stage changed', say: (f) => `${f.who} moved lead ${f.s('code')} from ${f.s('from')} to ${f.s('to')}${f.s('reason') ? ` (reason: ${f.s('reason')})` : ''}` },
  'leads.delete': { name: 'Lead deleted', say: (f) => `${f.who} deleted lead ${f.s('code')}`.trimEnd() },
  'leads.restore': { name: 'Lead restored', say: (f) => `${f.who} restored lead ${f.s('code')}`.trimEnd() },
  'leads.convert': { name: 'Lead became a customer', say: (f) => `${f.who} turned lead ${f.s('lead')} into ${f.d.created ? 'new ' : ''}customer ${f.s('customer')}` },
  'leads.stages': { name: 'Pipeline stages changed', say: (f) => `${f.who} changed the pipeline stages` },
  'leads.channels': { name: 'Lead channels changed', say: (f) => `${f.who} changed the list of lead channels` },
  'leads.adSpend': { name: 'Ad spend entered', say: (f) => `${f.who} entered the ${f.s('channel')} ad spend for ${f.s('month')}` },
  'activities.create': { name: 'Activity logged', say: (f) => `${f.who} logged a ${f.s('kind')} activity` },
  'activities.update': { name: 'Activity changed', say: (f) => `${f.who} changed an activity${f.d.done === true ? ' (done)' : ''}` },
  'activities.delete': { name: 'Activity deleted', say: (f) => `${f.who} deleted an activity` },
  'job.cancel': {
    name: 'Job stopped',
    say: (f) => `${f.who} stopped ${f.s('ownerName') && f.s('ownerName') !== f.who ? `${f.s('ownerName')}’s ` : 'a '}${JOB_NAME.en[f.s('kind')] ?? 'job'}`,
  },
  'db.restore': { name: 'Database restored', say: (f) => `${f.who} restored the database from backup ${f.s('from')}` },
  'loyalty.redeem': { name: 'Points redeemed', say: (f) => `${f.who} redeemed ${f.n('points')} of a customer's points worth ${formatRupiah(f.count('value'))}` },
  'loyalty.adjust': { name: 'Points corrected', say: (f) => `${f.who} corrected a customer's points by ${f.count('points') > 0 ? '+' : ''}${f.n('points')} (reason: ${f.s('reason')})` },
};

export const ACTIVITY_TEXT: Record<Language, Record<AuditAction, ActionText>> = { id: ID, en: EN };

/** The settings an owner changes, by their stored key; a key not listed is shown as it is. */
const SETTING_NAME: Record<Language, Record<string, string>> = {
  id: {
    idleLockMinutes: 'kunci layar otomatis',
    sessionHours: 'lama sesi',
    rfmMethod: 'metode RFM',
    rfmWindowMonths: 'periode analisis RFM',
    rfmEdges: 'batas skor RFM',
    rfmSegments: 'pembagian segmen',
    clvExpectedYears: 'perkiraan lama jadi pelanggan',
    loyalty: 'aturan poin',
    revenueTargets: 'target omzet',
    leadTargets: 'target prospek',
    customerTargets: 'target pelanggan baru',
    aiModel: 'model AI',
    aiBaseUrl: 'alamat server AI',
    aiPrices: 'harga AI',
    aiMonthlyQuota: 'kuota AI bulanan',
    aiTimeoutSeconds: 'batas waktu AI',
  },
  en: {
    idleLockMinutes: 'automatic screen lock',
    sessionHours: 'session length',
    rfmMethod: 'RFM method',
    rfmWindowMonths: 'RFM analysis period',
    rfmEdges: 'RFM score edges',
    rfmSegments: 'segment grid',
    clvExpectedYears: 'expected customer lifetime',
    loyalty: 'points rules',
    revenueTargets: 'revenue targets',
    leadTargets: 'lead targets',
    customerTargets: 'new-customer targets',
    aiModel: 'AI model',
    aiBaseUrl: 'AI server address',
    aiPrices: 'AI prices',
    aiMonthlyQuota: 'monthly AI quota',
    aiTimeoutSeconds: 'AI time limit',
  },
};

function settingNames(f: Facts): string {
  return Object.keys(f.d)
    .map((key) => SETTING_NAME[f.language][key] ?? key)
    .join(', ');
}

/** Labels of the details' fields, for the "Rincian" a row opens; an unknown field reads as words from its key. */
const FIELD_LABEL: Record<Language, Record<string, string>> = {
  id: {
    report: 'Laporan', format: 'Format', rows: 'Baris', bytes: 'Ukuran file', kind: 'Jenis', file: 'File', imported: 'Diimpor', updated: 'Diperbarui', skipped: 'Dilewati', failed: 'Gagal',
    error: 'Keterangan', username: 'Nama pengguna', failures: 'Percobaan gagal', waitSeconds: 'Menunggu (detik)', role: 'Peran', active: 'Aktif', passwordReset: 'Kata sandi diganti',
    code: 'Kode', name: 'Nama', amount: 'Nominal', date: 'Tanggal', customerId: 'Pelanggan', customers: 'Pelanggan', transactions: 'Transaksi', products: 'Produk',
    asOf: 'Per tanggal', method: 'Metode', windowMonths: 'Periode (bulan)', trigger: 'Dijalankan oleh', channel: 'Kanal', campaignId: 'Kampanye', segment: 'Segmen', recipients: 'Penerima',
    fields: 'Bagian diubah', ownerName: 'Milik', owner: 'Pemilik', status: 'Status', from: 'Dari', at: 'Waktu cadangan', previous: 'Cadangan sebelum pemulihan', migratedFrom: 'Versi skema asal',
    by: 'Oleh', business: 'Toko', damagedMovedTo: 'File rusak dipindah ke', duplicateAccepted: 'Duplikat disetujui',
  },
  en: {
    report: 'Report', format: 'Format', rows: 'Rows', bytes: 'File size', kind: 'Kind', file: 'File', imported: 'Imported', updated: 'Updated', skipped: 'Skipped', failed: 'Failed',
    error: 'Reason', username: 'Username', failures: 'Failed attempts', waitSeconds: 'Wait (seconds)', role: 'Role', active: 'Active', passwordReset: 'Password replaced',
    code: 'Code', name: 'Name', amount: 'Amount', date: 'Date', customerId: 'Customer', customers: 'Customers', transactions: 'Transactions', products: 'Products',
    asOf: 'As of', method: 'Method', windowMonths: 'Period (months)', trigger: 'Started by', channel: 'Channel', campaignId: 'Campaign', segment: 'Segment', recipients: 'Recipients',
    fields: 'Parts changed', ownerName: 'Belongs to', owner: 'Owner', status: 'Status', from: 'From', at: 'Backup time', previous: 'Backup before restoring', migratedFrom: 'Schema version before',
    by: 'By', business: 'Shop', damagedMovedTo: 'Damaged file moved to', duplicateAccepted: 'Duplicate accepted',
  },
};

/** Fields that are ids or repeat the user: meaningless to an owner, so not listed. */
const HIDDEN_FIELDS = new Set(['customerId', 'campaignId']);

const numberFormat = (language: Language) => new Intl.NumberFormat(language === 'id' ? 'id-ID' : 'en-US');

/** `rfmWindowMonths` → "Rfm window months": a readable label for a field this version does not know. */
function wordsOfKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[._-]+/g, ' ')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function valueText(value: unknown, language: Language): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? (language === 'id' ? 'Ya' : 'Yes') : language === 'id' ? 'Tidak' : 'No';
  if (typeof value === 'number') return numberFormat(language).format(value);
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => valueText(v, language)).join(', ');
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    // A changed setting: { from, to }.
    if ('from' in o && 'to' in o && Object.keys(o).length === 2) return `${valueText(o.from, language)} → ${valueText(o.to, language)}`;
    return Object.entries(o)
      .map(([k, v]) => `${wordsOfKey(k)}: ${valueText(v, language)}`)
      .join('; ');
  }
  return String(value);
}

function factsOf(entry: ActivityEntry, language: Language): Facts {
  const d = entry.details ?? {};
  const numbers = numberFormat(language);
  return {
    who: entry.user_name ?? (language === 'id' ? 'Sistem' : 'The system'),
    known: entry.user_name !== null,
    d,
    language,
    n: (key) => (typeof d[key] === 'number' ? numbers.format(d[key]) : '?'),
    count: (key) => (typeof d[key] === 'number' ? d[key] : 0),
    s: (key) => (d[key] === null || d[key] === undefined ? '' : String(d[key])),
  };
}

/** The entry as one sentence; an action this version does not know still reads as words. */
export function activitySentence(entry: ActivityEntry, language: Language): string {
  const f = factsOf(entry, language);
  if (isAuditAction(entry.action)) return ACTIVITY_TEXT[language][entry.action].say(f);
  return language === 'id' ? `${f.who} melakukan tindakan lain (${wordsOfKey(entry.action)})` : `${f.who} did something else (${wordsOfKey(entry.action)})`;
}

/** The kind of action by name, for the filter and the export's column. */
export function actionName(action: string, language: Language): string {
  return isAuditAction(action) ? ACTIVITY_TEXT[language][action].name : wordsOfKey(action);
}

/** The details as labelled fields ("Baris: 503"), ids left out: what "Rincian" opens. */
export function activityFields(entry: ActivityEntry, language: Language): ActivityField[] {
  const d = entry.details ?? {};
  const labels = FIELD_LABEL[language];
  const fields: ActivityField[] = [];
  for (const [key, value] of Object.entries(d)) {
    if (HIDDEN_FIELDS.has(key) || value === undefined) continue;
    if (key === 'owner' && entry.action === 'job.cancel') continue; // a user id; `ownerName` says who
    let text: string;
    if (key === 'format' && typeof value === 'string') text = FORMAT_NAME[value] ?? value;
    else if (key === 'report' && typeof value === 'string') text = reportWhat(factsOf(entry, language));
    else if (key === 'bytes' && typeof value === 'number') text = `${numberFormat(language).format(Math.round(value / 1024))} KB`;
    else if (key === 'role' && typeof value === 'string') text = ROLE_NAME[language][value] ?? value;
    else if (key === 'channel' && typeof value === 'string') text = CONTENT_CHANNEL_TEXT[language][value as keyof (typeof CONTENT_CHANNEL_TEXT)['id']] ?? value;
    else if (key === 'kind' && typeof value === 'string') text = JOB_NAME[language][value] ?? IMPORT_KIND[value]?.[language === 'id' ? 0 : 2] ?? value;
    else if (key === 'amount' && typeof value === 'number') text = formatRupiah(value);
    else if ((key === 'date' || key === 'asOf') && typeof value === 'string') text = formatDate(value);
    else if (entry.action === 'settings.update') {
      fields.push({ key, label: SETTING_NAME[language][key] ?? wordsOfKey(key), value: valueText(value, language) });
      continue;
    } else text = valueText(value, language);
    fields.push({ key, label: labels[key] ?? wordsOfKey(key), value: text });
  }
  return fields;
}

/** Every action with its name in the language, for the filter: ordered as the log's areas are. */
export function actionOptions(language: Language): { value: AuditAction; label: string }[] {
  return AUDIT_ACTIONS.map((action) => ({ value: action, label: ACTIVITY_TEXT[language][action].name }));
}
