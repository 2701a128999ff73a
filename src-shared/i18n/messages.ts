import type { Language } from '../schemas/auth';

/**
 * Sentences the main process says to people (errors, validation). Both sides use them: the renderer
 * to show a schema's message while typing, the main process to answer a call.
 */
const id = {
  'v.required': 'Wajib diisi.',
  'v.tooLong': 'Terlalu panjang.',
  'v.tooMany': 'Terlalu banyak isian.',
  'v.phone': 'Nomor HP tidak valid. Contoh: 0812-3456-7890 atau +62 812 3456 7890.',
  'v.email': 'Alamat email tidak valid. Contoh: nama@contoh.com.',
  'v.date': 'Tanggal tidak valid. Gunakan format dd/mm/yyyy.',
  'v.number': 'Harus berupa angka.',
  'v.integer': 'Harus berupa bilangan bulat rupiah.',
  'v.positive': 'Harus lebih dari nol.',
  'v.range': 'Nilai di luar batas yang diizinkan.',
  'v.amountOrItems': 'Isi nominal atau tambahkan minimal satu barang.',
  'v.username': 'Hanya huruf kecil, angka, titik, garis bawah, atau tanda hubung.',
  'v.usernameShort': 'Minimal 3 karakter.',
  'v.passwordShort': 'Kata sandi minimal 8 karakter.',
  'v.invalid': 'Isian tidak valid.',
  'err.validation': 'Periksa kembali isian: {fields}.',
  'err.unknownChannel': 'Perintah "{channel}" tidak dikenal.',
  'err.unauthenticated': 'Silakan masuk terlebih dahulu.',
  'err.sessionExpired': 'Sesi Anda telah berakhir. Silakan masuk kembali.',
  'err.locked': 'Layar terkunci. Masukkan kata sandi untuk melanjutkan.',
  'err.forbidden': 'Peran {role} tidak diizinkan untuk tindakan ini. Minta pemilik toko jika perlu.',
  'err.internal': 'Terjadi kesalahan tak terduga. Data Anda tidak diubah. Coba lagi.',
  'err.setupRequired': 'Toko belum disiapkan. Buat akun pemilik atau buka toko demo.',
  'err.alreadySetUp': 'Toko sudah disiapkan. Silakan masuk.',
  'err.badLogin': 'Nama pengguna atau kata sandi salah.',
  'err.throttled': 'Terlalu banyak percobaan gagal. Coba lagi dalam {seconds} detik.',
  'err.badPassword': 'Kata sandi salah.',
  'err.inactiveUser': 'Akun ini dinonaktifkan. Hubungi pemilik toko.',
  'err.notFound': '{entity} tidak ditemukan.',
  'err.duplicateCustomer': 'Pelanggan dengan {field} yang sama sudah ada: {name} ({code}).',
  'err.codeTaken': 'Kode {code} sudah dipakai.',
  'err.conflict': 'Data ini bentrok dengan data yang sudah ada (kode atau kunci yang sama). Tidak ada yang diubah.',
  'err.usernameTaken': 'Nama pengguna {username} sudah dipakai.',
  'err.lastOwner': 'Harus ada minimal satu pemilik yang aktif.',
  'err.customerDeleted': 'Pelanggan ini sudah dihapus. Pulihkan dulu sebelum menambah transaksi.',
  'err.jobRunning': 'Masih ada proses lain yang berjalan. Tunggu sampai selesai.',
  'err.cancelled': 'Proses dibatalkan. Tidak ada data yang diubah.',
  'entity.customer': 'Pelanggan',
  'entity.transaction': 'Transaksi',
  'entity.product': 'Produk',
  'entity.user': 'Pengguna',
  'entity.job': 'Proses',
  'field.phone': 'nomor HP',
  'field.email': 'email',
  'role.owner': 'Pemilik',
  'role.manager': 'Manajer',
  'role.staff': 'Staf',
};

type Key = keyof typeof id;

const en: Record<Key, string> = {
  'v.required': 'Required.',
  'v.tooLong': 'Too long.',
  'v.tooMany': 'Too many entries.',
  'v.phone': 'Not a valid phone number. Example: 0812-3456-7890 or +62 812 3456 7890.',
  'v.email': 'Not a valid email address. Example: name@example.com.',
  'v.date': 'Not a valid date. Use dd/mm/yyyy.',
  'v.number': 'Must be a number.',
  'v.integer': 'Must be a whole rupiah amount.',
  'v.positive': 'Must be more than zero.',
  'v.range': 'Value is out of the allowed range.',
  'v.amountOrItems': 'Enter an amount or add at least one item.',
  'v.username': 'Only lowercase letters, digits, dot, underscore or hyphen.',
  'v.usernameShort': 'At least 3 characters.',
  'v.passwordShort': 'Password must be at least 8 characters.',
  'v.invalid': 'Invalid value.',
  'err.validation': 'Please check: {fields}.',
  'err.unknownChannel': 'Unknown command "{channel}".',
  'err.unauthenticated': 'Please log in first.',
  'err.sessionExpired': 'Your session has ended. Please log in again.',
  'err.locked': 'The screen is locked. Enter your password to continue.',
  'err.forbidden': 'The {role} role may not do this. Ask the shop owner if needed.',
  'err.internal': 'Something unexpected went wrong. Your data was not changed. Please try again.',
  'err.setupRequired': 'The shop is not set up yet. Create the owner account or open the demo shop.',
  'err.alreadySetUp': 'The shop is already set up. Please log in.',
  'err.badLogin': 'Wrong username or password.',
  'err.throttled': 'Too many failed attempts. Try again in {seconds} seconds.',
  'err.badPassword': 'Wrong password.',
  'err.inactiveUser': 'This account is disabled. Ask the shop owner.',
  'err.notFound': '{entity} not found.',
  'err.duplicateCustomer': 'A customer with the same {field} already exists: {name} ({code}).',
  'err.codeTaken': 'Code {code} is already used.',
  'err.conflict': 'This clashes with existing data (the same code or key). Nothing was changed.',
  'err.usernameTaken': 'Username {username} is already taken.',
  'err.lastOwner': 'At least one active owner must remain.',
  'err.customerDeleted': 'This customer was deleted. Restore it before adding transactions.',
  'err.jobRunning': 'Another task is still running. Wait until it finishes.',
  'err.cancelled': 'Cancelled. No data was changed.',
  'entity.customer': 'Customer',
  'entity.transaction': 'Transaction',
  'entity.product': 'Product',
  'entity.user': 'User',
  'entity.job': 'Task',
  'field.phone': 'phone number',
  'field.email': 'email',
  'role.owner': 'Owner',
  'role.manager': 'Manager',
  'role.staff': 'Staff',
};

export type MessageKey = Key;
const dictionaries: Record<Language, Record<Key, string>> = { id, en };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  const dict = dictionaries[language] ?? id;
  return (key, vars) => {
    const text = dict[key] ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`)) : text;
  };
}

/** A schema message is either one of our keys or zod's own sentence; show the sentence either way. */
export function validationText(message: string, language: Language): string {
  const dict = dictionaries[language] ?? id;
  return message in dict ? dict[message as Key] : message;
}
