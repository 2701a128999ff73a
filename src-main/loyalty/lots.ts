/**
 * Points expire per earn lot, first in first out (issue: loyalty). The ledger is the truth — the
 * balance is its sum — and this replays it to know what is left of each lot: an earn (or a positive
 * adjustment) opens a lot; a redemption or a negative adjustment spends the oldest lots still valid
 * on its day; an expiry or a reversal empties the one lot it names. Pure, so the expiry job, the
 * redeem check and the customer page read the same answer.
 */
export type LedgerKind = 'earn' | 'redeem' | 'adjust' | 'expire' | 'reversal';

export interface LedgerEntry {
  id: string;
  kind: LedgerKind;
  /** Signed: earns and positive adjustments add, the rest take away. */
  points: number;
  /** The shop-local day it happened (YYYY-MM-DD); entries replay in this order, then by `id`. */
  day: string;
  /** For a lot (earn, positive adjust): the first day its points are no longer valid. */
  expiresOn: string | null;
  /** For an expiry or a reversal: the lot it empties. */
  lotId: string | null;
}

export interface Lot {
  id: string;
  remaining: number;
  expiresOn: string | null;
  day: string;
}

const opensLot = (e: LedgerEntry) => e.points > 0 && (e.kind === 'earn' || e.kind === 'adjust');

/** What is left of each lot after the ledger, oldest first; lots spent to zero are dropped. */
export function remainingLots(entries: readonly LedgerEntry[]): Lot[] {
  return lotState(entries).lots;
}

/** The lots left and the points owed: always Σ remaining − owed = the ledger's sum. */
export function lotState(entries: readonly LedgerEntry[]): { lots: Lot[]; owed: number } {
  const ordered = [...entries].sort((p, q) => (p.day === q.day ? (p.id < q.id ? -1 : p.id > q.id ? 1 : 0) : p.day < q.day ? -1 : 1));
  const lots: Lot[] = [];
  // Points spent beyond every lot (a reversal after the points were redeemed): owed, and paid back
  // by the next lots before anything else.
  let owed = 0;
  for (const e of ordered) {
    if (opensLot(e)) {
      const paid = Math.min(owed, e.points);
      owed -= paid;
      lots.push({ id: e.id, remaining: e.points - paid, expiresOn: e.expiresOn, day: e.day });
      continue;
    }
    let toTake = -e.points;
    if (toTake <= 0) continue;
    if (e.lotId) {
      const own = lots.find((l) => l.id === e.lotId);
      if (own) {
        const taken = Math.min(own.remaining, toTake);
        own.remaining -= taken;
        toTake -= taken;
      }
      // An expiry never takes more than its lot held; a reversal takes the rest from the others.
      if (e.kind === 'expire') toTake = 0;
    }
    for (const lot of lots) {
      if (toTake === 0) break;
      if (lot.remaining === 0 || (lot.expiresOn !== null && lot.expiresOn <= e.day)) continue;
      const taken = Math.min(lot.remaining, toTake);
      lot.remaining -= taken;
      toTake -= taken;
    }
    owed += toTake;
  }
  return { lots: lots.filter((l) => l.remaining > 0), owed };
}

/** The lots whose points expire on or before `today` and still hold some: what the expiry job writes. */
export function dueToExpire(entries: readonly LedgerEntry[], today: string): Lot[] {
  return remainingLots(entries).filter((l) => l.expiresOn !== null && l.expiresOn <= today);
}

/** Points a customer can spend today: the valid lots' remainders (never the ledger sum alone). */
export function spendable(entries: readonly LedgerEntry[], today: string): number {
  return remainingLots(entries)
    .filter((l) => l.expiresOn === null || l.expiresOn > today)
    .reduce((sum, l) => sum + l.remaining, 0);
}

/** The next lot to expire after today, for the customer page ("1.200 poin hangus 15/03/2027"). */
export function nextExpiry(entries: readonly LedgerEntry[], today: string): { day: string; points: number } | null {
  const next = remainingLots(entries)
    .filter((l) => l.expiresOn !== null && l.expiresOn > today)
    .sort((p, q) => ((p.expiresOn as string) < (q.expiresOn as string) ? -1 : 1));
  if (next.length === 0) return null;
  const day = next[0].expiresOn as string;
  return { day, points: next.filter((l) => l.expiresOn === day).reduce((s, l) => s + l.remaining, 0) };
}
