import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fillSetupForm, openSession, type Session } from './harness';

let session: Session | null = null;
let dir: string | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

const HEADER = 'Nama;Asal Sekolah;No HP;Kanal;UTM Source;Nilai;PIC;Tahap;Perkiraan Closing';

describe('importing leads through the wizard', () => {
  it('a row with an unknown stage stops the whole file with its row named; fixed, the file imports', async () => {
    session = await openSession('leads-import');
    const { page, shot } = session;
    dir = mkdtempSync(join(tmpdir(), 'sma-e2e-leads-'));
    const bad = join(dir, 'prospek-salah.csv');
    const good = join(dir, 'prospek.csv');
    const rows = [
      'Dewi Lestari;SMA Negeri 3 Bandung;0812-3456-7890;Instagram Ads;;28.500.000;sari;Interest;20/12/2026',
      'Rizky Pratama;PT Sinar Jaya;0857-1111-2222;;tiktok;1.500.000;;Lead;',
    ];
    writeFileSync(bad, [HEADER, rows[0], rows[1].replace(';Lead;', ';Closing;')].join('\n'));
    writeFileSync(good, [HEADER, ...rows].join('\n'));
    await fillSetupForm(page);
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('user-menu').waitFor();

    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-kind-leads').click();
    await page.getByTestId('import-file-input').setInputFiles(bad);
    await page.getByTestId('import-preview-table').waitFor();
    await page.getByTestId('import-next').click();
    await page.getByTestId('map-stage').waitFor();
    // No "stop on a failed row" choice: a leads file always goes in whole or not at all.
    await page.getByTestId('import-leads-whole').waitFor();
    expect(await page.getByTestId('import-opt-strict').count()).toBe(0);
    await shot('01-mapping');
    await page.getByTestId('import-validate').click();
    await page.locator('[data-testid="import-report"][data-status="stopped"]').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('import-stopped').textContent()).resolves.toContain('Tidak ada yang disimpan');
    await expect(page.getByTestId('issue-row').first().textContent()).resolves.toContain('Closing');
    await shot('02-stopped');
    expect(session.app.services.sqlite.prepare('SELECT COUNT(*) AS n FROM leads').get()).toEqual({ n: 0 });

    // Back to the first step for the corrected file: the kind stays Prospek.
    for (let step = 0; step < 3; step++) await page.getByTestId('import-back').click();
    await page.getByTestId('import-file-input').setInputFiles(good);
    // The corrected row's stage cell, after the value cell (the header "Perkiraan Closing" is in both files).
    await expect.poll(async () => (await page.getByTestId('import-preview-table').textContent()) ?? '', { timeout: 30_000 }).toContain('1.500.000Lead');
    await page.getByTestId('import-next').click();
    await page.getByTestId('map-stage').waitFor();
    await page.getByTestId('import-validate').click();
    await page.locator('[data-testid="import-report"][data-status="valid"]').waitFor({ timeout: 60_000 });
    await page.getByTestId('import-commit').click();
    await page.getByTestId('confirm-import').click();
    await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
    await shot('03-result');
    expect(session.app.services.sqlite.prepare('SELECT name, stage_id, channel_id FROM leads ORDER BY code').all()).toEqual([
      { name: 'Dewi Lestari', stage_id: 'interest', channel_id: 'instagram' },
      { name: 'Rizky Pratama', stage_id: 'lead', channel_id: 'tiktok' },
    ]);
    await page.getByTestId('import-open-list').click();
    await page.getByText('Rizky Pratama').first().waitFor();
    await shot('04-leads');
  });
});
