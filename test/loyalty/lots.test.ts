import { describe, expect, it } from 'vitest';
import { dueToExpire, lotState, nextExpiry, remainingLots, spendable, type LedgerEntry } from '../../src-main/loyalty/lots';

let n = 0;
const entry = (kind: LedgerEntry['kind'], points: number, day: string, extra: Partial<LedgerEntry> = {}): LedgerEntry => ({
  id: String(++n).padStart(6, '0'),
  kind,
  points,
  day,
  expiresOn: null,
  lotId: null,
  ...extra,
});

describe('loyalty lots, first in first out', () => {
  it('spends the oldest valid lot first and expires what is left of each lot on its day', () => {
    const a = entry('earn', 100, '2026-01-10', { expiresOn: '2027-01-10' });
    const b = entry('earn', 50, '2026-03-01', { expiresOn: '2027-03-01' });
    const redeem = entry('redeem', -120, '2026-06-01');
    const ledger = [a, b, redeem];
    expect(remainingLots(ledger).map((l) => [l.id, l.remaining])).toEqual([[b.id, 30]]);
    expect(spendable(ledger, '2026-12-31')).toBe(30);
    expect(nextExpiry(ledger, '2026-12-31')).toEqual({ day: '2027-03-01', points: 30 });
    expect(dueToExpire(ledger, '2027-02-28')).toEqual([]);
    expect(dueToExpire(ledger, '2027-03-01').map((l) => l.remaining)).toEqual([30]);
  });

  it('an expiry written once leaves nothing to expire again (the job is idempotent)', () => {
    const a = entry('earn', 80, '2026-01-01', { expiresOn: '2026-07-01' });
    const ledger: LedgerEntry[] = [a, entry('redeem', -30, '2026-02-01')];
    const due = dueToExpire(ledger, '2026-07-02');
    expect(due.map((l) => l.remaining)).toEqual([50]);
    ledger.push(...due.map((l) => entry('expire', -l.remaining, '2026-07-02', { lotId: l.id })));
    expect(dueToExpire(ledger, '2026-07-02')).toEqual([]);
    expect(dueToExpire(ledger, '2026-12-31')).toEqual([]);
    expect(ledger.reduce((s, e) => s + e.points, 0)).toBe(0);
  });

  it('a redemption never spends expired points; a reversal after spending leaves a debt the next earn pays', () => {
    const old = entry('earn', 40, '2026-01-01', { expiresOn: '2026-04-01' });
    const fresh = entry('earn', 60, '2026-03-01', { expiresOn: '2027-03-01' });
    // On 5 April the old lot is no longer valid, even before the job wrote its expiry.
    expect(spendable([old, fresh], '2026-04-05')).toBe(60);
    const spent = entry('redeem', -60, '2026-04-05');
    const reversed = entry('reversal', -60, '2026-04-06', { lotId: fresh.id });
    const ledger = [old, fresh, spent, reversed];
    // The old lot still expires in full; the 60 reversed after being spent are owed.
    expect(dueToExpire(ledger, '2026-04-06').map((l) => [l.id, l.remaining])).toEqual([[old.id, 40]]);
    const next = entry('earn', 100, '2026-05-01', { expiresOn: '2027-05-01' });
    expect(remainingLots([...ledger, next]).find((l) => l.id === next.id)?.remaining).toBe(40);
  });

  it('over random ledgers (expiries written as the job would), what the lots hold minus what is owed is the ledger sum', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let round = 0; round < 200; round++) {
      const ledger: LedgerEntry[] = [];
      for (let i = 0; i < 40; i++) {
        const day = `2026-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
        const r = random();
        if (r < 0.5) ledger.push(entry('earn', 1 + Math.floor(random() * 100), day, { expiresOn: `2027${day.slice(4)}` }));
        else if (r < 0.8) ledger.push(entry('redeem', -(1 + Math.floor(random() * 60)), day));
        else ledger.push(entry('adjust', Math.floor(random() * 80) - 40, day, { expiresOn: `2027${day.slice(4)}` }));
      }
      for (const lot of dueToExpire(ledger, '2027-06-30')) ledger.push(entry('expire', -lot.remaining, '2027-06-30', { lotId: lot.id }));
      const sum = ledger.reduce((s, e) => s + e.points, 0);
      const { lots, owed } = lotState(ledger);
      expect(lots.reduce((s, l) => s + l.remaining, 0) - owed).toBe(sum);
      expect(dueToExpire(ledger, '2027-06-30')).toEqual([]);
    }
  });
});
