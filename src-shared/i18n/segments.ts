import type { Language } from '../schemas/auth';
import type { ChurnBand, SegmentId } from '../rfm/rules';

export interface SegmentText {
  name: string;
  /** Who they are, in one line an owner recognises. */
  who: string;
  /** What to do about them. */
  action: string;
}

/** Segment names and recommended actions: shown on the RFM pages, the dashboard, exports and the CLI. */
export const SEGMENT_TEXT: Record<Language, Record<SegmentId, SegmentText>> = {
  id: {
    champions: {
      name: 'Juara',
      who: 'Baru saja belanja, sering, dan paling banyak.',
      action: 'Beri hadiah dan akses awal produk baru; minta ulasan dan ajak jadi duta toko.',
    },
    loyal: { name: 'Setia', who: 'Belanja rutin dan cukup sering.', action: 'Tawarkan program poin atau member; rekomendasikan produk pelengkap.' },
    potential_loyalist: {
      name: 'Calon Setia',
      who: 'Belanja baru-baru ini, lebih dari sekali.',
      action: 'Tawarkan keanggotaan atau diskon pembelian berikutnya agar jadi pelanggan tetap.',
    },
    new_customers: {
      name: 'Pelanggan Baru',
      who: 'Baru sekali belanja, belum lama ini.',
      action: 'Sambut dengan pesan terima kasih dan panduan produk; beri alasan untuk kembali.',
    },
    promising: {
      name: 'Menjanjikan',
      who: 'Belanja cukup baru, tapi baru sekali.',
      action: 'Kenalkan produk lain dan beri penawaran ringan untuk pembelian kedua.',
    },
    need_attention: {
      name: 'Perlu Perhatian',
      who: 'Di tengah-tengah: tidak terlalu baru, tidak terlalu sering.',
      action: 'Kirim penawaran terbatas waktu yang sesuai riwayat belanjanya.',
    },
    about_to_sleep: {
      name: 'Hampir Tidur',
      who: 'Sudah agak lama tidak belanja, dan jarang.',
      action: 'Ingatkan dengan produk populer atau diskon kecil sebelum mereka lupa.',
    },
    at_risk: {
      name: 'Berisiko',
      who: 'Dulu cukup sering belanja, tapi sudah lama tidak kembali.',
      action: 'Hubungi secara pribadi; tawarkan promo khusus untuk mengajak kembali.',
    },
    cant_lose_them: {
      name: 'Jangan Sampai Hilang',
      who: 'Dulu pelanggan terbaik, kini lama tidak belanja.',
      action: 'Telepon atau kirim pesan pribadi; beri penawaran terbaik dan tanyakan kendalanya.',
    },
    hibernating: {
      name: 'Tidur',
      who: 'Lama tidak belanja, jarang, dan nilainya kecil.',
      action: 'Kirim penawaran umum sesekali; jangan habiskan banyak biaya.',
    },
    lost: { name: 'Hilang', who: 'Sudah sangat lama tidak belanja.', action: 'Coba satu kampanye ajak kembali; bila tidak ada respons, kurangi kontak.' },
  },
  en: {
    champions: {
      name: 'Champions',
      who: 'Bought recently, buy often and spend the most.',
      action: 'Reward them and give early access to new products; ask for reviews and referrals.',
    },
    loyal: { name: 'Loyal', who: 'Buy regularly and fairly often.', action: 'Offer a points or membership programme; recommend complementary products.' },
    potential_loyalist: {
      name: 'Potential Loyalist',
      who: 'Recent customers who have bought more than once.',
      action: 'Offer membership or a next-purchase discount to make them regulars.',
    },
    new_customers: {
      name: 'New Customers',
      who: 'Bought once, recently.',
      action: 'Welcome them with a thank-you and product tips; give them a reason to come back.',
    },
    promising: {
      name: 'Promising',
      who: 'Fairly recent, but only one purchase.',
      action: 'Introduce other products and make a light offer for the second purchase.',
    },
    need_attention: {
      name: 'Need Attention',
      who: 'In the middle: not very recent, not very frequent.',
      action: 'Send a time-limited offer that matches what they bought before.',
    },
    about_to_sleep: {
      name: 'About to Sleep',
      who: 'Have not bought for a while, and rarely.',
      action: 'Remind them with popular products or a small discount before they forget you.',
    },
    at_risk: {
      name: 'At Risk',
      who: 'Used to buy fairly often, but have not come back for a long time.',
      action: 'Reach out personally; offer a special promotion to win them back.',
    },
    cant_lose_them: {
      name: "Can't Lose Them",
      who: 'Once your best customers, now gone quiet.',
      action: 'Call or message them personally; make your best offer and ask what went wrong.',
    },
    hibernating: { name: 'Hibernating', who: 'Long gone, rare and low spend.', action: 'Send a general offer now and then; do not spend much on them.' },
    lost: { name: 'Lost', who: 'Have not bought for a very long time.', action: 'Try one win-back campaign; if there is no response, contact them less.' },
  },
};

export const CHURN_TEXT: Record<Language, Record<ChurnBand, string>> = {
  id: { active: 'Aktif', cooling: 'Mulai dingin', at_risk: 'Berisiko', likely_lost: 'Kemungkinan hilang' },
  en: { active: 'Active', cooling: 'Cooling', at_risk: 'At risk', likely_lost: 'Likely lost' },
};

export function segmentName(segment: SegmentId, language: Language): string {
  return SEGMENT_TEXT[language][segment].name;
}

export const CHANNEL_TEXT: Record<Language, Record<'whatsapp' | 'email' | 'instagram' | 'sms' | 'banner', string>> = {
  id: { whatsapp: 'WhatsApp', email: 'email', instagram: 'Instagram', sms: 'SMS', banner: 'banner promo' },
  en: { whatsapp: 'WhatsApp', email: 'email', instagram: 'Instagram', sms: 'SMS', banner: 'promo banner' },
};
