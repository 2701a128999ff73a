import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportTo } from '../export/harness';
import { importFile } from '../import/harness';
import { ok, shopWithOwner, tempDir } from '../helpers';

const PACKAGE = {
  name: 'Umroh Maret 2027 Hemat',
  price: 27_500_000,
  campaign_code: 'UMR_MAR_2027_HEMAT',
  start_date: '2027-03-10',
  end_date: '2027-03-18',
  quota_status: 'limited' as const,
  features: ['Hotel bintang 3', 'Durasi 9 hari'],
  image_url: 'https://cdn.toko.id/umr-mar.jpg',
  brochure_url: 'https://cdn.toko.id/umr-mar.pdf',
  assistant_offered: true,
};
const catalogueOf = (row: Record<string, unknown>) => ({
  campaign_code: row.campaign_code,
  start_date: row.start_date,
  end_date: row.end_date,
  quota_status: row.quota_status,
  features: row.features,
  image_url: row.image_url,
  brochure_url: row.brochure_url,
  assistant_offered: row.assistant_offered,
});

describe('importing products with their package fields', () => {
  it('takes back what the products export wrote, on another laptop', async () => {
    const source = await shopWithOwner();
    await ok(source, 'products.create', PACKAGE);
    await ok(source, 'products.create', { name: 'Koper kabin', price: 450_000 });
    for (const format of ['xlsx', 'csv'] as const) {
      const file = await exportTo(source, { report: 'products', filters: { sort: 'name' }, format });
      const target = await shopWithOwner();
      const { inspected, report } = await importFile(target, file.path, 'products');
      expect(inspected.mapping).toMatchObject({
        campaign_code: expect.any(Number),
        start_date: expect.any(Number),
        features: expect.any(Number),
        assistant_offered: expect.any(Number),
      });
      expect(report).toMatchObject({ status: 'completed', failed: 0 });
      const { rows } = await ok(target, 'products.list', { sort: 'name', page: 1, pageSize: 5 });
      expect(rows.map(catalogueOf)).toEqual([
        {
          campaign_code: null,
          start_date: null,
          end_date: null,
          quota_status: 'available',
          features: [],
          image_url: null,
          brochure_url: null,
          assistant_offered: false,
        },
        catalogueOf({ ...PACKAGE }),
      ]);
    }
  });

  it('refuses a line the product form would refuse, with the column and the sentence', async () => {
    const app = await shopWithOwner();
    await ok(app, 'products.create', PACKAGE);
    const path = join(tempDir(), 'paket.csv');
    writeFileSync(
      path,
      [
        'Nama produk;Harga;Kode kampanye;Kuota;Keunggulan;Tautan gambar;Ditawarkan asisten',
        'Umroh April Plus;32500000;umr_apr_2027_plus;Terbatas;"Hotel bintang 5; dekat Haram";https://cdn.toko.id/apr.jpg;ya',
        'Umroh Mei;30000000;PAKET MEI;Tersedia;;;ya',
        'Umroh Juni;31000000;UMR_JUN_2027_HEMAT;habis;;;tidak',
        'Umroh Juli;31000000;;Tersedia;;cdn.toko.id/juli.jpg;ya',
        'Salinan Maret;27500000;UMR_MAR_2027_HEMAT;Tersedia;;;ya',
        'Salinan April;32500000;UMR_APR_2027_PLUS;Tersedia;;;ya',
      ].join('\n'),
    );
    const { report } = await importFile(app, path, 'products');
    expect(report).toMatchObject({ status: 'completed', rowsTotal: 6, valid: 1 });
    expect(report.issues.map((i) => [i.line, i.column, i.message])).toEqual([
      [3, 'Kode kampanye', 'Kode kampanye harus berformat PAKET_BULAN_TAHUN_JENIS, contoh: UMR_MAR_2025_HEMAT.'],
      [4, 'Kuota', 'Kuota tidak dikenali. Gunakan Tersedia, Terbatas, atau Penuh.'],
      [5, 'Kode kampanye', 'Isi kode kampanye agar asisten WhatsApp bisa menawarkan produk ini.'],
      [5, 'Tautan gambar', 'Tautan tidak valid. Contoh: https://toko.com/brosur.pdf.'],
      [6, 'Kode kampanye', expect.stringContaining('Umroh Maret 2027 Hemat')],
      [7, 'Kode kampanye', expect.stringContaining('2')],
    ]);
    const { rows } = await ok(app, 'products.list', { search: 'APR_2027', page: 1, pageSize: 5 });
    expect(rows.map(catalogueOf)).toEqual([
      {
        campaign_code: 'UMR_APR_2027_PLUS',
        start_date: null,
        end_date: null,
        quota_status: 'limited',
        features: ['Hotel bintang 5', 'dekat Haram'],
        image_url: 'https://cdn.toko.id/apr.jpg',
        brochure_url: null,
        assistant_offered: true,
      },
    ]);
  });
});
