import type { ModelAnswer } from '../../src-cloud/assistant/model';
import type { HandoverReason, Phase } from '../../src-cloud/assistant/schema';

/**
 * Scripted conversations in Bahasa Indonesia (a few mixed with English, as seed 003 expects). Each
 * step: what the customer writes, what the fake model answers (absent when the bot must not be asked:
 * the conversation is already with a person), and what must hold afterwards — the phase, whether it is
 * handed over and why, and whether the bot replied.
 */
export interface Step {
  say: string;
  model?: ModelAnswer;
  phase: Phase;
  handover: HandoverReason | null;
  replied: boolean;
}

export interface Scripted {
  name: string;
  steps: Step[];
}

const m = (reply: string, newPhase: Phase, over: Partial<ModelAnswer> = {}): ModelAnswer => ({
  reply,
  media: [],
  newPhase,
  confidence: 0.9,
  escalate: false,
  reason: null,
  summary: `Ringkasan: ${reply.slice(0, 60)}`,
  ...over,
});
const img = (code: string) => [{ type: 'image' as const, url: `https://cdn.example.com/${code}.jpg`, caption: null }];
const pdf = (code: string) => [{ type: 'file' as const, url: `https://cdn.example.com/${code}.pdf`, caption: 'Brosur' }];

const ok = (say: string, model: ModelAnswer, phase: Phase): Step => ({ say, model, phase, handover: null, replied: true });
const over = (say: string, model: ModelAnswer | undefined, phase: Phase, handover: HandoverReason): Step => ({ say, model, phase, handover, replied: true });
const silent = (say: string, phase: Phase, handover: HandoverReason): Step => ({ say, phase, handover, replied: false });

