import { describe, expect, it } from 'vitest';
import { findReport } from '../../src-main/export/registry';
import { translator } from '../../src-shared/i18n/messages';
import { busyShop } from './harness';

describe('a big export read by one pass and a sort', () => {
  it('reads the same rows in the same order as the list query through the indexes', async () => {
    const app = await busyShop();
    const report = findReport('transactions')!;
    const env = { db: app.services.db, language: 'id' as const, t: translator('id'), today: '2026-11-22' };
    const read = (query: { compile(): { sql: string; parameters: readonly unknown[] } }) => {
      const compiled = query.compile();
      return app.services.sqlite.prepare(compiled.sql).raw(true).all(...compiled.parameters);
    };
    for (const filters of [{}, { sort: 'amount', desc: false }, { from: '2026-03-01', to: '2026-05-31', search: 'Pelanggan 4', sort: 'transaction_date', desc: true }]) {
      const prepared = await report.prepare(report.filters.parse(filters), env);
      expect(prepared.bulk?.compile().sql).toContain('NOT INDEXED');
      const rows = read(prepared.query);
      expect(rows.length).toBeGreaterThan(100);
      expect(read(prepared.bulk!)).toEqual(rows);
    }
  }, 60_000);
});
