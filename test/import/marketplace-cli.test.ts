import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, cli } from '../cli-run';
import { tempDir } from '../helpers';
import { expected, fileRows, SHOPEE_FIXTURE } from './marketplace-figures';

beforeAll(buildCli, 300_000);

describe('a marketplace export on the command line', { timeout: 120_000 }, () => {
  it('names the recognised preset and imports with no mapping file', async () => {
    const want = expected(await fileRows());
    const db = join(tempDir(), 'shop.sqlite');
    expect(cli(['init', '--db', db, '--demo']).code).toBe(0);

    // The status options: orders in progress counted as sales (a check only: nothing is written).
    const dry = JSON.parse(cli(['import', SHOPEE_FIXTURE, '--kind', 'transactions', '--db', db, '--json', '--dry-run', '--in-progress', 'sale']).out) as Record<
      string,
      unknown
    >;
    expect(dry).toMatchObject({ status: 'valid', preset: 'shopee-orders', skipped: want.skippedLines - want.inProgress.reduce((n, o) => n + o.lines, 0) });
    expect(dry.records).toBe(want.done.length + 2 * want.returned.length + want.inProgress.length);
    expect(cli(['import', SHOPEE_FIXTURE, '--kind', 'transactions', '--db', db, '--in-progress', 'later']).code).toBe(2);

    const run = cli(['import', SHOPEE_FIXTURE, '--kind', 'transactions', '--db', db, '--json']);
    expect(run.err).toBe('');
    const out = JSON.parse(run.out) as Record<string, unknown>;
    expect(out).toMatchObject({ status: 'completed', preset: 'shopee-orders', failed: 0, skipped: want.skippedLines, customersCreated: want.buyers.size });
    // Every completed order once, every returned order as its sale and its return.
    expect(out.records).toBe(want.done.length + 2 * want.returned.length);

    const again = cli(['import', SHOPEE_FIXTURE, '--kind', 'transactions', '--db', db]);
    expect(again.code).toBe(1);
    expect(again.out).toContain('Export recognised: shopee-orders');
    expect(again.err).toContain('This export was imported already');
  });
});
