import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app';
import { newId } from '../../src-main/core/ids';
import { write } from '../../src-main/core/write';
import { insertMany } from '../../src-main/import/bulk-insert';
import { runRfm, type RfmRunParams } from '../../src-main/rfm/run';
import { addDays } from '../../src-shared/format/date';
import { DEFAULT_SETTINGS } from '../../src-shared/schemas/settings';
import { ManualClock } from '../manual-clock';
import { ok, shopWithOwner, tempDir } from '../helpers';
import { importFile } from '../import/harness';

const TODAY = '2026-06-15';
// 05:00 UTC is 12:00 in Jakarta: the shop's today is TODAY.
const NOW = new Date('2026-06-15T05:00:00Z');

/** A small deterministic generator, so a failure can be run again as it was. */
function dice(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return Math.floor((s / 2_147_483_648) * n);
  };
}

/**
 * 120 customers and 1,500 sales written through the write helper (so the triggers keep the
 * rollup), dates bunched on few days so that many customers buy twice on one day.
 */
async function shop(): Promise<{ app: App; customers: string[]; sales: string[]; roll: (n: number) => number }> {
  const app = await shopWithOwner({ clock: new ManualClock(NOW) });
  const roll = dice(25);
  const customers = Array.from({ length: 120 }, () => newId());
  const sales = Array.from({ length: 1500 }, () => newId());
  write({ ...app.services, userId: null }, (w) => {
    insertMany(
      w,
      'customers',
      customers.map((id, i) => ({
        id,
        code: `R${i}`,
        name: `Pelanggan ${i}`,
        phone: null,
        email: null,
        address: null,
        city: null,
        tags: '[]',
        notes: null,
        source: null,
        deleted_at: null,
      })),
    );
    insertMany(
      w,
      'transactions',
      sales.map((id) => ({
        id,
        customer_id: customers[roll(3) === 0 ? roll(120) : roll(30)],
        transaction_date: addDays(TODAY, -roll(40) * 7 - roll(2)),
        amount: (1 + roll(500)) * 1000,
        items: '[]',
        invoice_no: null,
        campaign_code: null,
        channel: null,
        notes: null,
        deleted_at: null,
        upload_id: null,
      })),
    );
  });
  return { app, customers, sales, roll };
}

const COLUMNS =
  'customer_id, recency_days, frequency, monetary, r_score, f_score, m_score, segment, first_purchase, last_purchase, avg_order_value, median_gap_days';

/**
 * The default run (all time, as of today: the rollup) and a run over a window wide enough to hold
 * every sale (the scan), on the same data, for both scoring methods: every customer's figures,
 * scores and segment, and the shop's median gap, must be the same.
 */
function expectBothPathsAgree(app: App): number {
  const ctx = { ...app.services, userId: null };
  const sqlite = app.services.sqlite;
  const rows = (runId: string) => sqlite.prepare(`SELECT ${COLUMNS} FROM rfm_analysis WHERE run_id = ? ORDER BY customer_id`).all(runId);
  const run = (runId: string) =>
    sqlite.prepare('SELECT figures_from, parameters FROM rfm_runs WHERE id = ?').get(runId) as { figures_from: string; parameters: string };
  let customers = 0;
  for (const method of ['fixed', 'quintile'] as const) {
    const params: RfmRunParams = {
      asOf: TODAY,
      method,
      windowMonths: null,
      edges: DEFAULT_SETTINGS.rfmEdges,
      segments: DEFAULT_SETTINGS.rfmSegments,
      clvExpectedYears: 3,
      trigger: 'manual',
    };
    const rollup = runRfm(params, ctx);
    const scan = runRfm({ ...params, windowMonths: 1200 }, ctx);
    expect(run(rollup.runId).figures_from).toBe('rollup');
    expect(run(scan.runId).figures_from).toBe('scan');
    expect(rollup.customers).toBe(scan.customers);
    expect(rows(rollup.runId)).toEqual(rows(scan.runId));
    const parameters = (id: string) => JSON.parse(run(id).parameters) as { shopMedianGapDays: number | null; quintileEdges?: unknown };
    expect(parameters(rollup.runId)).toEqual(parameters(scan.runId));
    customers = rollup.customers;
  }
  return customers;
}

