import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app';
import type { ImportOptions } from '../../src-shared/schemas/import';
import { buildCli, cli } from '../cli-run';
import { shopWithOwner, tempDir } from '../helpers';
import { importFile, scalar } from './harness';
import { figures, OLSERA, olseraFigures, PAWOON, PAWOON_COLS, pawoonRows, pawoonState } from './pos-figures';

const OPTIONS: Partial<ImportOptions> = { onDuplicate: 'update', cancellations: 'returns' };

let app: App;
beforeEach(async () => {
  app = await shopWithOwner();
});
afterEach(async () => {
  await app.close();
});

describe('a Pawoon POS Riwayat Transaksi export', () => {
  it('is recognised below its title rows and imports with no mapping: receipts, voids, refunds, walk-ins', async () => {
    const want = figures(await pawoonRows(), PAWOON_COLS, pawoonState);
    // The fixture holds what the figures below tell apart.
    expect([want.sales, want.returns, want.cancelled, want.walkIns].every((n) => n > 0)).toBe(true);

    const { inspected, report } = await importFile(app, PAWOON, 'transactions', { ...OPTIONS, preset: 'pawoon-sales' });
    expect(inspected.preset).toBe('pawoon-sales');
    expect(inspected.presetKind).toBe('till');
    expect(inspected.titleRows.length).toBe(3);
    expect(inspected.missing).toEqual([]);
    expect(report.status).toBe('completed');
    expect(report.failed).toBe(0);
    expect(report.issues).toEqual([]);
    expect(report.toSkip).toBe(want.skippedLines);
    expect(report.warnings).toContain(`Pesanan batal dilewati: ${want.cancelled}.`);
    expect(report.warnings).toContain(`Struk penjualan tanpa pelanggan (pembeli langsung) dilewati: ${want.walkIns}.`);
    expect(scalar(app, "SELECT count(*) FROM transactions WHERE invoice_no NOT LIKE 'C%'")).toBe(want.sales);
    expect(scalar(app, "SELECT count(*) FROM transactions WHERE invoice_no LIKE 'C%' AND amount < 0")).toBe(want.returns);
    expect(scalar(app, "SELECT sum(amount) FROM transactions WHERE invoice_no NOT LIKE 'C%'")).toBe(want.revenue);
    expect(scalar(app, 'SELECT sum(amount) FROM transactions')).toBe(want.revenue - want.refunded);
    expect(scalar(app, "SELECT count(*) FROM transactions WHERE channel = 'pos'")).toBe(want.sales + want.returns);
    expect(report.customersCreated).toBe(want.customers.size);
    const identities = app.services.sqlite.prepare('SELECT channel_identity FROM customers ORDER BY 1').pluck().all();
    expect(identities).toEqual([...want.customers].map((c) => `pawoon:${c}`).sort());
  });

  it('is figured by hand to these numbers', async () => {
    // The same figures written out, so a change to the fixture shows here too.
    const want = figures(await pawoonRows(), PAWOON_COLS, pawoonState);
    expect({
      sales: want.sales,
      returns: want.returns,
      cancelled: want.cancelled,
      walkIns: want.walkIns,
      customers: want.customers.size,
      revenue: want.revenue,
      refunded: want.refunded,
    }).toEqual({
      sales: 11,
      returns: 2,
      cancelled: 2,
      walkIns: 4,
      customers: 6,
      revenue: 785_840,
      refunded: 114_620,
    });
  });
});

