import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shopWithOwner, tempDir } from '../helpers';
import { importFile } from './harness';

describe('campaign codes in a sales file', () => {
  it('are stored upper-case, as the sale form stores them, so a campaign finds those sales', async () => {
    const app = await shopWithOwner();
    const campaign = { code: 'PKG_NOV_2026_WA' };
    const path = join(tempDir(), 'sales-with-codes.csv');
    writeFileSync(
      path,
      [
        'No Faktur,Tanggal,Nama Pelanggan,Total,Kode Kampanye',
        `A-1,2026-11-05,Ani,150000,${campaign.code.toLowerCase()}`,
        'A-2,2026-11-06,Budi,90000,',
        `A-3,2026-11-07,Citra,60000, ${campaign.code} `,
      ].join('\n'),
    );
    const { inspected, report } = await importFile(app, path, 'transactions');
    expect(inspected.mapping.campaign_code).toBe(4);
    expect(report.status).toBe('completed');
    const codes = app.services.sqlite.prepare('SELECT invoice_no, campaign_code FROM transactions ORDER BY invoice_no').all();
    expect(codes).toEqual([
      { invoice_no: 'A-1', campaign_code: campaign.code },
      { invoice_no: 'A-2', campaign_code: null },
      { invoice_no: 'A-3', campaign_code: campaign.code },
    ]);
  });
});
