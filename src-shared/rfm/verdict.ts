import type { Language } from '../schemas/auth';
import type { ChurnBand, SegmentId } from './rules';
import { say } from '../i18n/instance';

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

/** A count as the app writes it whatever the language of the words (id-ID digits: "1.234"). */
const count = (n: number) => n.toLocaleString('id-ID');

function ago(days: number, language: Language): string {
  if (days <= 0) return say('messages', 'verdict.ago.today', language);
  if (days === 1) return say('messages', 'verdict.ago.yesterday', language);
  return say('messages', 'verdict.ago.days', language, { n: count(days) });
}

function every(days: number, language: Language): string {
  return days === 1 ? say('messages', 'verdict.every.day', language) : say('messages', 'verdict.every.days', language, { n: count(days) });
}

/** The verdict for one customer of an RFM run, in the language on screen. */
export function customerVerdict(input: VerdictInput, language: Language): Verdict {
  const pace = input.gapDays === null ? 'unknown' : paceOf(input.churnBand);
  const gap = Math.max(1, Math.round(input.gapDays ?? 0));
  const once = input.frequency <= 1;
  const vars = { ago: ago(input.recencyDays, language), every: every(gap, language) };
  const words = (key: 'once' | 'last' | 'regular' | 'ownPace' | 'late') => say('messages', `verdict.${key}`, language, vars);
  const coming = COMING.includes(input.segment);
  const gone = GONE.includes(input.segment);
  const contact = !gone && (pace === 'overdue' || ACT.includes(input.segment));

  let detail: string;
  if (pace === 'unknown') detail = words(once ? 'once' : 'last');
  // A one-time buyer has no habit of their own, only the shop's gap to compare with: no "regular".
  else if (once) detail = words('once') + (pace === 'onPace' ? '' : ' ' + say('messages', 'verdict.othersReturn', language, { n: count(gap) }));
  // "Regular" only beside a segment that says they keep coming; beside one that says they are away,
  // the pace is their own slow habit, said as such.
  else if (pace === 'onPace') detail = words(coming ? 'regular' : 'ownPace');
  else if (pace === 'late') detail = words('late');
  else detail = say('messages', 'verdict.overdue', language, { every: vars.every, n: count(input.recencyDays) });
  const headline =
    say('messages', `verdict.headline.${input.segment}`, language) + (coming && pace === 'overdue' ? say('messages', 'verdict.but', language) : '');
  const tail = contact ? say('messages', 'verdict.contact', language) : gone && pace === 'overdue' ? say('messages', 'verdict.winBack', language) : '';

  const tone: VerdictTone = gone ? 'gone' : contact ? 'act' : pace === 'late' || WATCH.includes(input.segment) ? 'watch' : 'good';
  return { tone, contact, text: `${headline} — ${detail}${tail ? ' ' + tail : ''}` };
}

/**
 * The segment page's summary in one sentence: how many, and the segment's averages in words. An
 * empty segment has no averages (not "0 days, Rp 0"): it says it is empty.
 */
export function segmentVerdict(
  row: { segment: SegmentId; customers: number; meanRecencyDays: number; meanFrequency: number; meanMonetary: number },
  language: Language,
  money: (rupiah: number) => string,
): string {
  if (row.customers === 0) return say('messages', 'verdict.segment.empty', language);
  // Figures read as everywhere in the app (id-ID digits), whatever the language of the words.
  const times = row.meanFrequency.toLocaleString('id-ID', { maximumFractionDigits: 1 });
  const figures = say('messages', 'verdict.segment.figures', language, {
    ago: ago(Math.round(row.meanRecencyDays), language),
    times,
    money: money(Math.round(row.meanMonetary)),
  });
  return `${say('messages', 'verdict.segment.people', language, { n: count(row.customers) })} — ${figures}`;
}
