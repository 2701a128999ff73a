import type { Language } from '../schemas/auth';
import type { ChurnBand, SegmentId } from './rules';

/**
 * One sentence an owner can act on, per customer: what kind of customer this is (from the segment,
 * so it never contradicts the badge next to it) and whether they are keeping their own pace (from
 * the churn band: days since the last purchase ÷ their usual gap). The figures and formulas behind
 * it are shown only on request ("Cara dihitung").
 */
export interface VerdictInput {
  segment: SegmentId;
  churnBand: ChurnBand | null;
  recencyDays: number;
  frequency: number;
  /** The customer's usual gap between purchases, or the shop's for a one-time buyer; null when unknown. */
  gapDays: number | null;
}

export type VerdictTone = 'good' | 'watch' | 'act' | 'gone';

export interface Verdict {
  tone: VerdictTone;
  /** Worth a personal message now. */
  contact: boolean;
  text: string;
}

/** Segments that say the customer is (still) coming: a late pace reads as "but…" after them. */
const COMING: readonly SegmentId[] = ['champions', 'loyal', 'potential_loyalist', 'new_customers', 'promising'];
const WATCH: readonly SegmentId[] = ['need_attention', 'about_to_sleep'];
const ACT: readonly SegmentId[] = ['at_risk', 'cant_lose_them'];
const GONE: readonly SegmentId[] = ['hibernating', 'lost'];

type Pace = 'unknown' | 'onPace' | 'late' | 'overdue';

function paceOf(band: ChurnBand | null): Pace {
  if (band === null) return 'unknown';
  return band === 'active' ? 'onPace' : band === 'cooling' ? 'late' : 'overdue';
}

interface Words {
  headline: Record<SegmentId, string>;
  /** After a "coming" headline when they are overdue: the one word that keeps both true. */
  but: string;
  ago: (days: number) => string;
  every: (days: number) => string;
  once: (ago: string) => string;
  last: (ago: string) => string;
  regular: (ago: string) => string;
  ownPace: (ago: string, every: string) => string;
  late: (ago: string, every: string) => string;
  overdue: (days: number, every: string) => string;
  othersReturn: (days: number) => string;
  contact: string;
  winBack: string;
}

const days = (n: number, one: string, many: string) => (n === 1 ? one : many.replace('#', n.toLocaleString('id-ID')));

const WORDS: Record<Language, Words> = {
  id: {
    headline: {
      champions: 'Pelanggan terbaik',
      loyal: 'Pelanggan setia',
      potential_loyalist: 'Calon pelanggan tetap',
      new_customers: 'Pelanggan baru',
      promising: 'Pelanggan baru yang menjanjikan',
      need_attention: 'Perlu perhatian',
      about_to_sleep: 'Mulai jarang datang',
      at_risk: 'Dulu rutin, kini lama tidak datang',
      cant_lose_them: 'Dulu pelanggan terbaik, kini lama tidak datang',
      hibernating: 'Lama tidak belanja',
      lost: 'Sudah sangat lama tidak belanja',
    },
    but: ', tapi mulai jarang datang',
    ago: (n) => (n <= 0 ? 'hari ini' : n === 1 ? 'kemarin' : `${n.toLocaleString('id-ID')} hari lalu`),
    every: (n) => days(n, 'setiap hari', 'tiap # hari'),
    once: (ago) => `baru sekali belanja, ${ago}.`,
    last: (ago) => `terakhir belanja ${ago}.`,
    regular: (ago) => `belanja rutin, terakhir ${ago}.`,
    ownPace: (ago, every) => `terakhir belanja ${ago}, dan memang biasanya hanya belanja ${every}.`,
    late: (ago, every) => `sedikit lewat dari kebiasaannya: biasanya belanja ${every}, terakhir ${ago}.`,
    overdue: (n, every) => `biasanya belanja ${every}, sudah ${n.toLocaleString('id-ID')} hari tidak belanja.`,
    othersReturn: (n) => ` Pelanggan lain biasanya kembali dalam ${n.toLocaleString('id-ID')} hari.`,
    contact: ' Layak dihubungi.',
    winBack: ' Coba sekali ajak kembali.',
  },
  en: {
    headline: {
      champions: 'One of your best customers',
      loyal: 'A loyal customer',
      potential_loyalist: 'On the way to becoming a regular',
      new_customers: 'A new customer',
      promising: 'A promising new customer',
      need_attention: 'Needs attention',
      about_to_sleep: 'Starting to drift away',
      at_risk: 'Used to come often, now away',
      cant_lose_them: 'Once a best customer, now away',
      hibernating: 'Away for a long time',
      lost: 'Gone for a very long time',
    },
    but: ', but coming less often',
    ago: (n) => (n <= 0 ? 'today' : n === 1 ? 'yesterday' : `${n.toLocaleString('id-ID')} days ago`),
    every: (n) => days(n, 'every day', 'every # days'),
    once: (ago) => `bought once, ${ago}.`,
    last: (ago) => `last bought ${ago}.`,
    regular: (ago) => `buys regularly, last ${ago}.`,
    ownPace: (ago, every) => `last bought ${ago}, and usually buys only ${every}.`,
    late: (ago, every) => `a little past their habit: usually buys ${every}, last ${ago}.`,
    overdue: (n, every) => `usually buys ${every}, has not bought for ${days(n, '1 day', '# days')}.`,
    othersReturn: (n) => ` Other customers usually come back within ${days(n, '1 day', '# days')}.`,
    contact: ' Worth contacting.',
    winBack: ' Worth one win-back message.',
  },
};

