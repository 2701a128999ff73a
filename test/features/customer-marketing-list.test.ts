import { describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app';
import { newId } from '../../src-main/core/ids';
import { write } from '../../src-main/core/write';
import { insertMany } from '../../src-main/import/bulk-insert';
import { customerListQuery } from '../../src-main/customers/queries';
import type { CustomerListInput } from '../../src-shared/schemas/customer';
import { customerListInput } from '../../src-shared/schemas/customer';
import { ok, shopWithOwner } from '../helpers';

interface Stored {
  customer_id: string;
  segment: string;
  monetary: number;
  frequency: number;
  last_purchase: string;
}

/** 40 customers, 30 of them with sales (10 never bought), one deleted after the run; one RFM run. */
async function shop() {
  const app = await shopWithOwner();
  const ctx = { ...app.services, userId: null };
  const ids = Array.from({ length: 40 }, () => newId());
  write(ctx, (w) => {
    insertMany(
      w,
      'customers',
      ids.map((id, i) => ({
        id,
        code: `C${String(i + 1).padStart(6, '0')}`,
        name: `Pelanggan ${String.fromCharCode(65 + (i % 26))}${i}`,
        phone: null,
        email: null,
        address: null,
        city: i % 4 === 0 ? 'Bandung' : 'Medan',
        tags: '[]',
        notes: null,
        source: null,
        deleted_at: null,
      })),
    );
    insertMany(
      w,
      'transactions',
      Array.from({ length: 150 }, (_, k) => ({
        id: newId(),
        customer_id: ids[(k * 7) % 30],
        transaction_date: `2026-${String(1 + (k % 11)).padStart(2, '0')}-${String(1 + ((k * 3) % 28)).padStart(2, '0')}`,
        amount: ((k * 37) % 50) * 10_000 + 10_000,
        items: '[]',
        channel: 'offline',
        campaign_code: null,
        invoice_no: null,
        notes: null,
        deleted_at: null,
      })),
    );
  });
  const run = await ok(app, 'rfm.run', { asOf: '2026-11-30' });
  await ok(app, 'customers.delete', { id: ids[3] });
  const stored = app.services.sqlite
    .prepare('SELECT customer_id, segment, monetary, frequency, last_purchase FROM rfm_analysis WHERE run_id = ?')
    .all(run.run!.id) as Stored[];
  return { app, ids, runId: run.run!.id, stored: new Map(stored.map((s) => [s.customer_id, s])) };
}

/** Every page of the list, in order. */
async function allPages(app: App, input: CustomerListInput) {
  const rows = [];
  for (let page = 1; ; page++) {
    const out = await ok(app, 'customers.list', { ...input, page, pageSize: 7 });
    rows.push(...out.rows);
    if (page * 7 >= out.total) return { rows, total: out.total, rfmRun: out.rfmRun };
  }
}

describe('customers list as a marketing list', () => {
  it('shows what the latest run stored for each customer, and nothing for those it did not score', async () => {
    const { app, runId, stored } = await shop();
    const { rows, rfmRun } = await allPages(app, { sort: 'name' });
    expect(rfmRun).toMatchObject({ id: runId, analysisDate: '2026-11-30' });
    expect(rows).toHaveLength(39);
    for (const row of rows) {
      const s = stored.get(row.id);
      expect(row.rfm).toEqual(s ? { segment: s.segment, monetary: s.monetary, frequency: s.frequency, lastPurchase: s.last_purchase } : null);
    }
    expect(rows.filter((r) => r.rfm === null)).toHaveLength(10);
  });

  for (const [sort, key] of [
    ['monetary', 'monetary'],
    ['last_purchase', 'last_purchase'],
    ['frequency', 'frequency'],
  ] as const) {
    for (const desc of [true, false]) {
      it(`sorts by the run's ${sort} ${desc ? 'desc' : 'asc'}: scored customers by it, then the others, every page`, async () => {
        const { app, ids, stored } = await shop();
        const live = ids.filter((id) => id !== ids[3]);
        const sign = desc ? -1 : 1;
        const scored = live
          .filter((id) => stored.has(id))
          .sort((a, b) => {
            const x = stored.get(a)![key];
            const y = stored.get(b)![key];
            return (x < y ? -1 : x > y ? 1 : a < b ? -1 : 1) * sign;
          });
        const unscored = live.filter((id) => !stored.has(id)).sort((a, b) => (a < b ? -1 : 1) * sign);
        const { rows, total } = await allPages(app, { sort, desc });
        expect(total).toBe(39);
        expect(rows.map((r) => r.id)).toEqual([...scored, ...unscored]);
        // The export reads the same order from its own query.
        const exported = await customerListQuery(app.services.db, customerListInput.omit({ page: true, pageSize: true }).parse({ sort, desc }))
          .select('customers.id')
          .execute();
        expect(exported.map((r) => r.id)).toEqual(rows.map((r) => r.id));
      });
    }
  }

  it('filters by segment of the latest run, with other filters and any sort', async () => {
    const { app, ids, stored } = await shop();
    const segment = [...stored.values()]
      .map((s) => s.segment)
      .sort((a, b) => [...stored.values()].filter((s) => s.segment === b).length - [...stored.values()].filter((s) => s.segment === a).length)[0];
    const members = ids.filter((id) => id !== ids[3] && stored.get(id)?.segment === segment);
    expect(members.length).toBeGreaterThan(1);
    const byName = await allPages(app, { segment: segment as never });
    expect(byName.total).toBe(members.length);
    expect(new Set(byName.rows.map((r) => r.id))).toEqual(new Set(members));
    expect(byName.rows.every((r) => r.rfm?.segment === segment)).toBe(true);
    const byMoney = await allPages(app, { segment: segment as never, sort: 'monetary', desc: true });
    expect(byMoney.rows.map((r) => r.rfm!.monetary)).toEqual(members.map((id) => stored.get(id)!.monetary).sort((a, b) => b - a));
    const inBandung = await allPages(app, { segment: segment as never, city: 'bandung', sort: 'frequency', desc: true });
    expect(new Set(inBandung.rows.map((r) => r.id))).toEqual(new Set(members.filter((id) => ids.indexOf(id) % 4 === 0)));
    const deleted = await allPages(app, { status: 'deleted', sort: 'monetary', desc: true });
    expect(deleted.rows.map((r) => r.id)).toEqual([ids[3]]);
  });

  it('without a run: no figures, the figure sorts fall back to customer order, a segment finds nobody', async () => {
    const app = await shopWithOwner();
    await ok(app, 'customers.create', { name: 'Ani' });
    await ok(app, 'customers.create', { name: 'Bayu' });
    const out = await ok(app, 'customers.list', { sort: 'monetary', desc: true });
    expect(out.rfmRun).toBeNull();
    expect(out.rows.map((r) => r.rfm)).toEqual([null, null]);
    expect(out.total).toBe(2);
    expect((await ok(app, 'customers.list', { segment: 'champions' })).total).toBe(0);
  });
});
