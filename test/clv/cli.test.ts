import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, cli } from '../cli-run';
import { ok, tempDir, testApp } from '../helpers';
import { DATASETS, importFile } from '../import/harness';

beforeAll(buildCli, 180_000);

/** The CDNOW sample imported in dollars ×100, as a shop file on disk the CLI opens. */
async function cdnowDb(): Promise<string> {
  const db = join(tempDir(), 'cdnow.sqlite');
  const app = await testApp({ dbPath: db });
  await ok(app, 'setup.create', { owner: { name: 'Sari', username: 'sari', password: 'rahasia-toko-123' }, business: { name: 'CDNOW' } });
  const { report } = await importFile(app, `${DATASETS}BTYD_cdnowElog.csv`, 'transactions', { amountMultiplier: 100 }, (i) => ({
    ...i.mapping,
    customer_code: 1,
    customer_name: null,
  }));
  expect(report.status).toBe('completed');
  await app.close();
  return db;
}

describe('clv fit and clv scores', () => {
  it('fit --json prints the published estimates, γ in the stored unit; scores --csv one line per customer', async () => {
    const db = await cdnowDb();
    expect(cli(['clv', 'scores', '--db', db, '--csv'])).toMatchObject({
      code: 1,
      err: expect.stringContaining('There is no CLV fit yet: run `clv fit` first.'),
    });
    const fit = cli(['clv', 'fit', '--db', db, '--as-of', '1998-06-30', '--calibration-end', '1997-09-30', '--json']);
    expect(fit.code, fit.err).toBe(0);
    const json = JSON.parse(fit.out) as {
      status: string;
      bgnbd: Record<string, number>;
      gammaGamma: Record<string, number>;
      holdout: { predicted: number; actual: number };
    };
    expect(json.status).toBe('fitted');
    expect(Object.keys(json.bgnbd).sort()).toEqual(['a', 'alpha', 'b', 'customers', 'logLikelihood', 'r']);
    expect(Object.keys(json.gammaGamma).sort()).toEqual(['customers', 'gamma', 'p', 'q']);
    expect(json.bgnbd.r).toBeCloseTo(0.243, 3);
    expect(json.bgnbd.alpha).toBeCloseTo(4.414, 2);
    expect(json.bgnbd.a).toBeCloseTo(0.793, 3);
    expect(json.bgnbd.b).toBeCloseTo(2.426, 2);
    expect(json.bgnbd.logLikelihood).toBeCloseTo(-9582.4, 1);
    expect(json.bgnbd.customers).toBe(2357);
    expect(json.gammaGamma.p).toBeCloseTo(6.25, 1);
    expect(json.gammaGamma.q).toBeCloseTo(3.74, 1);
    expect(json.gammaGamma.gamma / 100).toBeCloseTo(15.44, 1);
    expect(json.gammaGamma.customers).toBe(946);
    expect(json.holdout.actual).toBe(1882);

    const scores = cli(['clv', 'scores', '--db', db, '--csv']);
    expect(scores.code, scores.err).toBe(0);
    const lines = scores.out.trim().split('\n');
    expect(lines[0]).toBe('customer_code,x,t_x,T,p_alive,expected_purchases_90d,expected_aov,clv');
    expect(lines).toHaveLength(1 + 2357);
    const rows = lines.slice(1).map((l) => l.split(','));
    for (const [, x, tx, T, pAlive, e90, aov, clv] of rows) {
      expect(Number(tx)).toBeLessThanOrEqual(Number(T));
      expect(Number(pAlive)).toBeGreaterThanOrEqual(0);
      expect(Number(pAlive)).toBeLessThanOrEqual(1);
      expect(Number(e90)).toBeGreaterThanOrEqual(0);
      expect(Number.isInteger(Number(aov)) && Number.isInteger(Number(clv))).toBe(true);
      if (Number(x) === 0) expect(Number(pAlive)).toBe(1);
    }
    // Scored as of the analysis date by the calibration's parameters. Customer 1: 1997-01-01, then
    // 01-18, 08-02 and 12-12: x 3, t_x 345 days, T 545 days, in weeks. Customer 4 bought once:
    // P(alive) is 1 by the model's construction.
    expect(rows.find((r) => r[0] === '1')?.slice(1, 4)).toEqual(['3', '49.2857', '77.8571']);
    expect(rows.find((r) => r[0] === '4')?.slice(1, 5)).toEqual(['0', '0', '77.8571', '1']);

    const text = cli(['clv', 'fit', '--db', db, '--as-of', '1998-06-30', '--calibration-end', '1997-09-30']);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toMatch(/BG\/NBD: r 0\.24\d+, α 4\.41\d+, a 0\.79\d+, b 2\.42\d+, log-likelihood -9582\.4\d*, 2357 customers/);
    expect(text.out).toMatch(/Gamma-Gamma: p 6\.2\d+, q 3\.7\d+, γ 154\d\.\d+, 946 repeat buyers/);
    expect(text.out).toMatch(/Holdout 1997-09-30 … 1998-06-30: \d+\.\d repeat purchases predicted, 1882 happened/);
  }, 120_000);

  it('says why a shop cannot be fitted, and refuses bad options before opening the database', async () => {
    const db = join(tempDir(), 'demo.sqlite');
    expect(cli(['init', '--db', db, '--owner', 'ani', '--password-stdin'], { input: 'kata-sandi-123\n' }).code).toBe(0);
    const refused = cli(['clv', 'fit', '--db', db]);
    expect(refused).toMatchObject({
      code: 1,
      err: expect.stringContaining('Not enough data for a fit: only 0 customers have bought (100 needed). The churn risk stays the rule of thumb.'),
    });
    const json = cli(['clv', 'fit', '--db', db, '--json']);
    expect(JSON.parse(json.out)).toMatchObject({ status: 'too_few_customers', bgnbd: null, gammaGamma: null });
    expect(cli(['clv', 'scores', '--db', db, '--csv']).err).toContain('Not enough data for a fit');
    expect(cli(['clv', 'scores', '--db', db])).toMatchObject({ code: 2, err: expect.stringContaining('clv scores prints CSV: add --csv.') });
    expect(cli(['clv', 'fit', '--db', db, '--unit', 'month'])).toMatchObject({ code: 2, err: expect.stringContaining('--unit must be one of: week, day.') });
    expect(cli(['clv', 'fit', '--db', db, '--as-of', '2026-01-01', '--calibration-end', '2026-02-01'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('--calibration-end cannot be after --as-of.'),
    });
  }, 60_000);
});
