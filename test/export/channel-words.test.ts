import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { salesChannelText } from '../../src-shared/i18n/channels';
import { CHANNELS } from '../../src-shared/schemas/transaction';
import { ok, shopWithOwner } from '../helpers';
import { exportTo } from './harness';

/** A shop with one sale per channel, and one without a channel. */
async function shopWithChannels() {
  const app = await shopWithOwner();
  const customer = await ok(app, 'customers.create', { name: 'Budi Santoso', phone: '0812-1111-2222' });
  for (const [i, channel] of CHANNELS.entries()) {
    await ok(app, 'transactions.create', {
      customer_id: customer.id,
      transaction_date: `2026-10-${String(10 + i).padStart(2, '0')}`,
      amount: 10_000 * (i + 1),
      channel,
      invoice_no: `INV-${i}`,
    });
  }
  await ok(app, 'transactions.create', { customer_id: customer.id, transaction_date: '2026-10-01', amount: 5_000, invoice_no: 'INV-X' });
  return app;
}

async function channelCells(path: string): Promise<Map<string, unknown>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = book.worksheets[0];
  const headers = (sheet.getRow(1).values as unknown[]).slice(1);
  const invoice = headers.indexOf(headers.includes('No faktur') ? 'No faktur' : 'Invoice') + 1;
  const channel = headers.indexOf(headers.includes('Kanal') ? 'Kanal' : 'Channel') + 1;
  expect(invoice * channel).toBeGreaterThan(0);
  return new Map(sheet.getRows(2, sheet.rowCount - 1)!.map((row) => [String(row.getCell(invoice).value), row.getCell(channel).value]));
}

describe('channels in exports and report previews', () => {
  it('an XLSX export writes the channel as the app names it, in the export’s language', async () => {
    const app = await shopWithChannels();
    const id = await channelCells((await exportTo(app, { report: 'transactions', filters: {}, format: 'xlsx' })).path);
    expect(id.get('INV-0')).toBe('Toko (offline)');
    expect(id.get('INV-1')).toBe('WhatsApp');
    expect(id.get('INV-6')).toBe('Lainnya');
    expect(id.get('INV-X')).toBe(null);
    for (const [i, channel] of CHANNELS.entries()) expect(id.get(`INV-${i}`)).toBe(salesChannelText(channel, 'id'));

    await ok(app, 'auth.setPreferences', { language: 'en' });
    const en = await channelCells((await exportTo(app, { report: 'transactions', filters: {}, format: 'xlsx' })).path);
    expect(en.get('INV-0')).toBe('Store (offline)');
    expect(en.get('INV-6')).toBe('Other');
  });

  it('the report preview’s rows hold the same words', async () => {
    const app = await shopWithChannels();
    const preview = await ok(app, 'export.preview', { report: 'transactions', filters: { sort: 'transaction_date', desc: false } });
    const at = preview.columns.findIndex((c) => c.key === 'channel');
    const invoice = preview.columns.findIndex((c) => c.key === 'invoice_no');
    const byInvoice = new Map(preview.rows.map((row) => [row[invoice], row[at]]));
    expect(byInvoice.get('INV-0')).toBe('Toko (offline)');
    expect(byInvoice.get('INV-4')).toBe('Marketplace');
    expect(byInvoice.get('INV-X')).toBe(null);
  });
});
