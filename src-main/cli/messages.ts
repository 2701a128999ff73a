/**
 * Everything the CLI says itself, in both languages ([Indonesian, English], as in the reports'
 * registry). One run speaks one language: SMA_LANG when set, else the shop owner's, else English
 * (before there is a shop). What dispatch answers (errors, import rows, notices) comes in the same
 * language: the CLI asks for it with every call. Light on purpose: `--help` loads only this.
 */
export type CliLanguage = 'id' | 'en';

const TEXT = {
  // usage
  'usage.title': ['Cara pakai: npm run -s cli -- <perintah> [opsi]', 'Usage: npm run -s cli -- <command> [options]'],
  'usage.commands': ['Perintah:', 'Commands:'],
  'usage.db': [
    '--db boleh diganti variabel lingkungan SMA_DB; SMA_LANG=id|en memilih bahasa pesan (tanpanya: bahasa pemilik toko).',
    "--db may be replaced by the SMA_DB environment variable; SMA_LANG=id|en picks the language of the messages (default: the shop owner's).",
  ],
  'usage.dates': ['Tanggal: YYYY-MM-DD (DD/MM/YYYY juga diterima).', 'Dates: YYYY-MM-DD (DD/MM/YYYY is accepted too).'],
  'usage.unknownOption': ['Opsi {option} tidak dikenal. Maksud Anda {guess}?', 'Unknown option {option}. Did you mean {guess}?'],
  'usage.unknownOptionNoGuess': ['Opsi {option} tidak dikenal. Lihat --help untuk daftar opsi.', 'Unknown option {option}. See --help for the options.'],
  'usage.needsValue': ['{option} perlu nilai, misalnya {option} {example}.', '{option} needs a value, e.g. {option} {example}.'],
  'usage.noValue': ['{option} tidak memakai nilai.', '{option} takes no value.'],
  'usage.noCommand': ['Belum ada perintah. Lihat --help.', 'No command given. See --help.'],
  'usage.unknownCommand': ['Perintah "{command}" tidak dikenal. Maksud Anda "{guess}"?', 'Unknown command "{command}". Did you mean "{guess}"?'],
  'usage.unknownCommandNoGuess': ['Perintah "{command}" tidak dikenal. Perintah: {commands}.', 'Unknown command "{command}". Commands: {commands}.'],
  'usage.language': ['SMA_LANG harus id atau en.', 'SMA_LANG must be id or en.'],
  'usage.noDb': ['Sebutkan databasenya: --db <path> (atau atur SMA_DB).', 'Say which database: --db <path> (or set SMA_DB).'],
  'usage.date': [
    '{option} harus tanggal berformat YYYY-MM-DD, misalnya {option} 2026-11-30.',
    '{option} must be a date written YYYY-MM-DD, e.g. {option} 2026-11-30.',
  ],
  'usage.oneOf': ['{option} harus salah satu dari: {values}.', '{option} must be one of: {values}.'],
  'usage.wholeNumber': ['{option} harus bilangan bulat dari {min} sampai {max}.', '{option} must be a whole number from {min} to {max}.'],
  'usage.extra': ['{command} tidak memakai "{extra}".', '{command} takes no "{extra}".'],
  'usage.ownerStdin': [
    '--owner perlu --password-stdin (kata sandi dibaca dari input standar, tidak pernah dari baris perintah).',
    '--owner needs --password-stdin (the password is read from standard input, never from the command line).',
  ],
  'usage.importFile': ['import memakai satu file.', 'import takes one file.'],
  'usage.bins': ['--{name} berisi empat angka yang naik, misalnya 30,60,90,180.', '--{name} takes four ascending numbers, e.g. 30,60,90,180.'],
  'usage.scoresCsv': ['rfm scores mencetak CSV: tambahkan --csv.', 'rfm scores prints CSV: add --csv.'],
  'usage.clvScoresCsv': ['clv scores mencetak CSV: tambahkan --csv.', 'clv scores prints CSV: add --csv.'],
  'usage.calibrationEnd': ['--calibration-end tidak boleh setelah --as-of.', '--calibration-end cannot be after --as-of.'],
  'usage.exportReport': ['export memakai satu laporan: {reports}.', 'export takes one report: {reports}.'],
  'usage.exportOut': ['export perlu --out <file>, misalnya --out pelanggan.xlsx.', 'export needs --out <file>, e.g. --out pelanggan.xlsx.'],
  'usage.exportFormat': [
    '--format harus xlsx atau csv (atau beri --out nama berakhiran .xlsx atau .csv).',
    '--format must be xlsx or csv (or give --out a .xlsx or .csv name).',
  ],
  'usage.leadsMove': [
    'leads move perlu --lead <id|kode|No. HP> dan --stage <tahap>, misalnya --lead L-00001 --stage booking.',
    'leads move needs --lead <id|code|phone> and --stage <stage>, e.g. --lead L-00001 --stage booking.',
  ],
  'usage.leadsPeriod': [
    'leads funnel perlu --from dan --to, misalnya --from 2026-11-01 --to 2026-11-30.',
    'leads funnel needs --from and --to, e.g. --from 2026-11-01 --to 2026-11-30.',
  ],
  'usage.exportPeriod': [
    '--from dan --to berlaku untuk {reports}; "{report}" tidak punya periode.',
    '--from and --to apply to {reports}; "{report}" has no period.',
  ],

  // user errors
  'err.noDatabase': ['Tidak ada database di {path} (init membuatnya).', 'There is no database at {path} (init creates one).'],
  'err.dbIsFolder': ['{path} adalah folder, bukan file database.', '{path} is a folder, not a database file.'],
  'err.noFolder': ['Tidak bisa membuat {path}: folder {folder} tidak ada.', 'Cannot create {path}: the folder {folder} does not exist.'],
  'err.damaged': [
    'Database rusak dan tidak bisa dipakai; tidak ada yang diubah. {backup}',
    'The database is damaged and cannot be used; nothing was changed. {backup}',
  ],
  'err.damagedNewest': ['Pulihkan cadangan terbaru: restore --db {db} --from {name}', 'Restore the newest backup: restore --db {db} --from {name}'],
  'err.damagedNoBackup': ['Tidak ada cadangan di {folder}.', 'There is no backup in {folder}.'],
  'err.notSetUp': ['Toko belum disiapkan: jalankan `init` dulu.', 'The shop is not set up yet: run `init` first.'],
  'err.hasShop': ['Database ini sudah berisi toko; --demo perlu database baru.', 'This database already has a shop; --demo needs a new database.'],
  'err.cannotRead': ['Tidak bisa membaca {file}.', 'Cannot read {file}.'],
  'err.mappingJson': ['File pemetaan {file} bukan JSON yang bisa dibaca.', 'The mapping file {file} is not readable JSON.'],
  'err.mappingObject': [
    'File pemetaan harus objek JSON: { "kolom": "Judul kolom" | nomor kolom | null }.',
    'The mapping file must be a JSON object: { "field": "Column header" | column index | null }.',
  ],
  'err.mappingColumn': [
    'Pemetaan "{field}": tidak ada kolom "{column}". Kolom: {columns}.',
    'Mapping for "{field}": there is no column "{column}". Columns: {columns}.',
  ],
  'err.mappingValue': [
    'Pemetaan "{field}" harus judul kolom, nomor kolom, atau null.',
    'Mapping for "{field}" must be a column header, a column index or null.',
  ],
  'err.headerRow': [
    'Baris {row} kosong: --header-row adalah nomor baris judul kolom seperti di Excel.',
    'Row {row} is empty: --header-row is the number of the row of column headers, as Excel shows it.',
  ],
  'err.importStopped': ['Impor dihentikan.', 'Import stopped.'],
  'err.noRun': ['Tidak ada analisis RFM {run}.', 'There is no RFM run {run}.'],
  'err.noRunYet': ['Belum ada analisis RFM: jalankan `rfm` dulu.', 'There is no RFM run yet: run `rfm` first.'],
  'err.runEmpty': ['Analisis tidak menghasilkan apa pun.', 'The run did not produce a result.'],
  'err.noClvFit': ['Belum ada model CLV: jalankan `clv fit` dulu.', 'There is no CLV fit yet: run `clv fit` first.'],
  'err.integrity': ['Pemeriksaan keutuhan gagal.', 'Integrity check failed.'],
  'err.unknownReport': ['Laporan "{report}" tidak dikenal. Laporan: {reports}.', 'Unknown report "{report}". Reports: {reports}.'],
  'err.outFolder': ['Tidak bisa menulis {out}: folder {folder} tidak ada.', 'Cannot write {out}: the folder {folder} does not exist.'],
  'err.outIsFolder': [
    'Tidak bisa menulis {out}: itu folder. Beri nama file, misalnya {example}.',
    'Cannot write {out}: it is a folder. Give a file name, e.g. {example}.',
  ],
  'err.cannotWrite': ['Tidak bisa menulis {out}: {reason}', 'Cannot write {out}: {reason}'],

  // output
  'init.demo': [
    'Toko demo dibuat: {customers} pelanggan, {transactions} transaksi. Masuk sebagai "{username}" dengan kata sandi "{password}".',
    'Demo shop created: {customers} customers, {transactions} transactions. Log in as "{username}" with password "{password}".',
  ],
  'init.rfm': ['Analisis RFM selesai: {customers} pelanggan dinilai.', 'RFM analysis done: {customers} customers scored.'],
  'init.owner': ['Toko dibuat dengan pemilik "{owner}".', 'Shop created with owner "{owner}".'],
  'init.ready': ['Database siap (toko sudah disiapkan).', 'Database is ready (shop already set up).'],
  'init.created': [
    'Database dibuat dan dimigrasi. Buka aplikasi untuk menyiapkan toko, atau pakai --demo / --owner.',
    'Database created and migrated. Open the app to set up the shop, or use --demo / --owner.',
  ],
  'leads.funnelColumns': ['tahap,prospek,nilai', 'stage,leads,value'],
  'leads.channelColumns': ['saluran,prospek,closing,konversi', 'channel,leads,won,rate'],
  'leads.forecastColumns': ['bulan,perkiraan', 'month,weighted'],
  'leads.noChannel': ['(tanpa saluran)', '(no channel)'],
  'leads.columns': ['kode,nama,HP,tahap,PIC,nilai,tindak lanjut', 'code,name,phone,stage,owner,value,next follow-up'],
  'leads.count': ['{shown} dari {total} prospek', '{shown} of {total} leads'],
  'leads.overdueMark': [' (terlambat)', ' (overdue)'],
  'leads.moved': ['{code} {name}: {from} → {to}', '{code} {name}: {from} → {to}'],
  'err.leadStage': ['Tahap "{stage}" tidak ada. Tahap: {stages}.', 'There is no stage "{stage}". Stages: {stages}.'],
  'err.leadOwner': ['Tidak ada pengguna "{owner}". Pengguna: {users} (atau me, none).', 'There is no user "{owner}". Users: {users} (or me, none).'],
  'err.noLead': [
    'Tidak ada prospek "{lead}" (id, kode L-…, atau No. HP prospek).',
    'There is no lead "{lead}" (an id, an L-… code, or a lead\'s phone number).',
  ],
  'leads.undated': ['tanpa tanggal', 'no date'],
  'customers.columns': ['kode,nama,HP,email,kota', 'code,name,phone,email,city'],
  'customers.count': ['{shown} dari {total} pelanggan', '{shown} of {total} customers'],
  'doctor.database': [
    'Database:       {path} ({mb} MB, journal {journal}, foreign key {fk})',
    'Database:    {path} ({mb} MB, journal {journal}, foreign keys {fk})',
  ],
  'doctor.integrity': ['Keutuhan:       {integrity}', 'Integrity:   {integrity}'],
  'doctor.schema': ['Skema:          {version} dari {appVersion} ({names})', 'Schema:      {version} of {appVersion} ({names})'],
  'doctor.rows': ['Baris:          {counts}', 'Rows:        {counts}'],
  'doctor.backup': ['Cadangan akhir: {backup}', 'Last backup: {backup}'],
  'doctor.noBackup': ['belum ada', 'none yet'],
  'doctor.on': ['aktif', 'on'],
  'doctor.off': ['MATI', 'OFF'],
  'table.customers': ['pelanggan', 'customers'],
  'table.transactions': ['transaksi', 'transactions'],
  'table.products': ['produk', 'products'],
  'table.users': ['pengguna', 'users'],
  'table.activity_logs': ['log aktivitas', 'activity_logs'],
  'table.outbox': ['antrean sinkron', 'outbox'],
  'import.summary': [
    '{status}: {rows} baris, {verb} {valid} ({records} data, {created} pelanggan baru), dilewati {skipped}, gagal {failed}.',
    '{status}: {rows} rows, {verb} {valid} ({records} records, {created} new customers), skipped {skipped}, failed {failed}.',
  ],
  'import.preset': ['Ekspor dikenali: {preset} (tanpa pemetaan kolom).', 'Export recognised: {preset} (no column mapping).'],
  'import.completed': ['selesai', 'completed'],
  'import.valid': ['valid', 'valid'],
  'import.stopped': ['dihentikan', 'stopped'],
  'import.imported': ['diimpor', 'imported'],
  'import.wouldImport': ['akan diimpor', 'would import'],
  'import.warning': ['peringatan: {text}', 'warning: {text}'],
  'import.row': ['baris {line}, {column}: {message} (isi: "{value}")', 'row {line}, {column}: {message} (value: "{value}")'],
  'import.more': ['… dan {count} masalah lagi (--json mencantumkan {listed} yang pertama).', '… and {count} more (--json lists the first {listed}).'],
  'rfm.run': [
    'Analisis RFM {id}: {customers} pelanggan per {date}, skor {method}{window}, {ms} ms',
    'RFM run {id}: {customers} customers as of {date}, {method} scores{window}, {ms} ms',
  ],
  'rfm.window': [', {months} bulan terakhir', ', last {months} months'],
  'clv.fit': [
    'Model CLV {id}: {customers} pelanggan per {date}, data sampai {end}, satuan {unit}, {ms} ms',
    'CLV fit {id}: {customers} customers as of {date}, sales up to {end}, in {unit}, {ms} ms',
  ],
  'clv.week': ['minggu', 'weeks'],
  'clv.day': ['hari', 'days'],
  'clv.bgnbd': [
    'BG/NBD: r {r}, α {alpha}, a {a}, b {b}, log-likelihood {ll}, {customers} pelanggan',
    'BG/NBD: r {r}, α {alpha}, a {a}, b {b}, log-likelihood {ll}, {customers} customers',
  ],
  'clv.gammaGamma': [
    'Gamma-Gamma: p {p}, q {q}, γ {gamma}, {customers} pelanggan yang membeli lagi',
    'Gamma-Gamma: p {p}, q {q}, γ {gamma}, {customers} repeat buyers',
  ],
  'clv.holdout': [
    'Uji {from} … {to}: pembelian ulang diperkirakan {predicted}, terjadi {actual}',
    'Holdout {from} … {to}: {predicted} repeat purchases predicted, {actual} happened',
  ],
  'clv.refused': [
    'Data belum cukup untuk model: {reason}. Risiko berhenti tetap memakai perkiraan kasar.',
    'Not enough data for a fit: {reason}. The churn risk stays the rule of thumb.',
  ],
  'clv.refusal.too_few_customers': ['baru {customers} pelanggan yang pernah membeli (perlu {min})', 'only {customers} customers have bought ({min} needed)'],
  'clv.refusal.too_few_repeat_buyers': [
    'baru {repeat} pelanggan yang membeli lagi (perlu {minRepeat})',
    'only {repeat} customers came back to buy again ({minRepeat} needed)',
  ],
  'clv.refusal.no_convergence': ['perhitungannya tidak menemukan jawaban yang stabil', 'the fit did not settle on an answer'],
  'clv.refusal.degenerate': ['hasilnya tidak bermakna untuk data ini', 'the result means nothing for this data'],
  'rfm.columns': ['segmen,pelanggan,% pelanggan,pendapatan,% pendapatan,rata-rata belanja', 'segment,customers,% customers,revenue,% revenue,aov'],
  'content.source': ['Sumber: {source}', 'Source: {source}'],
  'content.templates': ['{source} (template bawaan)', '{source} (built-in templates)'],
  'content.fewer': ['Diminta {asked} varian, ada {got}: {why}', '{asked} variants asked for, {got} given: {why}'],
  'content.fewerTemplates': [
    'hanya ada {got} template bawaan untuk {segment} di {channel}.',
    'there are only {got} built-in templates for {segment} on {channel}.',
  ],
  'content.fewerAnswer': ['jawaban AI hanya berisi {got}.', 'the AI answered with {got} only.'],
  'restore.none': ['Belum ada cadangan di {folder}.', 'There are no backups in {folder} yet.'],
  'restore.columns': ['dibuat (UTC),nama,ukuran,pelanggan,penjualan', 'made (UTC),name,size,customers,sales'],
  'restore.how': ['Pulihkan satu dengan: restore --db <path> --from <nama>', 'Restore one with: restore --db <path> --from <name>'],
  'restore.noFile': [
    'Tidak ada cadangan "{file}" (bukan nama di {folder}, bukan juga file).',
    'There is no backup "{file}" (not a name in {folder}, nor a file).',
  ],
  'restore.done': [
    'Cadangan {name} dipulihkan. Data sebelumnya disimpan sebagai {previous}.',
    'Backup {name} restored. The data from before is kept as {previous}.',
  ],
  'restore.doneDamaged': [
    'Cadangan {name} dipulihkan. File yang rusak dipindahkan ke {aside}.',
    'Backup {name} restored. The damaged file was moved to {aside}.',
  ],
  'restore.missing': ['Tidak ada cadangan "{file}".', 'There is no backup "{file}".'],
  'restore.damaged': [
    'Cadangan "{file}" rusak, jadi tidak dipulihkan. Pilih cadangan lain.',
    'The backup "{file}" is damaged, so it was not restored. Choose another backup.',
  ],
  'restore.notShop': ['"{file}" bukan cadangan data toko.', '"{file}" is not a backup of shop data.'],
  'restore.tooNew': [
    'Cadangan "{file}" dibuat oleh versi aplikasi yang lebih baru. Perbarui aplikasi untuk memulihkannya.',
    'The backup "{file}" was made by a newer version of the app. Update the app to restore it.',
  ],
  'restore.changedHistory': [
    'Cadangan "{file}" dibuat oleh versi aplikasi lain yang susunan datanya berbeda.',
    'The backup "{file}" was made by another version of the app with a different data layout.',
  ],
  'usage.syncEnrol': ['sync enrol perlu --server <alamat> dan --code <kode>.', 'sync enrol needs --server <url> and --code <code>.'],
  'sync.enrolled': [
    'Terdaftar di {server} sebagai perangkat toko "{business}". Perubahan dikirim dengan: sync push --db <path>',
    'Enrolled with {server} as a device of "{business}". Send the changes with: sync push --db <path>',
  ],
  'sync.notEnrolled': [
    'Toko ini belum terdaftar di cloud. Daftarkan dengan: sync enrol --db <path> --server <alamat> --code <kode>',
    'This shop is not enrolled with a cloud. Enrol it with: sync enrol --db <path> --server <url> --code <code>',
  ],
  'sync.pushed': [
    '{acked} perubahan diterima cloud, {rejected} ditolak, {remaining} masih menunggu.',
    '{acked} changes acknowledged by the cloud, {rejected} rejected, {remaining} still waiting.',
  ],
  'sync.progress': ['{acked} dari {total} perubahan terkirim ({requests} kiriman)…', '{acked} of {total} changes sent ({requests} pushes)…'],
  'sync.failed': [
    'Sinkronisasi gagal: {reason}. {pending} perubahan menunggu; tidak ada yang hilang.',
    'Sync failed: {reason}. {pending} changes are waiting; nothing is lost.',
  ],
  'sync.status': [
    'Cloud {server} · toko "{business}" · {pending} perubahan menunggu · {rejected} ditolak · terakhir berhasil: {last}',
    'Cloud {server} · shop "{business}" · {pending} changes waiting · {rejected} rejected · last success: {last}',
  ],
  'sync.restored': [
    'Dipulihkan dari cloud: {customers} pelanggan, {products} produk, {transactions} penjualan, {settings} pengaturan.',
    'Restored from the cloud: {customers} customers, {products} products, {transactions} sales, {settings} settings.',
  ],
  'sync.notEmpty': [
    'Toko ini sudah berisi data; pemulihan dari cloud hanya untuk toko baru yang kosong.',
    'This shop already has data; restoring from the cloud is for a new, empty shop only.',
  ],
  'sync.never': ['belum pernah', 'never'],
  'sync.lastError': ['Galat terakhir: {error}', 'Last error: {error}'],
  'export.done': ['{rows} baris, {bytes} byte → {out}', '{rows} rows, {bytes} bytes → {out}'],
} as const satisfies Record<string, readonly [string, string]>;

export type CliText = keyof typeof TEXT;

let current: CliLanguage = 'en';

/** The run's language; SMA_LANG wins over what the shop says. */
export function setCliLanguage(language: CliLanguage): void {
  current = language;
}

export function cliLanguage(): CliLanguage {
  return current;
}

/** SMA_LANG (`id`, `en`, also `id_ID.UTF-8`-like values); undefined when unset, null when unusable. */
export function languageFromEnv(value = process.env.SMA_LANG): CliLanguage | null | undefined {
  if (!value) return undefined;
  const code = value.trim().toLowerCase().slice(0, 2);
  return code === 'id' || code === 'en' ? code : null;
}

export function say(key: CliText, params: Record<string, string | number> = {}): string {
  const text: string = TEXT[key][current === 'id' ? 0 : 1];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
