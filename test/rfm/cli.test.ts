import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';

function cli(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli.ts', ...args], { encoding: 'utf8', input, env: { ...process.env, SMA_DB: '' } });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('rfm on the command line', () => {
  it('runs, prints the summary as JSON, and the scores as CSV that match it', { timeout: 60_000 }, () => {
    const db = join(tempDir(), 'shop.sqlite');
    const init = cli(['init', '--db', db, '--demo']);
    expect(init.out).toContain('RFM analysis done: 500 customers scored'); // `rfm scores` works right after
    expect(cli(['rfm', 'scores', '--db', db, '--csv']).out.trim().split('\n')).toHaveLength(501);
    const empty = join(tempDir(), 'empty.sqlite');
    expect(cli(['init', '--db', empty, '--owner', 'sari', '--password-stdin'], 'kata-sandi-rahasia\n').code).toBe(0);
    expect(cli(['rfm', 'scores', '--db', empty, '--csv'])).toMatchObject({ code: 1, err: expect.stringContaining('no RFM run yet') });

    const run = cli(['rfm', '--db', db, '--as-of', '2026-11-01', '--method', 'quintile', '--json']);
    expect(run.code, run.err).toBe(0);
    const summary = JSON.parse(run.out) as { runId: string; asOf: string; method: string; customers: number; segments: { segment: string; customers: number; revenue: number }[] };
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

  it('says what is wrong with bad options', { timeout: 90_000 }, () => {
    const db = join(tempDir(), 'shop.sqlite');
    expect(cli(['init', '--db', db, '--demo']).code).toBe(0);
    expect(cli(['rfm', '--db', db, '--method', 'median'])).toMatchObject({ code: 2, err: expect.stringContaining('--method must be fixed or quintile') });
    expect(cli(['rfm', '--db', db, '--recency-bins', '30,60'])).toMatchObject({ code: 2, err: expect.stringContaining('four ascending numbers') });
    expect(cli(['rfm', '--db', db, '--recency-bins', '90,60,30,10'])).toMatchObject({ code: 1, err: expect.stringContaining('edges') });
    expect(cli(['rfm', '--db', db, '--as-of', '2026-13-01'])).toMatchObject({ code: 1, err: expect.stringContaining('asOf') });
    expect(cli(['rfm', 'scores', '--db', db])).toMatchObject({ code: 2, err: expect.stringContaining('--csv') });
  });
});