/** A CSV of sales for `customers` customers known by code, and a few new ones. */
function salesCsv(rows: number, roll: (n: number) => number): string {
  const lines = ['No Faktur,Tanggal,Kode Pelanggan,Nama Pelanggan,Total'];
  for (let i = 0; i < rows; i++) {
    const code = roll(4) === 0 ? `BARU${roll(20)}` : `R${roll(120)}`;
    lines.push(`IMP-${i},${addDays(TODAY, -roll(60) * 3)},${code},Pelanggan ${code},${(1 + roll(300)) * 1000}`);
  }
  const path = join(tempDir(), 'rollup-sales.csv');
  writeFileSync(path, lines.join('\n'));
  return path;
}

describe('the default RFM run reads the per-customer rollup', () => {
  it('finds what a scan of every sale finds, after edits, deletes, restores, an import and its undo', async () => {
    const { app, customers, sales, roll } = await shop();
    expect(expectBothPathsAgree(app)).toBeGreaterThan(100);

    // Typed-in changes, through dispatch: a sale moved to another day and customer, one made
    // bigger, some deleted (a customer's last one among them) and one restored, a customer deleted.
    await ok(app, 'transactions.update', { id: sales[0], customer_id: customers[1], transaction_date: addDays(TODAY, -3), amount: 70_000 });
    await ok(app, 'transactions.update', { id: sales[1], customer_id: customers[5], transaction_date: addDays(TODAY, -200), amount: 1_000 });
    for (const id of sales.slice(10, 60)) await ok(app, 'transactions.delete', { id });
    await ok(app, 'transactions.restore', { id: sales[20] });
    const loner = await ok(app, 'customers.create', { name: 'Sekali Beli' });
    const only = await ok(app, 'transactions.create', { customer_id: loner.id, transaction_date: addDays(TODAY, -9), amount: 5_000 });
    await ok(app, 'transactions.create', { customer_id: customers[2], transaction_date: TODAY, amount: 12_000 });
    await ok(app, 'customers.delete', { id: customers[3] });
    expectBothPathsAgree(app);
    await ok(app, 'transactions.delete', { id: only.id });
    await ok(app, 'customers.delete', { id: customers[4] });
    await ok(app, 'customers.restore', { id: customers[3] });
    expectBothPathsAgree(app);

    // An import bigger than the shop drops the triggers and rebuilds the rollups; its undo
    // soft-deletes its sales one by one with the triggers in place.
    const { report } = await importFile(app, salesCsv(2000, roll), 'transactions');
    expect(report.status).toBe('completed');
    expectBothPathsAgree(app);
    const uploadId = app.services.sqlite.prepare('SELECT upload_id FROM transactions WHERE upload_id IS NOT NULL LIMIT 1').pluck().get() as string;
    await ok(app, 'import.undo', { uploadId });
    expectBothPathsAgree(app);
  });

  it('a run as of a past date, or over a window, reads the sales; a sale dated after today does too', async () => {
    const { app, customers } = await shop();
    const params: RfmRunParams = {
      asOf: TODAY,
      method: 'fixed',
      windowMonths: null,
      edges: DEFAULT_SETTINGS.rfmEdges,
      segments: DEFAULT_SETTINGS.rfmSegments,
      clvExpectedYears: 3,
      trigger: 'manual',
    };
    const ctx = { ...app.services, userId: null };
    const from = (runId: string) => app.services.sqlite.prepare('SELECT figures_from FROM rfm_runs WHERE id = ?').pluck().get(runId);
    expect(from(runRfm({ ...params, asOf: addDays(TODAY, -30) }, ctx).runId)).toBe('scan');
    expect(from(runRfm({ ...params, windowMonths: 12 }, ctx).runId)).toBe('scan');
    expect(from(runRfm(params, ctx).runId)).toBe('rollup');
    await ok(app, 'transactions.create', { customer_id: customers[0], transaction_date: addDays(TODAY, 2), amount: 1_000 });
    expect(from(runRfm(params, ctx).runId)).toBe('scan');
    expect(from(runRfm({ ...params, asOf: addDays(TODAY, 2) }, ctx).runId)).toBe('rollup');
  });
});