export const CONVERSATIONS: Scripted[] = [
  {
    name: 'kode, detail, DP',
    steps: [
      ok('UMR_MAR_2025_HEMAT', m('Assalamualaikum! Paket Umroh Maret 2025 Hemat Rp 25.000.000', 'LEADS', { media: img('umr-mar-hemat') }), 'LEADS'),
      ok('Fasilitas hotelnya apa saja?', m('Hotel bintang 3, ini brosurnya', 'INTEREST', { media: pdf('umr-mar-hemat') }), 'INTEREST'),
      over('DP berapa?', m('Admin kami akan membantu soal DP', 'INTEREST'), 'BOOKING', 'payment_intent'),
    ],
  },
  {
    name: 'tanpa kode, preferensi, cara bayar',
    steps: [
      ok('Assalamualaikum, mau tanya umroh', m('Berapa orang yang berangkat dan bulan apa?', 'LEADS'), 'LEADS'),
      ok('4 orang, bulan April', m('Paket April Plus cocok untuk 4 orang', 'LEADS'), 'LEADS'),
      ok('Hotelnya dekat Haram?', m('Hotel bintang 5 dekat Haram', 'INTEREST'), 'INTEREST'),
      over('Cara bayar?', m('Admin akan menjelaskan pembayaran', 'BOOKING', { escalate: true, reason: 'pembayaran' }), 'BOOKING', 'payment_intent'),
    ],
  },
  {
    name: 'minta bicara dengan admin',
    steps: [
      ok('UMR_APR_2025_PLUS', m('Paket April Plus Rp 32.500.000', 'LEADS', { media: img('umr-apr-plus') }), 'LEADS'),
      over('Saya mau bicara dengan admin saja', m('Baik, saya sambungkan', 'LEADS'), 'LEADS', 'person_request'),
      silent('Halo admin?', 'LEADS', 'person_request'),
    ],
  },
  {
    name: 'pertanyaan di luar data',
    steps: [
      ok('Halo', m('Selamat datang! Berapa orang yang berangkat?', 'LEADS'), 'LEADS'),
      over(
        'Apakah bisa bawa kursi roda sendiri?',
        m('Akan saya tanyakan ke admin', 'LEADS', { escalate: true, reason: 'kursi roda tidak ada di data' }),
        'LEADS',
        'unknown_question',
      ),
    ],
  },
  {
    name: 'keyakinan rendah',
    steps: [
      ok('UMR_MAR_2025_HEMAT', m('Paket Maret Hemat', 'LEADS'), 'LEADS'),
      over('Visa progresif ditanggung?', m('Mungkin ditanggung', 'INTEREST', { confidence: 0.35 }), 'INTEREST', 'low_confidence'),
    ],
  },
  {
    name: 'model mencoba mundur',
    steps: [
      ok('Minta brosur paket April', m('Ini brosurnya', 'INTEREST', { media: pdf('umr-apr-plus') }), 'INTEREST'),
      ok('oke makasih', m('Sama-sama', 'LEADS'), 'INTEREST'),
      ok('nanti saya kabari', m('Baik, ditunggu', 'LEADS'), 'INTEREST'),
    ],
  },
  {
    name: 'langsung mau daftar',
    steps: [
      over('Mau daftar paket Maret', m('Admin kami segera menghubungi', 'BOOKING'), 'BOOKING', 'payment_intent'),
      silent('Ditunggu ya', 'BOOKING', 'payment_intent'),
    ],
  },
  {
    name: 'kode tidak dikenal',
    steps: [
      ok('UMR_DES_2030_MEWAH', m('Selamat datang! Bulan apa yang diinginkan?', 'LEADS'), 'LEADS'),
      ok('Desember', m('Untuk Desember belum ada jadwal, ada Maret dan April', 'LEADS'), 'LEADS'),
    ],
  },
  {
    name: 'dua kode sekaligus',
    steps: [
      ok('UMR_APR_2025_PLUS atau UMR_MAR_2025_HEMAT?', m('Paket April Plus dulu ya', 'LEADS'), 'LEADS'),
      ok('Bedanya apa?', m('April Plus hotel bintang 5, Maret Hemat bintang 3', 'INTEREST'), 'INTEREST'),
    ],
  },
  {
    name: 'nomor rekening',
    steps: [
      ok('Paket Maret masih ada?', m('Masih tersedia', 'LEADS'), 'LEADS'),
      over('Nomor rekeningnya apa?', m('Admin akan mengirimkan', 'LEADS'), 'BOOKING', 'payment_intent'),
    ],
  },
  {
    name: 'bahasa Inggris, down payment',
    steps: [
      ok('Hi, what umrah packages do you have?', m('We have March Hemat and April Plus packages', 'LEADS'), 'LEADS'),
      ok('What hotel is in the April package?', m('A 5-star hotel near the Haram', 'INTEREST'), 'INTEREST'),
      over('How much is the down payment?', m('Our admin will contact you', 'INTEREST'), 'BOOKING', 'payment_intent'),
    ],
  },
  { name: 'bahasa Inggris, minta orang', steps: [over('Can I talk to a human please?', m('Sure, connecting you', 'LEADS'), 'LEADS', 'person_request')] },
  {
    name: 'tanya harga saja',
    steps: [
      ok('Berapa harga paket April?', m('Rp 32.500.000', 'LEADS'), 'LEADS'),
      ok('Sudah termasuk tiket?', m('Sudah termasuk tiket pesawat', 'INTEREST'), 'INTEREST'),
      ok('Oke terima kasih', m('Sama-sama Kak', 'INTEREST'), 'INTEREST'),
    ],
  },
  {
    name: 'uang muka',
    steps: [
      ok('UMR_MAR_2025_HEMAT', m('Paket Maret Hemat', 'LEADS'), 'LEADS'),
      ok('Itinerary-nya?', m('Hari 1 Jakarta - Madinah ...', 'INTEREST', { media: pdf('umr-mar-hemat') }), 'INTEREST'),
      over('Uang muka minimal berapa?', m('Admin akan menjelaskan', 'INTEREST'), 'BOOKING', 'payment_intent'),
    ],
  },
  {
    name: 'model menaikkan fase ke booking dan eskalasi',
    steps: [
      ok('Paket April kuotanya masih?', m('Kuota terbatas', 'LEADS'), 'LEADS'),
      over(
        'Saya ambil 3 kursi, lanjut prosesnya gimana?',
        m('Admin kami akan memproses', 'BOOKING', { escalate: true, reason: 'siap memesan' }),
        'BOOKING',
        'payment_intent',
      ),
    ],
  },
  {
    name: 'keyakinan pas di ambang',
    steps: [
      ok('Halo kak', m('Halo! Ada yang bisa dibantu?', 'LEADS', { confidence: 0.6 }), 'LEADS'),
      over('Manasik di mana?', m('Mungkin di kantor', 'LEADS', { confidence: 0.59 }), 'LEADS', 'low_confidence'),
    ],
  },
  {
    name: 'cs dong',
    steps: [
      ok('UMR_APR_2025_PLUS', m('Paket April Plus', 'LEADS'), 'LEADS'),
      ok('Hotel di Makkah apa?', m('Hotel bintang 5 dekat Haram', 'INTEREST'), 'INTEREST'),
      over('CS dong, mau nego', m('Baik', 'INTEREST'), 'INTEREST', 'person_request'),
    ],
  },
  {
    name: 'jadwal lalu booking',
    steps: [
      ok('Jadwal keberangkatan bulan Maret tanggal berapa?', m('15 Maret 2025', 'LEADS'), 'LEADS'),
      ok('Berapa hari?', m('9 hari', 'INTEREST'), 'INTEREST'),
      over('Saya mau booking untuk 2 orang', m('Admin segera menghubungi', 'INTEREST'), 'BOOKING', 'payment_intent'),
      silent('Terima kasih', 'BOOKING', 'payment_intent'),
    ],
  },
  { name: 'salam saja', steps: [ok('Assalamualaikum', m('Waalaikumsalam! Untuk berapa orang?', 'LEADS'), 'LEADS')] },
  {
    name: 'cicilan bukan pembayaran',
    steps: [
      ok('Ada cicilan?', m('Ada skema cicilan, detailnya di brosur', 'INTEREST', { media: pdf('umr-mar-hemat') }), 'INTEREST'),
      ok('Berapa bulan?', m('Hingga 12 bulan', 'INTEREST'), 'INTEREST'),
    ],
  },
  {
    name: 'pertanyaan medis',
    steps: [
      ok('UMR_MAR_2025_HEMAT', m('Paket Maret Hemat', 'LEADS'), 'LEADS'),
      over(
        'Ibu saya pakai insulin, aman di pesawat?',
        m('Sebaiknya ditanyakan ke admin', 'LEADS', { escalate: true, reason: 'pertanyaan medis' }),
        'LEADS',
        'unknown_question',
      ),
    ],
  },
  {
    name: 'model tidak yakin sejak awal',
    steps: [
      over('Kak paket haji furoda ada?', m('Mungkin ada', 'LEADS', { confidence: 0.2 }), 'LEADS', 'low_confidence'),
      silent('Halo?', 'LEADS', 'low_confidence'),
    ],
  },
  {
    name: 'transfer ke mana',
    steps: [
      ok('Saya sudah cocok paket April', m('Alhamdulillah', 'INTEREST'), 'INTEREST'),
      over('Transfer ke mana kak?', m('Admin akan mengirimkan rekening', 'INTEREST'), 'BOOKING', 'payment_intent'),
    ],
  },
  {
    name: 'bukan bot',
    steps: [
      ok('Ini siapa?', m('Saya asisten Travel Amanah', 'LEADS'), 'LEADS'),
      over('Saya mau yang bukan bot', m('Baik, admin akan membalas', 'LEADS'), 'LEADS', 'person_request'),
    ],
  },
  {
    name: 'fasilitas lengkap tanpa booking',
    steps: [
      ok('UMR_APR_2025_PLUS', m('Paket April Plus', 'LEADS', { media: img('umr-apr-plus') }), 'LEADS'),
      ok('Ada city tour?', m('Ada city tour Thaif', 'INTEREST'), 'INTEREST'),
      ok('Makanannya?', m('Makan 3 kali sehari', 'INTEREST'), 'INTEREST'),
      ok('Oke nanti saya diskusikan keluarga', m('Baik, ditunggu kabarnya', 'INTEREST'), 'INTEREST'),
    ],
  },
  {
    name: 'kode huruf kecil',
    steps: [
      ok('umr_mar_2025_hemat', m('Paket Maret Hemat', 'LEADS'), 'LEADS'),
      over('cara pembayarannya gimana', m('Admin akan menjelaskan', 'LEADS'), 'BOOKING', 'payment_intent'),
    ],
  },
  {
    name: 'model bilang booking tanpa eskalasi',
    steps: [
      ok('Saya tertarik paket Maret', m('Paket Maret Hemat tersedia', 'INTEREST'), 'INTEREST'),
      ok('Kirim syaratnya ya', m('Syarat: paspor, KTP, foto', 'BOOKING'), 'BOOKING'),
      ok('Paspor saya masih berlaku 5 bulan', m('Paspor harus berlaku minimal 6 bulan', 'INTEREST'), 'BOOKING'),
    ],
  },
  { name: 'minta telepon', steps: [over('Bisa telpon sama petugas?', m('Baik', 'LEADS'), 'LEADS', 'person_request')] },
  {
    name: 'pertanyaan visa tidak diketahui',
    steps: [
      ok('Paket April berapa?', m('Rp 32.500.000', 'LEADS'), 'LEADS'),
      ok('Termasuk visa?', m('Termasuk visa umroh', 'INTEREST'), 'INTEREST'),
      over(
        'Kalau paspor saya dari Malaysia bisa?',
        m('Saya teruskan ke admin', 'INTEREST', { escalate: true, reason: 'paspor asing' }),
        'INTEREST',
        'unknown_question',
      ),
    ],
  },
  {
    name: 'pesan kosong lalu kode',
    steps: [
      ok('P', m('Halo! Ada yang bisa dibantu?', 'LEADS'), 'LEADS'),
      ok('UMR_APR_2025_PLUS', m('Paket April Plus', 'LEADS', { media: img('umr-apr-plus') }), 'LEADS'),
    ],
  },
  {
    name: 'bayar lunas',
    steps: [
      ok('UMR_MAR_2025_HEMAT', m('Paket Maret Hemat', 'LEADS'), 'LEADS'),
      over('Saya mau bayar lunas saja', m('Admin akan menghubungi', 'LEADS'), 'BOOKING', 'payment_intent'),
    ],
  },
  {
    name: 'tanya kuota',
    steps: [
      ok('Kuota April masih ada?', m('Kuota terbatas, segera ya', 'LEADS'), 'LEADS'),
      ok('Sisa berapa kursi?', m('Tinggal sedikit', 'INTEREST', { confidence: 0.7 }), 'INTEREST'),
    ],
  },
];
