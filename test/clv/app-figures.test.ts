import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app';
import { ok, shopWithOwner } from '../helpers';
import { exportTo } from '../export/harness';
import { DATASETS, importFile } from '../import/harness';
import { jobFinished } from '../rfm/harness';
import { valueLostQuery } from '../../src-main/dashboard/queries';

const AS_OF = '1998-06-30';

async function cdnowShop(): Promise<App> {
  const app = await shopWithOwner();
  // The import starts an RFM run in the background, and that run a fit: both done before the test.
  const settled = jobFinished(app, 'clv.fit');
  const { report } = await importFile(app, `${DATASETS}BTYD_cdnowElog.csv`, 'transactions', { amountMultiplier: 100 }, (i) => ({
    ...i.mapping,
    customer_code: 1,
    customer_name: null,
  }));
  expect(report.status).toBe('completed');
  await settled;
  return app;
}

/** An RFM run, and the fit it starts in the background for its date. */
async function runAndFit(app: App) {
  const fitted = jobFinished(app, 'clv.fit');
  await ok(app, 'rfm.run', { asOf: AS_OF });
  expect(await fitted).toBe('completed');
  return (await ok(app, 'clv.latest', {}))!;
}

function csv(path: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
}

describe('the fitted model in the lists, the dashboard and the exports', () => {
  it('an RFM run is followed by a fit for its date; churn bands come from P(alive) for returning customers', async () => {
    const app = await cdnowShop();
    const fit = await runAndFit(app);
    expect(fit).toMatchObject({ status: 'fitted', asOf: AS_OF, calibrationEnd: AS_OF });
    // Repeat purchase days per customer (two sales on one day are one purchase to the model).
    const repeatDays = new Map(
      (app.services.sqlite.prepare('SELECT customer_id, x FROM clv_scores').all() as { customer_id: string; x: number }[]).map((s) => [s.customer_id, s.x]),
    );
    const page = await ok(app, 'rfm.members', { sort: 'p_alive', desc: false, pageSize: 200 });
    const returning = page.rows.filter((r) => repeatDays.get(r.customerId)! > 0);
    expect(returning.length).toBeGreaterThan(0);
    for (const row of returning) {
      expect(row.pAlive).not.toBeNull();
      const p = row.pAlive!;
      expect(row.churnBand).toBe(p >= 0.75 ? 'active' : p >= 0.5 ? 'cooling' : p >= 0.25 ? 'at_risk' : 'likely_lost');
      expect(row.clvFitted).not.toBeNull();
      expect(row.expected90).not.toBeNull();
    }
    // Sorted by P(alive), lowest first; one-time buyers (no P(alive)) keep the rule-of-thumb band.
    const ps = returning.map((r) => r.pAlive!);
    expect(ps).toEqual([...ps].sort((a, b) => a - b));
    const once = (await ok(app, 'rfm.members', { pageSize: 200, sort: 'frequency', desc: false })).rows.filter((r) => repeatDays.get(r.customerId) === 0);
    expect(once.length).toBeGreaterThan(0);
    for (const row of once) {
      expect(row.pAlive).toBeNull();
      expect(row.churnBand).toBe(row.churnRatio! < 1 ? 'active' : row.churnRatio! <= 2 ? 'cooling' : row.churnRatio! <= 3 ? 'at_risk' : 'likely_lost');
    }
    // The band filter uses the same rule as the rows.
    const lost = await ok(app, 'rfm.members', { churnBand: 'likely_lost', pageSize: 200 });
    expect(lost.rows.every((r) => r.churnBand === 'likely_lost')).toBe(true);
    expect(lost.rows.some((r) => r.pAlive !== null && r.pAlive < 0.25)).toBe(true);

    // Worth a call: the most value at risk first, CLV × (1 − P(alive)).
    const dash = await ok(app, 'dashboard.get', { period: 'this_year', today: AS_OF });
    expect(dash.atRisk).toHaveLength(10);
    const lostValues = dash.atRisk.map((r) => r.valueLost!);
    expect(lostValues).toEqual([...lostValues].sort((a, b) => b - a));
    for (const r of dash.atRisk) expect(Math.abs(r.valueLost! - r.clv! * (1 - r.pAlive!))).toBeLessThanOrEqual(1);
    const scored = app.services.sqlite.prepare('SELECT max(clv * (1 - p_alive)) AS top FROM clv_scores WHERE x > 0').get() as { top: number };
    expect(lostValues[0]).toBe(Math.round(scored.top));
    // SQLite takes the list from the value-lost index, in its order, rather than sorting every
    // customer (a plan that sorts reads "USE TEMP B-TREE FOR ORDER BY").
    const runId = dash.latestRun!.id;
    const query = valueLostQuery(app.services.db, fit.id, runId).limit(10).compile();
    const plan = (app.services.sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...(query.parameters as unknown[])) as { detail: string }[]).map(
      (p) => p.detail,
    );
    expect(plan.some((d) => d.includes('idx_clv_scores_value_lost'))).toBe(true);
    expect(plan.some((d) => d.includes('TEMP B-TREE'))).toBe(false);
  }, 120_000);

  it('exports: the RFM results and the customer list carry P(alive), expected purchases and the fitted CLV', async () => {
    const app = await cdnowShop();
    const fit = await runAndFit(app);
    const scores = new Map(
      (
        app.services.sqlite
          .prepare('SELECT c.code, s.x, s.p_alive, s.expected_90, s.clv FROM clv_scores s JOIN customers c ON c.id = s.customer_id WHERE s.fit_id = ?')
          .all(fit.id) as { code: string; x: number; p_alive: number; expected_90: number; clv: number }[]
      ).map((s) => [s.code, s]),
    );
    for (const report of ['rfm', 'customers'] as const) {
      const file = await exportTo(app, { report, filters: {}, format: 'csv', dateStyle: 'iso' });
      const rows = csv(file.path);
      expect(rows).toHaveLength(2357);
      const headers = Object.keys(rows[0]);
      const code = headers.find((h) => h === 'Kode' || h === 'Customer code')!;
      const pAlive = headers.find((h) => h === 'Peluang masih aktif' || h === 'P(alive)')!;
      const expected = headers.find((h) => h.startsWith('Perkiraan pembelian 90') || h.startsWith('Expected purchases'))!;
      const clv = headers.find((h) => h === 'CLV dari model' || h === 'CLV (fitted model)')!;
      expect([pAlive, expected, clv].every(Boolean), headers.join(' | ')).toBe(true);
      for (const row of rows.slice(0, 300)) {
        const s = scores.get(row[code])!;
        expect(Number(row[clv])).toBe(Math.round(s.clv));
        if (s.x === 0) expect(row[pAlive]).toBe('');
        else expect(Number(row[pAlive].replace('%', '').replace(',', '.'))).toBeCloseTo(s.p_alive * 100, 1);
        expect(Number(row[expected].replace(',', '.'))).toBeCloseTo(s.expected_90, 2);
      }
    }
  }, 120_000);

  it('a shop the model cannot fit keeps the rule of thumb: no P(alive), worth a call by segment and spend', async () => {
    const app = await shopWithOwner();
    for (let i = 0; i < 20; i++) {
      const { id } = await ok(app, 'customers.create', { name: `Pelanggan ${i}` });
      await ok(app, 'transactions.create', { customer_id: id, transaction_date: '1997-01-05', amount: 50_000 + i * 1000 });
      // Every other customer came six times, the last eight months before the analysis: At Risk.
      if (i % 2)
        for (const month of ['03', '05', '07', '09', '10'])
          await ok(app, 'transactions.create', { customer_id: id, transaction_date: `1997-${month}-05`, amount: 70_000 });
    }
    const fit = await runAndFit(app);
    expect(fit).toMatchObject({ status: 'too_few_customers', bgnbd: null });
    const rows = (await ok(app, 'rfm.members', { pageSize: 50 })).rows;
    expect(rows).toHaveLength(20);
    expect(rows.every((r) => r.pAlive === null && r.clvFitted === null && r.churnBand !== null)).toBe(true);
    const dash = await ok(app, 'dashboard.get', { period: 'this_year', today: AS_OF });
    expect(dash.atRisk.length).toBeGreaterThan(0);
    expect(dash.atRisk.every((r) => r.valueLost === null && r.pAlive === null && (r.segment === 'at_risk' || r.segment === 'cant_lose_them'))).toBe(true);
    const spend = dash.atRisk.map((r) => r.monetary);
    expect(spend).toEqual([...spend].sort((a, b) => b - a));
  }, 60_000);
});
