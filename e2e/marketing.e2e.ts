import { afterEach, describe, expect, it } from 'vitest';
import { openDemoShop, openSession, type Session } from './harness';

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

const rupiah = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));

describe('the owner markets from where they look', () => {
  it('WhatsApp from the at-risk rows and the customer page, a segment message, RFM columns and filter on the customers list', async () => {
    session = await openSession('marketing');
    const { page, shot, app } = session;
    await openDemoShop(page);

    // Dashboard: each at-risk row has its name as a link and a WhatsApp button (or the reason it has none).
    await page.getByTestId('nav-dashboard').click();
    const firstRow = page.getByTestId('at-risk-row').first();
    await firstRow.waitFor();
    const rows = await page.getByTestId('at-risk-row').count();
    expect(await page.getByTestId('at-risk-name').count()).toBe(rows);
    expect((await page.getByTestId('at-risk-wa').count()) + (await page.getByTestId('at-risk-wa-blocked').count())).toBe(rows);
    const wa = page.getByTestId('at-risk-wa').first();
    expect(await wa.getAttribute('href')).toMatch(/^https:\/\/wa\.me\/62\d{8,}\?text=$/);
    expect(await wa.getAttribute('target')).toBe('_blank');
    await shot('01-at-risk');

    // The name is reachable from the keyboard and opens the customer.
    const name = (await firstRow.getByTestId('at-risk-name').textContent()) ?? '';
    await firstRow.getByTestId('at-risk-name').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('customer-name').filter({ hasText: name }).waitFor();
    const phone = app.services.sqlite.prepare('SELECT phone FROM customers WHERE name = ? LIMIT 1').get(name) as { phone: string | null };
    if (phone.phone) expect(await page.getByTestId('customer-wa').getAttribute('href')).toBe(`https://wa.me/${phone.phone.replace(/\D/g, '')}?text=`);
    else await page.getByTestId('customer-wa-blocked').waitFor();
    await shot('02-customer-wa');

    // A customer without a phone: the button is there, disabled, with the reason.
    const noPhone = app.services.sqlite.prepare('SELECT id FROM customers WHERE phone IS NULL AND deleted_at IS NULL LIMIT 1').get() as
      { id: string } | undefined;
    const target = noPhone?.id ?? (app.services.sqlite.prepare('SELECT id FROM customers LIMIT 1').get() as { id: string }).id;
    if (!noPhone) app.services.sqlite.prepare('UPDATE customers SET phone = NULL WHERE id = ?').run(target);
    await page.goto(`${new URL(page.url()).origin}/#/customers/${target}`);
    const blocked = page.getByTestId('customer-wa-blocked');
    await blocked.waitFor();
    expect(await blocked.getAttribute('data-reason')).toBe('noPhone');
    expect(await blocked.getByRole('button').isDisabled()).toBe(true);
    await expect(blocked.getByRole('button', { description: 'Nomor HP belum diisi' }).count()).resolves.toBe(1);

    // Segment page → the send page with this segment as the recipients.
    await page.getByTestId('nav-rfm').click();
    await page.getByTestId('segment-row-champions').waitFor();
    const champions = Number(await page.getByTestId('segment-row-champions').getAttribute('data-customers'));
    await page.goto(`${new URL(page.url()).origin}/#/rfm/segment/champions`);
    const title = (await page.getByTestId('segment-title').textContent()) ?? '';
    await page.getByTestId('segment-send').click();
    await page.waitForURL(/#\/content\/send\?segment=champions&channel=whatsapp$/);
    await expect.poll(() => page.getByTestId('send-segment').inputValue()).toContain(title.trim());
    await shot('03-segment-send');

    // Customers list: the RFM columns from the Kolom menu, sorted by total spent, filtered by segment.
    // Column choices saved before these columns existed leave them hidden.
    await page.evaluate(`localStorage.setItem('sma.customers.columns', '${JSON.stringify({ source: false, updated_at: false, address: false })}')`);
    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customer-row').first().waitFor();
    expect(await page.getByTestId('customers-table').locator('thead th').allTextContents()).not.toContain('Total belanja');
    await page.getByTestId('columns-menu').click();
    for (const id of ['segment', 'monetary', 'last_purchase', 'frequency']) await page.getByTestId(`columns-menu-${id}`).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('sort-monetary').click(); // ascending
    await page.getByTestId('sort-monetary').click(); // descending
    const top = app.services.sqlite
      .prepare(
        'SELECT a.monetary FROM rfm_analysis a JOIN customers c ON c.id = a.customer_id WHERE a.run_id = (SELECT id FROM rfm_runs ORDER BY hlc DESC LIMIT 1) AND c.deleted_at IS NULL ORDER BY a.monetary DESC LIMIT 1',
      )
      .get() as { monetary: number };
    const headers = await page.getByTestId('customers-table').locator('thead th').allTextContents();
    const col = headers.findIndex((h) => h.includes('Total belanja'));
    expect(col).toBeGreaterThan(0);
    await expect.poll(async () => rupiah(await page.getByTestId('customer-row').first().locator('td').nth(col).textContent())).toBe(top.monetary);
    const amounts = (
      await page
        .getByTestId('customer-row')
        .locator(`td:nth-child(${col + 1})`)
        .allTextContents()
    ).map(rupiah);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    await shot('04-customers-rfm-columns');

    await page.getByTestId('customers-segment').click();
    await page.getByRole('option', { name: title.trim() }).click();
    await page
      .getByTestId('customers-total')
      .filter({ hasText: new RegExp(`^${champions}$`) })
      .waitFor();
    const segments = await Promise.all(
      (await page.getByTestId('customer-row').locator('[data-segment]').all()).map((badge) => badge.getAttribute('data-segment')),
    );
    expect(segments.length).toBeGreaterThan(0);
    expect(new Set(segments)).toEqual(new Set(['champions']));
    await shot('05-customers-segment');

    // The customer's name in the list is a link too.
    const link = page.getByTestId('customer-name-link').first();
    const listed = (await link.textContent()) ?? '';
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('customer-name').filter({ hasText: listed }).waitFor();
  });
});
