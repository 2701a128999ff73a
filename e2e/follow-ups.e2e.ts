import { afterEach, describe, expect, it } from 'vitest';
import { addDays, dateInZone } from '../src-shared/format/date';
import { announceDueFollowUps } from '../src-main/leads/reminders';
import { audit, describeFindings, LOADED, type Finding } from './axe';
import { fillSetupForm, openSession, settle, type Session } from './harness';

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

describe('follow-ups: the bell, the to-do page and the calendar', () => {
  it('a call with its next step due yesterday is overdue in the bell, on the to-do list and in the calendar; ticking it done drops the badge', async () => {
    session = await openSession('follow-ups');
    const { page, shot, app } = session;
    await page.setViewportSize({ width: 1366, height: 768 });
    await fillSetupForm(page);
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('user-menu').waitFor();
    await expect(page.getByTestId('bell').getAttribute('aria-label')).resolves.toBe('Tindak lanjut jatuh tempo');
    // axe on each view as it is pictured: nothing serious or critical.
    const found = new Map<string, Finding[]>();
    const axe = async (name: string) => {
      await expect.poll(() => page.evaluate(LOADED), { timeout: 30_000 }).toBe(true);
      const findings = await audit(page);
      if (findings.length) found.set(name, findings);
    };

    // Seeded through the real handlers, as the owner (the user signed in in the browser).
    const call = async (channel: string, input: unknown) => {
      const result = await app.call(channel, input, { clientId: 'script' });
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.data as Record<string, unknown>;
    };
    await call('auth.login', { username: 'sari', password: 'kata-sandi-toko' });
    const today = dateInZone(new Date(), 'Asia/Jakarta');
    const yesterday = addDays(today, -1);
    const lead = await call('leads.create', {
      name: 'Rina Aprilia',
      organisation: 'SMAN 3 Bandung',
      phone: '0812-3456-7890',
      email: null,
      city: 'Bandung',
      value: 2_500_000,
    });
    await call('activities.create', {
      leadId: lead.id,
      kind: 'call',
      outcome: 'Minta dihubungi lagi',
      nextAction: 'Telepon ulang soal paket UTBK',
      dueDate: yesterday,
    });
    const other = await call('leads.create', { name: 'Budi Santoso', organisation: null, phone: null, email: null, city: 'Bandung', value: 1_000_000 });
    await call('activities.create', { leadId: other.id, kind: 'chat', nextAction: 'Kirim brosur', dueDate: yesterday, dueTime: '10:00' });
    await call('activities.create', { leadId: other.id, kind: 'meeting', nextAction: 'Kunjungan ke sekolah', dueDate: addDays(today, 2), dueTime: '13:30' });

    // The reminder timer's tick (the app runs it every minute): the bell counts both, and a notice names them.
    expect(await announceDueFollowUps(app.services)).toHaveLength(2);
    await page.getByTestId('bell-count').filter({ hasText: /^2$/ }).waitFor();
    await page.locator('.mantine-Notification-root').filter({ hasText: 'Tindak lanjut jatuh tempo' }).filter({ hasText: 'dan 1 lainnya' }).waitFor();
    await expect(page.getByTestId('bell').getAttribute('aria-label')).resolves.toBe('2 tindak lanjut perlu dikerjakan');
    await settle(page);

    await page.getByTestId('bell').click();
    const items = page.getByTestId('bell-item');
    await expect.poll(() => items.count()).toBe(2);
    const rina = items.filter({ hasText: 'Rina Aprilia' });
    await expect(rina.textContent()).resolves.toContain('Telepon ulang soal paket UTBK');
    const due = rina.getByTestId('bell-item-due');
    await expect(due.textContent()).resolves.toMatch(/^Terlambat 1 hari · \d{2}\/\d{2}\/\d{4}$/);
    expect(await due.getAttribute('data-overdue')).toBe('true');
    const [r, g] = String(await page.evaluate("getComputedStyle(document.querySelector('[data-testid=bell-item-due][data-overdue]')).color"))
      .match(/\d+/g)!
      .map(Number);
    expect(r).toBeGreaterThan(150);
    expect(g).toBeLessThan(80);
    await expect(rina.getByTestId('bell-item-link').getAttribute('href')).resolves.toBe(`#/leads/${String(lead.id)}`);
    // The popover fades in: judged (and pictured) once it is fully there.
    await expect.poll(() => page.evaluate("getComputedStyle(document.querySelector('[data-testid=bell-popover]')).opacity")).toBe('1');
    await axe('01-bell-popover'); // also waits for transitions to end, so the picture is of the settled view
    await shot('01-bell-popover');

    // "Tandai selesai" in the popover: the badge drops to one.
    await items.filter({ hasText: 'Budi Santoso' }).getByTestId('bell-item-done').click();
    await page.getByTestId('bell-count').filter({ hasText: /^1$/ }).waitFor();
    await expect.poll(() => items.count()).toBe(1);

    // The to-do page lists the other one, in the overdue section.
    await page.getByTestId('bell-open-all').click();
    await page.getByTestId('followups-overdue').waitFor();
    const row = page.getByTestId('followup-row');
    await expect(row.count()).resolves.toBe(1);
    await expect(row.textContent()).resolves.toContain('Rina Aprilia');
    expect(await row.getAttribute('data-overdue')).toBe('true');
    await expect(page.getByTestId('nav-followups').getAttribute('data-active')).resolves.toBe('true');
    await settle(page);
    await axe('02-todo'); // also waits for transitions to end, so the picture is of the settled view
    await shot('02-todo');
    // The owner's "Tim" view: the team's follow-ups, one card per person.
    await page.getByTestId('followups-who').getByText('Tim').click();
    await page.getByTestId('followups-person').filter({ hasText: 'Sari Wulandari' }).getByTestId('followup-row').filter({ hasText: 'Rina Aprilia' }).waitFor();
    await page.getByTestId('followups-who').getByText('Milik saya').click();
    await page.getByTestId('followups-overdue').waitFor();

    // The calendar: on its day in the month, red; the done one greyed; the planned one ahead.
    await page.evaluate(`window.location.hash = '#/calendar?view=month&date=${yesterday}'`);
    const day = page.locator(`[data-testid=calendar-month] [data-day="${yesterday}"]`);
    const overdueItem = day.getByTestId('calendar-item').filter({ hasText: 'Rina Aprilia' });
    await overdueItem.waitFor();
    expect(await overdueItem.getAttribute('data-overdue')).toBe('true');
    expect(await day.getByTestId('calendar-item').filter({ hasText: 'Budi Santoso' }).getAttribute('data-done')).toBe('true');
    await settle(page);
    await axe('03-calendar-month'); // also waits for transitions to end, so the picture is of the settled view
    await shot('03-calendar-month');

    await page.getByTestId('calendar-view').getByText('Minggu').click();
    const weekDay = page.locator(`[data-testid=calendar-week] [data-day="${yesterday}"]`);
    await weekDay.getByTestId('calendar-item').filter({ hasText: 'Telepon ulang soal paket UTBK' }).waitFor();
    await expect(page.getByTestId('calendar-period').textContent()).resolves.toMatch(/\d{4}$/);
    await settle(page);
    await axe('04-calendar-week'); // also waits for transitions to end, so the picture is of the settled view
    await shot('04-calendar-week');

    // The dark scheme: the red, blue and grey chips and the popover keep their contrast.
    const toggleScheme = async (scheme: 'dark' | 'light') => {
      await page.getByTestId('user-menu').click();
      await page.getByTestId('theme-toggle').click();
      await page.keyboard.press('Escape');
      await page.locator(`html[data-mantine-color-scheme="${scheme}"]`).waitFor({ state: 'attached' });
      await page.getByTestId('theme-toggle').waitFor({ state: 'detached' });
    };
    await toggleScheme('dark');
    await page.getByTestId('calendar-view').getByText('Bulan').click();
    await page.getByTestId('calendar-month').waitFor();
    await axe('06-dark-calendar-month');
    await page.getByTestId('bell').click();
    await page.getByTestId('bell-item').first().waitFor();
    await axe('06-dark-bell-popover');
    await shot('06-dark-bell-calendar');
    // Even with the focus gone from the list (the axe run or a screen reader can move it), Escape closes it.
    await page.evaluate('document.activeElement instanceof HTMLElement && document.activeElement.blur()');
    await page.keyboard.press('Escape');
    // Escape closes it from the keyboard and gives the focus back to the bell.
    await page.getByTestId('bell-popover').waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate("document.activeElement?.getAttribute('data-testid')")).toBe('bell');
    await toggleScheme('light');

    // Tick it done on the to-do page: the badge goes, the empty list says what to do, the calendar greys it.
    await page.getByTestId('nav-followups').click();
    // A click, not check(): the row leaves the list as soon as it is saved, before check() could read it ticked.
    await page.getByTestId('followup-done').click();
    await page.getByTestId('followups-empty').waitFor();
    await page.getByTestId('bell-count').waitFor({ state: 'detached' });
    await settle(page);
    await axe('05-todo-empty'); // also waits for transitions to end, so the picture is of the settled view
    await shot('05-todo-empty');
    await page.evaluate(`window.location.hash = '#/calendar?view=week&date=${yesterday}'`);
    const doneItem = page.locator(`[data-testid=calendar-week] [data-day="${yesterday}"]`).getByTestId('calendar-item').filter({ hasText: 'Rina Aprilia' });
    await doneItem.and(page.locator('[data-done]')).waitFor();

    // A click on a follow-up opens its lead's page.
    await doneItem.click();
    await page.waitForURL(`**/#/leads/${String(lead.id)}`);
    await page.getByTestId('lead-name').filter({ hasText: 'Rina Aprilia' }).waitFor();
    expect(found.size, `axe found serious or critical problems:\n${describeFindings(found)}`).toBe(0);
  });
});
