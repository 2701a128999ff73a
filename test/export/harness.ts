import type { App } from '../../src-main/app';
import { newId } from '../../src-main/core/ids';
import { write } from '../../src-main/core/write';
import { insertMany } from '../../src-main/import/bulk-insert';
import { stagedFile } from '../../src-main/files/staging';
import { translator } from '../../src-shared/i18n/messages';
import type { ExportRunInput } from '../../src-shared/schemas/export';
import { ok, shopWithOwner } from '../helpers';

/** Run an export through dispatch and answer where its file is. */
export async function exportTo(app: App, input: ExportRunInput, clientId = 'owner') {
  const result = await ok(app, 'export.run', input, clientId);
  return { ...result, path: stagedFile(app.services.dbPath, result.fileId, translator('en')).path };
}

/**
 * A small shop holding what an export must get right: a name that is a formula, a name that looks
 * like a phone number, a field with the separator, quotes and a line break, tags, items, a return.
 */
export async function trickyShop(): Promise<App> {
  const app = await shopWithOwner();
  const formula = await ok(app, 'customers.create', {
    name: '=HYPERLINK("http://x","klik")',
    phone: '0812-1111-2222',
    city: 'Bandung',
    tags: ['vip', 'reseller'],
    source: 'instagram',
  });
  const phoneName = await ok(app, 'customers.create', { name: '+62 812 555', email: 'plus@contoh.id', city: 'Medan', source: 'whatsapp' });
  const quoted = await ok(app, 'customers.create', {
    name: 'Toko "Maju"; Jaya',
    address: 'Jl. Merdeka 1\nBlok B',
    notes: '@penting',
    city: 'Bandung',
    source: 'offline',
  });
  await ok(app, 'customers.create', {
    name: 'Ani Wijaya',
    phone: '+62 821 3333 4444',
    email: 'ani@contoh.id',
    city: 'Solo',
    notes: '-5% untuk member',
    source: 'referral',
  });
  await ok(app, 'transactions.create', {
    customer_id: formula.id,
    transaction_date: '2026-10-05',
    items: [{ name: 'Kemeja Batik', qty: 2, price: 325_000 }],
    channel: 'whatsapp',
    invoice_no: 'INV-001',
    notes: '=1+1',
  });
  await ok(app, 'transactions.create', {
    customer_id: phoneName.id,
    transaction_date: '2026-10-20',
    amount: 1_250_000,
    invoice_no: 'INV-002',
    campaign_code: 'PKG_OKT_2026_PROMO',
  });
  await ok(app, 'transactions.create', {
    customer_id: quoted.id,
    transaction_date: '2026-11-02',
    amount: -75_000,
    invoice_no: 'RET-003',
    notes: 'retur; "rusak"',
  });
  return app;
}

/** A shop with enough sales that an export is still running when a cancel arrives. */
export async function busyShop(): Promise<App> {
  const app = await shopWithOwner();
  const ctx = { ...app.services, userId: null };
  const ids = Array.from({ length: 500 }, () => newId());
  write(ctx, (w) => {
    ids.forEach((id, i) =>
      w.insert('customers', {
        id,
        code: `K${i}`,
        name: `Pelanggan ${i}`,
        phone: null,
        email: null,
        address: null,
        city: null,
        tags: '[]',
        notes: null,
        source: null,
        deleted_at: null,
      }),
    );
    insertMany(
      w,
      'transactions',
      Array.from({ length: 60_000 }, (_, i) => ({
        id: newId(),
        customer_id: ids[i % 500],
        transaction_date: `2026-0${1 + (i % 9)}-1${i % 10}`,
        amount: 1000 + i,
        items: '[]',
        channel: null,
        campaign_code: null,
        invoice_no: null,
        notes: null,
        deleted_at: null,
      })),
    );
  });
  return app;
}
