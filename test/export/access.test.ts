import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app';
import { stagingDir } from '../../src-main/files/staging';
import { fails, loginAsNewUser, ok } from '../helpers';
import { busyShop, exportTo, trickyShop } from './harness';

function activity(app: App, action: string) {
  return app.services.sqlite.prepare('SELECT entity, entity_id, details FROM activity_logs WHERE action = ?').all(action) as {
    entity: string;
    entity_id: string;
    details: string;
  }[];
}

describe('who may export, and the record of every export', () => {
  it('staff may export sales and products but not customer lists, with a plain sentence', async () => {
    const app = await trickyShop();
    const staff = await loginAsNewUser(app, 'staff', 'kasir');
    const reports = await ok(app, 'export.reports', {}, staff);
    const allowed = Object.fromEntries(reports.map((r) => [r.id, r.allowed]));
    expect(allowed).toMatchObject({
      customers: false,
      rfm: false,
      'segment:champions': false,
      'win-back': false,
      'top-customers': false,
      transactions: true,
      products: true,
      'sales-monthly': true,
      'segment-summary': true,
    });
    expect(reports.find((r) => r.id === 'customers')?.reason).toBe(
      'Peran Staf tidak boleh mengekspor "Daftar pelanggan": isinya data pelanggan atau catatan toko. Minta pemilik atau manajer toko.',
    );
    for (const report of ['customers', 'rfm', 'segment:at_risk', 'win-back', 'top-customers'] as const) {
      const refused = await fails(app, 'export.run', { report, filters: {} }, staff);
      expect(refused.code).toBe('FORBIDDEN');
      expect((await fails(app, 'export.preview', { report, filters: {} }, staff)).code).toBe('FORBIDDEN');
    }
    const file = await exportTo(app, { report: 'transactions', filters: {}, format: 'csv' }, staff);
    expect(file.rows).toBe(3);
    await exportTo(app, { report: 'products', filters: {} });
    // Staff see their own exports; the owner sees everyone's.
    expect((await ok(app, 'export.history', {}, staff)).rows.map((r) => r.report)).toEqual(['transactions']);
    expect((await ok(app, 'export.history', {})).total).toBe(2);
  });

  it('a file is downloaded only by the user it was made for (or an owner), while their role may open its report', async () => {
    const app = await trickyShop();
    const manager = await loginAsNewUser(app, 'manager', 'maya');
    const staff = await loginAsNewUser(app, 'staff', 'kasir');
    const customers = await exportTo(app, { report: 'customers', filters: {}, format: 'csv' }, manager);
    const sales = await exportTo(app, { report: 'transactions', filters: {}, format: 'csv' }, staff);
    // Staff holding the id of the manager's customer list get nothing, in browser mode or the desktop.
    expect(await fails(app, 'files.download', { fileId: customers.fileId }, staff)).toMatchObject({
      code: 'FORBIDDEN',
      message: 'File ini dibuat untuk pengguna lain, atau peran Anda tidak boleh membuka laporan di dalamnya.',
    });
    // Another manager neither: it is maya's file.
    const other = await loginAsNewUser(app, 'manager', 'rudi');
    expect((await fails(app, 'files.download', { fileId: customers.fileId }, other)).code).toBe('FORBIDDEN');
    await ok(app, 'files.download', { fileId: customers.fileId }, manager);
    await ok(app, 'files.download', { fileId: customers.fileId });
    await ok(app, 'files.download', { fileId: sales.fileId }, staff);
    // An uploaded file is its uploader's too: another user cannot inspect or import it by its id.
    const upload = await ok(app, 'files.upload', { name: 'p.csv', bytes: new TextEncoder().encode('nama\nAni\n') }, manager);
    expect((await fails(app, 'import.inspect', { fileId: upload.fileId, kind: 'customers' }, other)).code).toBe('FORBIDDEN');
  });

  it('every export is in the history and the activity log: what, filters, rows, size, duration, who', async () => {
    const app = await trickyShop();
    const file = await exportTo(app, { report: 'transactions', filters: { from: '2026-10-01', to: '2026-10-31' }, format: 'xlsx' });
    const history = await ok(app, 'export.history', {});
    expect(history.rows[0]).toMatchObject({
      report: 'transactions',
      reportName: 'Transaksi',
      format: 'xlsx',
      fileName: file.name,
      filters: expect.objectContaining({ from: '2026-10-01', to: '2026-10-31', status: 'active' }),
      rows: 2,
      bytes: statSync(file.path).size,
      status: 'completed',
      error: null,
      userName: 'Sari Wulandari',
    });
    expect(history.rows[0].durationMs).toBeGreaterThanOrEqual(0);
    const [logged] = activity(app, 'export.completed');
    expect(logged).toMatchObject({ entity: 'export_history', entity_id: history.rows[0].id });
    expect(JSON.parse(logged.details)).toEqual({ report: 'transactions', format: 'xlsx', rows: 2, bytes: statSync(file.path).size });
  });

  it('a cancelled export leaves no file and is recorded as cancelled', async () => {
    const app = await busyShop();
    const unsubscribe = app.services.events.subscribe((event) => {
      const payload = event.payload as { jobId: string; kind: string; done: number };
      if (event.name === 'job.progress' && payload.kind === 'export.run' && payload.done >= 1000)
        void app.call('jobs.cancel', { jobId: payload.jobId }, { clientId: 'owner' });
    });
    const error = await fails(app, 'export.run', { report: 'transactions', filters: {}, format: 'csv' });
    unsubscribe();
    expect(error.code).toBe('CANCELLED');
    const dir = stagingDir(app.services.dbPath);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
    expect((await ok(app, 'export.history', {})).rows[0]).toMatchObject({ status: 'cancelled', report: 'transactions', bytes: 0, error: null });
    expect(activity(app, 'export.cancelled')).toHaveLength(1);
  }, 60_000);

  it('a failed export says why and is recorded as failed', async () => {
    const app = await trickyShop();
    const error = await fails(app, 'export.run', { report: 'rfm', filters: {} });
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'Belum ada analisis RFM. Jalankan analisis dulu.' });
    expect((await ok(app, 'export.history', {})).rows[0]).toMatchObject({
      status: 'failed',
      report: 'rfm',
      error: 'Belum ada analisis RFM. Jalankan analisis dulu.',
    });
    expect(activity(app, 'export.failed')).toHaveLength(1);
  });

  it('filters are checked by the report and named in the error; unknown columns are refused', async () => {
    const app = await trickyShop();
    const badDate = await fails(app, 'export.run', { report: 'transactions', filters: { from: '2026-02-30' } });
    expect(badDate).toMatchObject({
      code: 'VALIDATION_ERROR',
      details: { issues: [{ path: 'filters.from', message: 'Tanggal tidak valid. Gunakan format dd/mm/yyyy.' }] },
    });
    expect((await fails(app, 'export.run', { report: 'customers', filters: { bogus: 1 } })).code).toBe('VALIDATION_ERROR');
    expect(await fails(app, 'export.run', { report: 'customers', filters: {}, columns: ['name', 'password_hash'] })).toMatchObject({
      code: 'VALIDATION_ERROR',
      message: 'Kolom ini tidak ada di laporan: password_hash.',
    });
    expect((await fails(app, 'export.run', { report: 'segment:nobody', filters: {} })).code).toBe('VALIDATION_ERROR');
  });

  it('holds exactly what the list shows: the same filters, search and sort, every page of it', async () => {
    const app = await trickyShop();
    const filters = { city: 'bandung', sort: 'name' as const, desc: true };
    const list = await ok(app, 'customers.list', { ...filters, pageSize: 200 });
    const file = await exportTo(app, { report: 'customers', filters, format: 'csv', columns: ['code', 'name'] });
    const rows = Papa.parse<string[]>(readFileSync(file.path, 'utf8').slice(1).trimEnd()).data.slice(1);
    expect(rows.map((r) => r[0])).toEqual(list.rows.map((r) => r.code));
    expect(list.total).toBe(2);

    const sales = await ok(app, 'transactions.list', { search: 'INV', sort: 'amount', desc: false });
    const preview = await ok(app, 'export.preview', { report: 'transactions', filters: { search: 'INV', sort: 'amount', desc: false } });
    expect(sales.total).toBe(2);
    expect(preview.total).toBe(sales.total);
    expect(preview.totals.amount).toBe(sales.totalAmount);
    expect(preview.rows.map((r) => r[preview.columns.findIndex((c) => c.key === 'amount')])).toEqual(sales.rows.map((r) => r.amount));
  });
});
