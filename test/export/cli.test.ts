import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, cli } from '../cli-run';
import { tempDir } from '../helpers';

beforeAll(buildCli, 180_000);

describe('cli export', () => {
  it('writes each report where asked and prints rows and bytes; says clearly what is wrong', async () => {
    const dir = tempDir();
    const db = join(dir, 'shop.sqlite');
    expect(cli(['init', '--db', db, '--demo']).code).toBe(0);

    const xlsx = join(dir, 'pelanggan.xlsx');
    const customers = cli(['export', 'customers', '--db', db, '--format', 'xlsx', '--out', xlsx]);
    expect(customers.code, customers.err).toBe(0);
    expect(customers.out).toBe(`500 rows, ${statSync(xlsx).size} bytes → ${xlsx}\n`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    expect(book.worksheets[0].rowCount).toBe(501);

    const csv = join(dir, 'penjualan.csv');
    const sales = cli([
      'export',
      'transactions',
      '--db',
      db,
      '--out',
      csv,
      '--from',
      '2026-01-01',
      '--to',
      '2026-03-31',
      '--separator',
      ';',
      '--date-style',
      'iso',
    ]);
    expect(sales.code, sales.err).toBe(0);
    const rows = Papa.parse<string[]>(readFileSync(csv, 'utf8').slice(1).trimEnd(), { delimiter: ';' }).data.slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(sales.out).toContain(`${rows.length} rows`);
    for (const row of rows) expect(row[0] >= '2026-01-01' && row[0] <= '2026-03-31').toBe(true);

    // Day-first dates are read as such; a date that is no date is asked for as YYYY-MM-DD.
    const dayFirst = join(dir, 'penjualan-dmy.csv');
    expect(
      cli(['export', 'transactions', '--db', db, '--out', dayFirst, '--from', '01/01/2026', '--to', '31/03/2026', '--separator', ';', '--date-style', 'iso'])
        .code,
    ).toBe(0);
    expect(readFileSync(dayFirst, 'utf8')).toBe(readFileSync(csv, 'utf8'));
    expect(cli(['export', 'transactions', '--db', db, '--out', join(dir, 'x.csv'), '--to', '2026-02-30'])).toEqual({
      code: 2,
      out: '',
      err: '--to must be a date written YYYY-MM-DD, e.g. --to 2026-11-30.\n',
    });
    expect(cli(['export', 'transactions', '--db', db, '--out', join(dir, 'x.csv'), '--from', '1 Jan 2026'])).toEqual({
      code: 2,
      out: '',
      err: '--from must be a date written YYYY-MM-DD, e.g. --from 2026-11-30.\n',
    });

    expect(cli(['export', 'nasabah', '--db', db, '--out', join(dir, 'x.xlsx')])).toMatchObject({
      code: 1,
      err: expect.stringContaining('Unknown report "nasabah". Reports: customers, transactions'),
    });
    expect(cli(['export', 'customers', '--db', db, '--out', join(dir, 'no-such-folder', 'x.xlsx')])).toMatchObject({
      code: 1,
      err: expect.stringContaining('the folder'),
    });
    expect(cli(['export', 'customers', '--db', join(dir, 'missing.sqlite'), '--out', join(dir, 'x.xlsx')])).toMatchObject({
      code: 1,
      err: expect.stringContaining('There is no database'),
    });
    expect(existsSync(join(dir, 'x.csv'))).toBe(false);
    expect(existsSync(join(dir, 'missing.sqlite'))).toBe(false);
    expect(cli(['export', 'customers', '--db', db, '--out', join(dir, 'x.xlsx'), '--from', '2026-01-01']).code).toBe(2);
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  }, 150_000);
});
