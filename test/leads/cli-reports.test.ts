import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateInZone } from '../../src-shared/format/date';
import { buildCli, cli } from '../cli-run';
import { ok } from '../helpers';
import { seedPipeline, type SeededShop } from './report-seed';

let shop: SeededShop;
let path: string;

beforeAll(async () => {
  await buildCli();
  shop = await seedPipeline(80);
  path = shop.app.services.dbPath;
}, 240_000);
afterAll(() => shop?.close());

describe('leads funnel and leads forecast on the command line', () => {
  it('funnel --json: the stages and the conversion per channel, as leads.reports answers them', async () => {
    const report = await ok(shop.app, 'leads.reports', { from: '2026-06-01', to: '2026-07-31' });
    const run = cli(['leads', 'funnel', '--db', path, '--from', '2026-06-01', '--to', '31/07/2026', '--json']);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.out) as {
      stages: { stage: string; count: number; value: number }[];
      conversionByChannel: { channel: string | null; leads: number; won: number; rate: number | null }[];
    };
    expect(out.stages.map(({ stage, count, value }) => ({ stage, count, value }))).toEqual(
      report.funnel.map((s) => ({ stage: s.stageId, count: s.count, value: s.value })),
    );
    expect(out.stages[0].count).toBeGreaterThan(0);
    expect(out.conversionByChannel.map(({ channel, leads, won, rate }) => ({ channel, leads, won, rate }))).toEqual(
      report.byChannel.map((c) => ({ channel: c.channelId, leads: c.leads, won: c.won, rate: c.rate })),
    );
  });

  it('funnel without a period says what it needs; the text form is a table', () => {
    const missing = cli(['leads', 'funnel', '--db', path, '--from', '2026-06-01']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--from and --to');
    const text = cli(['leads', 'funnel', '--db', path, '--from', '2026-06-01', '--to', '2026-07-31']);
    expect(text.out).toMatch(/^stage\s+leads\s+value/);
  });

  it('forecast --json: the next six months from today and the undated line, equal to straight SQL', () => {
    const run = cli(['leads', 'forecast', '--db', path, '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.out) as { month: string | null; weighted: number }[];
    const first = dateInZone(new Date(), 'Asia/Jakarta').slice(0, 7);
    expect(out).toHaveLength(7);
    expect(out[0].month).toBe(first);
    expect(out[6].month).toBeNull();
    const db = new Database(path, { readonly: true });
    const straight = new Map(
      (
        db
          .prepare(
            "SELECT coalesce(substr(l.expected_close, 1, 7), 'none') AS month, sum(l.value * s.probability) / 100.0 AS w FROM leads l JOIN lead_stages s ON s.id = l.stage_id WHERE s.kind = 'open' AND l.deleted_at IS NULL GROUP BY 1",
          )
          .all() as { month: string; w: number }[]
      ).map((r) => [r.month, Math.round(r.w)]),
    );
    db.close();
    for (const row of out) expect(row.weighted).toBe(straight.get(row.month ?? 'none') ?? 0);
    expect(out[6].weighted).toBeGreaterThan(0);
  });
});
