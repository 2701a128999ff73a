import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ok, shopWithOwner } from '../helpers';
import { DATASETS, importFile } from '../import/harness';
import { exportTo } from '../export/harness';
import { jobFinished } from '../rfm/harness';
import { purchaseHistory } from '../../src-main/clv/history';

describe("the customers export carries the fitted model of its RFM run's date only", () => {
  it("a fit as of another day leaves P(alive) and the fitted CLV empty instead of passing them off as today's", async () => {
    const app = await shopWithOwner();
    const settled = jobFinished(app, 'clv.fit');
    await importFile(app, `${DATASETS}BTYD_cdnowElog.csv`, 'transactions', { amountMultiplier: 100 }, (i) => ({
      ...i.mapping,
      customer_code: 1,
      customer_name: null,
    }));
    await settled;
    const fitted = jobFinished(app, 'clv.fit');
    await ok(app, 'rfm.run', { asOf: '1998-06-30' });
    expect(await fitted).toBe('completed');
    const clvCells = async () => {
      const file = await exportTo(app, { report: 'customers', filters: {}, format: 'csv', dateStyle: 'iso' });
      const [header, ...lines] = readFileSync(file.path, 'utf8')
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/);
      const column = header.split(',').findIndex((h) => h === 'CLV dari model' || h === 'CLV (fitted model)');
      expect(column).toBeGreaterThan(0);
      return lines.map((l) => l.split(',').at(column - header.split(',').length));
    };
    expect((await clvCells()).filter((c) => c !== '')).toHaveLength(2357);
    // A fit as of an older day replaces the scores: the run of 1998-06-30 has no model figures now.
    expect((await ok(app, 'clv.fit', { asOf: '1997-09-30' })).status).toBe('fitted');
    expect((await clvCells()).filter((c) => c !== '')).toHaveLength(0);
  }, 120_000);
});

describe('a fit with a calibration end scores the customers as of the analysis date', () => {
  it('x, t_x and T in the scores are counted up to the analysis date, by the parameters fitted on the calibration period', async () => {
    const app = await shopWithOwner();
    const settled = jobFinished(app, 'clv.fit');
    await importFile(app, `${DATASETS}BTYD_cdnowElog.csv`, 'transactions', { amountMultiplier: 100 }, (i) => ({
      ...i.mapping,
      customer_code: 1,
      customer_name: null,
    }));
    await settled;
    const fit = await ok(app, 'clv.fit', { asOf: '1998-06-30', calibrationEnd: '1997-09-30' });
    expect(fit.status).toBe('fitted');
    const full = await purchaseHistory(app.services, { calibrationEnd: '1998-06-30', unitDays: 7 });
    const byCustomer = new Map(full.customerIds.map((id, i) => [id, { x: full.x[i], T: full.T[i] }]));
    const scores = app.services.sqlite.prepare('SELECT customer_id AS id, x, t_cal AS T FROM clv_scores WHERE fit_id = ?').all(fit.id) as {
      id: string;
      x: number;
      T: number;
    }[];
    expect(scores).toHaveLength(2357);
    for (const s of scores) expect(s, s.id).toEqual({ id: s.id, ...byCustomer.get(s.id) });
    // The holdout still checks the calibration fit on weeks 40–78.
    expect(fit.holdout).toMatchObject({ calibrationEnd: '1997-09-30', actual: 1882 });
  }, 120_000);
});
