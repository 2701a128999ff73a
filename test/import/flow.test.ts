import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../manual-clock';
import { stagedFile } from '../../src-main/files/staging';
import { translator } from '../../src-shared/i18n/messages';
import { fails, loginAsNewUser, ok, rowCount, salesRollups, shopWithOwner, tempDir } from '../helpers';
import { DATASETS, importFile, scalar } from './harness';

describe('the import flow', () => {
  it('templates map themselves and their example rows import', async () => {
    const app = await shopWithOwner();
    for (const kind of ['customers', 'transactions', 'products'] as const) {
      const template = await ok(app, 'import.template', { kind });
      const path = stagedFile(app.services.dbPath, template.fileId, translator('id')).path;
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path);
      expect(workbook.worksheets.map((w) => w.name)).toEqual(['Data', 'Petunjuk']);
      const data = workbook.getWorksheet('Data')!;
      expect(data.getRow(1).getCell(1).font?.bold, kind).toBe(true);
      expect(data.views[0], kind).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(data.getColumn(2).width, kind).toBeGreaterThanOrEqual(14);
      expect(data.rowCount, kind).toBe(3);
      if (kind === 'transactions') {
        expect(data.getRow(2).getCell(2).numFmt).toBe('dd/mm/yyyy');
        expect(data.getRow(2).getCell(9).numFmt).toBe('"Rp" #,##0');
      }
      const copy = join(tempDir(), `${kind}.xlsx`);
      writeFileSync(copy, readFileSync(path));
      const { inspected, report } = await importFile(app, copy, kind);
      expect(inspected.missing, kind).toEqual([]);
      expect(Object.values(inspected.mapping).filter((v) => v !== null).length, kind).toBe(inspected.headers.length);
      expect(report, kind).toMatchObject({ status: 'completed', failed: 0 });
    }
    // The two template lines of INV-0001 are one purchase of two items.
    const tx = app.services.sqlite.prepare("SELECT amount, items FROM transactions WHERE invoice_no = 'INV-0001'").get() as { amount: number; items: string };
    expect(tx.amount).toBe(705_000);
    expect(JSON.parse(tx.items)).toHaveLength(2);
  });

  it('validate is a dry run: the same report, nothing saved; the mapping is remembered after import', async () => {
    const app = await shopWithOwner();
    const path = `${DATASETS}rsquaredacademy_rfm_data_orders.csv`;
    const dry = await importFile(app, path, 'transactions', {}, (i) => ({ ...i.mapping, customer_name: null }), 'import.validate');
    expect(dry.report).toMatchObject({ status: 'valid', valid: 4_906, customersCreated: 995, uploadId: null });
    expect(rowCount(app, 'transactions')).toBe(0);
    expect(rowCount(app, 'customers')).toBe(0);
    expect(rowCount(app, 'upload_history')).toBe(0);
    const real = await importFile(app, path, 'transactions', {}, (i) => ({ ...i.mapping, customer_name: null }));
    expect({ ...real.report, durationMs: 0, uploadId: null, status: 'valid' }).toEqual({ ...dry.report, durationMs: 0 });
    const again = await importFile(app, path, 'transactions', {}, (i) => i.mapping, 'import.validate');
    expect(again.inspected).toMatchObject({ mappingSource: 'remembered', mapping: { ...dry.inspected.mapping, customer_name: null } });
  });

  it('an import can be undone in one step; only owners and managers import', async () => {
    const app = await shopWithOwner();
    await ok(app, 'customers.create', { name: 'Pelanggan Lama', code: '00001' });
    const { report } = await importFile(app, `${DATASETS}rsquaredacademy_rfm_data_orders.csv`, 'transactions', {}, (i) => ({
      ...i.mapping,
      customer_name: null,
    }));
    expect(scalar(app, 'SELECT COUNT(*) FROM transactions WHERE deleted_at IS NULL')).toBe(4_906);
    const undone = await ok(app, 'import.undo', { uploadId: report.uploadId as string });
    expect(undone).toEqual({ transactions: 4_906, customers: 995, products: 0, pendingOrders: 0, leads: 0 });
    expect(scalar(app, 'SELECT COUNT(*) FROM transactions WHERE deleted_at IS NULL')).toBe(0);
    expect(scalar(app, 'SELECT COUNT(*) FROM customers WHERE deleted_at IS NULL')).toBe(1);
    expect(salesRollups(app).kept).toEqual({ daily: [], span: [], yearly: [] }); // the undone sales left no trace in the dashboard
    expect((await fails(app, 'import.undo', { uploadId: report.uploadId as string })).message).toBe('Impor ini sudah dibatalkan.');
    const history = await ok(app, 'import.history', {});
    expect(history.rows[0]).toMatchObject({ status: 'completed', undone_at: expect.any(String) });

    const staff = await loginAsNewUser(app, 'staff', 'kasir');
    expect((await fails(app, 'import.inspect', { fileId: 'x', kind: 'customers' }, staff)).code).toBe('FORBIDDEN');
    await ok(app, 'import.template', { kind: 'customers' }, staff);
  });

  it('a cancelled import leaves nothing and says so in the history; the app answers meanwhile', async () => {
    const clock = new ManualClock(new Date());
    const app = await shopWithOwner({ clock });
    const path = join(tempDir(), 'many.csv');
    const lines = ['Tanggal,Kode Pelanggan,Total'];
    for (let i = 0; i < 60_000; i++) lines.push(`2026-01-${String(1 + (i % 28)).padStart(2, '0')},K${i % 3000},${1000 + i}`);
    writeFileSync(path, lines.join('\n'));
    const during: unknown[] = [];
    const unsubscribe = app.services.events.subscribe((event) => {
      const payload = event.payload as { jobId: string; phase: string; done: number };
      if (event.name === 'job.progress' && payload.phase === 'import' && payload.done > 0 && during.length === 0) {
        // Long enough idle for the session's "last seen" to be due: it must not wait on the import's lock.
        clock.advance(60_000);
        during.push('asked');
        void (async () => {
          during.push(await app.call('customers.list', {}, { clientId: 'owner' }));
          during.push(await app.call('jobs.cancel', { jobId: payload.jobId }, { clientId: 'owner' }));
        })();
      }
    });
    const staged = await ok(app, 'files.upload', { name: 'many.csv', bytes: readFileSync(path) });
    const inspected = await ok(app, 'import.inspect', { fileId: staged.fileId, kind: 'transactions' });
    const error = await fails(app, 'import.commit', {
      fileId: staged.fileId,
      kind: 'transactions',
      headerRow: inspected.headerRow,
      mapping: inspected.mapping,
    });
    unsubscribe();
    expect(error).toMatchObject({ code: 'CANCELLED', message: 'Proses dibatalkan. Tidak ada data yang diubah.' });
    expect(during).toEqual(['asked', { ok: true, data: expect.objectContaining({ total: 0 }) }, { ok: true, data: { ok: true } }]);
    expect(rowCount(app, 'transactions')).toBe(0);
    expect(rowCount(app, 'customers')).toBe(0);
    expect((await ok(app, 'import.history', {})).rows[0]).toMatchObject({ status: 'cancelled', rows_imported: 0 });
  });

  it('a workbook that opens with a cover sheet: the first sheet with a header is used', async () => {
    const app = await shopWithOwner();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sampul').addRow(['Laporan pelanggan 2026']);
    const data = workbook.addWorksheet('Data Pelanggan');
    data.addRow(['Nama', 'No HP', 'Kota']);
    data.addRow(['Ani', '0812-1111-0001', 'Bandung']);
    const path = join(tempDir(), 'sampul.xlsx');
    await workbook.xlsx.writeFile(path);
    const { inspected, report } = await importFile(app, path, 'customers');
    expect(inspected).toMatchObject({ sheets: ['Sampul', 'Data Pelanggan'], sheet: 'Data Pelanggan', headers: ['Nama', 'No HP', 'Kota'] });
    expect(report).toMatchObject({ status: 'completed', valid: 1 });
  });
});
