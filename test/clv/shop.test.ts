import { describe, expect, it } from 'vitest';
import { fitBgNbd } from '../../src-main/clv/bgnbd';
import { fitGammaGamma } from '../../src-main/clv/gamma-gamma';
import { purchaseHistory } from '../../src-main/clv/history';
import { shopWithOwner } from '../helpers';
import { DATASETS, importFile } from '../import/harness';

describe('the models on a shop: the CDNOW sample imported like any sales file', () => {
  it("reads each customer's history from the shop's sales and fits the published estimates, in rupiah cents as in dollars", async () => {
    const app = await shopWithOwner();
    // sampleid is the customer (column 1); sales in dollars with cents, taken ×100 as a user would.
    const { report } = await importFile(app, `${DATASETS}BTYD_cdnowElog.csv`, 'transactions', { amountMultiplier: 100 }, (i) => ({
      ...i.mapping,
      customer_code: 1,
      customer_name: null,
    }));
    expect(report.status).toBe('completed');
    const history = await purchaseHistory(app.services, { calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30', unitDays: 7 });
    expect(history.customerIds).toHaveLength(2357);
    const bg = fitBgNbd(history);
    expect(bg.params.r).toBeCloseTo(0.243, 3);
    expect(bg.params.alpha).toBeCloseTo(4.414, 2);
    expect(bg.params.a).toBeCloseTo(0.793, 3);
    expect(bg.params.b).toBeCloseTo(2.426, 2);
    expect(bg.logLikelihood).toBeCloseTo(-9582.4, 1);
    const repeat = [...history.x.keys()].filter((i) => history.x[i] > 0);
    expect(repeat).toHaveLength(946);
    const gg = fitGammaGamma(Float64Array.from(repeat.map((i) => history.x[i])), Float64Array.from(repeat.map((i) => history.m[i])));
    // γ in the shop's stored unit (cents here): the published 15.44 dollars.
    expect(gg.params.p).toBeCloseTo(6.25, 1);
    expect(gg.params.q).toBeCloseTo(3.74, 1);
    expect(gg.params.gamma / 100).toBeCloseTo(15.44, 1);
    expect(history.holdout.reduce((s, v) => s + v, 0)).toBe(1882);
  });
});

describe('fit refusals and scores', () => {
  it('refuses a shop too small to fit instead of inventing probabilities', async () => {
    const { fitShop } = await import('../../src-main/clv/model');
    const few = {
      customerIds: ['a', 'b'],
      x: Float64Array.of(1, 0),
      tx: Float64Array.of(2, 0),
      T: Float64Array.of(5, 3),
      m: Float64Array.of(10, 0),
      holdout: Float64Array.of(0, 0),
    };
    expect(fitShop(few).status).toBe('too_few_customers');
    const n = 200;
    const noRepeat = {
      customerIds: Array.from({ length: n }, (_, i) => String(i)),
      x: new Float64Array(n),
      tx: new Float64Array(n),
      T: Float64Array.from({ length: n }, (_, i) => 1 + (i % 30)),
      m: new Float64Array(n),
      holdout: new Float64Array(n),
    };
    expect(fitShop(noRepeat)).toMatchObject({ status: 'too_few_repeat_buyers', bgnbd: null });
  });

  it('scores every CDNOW customer: P(alive) in [0, 1], expectations growing with the horizon, CLV discounted', async () => {
    const { fitShop, scoreCustomers } = await import('../../src-main/clv/model');
    const app = await shopWithOwner();
    await importFile(app, `${DATASETS}BTYD_cdnowElog.csv`, 'transactions', { amountMultiplier: 100 }, (i) => ({
      ...i.mapping,
      customer_code: 1,
      customer_name: null,
    }));
    const history = await purchaseHistory(app.services, { calibrationEnd: '1997-09-30', unitDays: 7 });
    const fit = fitShop(history);
    expect(fit.status).toBe('fitted');
    const scores = scoreCustomers(history, { bgnbd: fit.bgnbd!, gammaGamma: fit.gammaGamma! }, { unitDays: 7, horizonMonths: 12, monthlyDiscount: 0.01 });
    expect(scores).toHaveLength(2357);
    for (const s of scores) {
      expect(s.pAlive).toBeGreaterThanOrEqual(0);
      expect(s.pAlive).toBeLessThanOrEqual(1);
      expect(s.expected30).toBeLessThanOrEqual(s.expected90);
      expect(s.expected90).toBeLessThanOrEqual(s.expected365);
      expect(s.clv).toBeGreaterThanOrEqual(0);
    }
    // Undiscounted and at 1 % a month: the discount can only lower a customer's value.
    const flat = scoreCustomers(history, { bgnbd: fit.bgnbd!, gammaGamma: fit.gammaGamma! }, { unitDays: 7, horizonMonths: 12, monthlyDiscount: 0 });
    expect(scores.every((s, i) => s.clv <= flat[i].clv + 1e-9)).toBe(true);
    const best = [...scores].sort((p, q) => q.clv - p.clv)[0];
    expect(best.x).toBeGreaterThan(5);
  });
});
