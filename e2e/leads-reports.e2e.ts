import { afterEach, describe, expect, it } from 'vitest';
import { audit, describeFindings, LOADED } from './axe';
import { fillSetupForm, openSession, settle, type Session } from './harness';
import { findOverflows } from './overflows';

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

const CHANNELS = ['instagram', 'tiktok', 'meta', 'referral', 'organic'];
const STAGES = ['lead', 'follow_up', 'interest', 'booking'];

/** A month `n` after today's, as the 15th (`YYYY-MM-15`), in Jakarta. */
function monthAhead(n: number): string {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date()).split('-').map(Number);
  const index = y * 12 + m - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-15`;
}

describe('dashboard: the Prospek tab', () => {
  it('shows the funnel, conversion, forecast, team, targets, ad spend and trend of a seeded pipeline', async () => {
    session = await openSession('leads-reports');
    const { page, app, shot } = session;
    await page.setViewportSize({ width: 1366, height: 768 });
    await fillSetupForm(page);
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('user-menu').waitFor();

    // A pipeline of 40 leads through the real channels, as the owner on a client of its own.
    const call = async (channel: string, input: unknown) => {
      const result = await app.call(channel, input, { clientId: 'seed' });
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.data as { id: string };
    };
    await call('auth.login', { username: 'sari', password: 'kata-sandi-toko' });
    for (let i = 0; i < 40; i++) {
      const lead = await call('leads.create', {
        name: `Prospek ${i + 1}`,
        value: (10 + ((i * 7) % 40)) * 500_000,
        channelId: CHANNELS[i % 5],
        campaignCode: i % 3 === 0 ? 'UTBK_DES_2026_INTENSIF' : null,
        expectedClose: i % 6 === 5 ? null : i % 6 === 4 ? monthAhead(-1) : monthAhead(i % 5),
      });
      const reach = i % 4;
      for (let s = 1; s <= reach; s++) await call('leads.move', { id: lead.id, stageId: STAGES[s] });
      if (i % 5 === 0) await call('leads.convert', { id: lead.id });
      if (i % 7 === 3) await call('leads.move', { id: lead.id, stageId: 'lost', reason: 'Pilih tempat lain' });
      if (i % 4 === 1)
        await call('activities.create', { leadId: lead.id, kind: 'call', outcome: 'Tertarik', nextAction: 'Telepon lagi', dueDate: '2026-01-05' });
    }
    await call('adSpend.save', { month: monthAhead(0).slice(0, 7), channelId: 'instagram', amount: 2_400_000 });

    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('dashboard-tab-leads').click();
    const funnelRows = page.getByTestId('leads-funnel-row');
    await funnelRows.first().waitFor();
    expect(await funnelRows.allInnerTexts()).toHaveLength(5);
    // The first step holds every lead that moved this month: all 40.
    expect(await funnelRows.first().innerText()).toMatch(/^Lead\s+40\s+Rp/);
    await page.getByTestId('leads-funnel-won').filter({ hasText: 'Closing 8' }).waitFor();
    await page.getByTestId('leads-forecast').locator('.recharts-bar-rectangle path').first().waitFor();
    await page.getByTestId('leads-forecast-undated').filter({ hasText: 'Tanpa tanggal: ' }).waitFor();
    // Open leads whose expected close month has passed are counted apart, not dropped.
    await page
      .getByTestId('leads-forecast-late')
      .filter({ hasText: /^Lewat perkiraan: [1-9]/ })
      .waitFor();
    expect(await page.getByTestId('leads-team-row').count()).toBe(1);
    await page.getByTestId('ad-spend-row').filter({ hasText: 'Instagram Ads' }).filter({ hasText: 'Rp 2.400.000' }).waitFor();
    expect(await page.getByTestId('leads-target-row').count()).toBe(6);
    await settle(page);
    await shot('01-prospek');
    expect(await findOverflows(page)).toEqual([]);
    // axe on the tab as pictured: nothing serious or critical.
    await expect.poll(() => page.evaluate(LOADED), { timeout: 30_000 }).toBe(true);
    const findings = await audit(page);
    expect(findings, describeFindings(new Map([['prospek', findings]]))).toEqual([]);

    // A leads target for this month in Settings → Target, next to the revenue target; the
    // dashboard (remembered on its Prospek tab) sets this month's 40 leads against it.
    const month = monthAhead(0).slice(5, 7);
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-tab-targets').click();
    await page.getByTestId(`target-leads-${month}`).fill('50');
    await page.getByTestId(`target-customers-${month}`).fill('10');
    await page.getByTestId('targets-save').click();
    await page.locator('.mantine-Notification-root').first().waitFor();
    await settle(page);
    await shot('02-targets');
    expect(await findOverflows(page)).toEqual([]);
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('leads-target-row').last().filter({ hasText: 'dari 50' }).filter({ hasText: 'dari 10' }).waitFor();
  });
});
