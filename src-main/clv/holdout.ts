import type { ClvHoldout } from '../../src-shared/schemas/clv';
import { expectedPurchases } from './bgnbd';
import type { PurchaseHistory } from './history';
import type { BgNbdFit } from './bgnbd';
import type { ShopFit } from './model';

/** Calibration frequencies shown one by one; the customers with more are one group ("7+"). */
export const FREQUENCY_GROUPS = 7;

/** The last part of history the check holds back: a third of the shop's span, at least four weeks and at most a year. */
export function holdoutDays(firstSale: string, asOf: string): number | null {
  const span = (Date.parse(asOf) - Date.parse(firstSale)) / 86_400_000;
  const days = Math.min(365, Math.round(span / 3));
  return days >= 28 ? days : null;
}

/**
 * "How good is this model on my data": the model fitted on the calibration period only, its expected
 * repeat purchases over the holdout set against the purchase days that happened, in total and by
 * calibration frequency (the paper's figure 4 check, for any shop).
 */
export function holdoutCheck(
  history: PurchaseHistory,
  fit: { status: ShopFit['status']; bgnbd: BgNbdFit | null },
  window: { calibrationEnd: string; end: string; unitDays: number },
): ClvHoldout {
  const base = {
    status: fit.status,
    calibrationEnd: window.calibrationEnd,
    end: window.end,
    customers: history.x.length,
    predicted: 0,
    actual: 0,
    byFrequency: [] as ClvHoldout['byFrequency'],
  };
  if (fit.status !== 'fitted' || !fit.bgnbd) return base;
  const t = (Date.parse(window.end) - Date.parse(window.calibrationEnd)) / 86_400_000 / window.unitDays;
  const groups = Array.from({ length: FREQUENCY_GROUPS + 1 }, (_, x) => ({ x, orMore: x === FREQUENCY_GROUPS, customers: 0, predicted: 0, actual: 0 }));
  for (let i = 0; i < history.x.length; i++) {
    const predicted = expectedPurchases(fit.bgnbd.params, t, history.x[i], history.tx[i], history.T[i]);
    const group = groups[Math.min(history.x[i], FREQUENCY_GROUPS)];
    group.customers += 1;
    group.predicted += predicted;
    group.actual += history.holdout[i];
    base.predicted += predicted;
    base.actual += history.holdout[i];
  }
  base.byFrequency = groups.filter((g) => g.customers > 0).map((g) => ({ ...g, predicted: g.predicted / g.customers, actual: g.actual / g.customers }));
  return base;
}
