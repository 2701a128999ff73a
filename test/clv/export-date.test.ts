import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ok, shopWithOwner } from '../helpers';
import { DATASETS, importFile } from '../import/harness';
import { exportTo } from '../export/harness';
import { jobFinished } from '../rfm/harness';

describe('the customers export carries the fitted model of its RFM run\'s date only', () => {
  it('a fit as of another day leaves P(alive) and the fitted CLV empty instead of passing them off as today\'s', async () => {
    const app = await shopWithOwner();
    const settled = jobFinished(app, 'clv.fit');
    await importFile(app, `${DATASETS}BTYD_cdnowElog.csv`, 'transactions', { amountMultiplier: 100 }, (i) => ({ ...i.mapping, customer_code: 1, customer_name: null }));
    await settled;
    const fitted = jobFinished(app, 'clv.fit');
    await ok(app, 'rfm.run', { asOf: '1998-06-30' });
    expect(await fitted).toBe('completed');
    const clvCells = async () => {
      const file = await exportTo(app, { report: 'customers', filters: {}, format: 'csv', dateStyle: 'iso' });
      const [header, ...lines] = readFileSync(file.path, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
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
