import { describe, expect, it } from 'vitest';
import { purchaseHistory } from '../../src-main/clv/history';
import { ok, shopWithOwner } from '../helpers';
import { DATASETS, importFile, scalar } from '../import/harness';
import { salesCsv } from '../loyalty/harness';
import { jobFinished } from '../rfm/harness';

describe('refunds in the CLV history', () => {
  it('a day of refunds, or of a sale returned the same day, is no purchase day', async () => {
    const app = await shopWithOwner();
    const { report } = await importFile(
      app,
      salesCsv([
        { code: 'R1', date: '2026-01-05', amount: 100_000, invoice: 'S-1' },
        { code: 'R1', date: '2026-01-20', amount: -100_000, invoice: 'CS-1' }, // the first sale refunded
        { code: 'R1', date: '2026-02-03', amount: 50_000, invoice: 'S-2' },
        { code: 'R1', date: '2026-02-03', amount: -50_000, invoice: 'CS-2' }, // returned the same day
        { code: 'R1', date: '2026-03-01', amount: 80_000, invoice: 'S-3' },
        { code: 'R1', date: '2026-03-01', amount: -30_000, invoice: 'CS-3' }, // part returned: 50.000 bought
        { code: 'R2', date: '2026-01-10', amount: -20_000, invoice: 'CX-9' }, // a refund alone
      ]),
      'transactions',
      { cancellations: 'returns' },
    );
    expect(report.status).toBe('completed');
    const history = await purchaseHistory(app.services, { calibrationEnd: '2026-03-31', unitDays: 1 });
    const r1 = scalar(app, "SELECT id FROM customers WHERE code = 'R1'");
    expect(history.customerIds).toEqual([r1]);
    // Purchase days 2026-01-05 and 2026-03-01: one repeat, 55 days after the first, worth 50.000.
    expect([history.x[0], history.tx[0], history.T[0], history.m[0]]).toEqual([1, 55, 85, 50_000]);
  });

  it('one repeat buyer whose repeat day nets below zero no longer refuses the fit for the whole shop', async () => {
    const app = await shopWithOwner();
    // Each import starts an RFM run in the background, and that run a fit: both done before the next step.
    const first = jobFinished(app, 'clv.fit');
    await importFile(app, `${DATASETS}BTYD_cdnowElog.csv`, 'transactions', { amountMultiplier: 100 }, (i) => ({
      ...i.mapping,
      customer_code: 1,
      customer_name: null,
    }));
    await first;
    const second = jobFinished(app, 'clv.fit');
    // Customer 1 (a repeat buyer) gets a refund larger than all they bought, on a day of its own.
    // And a new customer's only repeat day is a free item: a purchase worth 0, that Gamma-Gamma leaves out.
    const { report } = await importFile(
      app,
      salesCsv([
        { code: '1', date: '1997-09-29', amount: -1_000_000, invoice: 'C-REFUND' },
        { code: 'Z1', date: '1997-02-01', amount: 5_000, invoice: 'Z-1' },
        { code: 'Z1', date: '1997-03-01', amount: 0, invoice: 'Z-2' },
      ]),
      'transactions',
      { cancellations: 'returns' },
    );
    expect(report.status).toBe('completed');
    await second;
    const fit = await ok(app, 'clv.fit', { asOf: '1997-09-30' });
    // Customer 1 is still a repeat buyer, by their purchase days; the refund day is none. Z1 is one more.
    expect({ status: fit.status, repeatBuyers: fit.repeatBuyers }).toEqual({ status: 'fitted', repeatBuyers: 947 });
    // Z1 is valued at the shop's mean spend, as a one-time buyer is.
    const z1 = app.services.sqlite
      .prepare("SELECT s.x, s.expected_aov AS aov FROM clv_scores s JOIN customers c ON c.id = s.customer_id WHERE c.code = 'Z1' AND s.fit_id = ?")
      .get(fit.id) as { x: number; aov: number };
    expect(z1.x).toBe(1);
    expect(z1.aov).toBeCloseTo((fit.gammaGamma!.p * fit.gammaGamma!.gamma) / (fit.gammaGamma!.q - 1), 6);
    expect(fit.gammaGamma!.p).toBeCloseTo(6.25, 1);
  });
});
