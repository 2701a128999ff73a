/** Bahasa Indonesia: AI messages: keys, quotas, the AI service's failures, SMS length. */
export const idContent = {
  'ai.noKey': 'Belum ada kunci API AI. Contoh pesan dari pustaka template ditampilkan; isi kunci di Pengaturan → AI untuk membuat pesan dengan AI.',
  'ai.offline': 'Layanan AI tidak bisa dihubungi (offline?). Permintaan disimpan dan akan dibuat otomatis saat koneksi kembali; sementara ini, pakai template.',
  'ai.templatesShort': '{{got}} dari {{asked}} varian: pustaka templat offline hanya punya {{got}} untuk segmen/kanal ini.',
  'ai.badKey': 'Kunci API ditolak oleh layanan AI (401). Periksa kunci di Pengaturan → AI.',
  'ai.rateLimited': 'Layanan AI sedang membatasi permintaan (429). Coba lagi dalam {{seconds}} detik.',
  'ai.serverError': 'Layanan AI sedang bermasalah (kode {{status}}). Coba lagi nanti; sementara ini, pakai template.',
  'ai.timeout': 'Layanan AI tidak menjawab dalam {{seconds}} detik. Coba lagi; sementara ini, pakai template.',
  'ai.badResponse': 'Jawaban layanan AI tidak sesuai format yang diminta, jadi tidak disimpan. Coba lagi atau pakai template.',
  'ai.quota': 'Kuota AI bulan ini sudah habis ({{used}} dari {{limit}}). Naikkan kuota di Pengaturan → AI, atau pakai template.',
  'ai.cantStoreKey': 'Kunci hanya bisa disimpan di aplikasi desktop. Di mode browser dan CLI, isi variabel lingkungan OPENAI_API_KEY.',
  'ai.queuedDone': 'Konten untuk {{segment}} ({{channel}}) yang tertunda sudah dibuat.',
  'content.smsTooLong': 'SMS maksimal {{max}} karakter, ini {{length}}',
  'content.offerDefault': 'penawaran khusus',
} satisfies Record<string, string>;
