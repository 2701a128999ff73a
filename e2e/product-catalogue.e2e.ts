import { afterEach, describe, expect, it } from 'vitest';
import { fillSetupForm, openSession, settle, type Session } from './harness';

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

describe('a product offered to the WhatsApp assistant', () => {
  it('is entered with its package fields, refused with a sentence per field until right, and kept on edit', async () => {
    session = await openSession('product-catalogue');
    const { page, shot, app } = session;
    await fillSetupForm(page);
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('user-menu').waitFor();
    // The welcome toast sits over the dialog's save button.
    await settle(page);
    await page.getByTestId('nav-products').click();
    await page.getByTestId('product-add').first().click();

    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nama produk', { exact: true }).fill('Umroh Maret 2027 Hemat');
    await dialog.getByLabel('Harga', { exact: true }).fill('27500000');
    await dialog.getByTestId('product-offered').check();
    await dialog.getByTestId('product-image').fill('cdn.toko.id/umr.jpg');
    // Leaving the link says what is wrong with it at once (the sentence moves the save button down).
    await dialog.getByTestId('product-features').fill('Hotel bintang 3\nDurasi 9 hari\n\nPesawat langsung');
    await dialog.getByText('Tautan tidak valid. Contoh: https://toko.com/brosur.pdf.').waitFor();
    await dialog.getByTestId('product-save').click();
    // Offered without a code, and a link without its https://: each said under its own field.
    await dialog.getByText('Isi kode kampanye agar asisten WhatsApp bisa menawarkan produk ini.').waitFor();
    await settle(page);
    await shot('01-refused');

    await dialog.getByTestId('product-campaign-code').fill('umr_mar_2027_hemat');
    await dialog.getByTestId('product-image').fill('https://cdn.toko.id/umr.jpg');
    await dialog.getByTestId('product-quota').click();
    await page.getByRole('option', { name: 'Terbatas' }).click();
    await settle(page);
    await shot('02-filled');
    await dialog.getByTestId('product-save').click();
    const row = page.getByTestId('product-row').filter({ hasText: 'Umroh Maret 2027 Hemat' });
    await row.getByTestId('product-offered-badge').filter({ hasText: 'UMR_MAR_2027_HEMAT' }).waitFor();
    await settle(page);
    await shot('03-list');

    const saved = app.services.sqlite.prepare('SELECT campaign_code, quota_status, features, image_url, assistant_offered FROM products').get();
    expect(saved).toEqual({
      campaign_code: 'UMR_MAR_2027_HEMAT',
      quota_status: 'limited',
      features: '["Hotel bintang 3","Durasi 9 hari","Pesawat langsung"]',
      image_url: 'https://cdn.toko.id/umr.jpg',
      assistant_offered: 1,
    });

    // Editing the price keeps every package field as it was.
    await row.getByTestId('product-edit').click();
    await expect(dialog.getByTestId('product-features').inputValue()).resolves.toBe('Hotel bintang 3\nDurasi 9 hari\nPesawat langsung');
    await dialog.getByLabel('Harga', { exact: true }).fill('28000000');
    await dialog.getByTestId('product-save').click();
    await row.filter({ hasText: '28.000.000' }).waitFor();
    expect(app.services.sqlite.prepare('SELECT campaign_code, quota_status, features, assistant_offered FROM products').get()).toEqual({
      campaign_code: 'UMR_MAR_2027_HEMAT',
      quota_status: 'limited',
      features: '["Hotel bintang 3","Durasi 9 hari","Pesawat langsung"]',
      assistant_offered: 1,
    });
  }, 180_000);
});
