import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBusiness } from '../src-cloud/admin/businesses';
import { issueEnrolCode } from '../src-cloud/admin/enrol-codes';
import { withBusiness } from '../src-cloud/db/scope';
import { startTestCloud, type TestCloud } from '../test/cloud/cloud-server';
import { openDemoShop, openSession, settle, type Session } from './harness';

let cloud: TestCloud;
let session: Session | null = null;
beforeAll(async () => {
  cloud = await startTestCloud();
  // The laptop stamps its changes with the real clock; the cloud must agree on what "now" is.
  Object.defineProperty(cloud.clock, 'now', { get: () => new Date() });
});
afterEach(async () => {
  await session?.close();
  session = null;
});
afterAll(async () => cloud?.close());

describe('Settings → Sinkronisasi and the indicator in the shell', () => {
  it('enrols the demo shop with a code, sends everything, and shows an edit waiting and then sent', async () => {
    const { id: businessId } = await createBusiness(cloud.db, { name: 'Toko Demo Cloud' }, cloud.clock.now);
    const { code } = await issueEnrolCode(cloud.db, businessId, null, cloud.clock.now);

    session = await openSession('sync');
    const { page, shot } = session;
    await openDemoShop(page);
    // A shop that never enrolled shows no sync indicator at all.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-tab-sync').click();
    await page.getByTestId('sync-server').waitFor();
    expect(await page.getByTestId('sync-indicator').count()).toBe(0);
    await settle(page);
    await shot('01-not-enrolled');

    // A wrong code: a plain sentence under the field, nothing enrolled.
    await page.getByTestId('sync-server').fill(cloud.url);
    await page.getByTestId('sync-code').fill('SALAH-0000-0000');
    await page.getByTestId('sync-enrol').click();
    await page.getByText('Kode pendaftaran salah, sudah dipakai, atau kedaluwarsa').waitFor();
    await settle(page);
    await shot('02-wrong-code');

    await page.getByTestId('sync-code').fill(code);
    await page.getByTestId('sync-enrol').click();
    await page.getByTestId('sync-business').filter({ hasText: 'Toko Demo Cloud' }).waitFor();
    const indicator = page.getByTestId('sync-indicator');
    await indicator.waitFor();
    // The whole demo shop goes up in the background, then nothing waits.
    await page
      .getByTestId('sync-pending')
      .filter({ hasText: /^0 perubahan menunggu$/ })
      .waitFor({ timeout: 90_000 });
    await page.getByTestId('sync-indicator').and(page.locator('[data-state="synced"]')).waitFor();
    await expect(page.getByTestId('sync-state').textContent()).resolves.toBe('Tersambung');
    await settle(page);
    await shot('03-enrolled-synced');

    // An edit: the indicator counts it at once, then the loop sends it and it clears.
    await page.getByTestId('nav-customers').click();
    const row = page.getByTestId('customer-row').first();
    await row.getByTestId('customer-edit').click();
    await page.getByLabel('Kota', { exact: true }).fill('Cimahi Sinkron');
    await page.getByTestId('customer-save').click();
    await page.getByTestId('customer-row').filter({ hasText: 'Cimahi Sinkron' }).waitFor();
    await page.locator('[data-testid="sync-indicator"][data-pending="1"]').waitFor();
    await expect(indicator.textContent()).resolves.toContain('1 menunggu');
    await shot('04-edit-waiting');
    await page.locator('[data-testid="sync-indicator"][data-pending="0"][data-state="synced"]').waitFor({ timeout: 30_000 });
    await expect(indicator.textContent()).resolves.toContain('Tersinkron');
    await settle(page);
    await shot('05-edit-sent');
    const inCloud = await withBusiness(cloud.db, businessId, (tx) => tx.selectFrom('customers').select('city').where('city', '=', 'Cimahi Sinkron').execute());
    expect(inCloud).toHaveLength(1);

    // Pause, resume, then leave with a confirmation: the indicator goes away.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-tab-sync').click();
    await page.getByTestId('sync-pause').click();
    await page.getByTestId('sync-state').filter({ hasText: 'Dijeda' }).waitFor();
    await page.locator('[data-testid="sync-indicator"][data-state="paused"]').waitFor();
    await page.getByTestId('sync-resume').click();
    await page.getByTestId('sync-pause').waitFor();
    await page.getByTestId('sync-leave').click();
    await page.getByTestId('sync-leave-confirm').click();
    await page.getByTestId('sync-server').waitFor();
    await page.getByTestId('sync-indicator').waitFor({ state: 'detached' });
  });
});
