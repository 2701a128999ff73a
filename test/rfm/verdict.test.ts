import { describe, expect, it } from 'vitest';
import { CHURN_BANDS, SEGMENT_IDS, type ChurnBand } from '../../src-shared/rfm/rules';
import { customerVerdict, segmentVerdict, type VerdictInput } from '../../src-shared/rfm/verdict';

/** The one plain sentence on a customer's page: kind of customer (segment) + whether they keep their pace (churn band). */
const loyal = (patch: Partial<VerdictInput>): VerdictInput => ({ segment: 'loyal', churnBand: 'active', recencyDays: 12, frequency: 9, gapDays: 10, ...patch });

describe('customer verdict', () => {
  it('a loyal customer on pace, in both languages', () => {
    expect(customerVerdict(loyal({}), 'id')).toEqual({ tone: 'good', contact: false, text: 'Pelanggan setia — belanja rutin, terakhir 12 hari lalu.' });
    expect(customerVerdict(loyal({}), 'en').text).toBe('A loyal customer — buys regularly, last 12 days ago.');
  });

  it('the issue’s case: "Setia" with 85 days ÷ 10 reads as one sentence that agrees with the badge', () => {
    const v = customerVerdict(loyal({ churnBand: 'likely_lost', recencyDays: 85, gapDays: 10 }), 'id');
    expect(v).toEqual({
      tone: 'act',
      contact: true,
      text: 'Pelanggan setia, tapi mulai jarang datang — biasanya belanja tiap 10 hari, sudah 85 hari tidak belanja. Layak dihubungi.',
    });
    expect(customerVerdict(loyal({ churnBand: 'likely_lost', recencyDays: 85 }), 'en').text).toBe(
      'A loyal customer, but coming less often — usually buys every 10 days, has not bought for 85 days. Worth contacting.',
    );
  });

  it('the band boundaries decide the pace: active, cooling, at risk and likely lost', () => {
    const text = (band: ChurnBand) => customerVerdict(loyal({ churnBand: band, recencyDays: 20 }), 'id');
    expect(text('active').tone).toBe('good');
    expect(text('cooling')).toMatchObject({
      tone: 'watch',
      contact: false,
      text: 'Pelanggan setia — sedikit lewat dari kebiasaannya: biasanya belanja tiap 10 hari, terakhir 20 hari lalu.',
    });
    expect(text('at_risk')).toMatchObject({ tone: 'act', contact: true });
    expect(text('likely_lost')).toMatchObject({ tone: 'act', contact: true });
  });

  it('today, yesterday, one day and a fractional gap read naturally', () => {
    expect(customerVerdict(loyal({ recencyDays: 0 }), 'id').text).toBe('Pelanggan setia — belanja rutin, terakhir hari ini.');
    expect(customerVerdict(loyal({ recencyDays: 1 }), 'en').text).toBe('A loyal customer — buys regularly, last yesterday.');
    expect(customerVerdict(loyal({ churnBand: 'cooling', recencyDays: 2, gapDays: 1.4 }), 'en').text).toBe(
      'A loyal customer — a little past their habit: usually buys every day, last 2 days ago.',
    );
    expect(customerVerdict(loyal({ churnBand: 'at_risk', recencyDays: 1200, gapDays: 400.4 }), 'id').text).toContain(
      'biasanya belanja tiap 400 hari, sudah 1.200 hari tidak belanja.',
    );
    expect(customerVerdict(loyal({ churnBand: 'at_risk', recencyDays: 1200, gapDays: 400.4 }), 'en').text).toContain(
      'usually buys every 400 days, has not bought for 1.200 days.',
    );
    expect(customerVerdict(loyal({ churnBand: 'likely_lost', recencyDays: 1, gapDays: 0.25 }), 'en').text).toBe(
      'A loyal customer, but coming less often — usually buys every day, has not bought for 1 day. Worth contacting.',
    );
  });

  it('a one-time buyer is compared with the shop, never called regular', () => {
    const fresh = customerVerdict({ segment: 'new_customers', churnBand: 'active', recencyDays: 5, frequency: 1, gapDays: 30 }, 'id');
    expect(fresh).toEqual({ tone: 'good', contact: false, text: 'Pelanggan baru — baru sekali belanja, 5 hari lalu.' });
    const late = customerVerdict({ segment: 'promising', churnBand: 'at_risk', recencyDays: 75, frequency: 1, gapDays: 30 }, 'en');
    expect(late.text).toBe(
      'A promising new customer, but coming less often — bought once, 75 days ago. Other customers usually come back within 30 days. Worth contacting.',
    );
  });

  it('no gap yet (nobody bought twice): only the facts, no pace', () => {
    const v = customerVerdict({ segment: 'new_customers', churnBand: null, recencyDays: 3, frequency: 1, gapDays: null }, 'id');
    expect(v).toEqual({ tone: 'good', contact: false, text: 'Pelanggan baru — baru sekali belanja, 3 hari lalu.' });
    expect(customerVerdict({ segment: 'loyal', churnBand: 'active', recencyDays: 3, frequency: 4, gapDays: null }, 'en').text).toBe(
      'A loyal customer — last bought 3 days ago.',
    );
  });

  it('an "away" segment on its own slow pace is not called regular, and a lost one is not pressed', () => {
    const slow = customerVerdict({ segment: 'lost', churnBand: 'active', recencyDays: 190, frequency: 2, gapDays: 200 }, 'id');
    expect(slow).toEqual({
      tone: 'gone',
      contact: false,
      text: 'Sudah sangat lama tidak belanja — terakhir belanja 190 hari lalu, dan memang biasanya hanya belanja tiap 200 hari.',
    });
    const lost = customerVerdict({ segment: 'hibernating', churnBand: 'likely_lost', recencyDays: 150, frequency: 2, gapDays: 20 }, 'en');
    expect(lost).toEqual({
      tone: 'gone',
      contact: false,
      text: 'Away for a long time — usually buys every 20 days, has not bought for 150 days. Worth one win-back message.',
    });
    expect(customerVerdict({ segment: 'at_risk', churnBand: 'active', recencyDays: 120, frequency: 4, gapDays: 130 }, 'id')).toMatchObject({
      tone: 'act',
      contact: true,
    });
  });

  it('never says the opposite of the badge: a coming segment is never "away", an away one never "regular"', () => {
    for (const language of ['id', 'en'] as const) {
      for (const segment of SEGMENT_IDS) {
        for (const churnBand of [...CHURN_BANDS, null]) {
          for (const frequency of [1, 6]) {
            const { text } = customerVerdict({ segment, churnBand, recencyDays: 40, frequency, gapDays: churnBand ? 10 : null }, language);
            const regular = language === 'id' ? 'belanja rutin' : 'buys regularly';
            const away = language === 'id' ? /lama tidak|hilang/i : /away|gone/i;
            if (['at_risk', 'cant_lose_them', 'hibernating', 'lost', 'about_to_sleep', 'need_attention'].includes(segment)) expect(text).not.toContain(regular);
            else expect(text).not.toMatch(away);
          }
        }
      }
    }
  });
});

