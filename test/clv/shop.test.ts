import { describe, expect, it } from 'vitest';
import { fitBgNbd } from '../../src-main/clv/bgnbd';
import { fitGammaGamma } from '../../src-main/clv/gamma-gamma';
import { purchaseHistory } from '../../src-main/clv/history';
import { shopWithOwner } from '../helpers';
import { DATASETS, importFile } from '../import/harness';

describe('the models on a shop: the CDNOW sample imported like any sales file', () => {
  it('reads each customer\'s history from the shop\'s sales and fits the published estimates, in rupiah cents as in dollars', async () => {
    const app = await shopWithOwner();
    // sampleid is the customer (column 1); sales in dollars with cents, taken ×100 as a user would.
    const { report } = await importFile(app, `${DATASETS}BTYD_cdnowElog.csv`, 'transactions', { amountMultiplier: 100 }, (i) => ({ ...i.mapping, customer_code: 1, customer_name: null }));
    expect(report.status).toBe('completed');
    const history = await purchaseHistory(app.services.db, { calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30', unitDays: 7 });
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
