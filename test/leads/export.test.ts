import { join } from 'node:path';
import Papa from 'papaparse';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportTo } from '../export/harness';
import { importFile } from '../import/harness';
import { fails, loginAsNewUser, ok, shopWithOwner, tempDir } from '../helpers';

const GOOD = new URL('../fixtures/leads/leads.csv', import.meta.url).pathname;

async function shopWithLeads() {
  const app = await shopWithOwner();
  await ok(app, 'users.create', { name: 'Rina Kartika', username: 'rina', password: 'password-123', role: 'staff' });
  await importFile(app, GOOD, 'leads');
  return app;
}

describe('the Prospek list as a file', () => {
  it('staff may not export leads: the report is offered as refused, and run and preview refuse it', async () => {
    const app = await shopWithLeads();
    const staff = await loginAsNewUser(app, 'staff', 'kasir');
    const info = (await ok(app, 'export.reports', {}, staff)).find((r) => r.id === 'leads');
    expect(info).toMatchObject({ allowed: false, name: 'Prospek' });
    expect(info?.reason).toContain('Prospek');
    expect(await fails(app, 'export.run', { report: 'leads', filters: {} }, staff)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await fails(app, 'export.preview', { report: 'leads', filters: {} }, staff)).toMatchObject({ code: 'FORBIDDEN' });
    const manager = await loginAsNewUser(app, 'manager', 'maya');
    expect((await ok(app, 'export.reports', {}, manager)).find((r) => r.id === 'leads')).toMatchObject({ allowed: true });
  });

  it("holds the rows the list shows under the same filters (stage, overdue, mine), in the list's order", async () => {
    const app = await shopWithLeads();
    const [dewi] = (await ok(app, 'leads.list', { search: 'Dewi', page: 1, pageSize: 5 })).rows;
    await ok(app, 'activities.create', { leadId: dewi.id, kind: 'call', outcome: 'Belum jawab', nextAction: 'Telepon lagi', dueDate: '2020-01-02' });
    const cases: { stageIds?: string[]; overdue?: boolean; owner?: string; sort?: 'value'; desc?: boolean }[] = [
      {},
      { stageIds: ['interest', 'booking'] },
      { overdue: true },
      { owner: 'me' },
      { sort: 'value', desc: true },
    ];
    for (const filters of cases) {
      const list = await ok(app, 'leads.list', { ...filters, page: 1, pageSize: 50 });
      const file = await exportTo(app, { report: 'leads', filters, format: 'csv' });
      const rows = Papa.parse<Record<string, string>>(readFileSync(file.path, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
      expect(
        rows.map((r) => r['Kode prospek']),
        JSON.stringify(filters),
      ).toEqual(list.rows.map((r) => r.code));
      expect(file.rows).toBe(list.total);
    }
    const preview = await ok(app, 'export.preview', { report: 'leads', filters: {} });
    expect(preview.total).toBe(4);
    expect(preview.totals.value).toBe(28_500_000 + 1_500_000);
  });

  it('an exported file imports back into another shop as the same leads', async () => {
    const app = await shopWithLeads();
    const file = await exportTo(app, { report: 'leads', filters: {}, format: 'xlsx' });
    const copy = join(tempDir(), 'prospek.xlsx');
    writeFileSync(copy, readFileSync(file.path));
    const other = await shopWithOwner();
    await ok(other, 'users.create', { name: 'Rina Kartika', username: 'rina', password: 'password-123', role: 'staff' });
    const { report } = await importFile(other, copy, 'leads');
    expect(report).toMatchObject({ status: 'completed', valid: 4, failed: 0 });
    const shape = async (a: typeof app) =>
      (await ok(a, 'leads.list', { sort: 'name', desc: false, page: 1, pageSize: 50 })).rows.map((r) => [
        r.name,
        r.organisation,
        r.phone,
        r.email,
        r.channelId,
        r.utmSource,
        r.campaignCode,
        r.value,
        r.stageId,
        r.expectedClose,
        r.notes,
        r.ownerName,
      ]);
    expect(await shape(other)).toEqual(await shape(app));
  });
});
