import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays, dateInZone } from '../src-shared/format/date';
import { announceDueFollowUps } from '../src-main/leads/reminders';
import { fillSetupForm, openSession, settle, type Session } from './harness';
import { findOverflows } from './overflows';

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

/** Picks a day in the open date picker, going back a month when the day is in the previous one. */
async function pickDay(page: Page, iso: string, today: string): Promise<void> {
  if (iso.slice(0, 7) < today.slice(0, 7)) await page.locator('.mantine-DatePickerInput-calendarHeaderControl[data-direction="previous"]').click();
  const day = String(Number(iso.slice(8, 10)));
  await page
    .locator('.mantine-DatePickerInput-day:not([data-outside])')
    .filter({ hasText: new RegExp(`^${day}$`) })
    .click();
}

/**
 * The whole journey through the screens, as a shop owner goes: a lead typed in, a call
 * logged with its next step due yesterday, the reminder in the bell and on the to-do list as
 * overdue, the card dragged to Booking, the lead turned into a customer, and the funnel counting it.
 */
describe('a lead from first question to closing', () => {
  it('is reminded when overdue, moves on the board, becomes a customer and shows in the funnel', async () => {
    session = await openSession('leads-journey');
    const { page, app, shot } = session;
    await page.setViewportSize({ width: 1366, height: 768 });
    await fillSetupForm(page);
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('user-menu').waitFor();
    const today = dateInZone(new Date(), 'Asia/Jakarta');
    const yesterday = addDays(today, -1);

    // The lead, through the form.
    await page.getByTestId('nav-leads').click();
    await page.getByTestId('lead-add-empty').click();
    await page.getByTestId('lead-form-name').fill('Rina Aprilia');
    await page.getByLabel('Asal sekolah / perusahaan').fill('SMAN 3 Bandung');
    await page.getByTestId('lead-form-phone').fill('0812-3456-7890');
    await page.getByTestId('lead-form-channel').click();
    await page.getByRole('option', { name: 'TikTok Ads' }).click();
    await page.getByTestId('lead-form-value').fill('7500000');
    await page.getByTestId('lead-save').click();
    const column = (stage: string) => page.locator(`[data-testid="board-column"][data-stage-id="${stage}"]`);
    const card = column('lead').getByTestId('lead-card').filter({ hasText: 'Rina Aprilia' });
    await card.waitFor();

    // A call whose next step fell due yesterday.
    await card.getByTestId('lead-card-name').click();
    await page.getByTestId('lead-name').filter({ hasText: 'Rina Aprilia' }).waitFor();
    await page.getByTestId('activity-outcome').fill('Tertarik paket UTBK, minta brosur');
    await page.getByTestId('activity-next').fill('Telepon ulang soal jadwal');
    await page.getByTestId('activity-due-date').click();
    await pickDay(page, yesterday, today);
    await page.getByTestId('activity-save').click();
    await page.locator('[data-testid="activity-row"][data-kind="call"]').filter({ hasText: 'Telepon ulang soal jadwal' }).waitFor();

    // The reminder's minute comes: the bell counts it as overdue, in red, and the to-do list has it.
    await announceDueFollowUps(app.services);
    await page.getByTestId('bell-count').filter({ hasText: /^1$/ }).waitFor();
    await page.getByTestId('bell').click();
    const item = page.getByTestId('bell-item').filter({ hasText: 'Rina Aprilia' });
    await item.waitFor();
    expect(await item.getByTestId('bell-item-due').getAttribute('data-overdue')).toBe('true');
    await page.keyboard.press('Escape');
    await page.getByTestId('nav-followups').click();
    await page.getByTestId('followups-overdue').getByTestId('followup-row').filter({ hasText: 'Telepon ulang soal jadwal' }).waitFor();

    // The calendar shows it on yesterday's square.
    await page.getByTestId('nav-calendar').click();
    await page.getByTestId('calendar-item').filter({ hasText: 'Rina Aprilia' }).first().waitFor();
    await settle(page);
    await shot('01-calendar');

    // The board: dragged to Booking.
    await page.getByTestId('nav-leads').click();
    await column('lead').getByTestId('lead-card').filter({ hasText: 'Rina Aprilia' }).dragTo(column('booking'));
    await column('booking').getByTestId('lead-card').filter({ hasText: 'Rina Aprilia' }).waitFor();
    await settle(page);
    expect(await findOverflows(page)).toEqual([]);
    await shot('02-board');

    // Converted into a customer, who keeps where they came from.
    await column('booking').getByTestId('lead-card').filter({ hasText: 'Rina Aprilia' }).getByTestId('lead-card-name').click();
    await page.getByTestId('lead-convert').click();
    await page.getByTestId('convert-confirm').click();
    await page.getByTestId('lead-customer-link').click();
    await page.getByTestId('customer-origin-row').filter({ hasText: 'L-00001' }).waitFor();

    // The funnel on the dashboard's Prospek tab counts the closing.
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('dashboard-tab-leads').click();
    await page.getByTestId('leads-funnel-won').filter({ hasText: 'Closing 1' }).waitFor();
    // Nothing open is left to forecast: a sentence says so instead of an empty chart.
    await page.getByTestId('leads-forecast-empty').waitFor();
    await settle(page);
    expect(await findOverflows(page)).toEqual([]);
    await shot('03-reports');
  });
});