/** The verdict for one customer of an RFM run, in the language on screen. */
export function customerVerdict(input: VerdictInput, language: Language): Verdict {
  const w = WORDS[language];
  const pace = input.gapDays === null ? 'unknown' : paceOf(input.churnBand);
  const gap = Math.max(1, Math.round(input.gapDays ?? 0));
  const once = input.frequency <= 1;
  const ago = w.ago(input.recencyDays);
  const coming = COMING.includes(input.segment);
  const gone = GONE.includes(input.segment);
  const contact = !gone && (pace === 'overdue' || ACT.includes(input.segment));

  let detail: string;
  if (pace === 'unknown') detail = once ? w.once(ago) : w.last(ago);
  // A one-time buyer has no habit of their own, only the shop's gap to compare with: no "regular".
  else if (once) detail = w.once(ago) + (pace === 'onPace' ? '' : w.othersReturn(gap));
  // "Regular" only beside a segment that says they keep coming; beside one that says they are away,
  // the pace is their own slow habit, said as such.
  else if (pace === 'onPace') detail = coming ? w.regular(ago) : w.ownPace(ago, w.every(gap));
  else if (pace === 'late') detail = w.late(ago, w.every(gap));
  else detail = w.overdue(input.recencyDays, w.every(gap));
  const headline = w.headline[input.segment] + (coming && pace === 'overdue' ? w.but : '');
  const tail = contact ? w.contact : gone && pace === 'overdue' ? w.winBack : '';

  const tone: VerdictTone = gone ? 'gone' : contact ? 'act' : pace === 'late' || WATCH.includes(input.segment) ? 'watch' : 'good';
  return { tone, contact, text: `${headline} — ${detail}${tail}` };
}

const SEGMENT_WORDS: Record<Language, { empty: string; people: (n: number) => string; figures: (ago: string, times: string, money: string) => string }> = {
  id: {
    empty: 'Belum ada pelanggan di segmen ini pada analisis ini.',
    people: (n) => `${n.toLocaleString('id-ID')} pelanggan`,
    figures: (ago, times, money) => `rata-rata terakhir belanja ${ago}, ${times} kali belanja, ${money} per orang.`,
  },
  en: {
    empty: 'No customers in this segment in this analysis.',
    people: (n) => (n === 1 ? '1 customer' : `${n.toLocaleString('id-ID')} customers`),
    figures: (ago, times, money) => `on average last bought ${ago}, ${times} ${times === '1' ? 'purchase' : 'purchases'}, ${money} each.`,
  },
};

/**
 * The segment page's summary in one sentence: how many, and the segment's averages in words. An
 * empty segment has no averages (not "0 days, Rp 0"): it says it is empty.
 */
export function segmentVerdict(
  row: { segment: SegmentId; customers: number; meanRecencyDays: number; meanFrequency: number; meanMonetary: number },
  language: Language,
  money: (rupiah: number) => string,
): string {
  const w = SEGMENT_WORDS[language];
  if (row.customers === 0) return w.empty;
  // Figures read as everywhere in the app (id-ID digits), whatever the language of the words.
  const times = row.meanFrequency.toLocaleString('id-ID', { maximumFractionDigits: 1 });
  return `${w.people(row.customers)} — ${w.figures(WORDS[language].ago(Math.round(row.meanRecencyDays)), times, money(Math.round(row.meanMonetary)))}`;
}