describe('an Olsera POS sales export', () => {
  it('is recognised below its title row and imports with no mapping; orders in progress skipped by default', async () => {
    const want = olseraFigures();
    expect([want.sales, want.returns, want.cancelled, want.inProgress.length, want.walkIns].every((n) => n > 0)).toBe(true);

    const { inspected, report } = await importFile(app, OLSERA, 'transactions', { ...OPTIONS, preset: 'olsera-sales' });
    expect(inspected.preset).toBe('olsera-sales');
    expect(inspected.headerRow).toBe(1);
    expect(inspected.missing).toEqual([]);
    expect(report.status).toBe('completed');
    expect(report.issues).toEqual([]);
    expect(report.failed).toBe(0);
    expect(report.issues).toEqual([]);
    expect(report.toSkip).toBe(want.skippedLines);
    expect(report.warnings).toContain(`Pesanan batal dilewati: ${want.cancelled}.`);
    expect(report.warnings).toContain(`Pesanan yang masih diproses (perlu dikirim, dikirim) dilewati sesuai pilihan: ${want.inProgress.length}.`);
    expect(report.warnings).toContain(`Struk penjualan tanpa pelanggan (pembeli langsung) dilewati: ${want.walkIns}.`);
    expect(scalar(app, "SELECT count(*) FROM transactions WHERE invoice_no NOT LIKE 'C%'")).toBe(want.sales);
    expect(scalar(app, "SELECT count(*) FROM transactions WHERE invoice_no LIKE 'C%' AND amount < 0")).toBe(want.returns);
    expect(scalar(app, "SELECT sum(amount) FROM transactions WHERE invoice_no NOT LIKE 'C%'")).toBe(want.revenue);
    expect(scalar(app, 'SELECT sum(amount) FROM transactions')).toBe(want.revenue - want.refunded);
    expect(report.customersCreated).toBe(want.customers.size);
    // The till's phone column is a real phone: the customers have it.
    expect(scalar(app, "SELECT phone FROM customers WHERE name = 'Maya Putri'")).toMatch(/81234560011$/);
  });
});

describe('the Olsera fixture', () => {
  it('is figured by hand to these numbers', () => {
    const want = olseraFigures();
    const { sales, returns, cancelled, walkIns, revenue, refunded } = want;
    expect({ sales, returns, cancelled, walkIns, inProgress: want.inProgress.length, customers: want.customers.size, revenue, refunded }).toEqual({
      sales: 6,
      returns: 1,
      cancelled: 1,
      walkIns: 2,
      inProgress: 5,
      customers: 4,
      revenue: 330_000,
      refunded: 64_000,
    });
    expect(want.inProgress.reduce((n, o) => n + o.total, 0)).toBe(232_000);
  });
});

describe('Pawoon and Olsera exports on the command line', { timeout: 120_000 }, () => {
  beforeAll(buildCli, 300_000);

  it('name the recognised preset and import with no mapping file', async () => {
    const pawoon = figures(await pawoonRows(), PAWOON_COLS, pawoonState);
    const olsera = olseraFigures();
    for (const [file, preset, want] of [
      [PAWOON, 'pawoon-sales', pawoon],
      [OLSERA, 'olsera-sales', olsera],
    ] as const) {
      const db = join(tempDir(), 'shop.sqlite');
      expect(cli(['init', '--db', db, '--demo']).code).toBe(0);
      const run = cli(['import', file, '--kind', 'transactions', '--db', db, '--json']);
      expect(run.err).toBe('');
      const out = JSON.parse(run.out) as Record<string, unknown>;
      expect(out).toMatchObject({ status: 'completed', preset, failed: 0, skipped: want.skippedLines, customersCreated: want.customers.size });
      expect(out.records).toBe(want.sales + want.returns);
    }
    // Orders in progress kept as pending: the same sales, and the report says how many were kept.
    const db = join(tempDir(), 'shop.sqlite');
    expect(cli(['init', '--db', db, '--demo']).code).toBe(0);
    const kept = JSON.parse(cli(['import', OLSERA, '--kind', 'transactions', '--db', db, '--json', '--in-progress', 'pending']).out) as {
      records: number;
      warnings: string[];
    };
    expect(kept.records).toBe(olsera.sales + olsera.returns);
    expect(kept.warnings).toContain(`${olsera.inProgress.length} orders still in progress kept as pending (not counted as sales yet).`);
  });
});
