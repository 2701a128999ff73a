import { CLV_MIN_CUSTOMERS, CLV_MIN_REPEAT_BUYERS } from '../../src-shared/schemas/clv';
import { expectedIfAlive, fitBgNbd, pAlive, prepareRecency, type BgNbdFit } from './bgnbd';
import { expectedAverageValue, fitGammaGamma, type GammaGammaFit } from './gamma-gamma';
import type { PurchaseHistory } from './history';

/** Below these the data cannot support a fit: the app keeps its rule-of-thumb band and says why. */
export const MIN_CUSTOMERS = CLV_MIN_CUSTOMERS;
export const MIN_REPEAT_BUYERS = CLV_MIN_REPEAT_BUYERS;

export type FitRefusal = 'too_few_customers' | 'too_few_repeat_buyers' | 'no_convergence' | 'degenerate';

export interface ShopFit {
  status: 'fitted' | FitRefusal;
  /** BG/NBD's own status: the holdout check needs only it, so a shop whose spend cannot be fitted is still checked. */
  repeatStatus: 'fitted' | FitRefusal;
  bgnbd: BgNbdFit | null;
  gammaGamma: GammaGammaFit | null;
}

export interface CustomerScore {
  customerId: string;
  x: number;
  tx: number;
  T: number;
  pAlive: number;
  expected30: number;
  expected90: number;
  expected365: number;
  expectedAov: number;
  clv: number;
}

/**
 * BG/NBD alone, or why it cannot be fitted: what the holdout check needs (repeat purchases, not
 * their value). A fit with a = 1 divides by zero in the expectations and is refused.
 */
export function fitRepeatPurchases(history: PurchaseHistory): { status: ShopFit['status']; bgnbd: BgNbdFit | null } {
  if (history.x.length < MIN_CUSTOMERS) return { status: 'too_few_customers', bgnbd: null };
  if (history.x.filter((x) => x > 0).length < MIN_REPEAT_BUYERS) return { status: 'too_few_repeat_buyers', bgnbd: null };
  const bgnbd = fitBgNbd(prepareRecency(history));
  if (!bgnbd.converged) return { status: 'no_convergence', bgnbd };
  if (Math.abs(bgnbd.params.a - 1) < 1e-6 || !Number.isFinite(bgnbd.logLikelihood)) return { status: 'degenerate', bgnbd };
  return { status: 'fitted', bgnbd };
}

/**
 * Fits both models on the shop's customers, or says why it cannot. A fit whose parameters make the
 * formulas meaningless (a = 1 divides by zero; q ≤ 1 has no mean spend) is refused like one that
 * did not converge: a made-up probability is worse than none.
 */
export function fitShop(history: PurchaseHistory): ShopFit {
  const purchases = fitRepeatPurchases(history);
  const repeatStatus = purchases.status;
  if (!purchases.bgnbd) return { status: repeatStatus, repeatStatus, bgnbd: null, gammaGamma: null };
  // Gamma-Gamma takes log(m): a repeat buyer whose repeat days net to nothing is left out of its
  // fit and valued at the population's mean spend, as a one-time buyer is (scoreCustomers).
  const repeat = [...history.x.keys()].filter((i) => history.x[i] > 0 && history.m[i] > 0);
  const gammaGamma = fitGammaGamma(Float64Array.from(repeat.map((i) => history.x[i])), Float64Array.from(repeat.map((i) => history.m[i])));
  if (repeatStatus === 'fitted' && !gammaGamma.converged) return { status: 'no_convergence', repeatStatus, bgnbd: purchases.bgnbd, gammaGamma };
  if (repeatStatus === 'fitted' && gammaGamma.params.q <= 1) return { status: 'degenerate', repeatStatus, bgnbd: purchases.bgnbd, gammaGamma };
  return { status: repeatStatus, repeatStatus, bgnbd: purchases.bgnbd, gammaGamma };
}

/**
 * Per customer: P(alive), purchases expected in the next 30/90/365 days, expected value per
 * purchase, and the lifetime value over `horizonMonths` — each month's expected purchases times the
 * expected value, discounted at `monthlyDiscount` (0.01 = 1 % a month), as the reference
 * implementations compute it. Times in the history's unit (`unitDays` days each).
 */
export function scoreCustomers(
  history: PurchaseHistory,
  fit: { bgnbd: BgNbdFit; gammaGamma: GammaGammaFit },
  options: { unitDays: number; horizonMonths: number; monthlyDiscount: number },
): CustomerScore[] {
  const bg = fit.bgnbd.params;
  const gg = fit.gammaGamma.params;
  const inUnits = (days: number) => days / options.unitDays;
  // Expected purchases are P(alive) × a factor of (x, T) alone: customers who share x and T (every
  // one-time buyer of a day, say) share that factor, and the months of the CLV sum with it.
  const byXT = new Map<string, { e30: number; e90: number; e365: number; discounted: number }>();
  const factors = (x: number, T: number) => {
    const key = `${x}:${T}`;
    let f = byXT.get(key);
    if (!f) {
      let discounted = 0;
      let before = 0;
      for (let month = 1; month <= options.horizonMonths; month++) {
        const upTo = expectedIfAlive(bg, inUnits(30 * month), x, T);
        discounted += (upTo - before) / (1 + options.monthlyDiscount) ** month;
        before = upTo;
      }
      f = {
        e30: expectedIfAlive(bg, inUnits(30), x, T),
        e90: expectedIfAlive(bg, inUnits(90), x, T),
        e365: expectedIfAlive(bg, inUnits(365), x, T),
        discounted,
      };
      byXT.set(key, f);
    }
    return f;
  };
  const scores: CustomerScore[] = [];
  for (let i = 0; i < history.x.length; i++) {
    const x = history.x[i];
    const tx = history.tx[i];
    const T = history.T[i];
    const expectedAov = x > 0 && history.m[i] > 0 ? expectedAverageValue(gg, x, history.m[i]) : (gg.p * gg.gamma) / (gg.q - 1);
    const alive = pAlive(bg, x, tx, T);
    const f = factors(x, T);
    scores.push({
      customerId: history.customerIds[i],
      x,
      tx,
      T,
      pAlive: alive,
      expected30: f.e30 * alive,
      expected90: f.e90 * alive,
      expected365: f.e365 * alive,
      expectedAov,
      // Each month's expected purchases times the expected value, discounted.
      clv: alive * f.discounted * expectedAov,
    });
  }
  return scores;
}
