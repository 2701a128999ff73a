import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportTo } from '../export/harness';
import { RowReader } from '../../src-main/sync/rows';
import { syncedProduct } from '../../src-shared/sync/entities';
import { fails, ok, shopWithOwner } from '../helpers';

const PACKAGE = {
  name: 'Umroh Maret 2027 Hemat',
  price: 27_500_000,
  campaign_code: ' umr_mar_2027_hemat ',
  start_date: '2027-03-10',
  end_date: '2027-03-18',
  quota_status: 'available' as const,
  features: ['  Hotel bintang 3  ', 'Durasi 9 hari'],
  image_url: 'https://cdn.toko.id/umr-mar.jpg',
  brochure_url: 'https://cdn.toko.id/umr-mar.pdf',
  assistant_offered: true,
};

const issues = async (app: Awaited<ReturnType<typeof shopWithOwner>>, input: Record<string, unknown>) => {
  const error = await fails(app, 'products.create', input);
  expect(error.code).toBe('VALIDATION_ERROR');
  return (error.details as { issues: { path: string; message: string }[] }).issues;
};

describe("products as the assistant's catalogue (migration 0020)", () => {
  it('keep their package fields: the code upper-cased, lines trimmed, blanks as none', async () => {
    const app = await shopWithOwner();
    const saved = await ok(app, 'products.create', { ...PACKAGE, category: '', brochure_url: '  ' });
    expect(saved).toMatchObject({
      campaign_code: 'UMR_MAR_2027_HEMAT',
      start_date: '2027-03-10',
      end_date: '2027-03-18',
      quota_status: 'available',
      features: ['Hotel bintang 3', 'Durasi 9 hari'],
      image_url: 'https://cdn.toko.id/umr-mar.jpg',
      brochure_url: null,
      assistant_offered: true,
      category: null,
    });
    // A product made without them is an ordinary one the assistant never offers.
    const plain = await ok(app, 'products.create', { name: 'Koper kabin', price: 450_000 });
    expect(plain).toMatchObject({ campaign_code: null, start_date: null, quota_status: 'available', features: [], assistant_offered: false });
    // Found by its campaign code, as the owner reads it on an ad.
    expect((await ok(app, 'products.list', { search: 'MAR_2027', page: 1, pageSize: 5 })).rows.map((r) => r.id)).toEqual([saved.id]);
  });

  it('refuses what the assistant could not use, each with a sentence under its field', async () => {
    const app = await shopWithOwner();
    expect(await issues(app, { ...PACKAGE, campaign_code: 'PAKET MARET' })).toEqual([
      { path: 'campaign_code', message: expect.stringContaining('UMR_MAR_2025_HEMAT') },
    ]);
    expect(await issues(app, { ...PACKAGE, end_date: '2027-03-01' })).toEqual([
      { path: 'end_date', message: 'Tanggal akhir harus sama dengan atau sesudah tanggal awal.' },
    ]);
    expect(await issues(app, { ...PACKAGE, campaign_code: '' })).toEqual([
      { path: 'campaign_code', message: 'Isi kode kampanye agar asisten WhatsApp bisa menawarkan produk ini.' },
    ]);
    expect(await issues(app, { ...PACKAGE, image_url: 'javascript:alert(1)' })).toEqual([
      { path: 'image_url', message: 'Tautan tidak valid. Contoh: https://toko.com/brosur.pdf.' },
    ]);
    expect(await issues(app, { ...PACKAGE, brochure_url: 'cdn.toko.id/brosur.pdf' })).toEqual([
      { path: 'brochure_url', message: expect.stringContaining('https://') },
    ]);
    expect(await issues(app, { ...PACKAGE, start_date: '2027-02-30' })).toEqual([
      { path: 'start_date', message: expect.stringContaining('Tanggal tidak valid') },
    ]);
    expect(await issues(app, { ...PACKAGE, features: ['Hotel', ' '] })).toEqual([{ path: 'features.1', message: 'Wajib diisi.' }]);
    expect(await issues(app, { ...PACKAGE, quota_status: 'sold_out' })).toEqual([{ path: 'quota_status', message: expect.any(String) }]);
    const none = await ok(app, 'products.list', { page: 1, pageSize: 5 });
    expect(none.total).toBe(0);
  });

  it('give one campaign code to one product, deleted ones included', async () => {
    const app = await shopWithOwner();
    const first = await ok(app, 'products.create', PACKAGE);
    const conflict = await fails(app, 'products.create', { ...PACKAGE, name: 'Salinan' });
    expect(conflict).toMatchObject({ code: 'CONFLICT', message: 'Kode UMR_MAR_2027_HEMAT sudah dipakai.', details: { field: 'campaign_code' } });
    await ok(app, 'products.delete', { id: first.id });
    expect((await fails(app, 'products.create', { ...PACKAGE, name: 'Salinan' })).code).toBe('CONFLICT');
    // Saving a product keeps its own code.
    await ok(app, 'products.restore', { id: first.id });
    expect(await ok(app, 'products.update', { ...PACKAGE, id: first.id, code: first.code, price: 28_000_000 })).toMatchObject({
      price: 28_000_000,
      campaign_code: 'UMR_MAR_2027_HEMAT',
    });
  });

  it('leave the laptop for the cloud with every package field, as the push schema takes them', async () => {
    const app = await shopWithOwner();
    const saved = await ok(app, 'products.create', PACKAGE);
    const pushed = new RowReader(app.services.sqlite).one('products', saved.id);
    expect(syncedProduct.parse(pushed?.row)).toEqual({
      id: saved.id,
      code: saved.code,
      name: PACKAGE.name,
      category: null,
      price: PACKAGE.price,
      active: true,
      campaign_code: 'UMR_MAR_2027_HEMAT',
      start_date: '2027-03-10',
      end_date: '2027-03-18',
      quota_status: 'available',
      features: ['Hotel bintang 3', 'Durasi 9 hari'],
      image_url: PACKAGE.image_url,
      brochure_url: PACKAGE.brochure_url,
      assistant_offered: true,
      created_at: saved.created_at,
      updated_at: saved.updated_at,
      deleted_at: null,
    });
    // A laptop from before the catalogue sends products without these fields: they arrive not offered.
    expect(
      syncedProduct.parse({
        id: saved.id,
        code: 'P-1',
        name: 'Lama',
        category: null,
        price: 1,
        active: true,
        created_at: 'x',
        updated_at: 'x',
        deleted_at: null,
      }),
    ).toMatchObject({
      campaign_code: null,
      features: [],
      quota_status: 'available',
      assistant_offered: false,
    });
  });

  it('go out in the products export with every package field, in words', async () => {
    const app = await shopWithOwner();
    await ok(app, 'products.create', PACKAGE);
    await ok(app, 'products.create', { name: 'Koper kabin', price: 450_000 });
    const file = await exportTo(app, { report: 'products', filters: { sort: 'name' }, format: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file.path);
    const sheet = book.worksheets[0];
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const row = (n: number) => Object.fromEntries(headers.map((h, i) => [String(h), sheet.getRow(n).getCell(i + 1).value]));
    expect(row(3)).toMatchObject({
      Nama: 'Umroh Maret 2027 Hemat',
      'Kode kampanye': 'UMR_MAR_2027_HEMAT',
      Kuota: 'Tersedia',
      Keunggulan: 'Hotel bintang 3\nDurasi 9 hari',
      'Tautan gambar': PACKAGE.image_url,
      'Tautan brosur': PACKAGE.brochure_url,
      'Ditawarkan asisten': 'Ya',
    });
    expect(row(3).Mulai).toBeInstanceOf(Date);
    expect((row(3).Mulai as Date).toISOString().slice(0, 10)).toBe('2027-03-10');
    expect(row(2)).toMatchObject({ Nama: 'Koper kabin', 'Kode kampanye': null, Keunggulan: null, 'Ditawarkan asisten': 'Tidak' });
  });
});