describe('segment verdict', () => {
  const rupiah = (n: number) => `Rp ${n.toLocaleString('id-ID')}`;
  const row = { segment: 'loyal' as const, customers: 1234, meanRecencyDays: 11.6, meanFrequency: 8.14, meanMonetary: 1_250_000.4 };

  it('says the averages in words, in both languages', () => {
    expect(segmentVerdict(row, 'id', rupiah)).toBe('1.234 pelanggan — rata-rata terakhir belanja 12 hari lalu, 8,1 kali belanja, Rp 1.250.000 per orang.');
    expect(segmentVerdict(row, 'en', rupiah)).toBe('1.234 customers — on average last bought 12 days ago, 8,1 purchases, Rp 1.250.000 each.');
    expect(segmentVerdict({ ...row, customers: 1, meanFrequency: 1, meanRecencyDays: 0.4 }, 'en', rupiah)).toBe(
      '1 customer — on average last bought today, 1 purchase, Rp 1.250.000 each.',
    );
  });

  it('an empty segment says it is empty, not "0 days, Rp 0"', () => {
    const empty = { ...row, customers: 0, meanRecencyDays: 0, meanFrequency: 0, meanMonetary: 0 };
    expect(segmentVerdict(empty, 'id', rupiah)).toBe('Belum ada pelanggan di segmen ini pada analisis ini.');
    expect(segmentVerdict(empty, 'en', rupiah)).toBe('No customers in this segment in this analysis.');
  });
});
