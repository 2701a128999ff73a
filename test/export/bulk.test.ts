import { describe, expect, it } from 'vitest';
import { findReport } from '../../src-main/export/registry';
import { readReport } from '../../src-main/export/rows';
import { translator } from '../../src-shared/i18n/messages';
import { busyShop } from './harness';

describe('a big export read by one pass and a sort', () => {
  it('reads the same rows in the same order as the list query through the indexes', async () => {
    const app = await busyShop();
    const report = findReport('transactions')!;
    const env = { db: app.services.db, language: 'id' as const, t: translator('id'), today: '2026-11-22' };
    for (const filters of [
      {},
      { sort: 'amount', desc: false },
      { from: '2026-03-01', to: '2026-05-31', search: 'Pelanggan 4', sort: 'transaction_date', desc: true },
    ]) {
      const prepared = await report.prepare(report.filters.parse(filters), env);
      expect(prepared.bulk?.query.compile().sql).toContain('NOT INDEXED');
      const listed = [...readReport(app.services, report, prepared, report.columns, 'id').rows()];
      const bulk = [...readReport(app.services, report, prepared, report.columns, 'id', { bulkFrom: 0 }).rows()];
      expect(listed.length).toBeGreaterThan(100);
      expect(bulk).toEqual(listed);
      expect(bulk[0][2]).toMatch(/^K\d+$/); // the customer's code, from the lookup
    }
  }, 60_000);
});
