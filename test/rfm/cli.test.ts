import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, cli } from '../cli-run';
import { tempDir } from '../helpers';

beforeAll(buildCli, 180_000);

describe('rfm on the command line', () => {
  it('runs, prints the summary as JSON, and the scores as CSV that match it', { timeout: 120_000 }, () => {
    const db = join(tempDir(), 'shop.sqlite');
    const init = cli(['init', '--db', db, '--demo']);
    expect(init.out).toContain('RFM analysis done: 500 customers scored'); // `rfm scores` works right after
    const runs = new BetterSqlite3(db, { readonly: true });
    expect(runs.prepare('SELECT COUNT(*) AS n FROM rfm_runs').get()).toEqual({ n: 1 }); // the demo's own, not a second one
    runs.close();
    expect(cli(['rfm', 'scores', '--db', db, '--csv']).out.trim().split('\n')).toHaveLength(501);
    const empty = join(tempDir(), 'empty.sqlite');
    expect(cli(['init', '--db', empty, '--owner', 'sari', '--password-stdin'], { input: 'kata-sandi-rahasia\n' }).code).toBe(0);
    expect(cli(['rfm', 'scores', '--db', empty, '--csv'])).toMatchObject({ code: 1, err: expect.stringContaining('no RFM run yet') });

    const run = cli(['rfm', '--db', db, '--as-of', '2026-11-01', '--method', 'quintile', '--json']);
    expect(run.code, run.err).toBe(0);
    const summary = JSON.parse(run.out) as {
      runId: string;
      asOf: string;
      method: string;
      customers: number;
      segments: { segment: string; customers: number; revenue: number }[];
    };
    expect(summary).toMatchObject({ asOf: '2026-11-01', method: 'quintile' });
    expect(summary.segments).toHaveLength(11);
    expect(summary.segments.reduce((s, x) => s + x.customers, 0)).toBe(summary.customers);

    const scores = cli(['rfm', 'scores', '--db', db, '--run', 'latest', '--csv']);
    expect(scores.code, scores.err).toBe(0);
    const parsed = Papa.parse<Record<string, string>>(scores.out.trim(), { header: true });
    expect(parsed.meta.fields).toEqual(['customer_code', 'recency_days', 'frequency', 'monetary', 'r', 'f', 'm', 'segment']);
    expect(parsed.data).toHaveLength(summary.customers);
    for (const s of summary.segments) {
      const rows = parsed.data.filter((r) => r.segment === s.segment);
      expect({ segment: s.segment, customers: rows.length, revenue: rows.reduce((sum, r) => sum + Number(r.monetary), 0) }).toEqual(s);
    }
    expect(cli(['rfm', 'scores', '--db', db, '--run', summary.runId, '--csv']).out).toBe(scores.out);

    // custom bins without touching Settings, then a human summary
    const custom = cli(['rfm', '--db', db, '--frequency-bins', '2,4,8,16', '--window-months', '12']);
    expect(custom.code, custom.err).toBe(0);
    expect(custom.out).toMatch(/RFM run .*customers as of \d{4}-\d{2}-\d{2}, fixed scores, last 12 months/);
    expect(custom.out).toContain("Can't Lose Them");
  });

  it('says what is wrong with bad options', { timeout: 120_000 }, () => {
    const db = join(tempDir(), 'shop.sqlite');
    expect(cli(['init', '--db', db, '--demo']).code).toBe(0);
    expect(cli(['rfm', '--db', db, '--method', 'median'])).toMatchObject({ code: 2, err: '--method must be one of: fixed, quintile.\n' });
    expect(cli(['rfm', '--db', db, '--recency-bins', '30,60'])).toMatchObject({ code: 2, err: expect.stringContaining('four ascending numbers') });
    expect(cli(['rfm', '--db', db, '--recency-bins', '90,60,30,10'])).toMatchObject({ code: 1, err: expect.stringContaining('edges') });
    // A date is asked for in the form it must take, never in the form that was typed.
    expect(cli(['rfm', '--db', db, '--as-of', '2026-13-01'])).toEqual({
      code: 2,
      out: '',
      err: '--as-of must be a date written YYYY-MM-DD, e.g. --as-of 2026-11-30.\n',
    });
    expect(cli(['rfm', '--db', db, '--as-of', '31/11/2026'])).toEqual({
      code: 2,
      out: '',
      err: '--as-of must be a date written YYYY-MM-DD, e.g. --as-of 2026-11-30.\n',
    });
    const dayFirst = cli(['rfm', '--db', db, '--as-of', '30/11/2026', '--json']); // as people write dates here
    expect(dayFirst.code, dayFirst.err).toBe(0);
    expect(JSON.parse(dayFirst.out)).toMatchObject({ asOf: '2026-11-30' });
    expect(cli(['rfm', '--db', db, '--as-of', 'besok'], { env: { SMA_LANG: 'id' } })).toMatchObject({
      code: 2,
      err: '--as-of harus tanggal berformat YYYY-MM-DD, misalnya --as-of 2026-11-30.\n',
    });
    expect(cli(['rfm', '--db', db, '--window-months', 'setahun'])).toMatchObject({ code: 2, err: expect.stringContaining('--window-months must be one of') });
    expect(cli(['rfm', 'scores', '--db', db])).toMatchObject({ code: 2, err: expect.stringContaining('--csv') });
  });
});
