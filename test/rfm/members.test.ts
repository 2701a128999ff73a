import { describe, expect, it } from 'vitest';
import { ManualClock } from '../manual-clock';
import { ok, testApp } from '../helpers';

/**
 * The segment list pages through a run's rows sorted and filtered on their own, then joins the
 * customers of the page: every page, laid end to end, must be exactly the straight SQL's order.
 */
describe('the segment member list', () => {
  it('pages through each sort and filter exactly as the straight SQL orders them', { timeout: 60_000 }, async () => {
    const app = await testApp({ clock: new ManualClock(new Date('2026-11-20T05:00:00Z')) });
    await ok(app, 'setup.openDemo', {});
    const run = (await ok(app, 'rfm.run', {})).run!;
    // A deleted customer stays in the run's rows but leaves every list.
    const gone = app.services.sqlite
      .prepare("SELECT customer_id FROM rfm_analysis WHERE run_id = ? AND segment = 'at_risk' ORDER BY monetary DESC LIMIT 1")
      .pluck()
      .get(run.id) as string;
    await ok(app, 'customers.delete', { id: gone });

    const straight = (where: string, order: string, ...params: unknown[]) =>
      app.services.sqlite
        .prepare(
          `SELECT a.customer_id FROM rfm_analysis a JOIN customers c ON c.id = a.customer_id WHERE a.run_id = ? AND c.deleted_at IS NULL ${where} ORDER BY ${order}`,
        )
        .pluck()
        .all(run.id, ...params) as string[];
    const cases = [
      {
        input: { segment: 'at_risk' as const, sort: 'monetary' as const, desc: true },
        expected: straight("AND a.segment = 'at_risk'", 'a.monetary DESC, a.customer_id DESC'),
      },
      {
        input: { segment: 'lost' as const, sort: 'name' as const, desc: false },
        expected: straight("AND a.segment = 'lost'", 'c.name ASC, a.customer_id ASC'),
      },
      { input: { sort: 'recency_days' as const, desc: false }, expected: straight('', 'a.recency_days ASC, a.customer_id ASC') },
      { input: { r: 1, sort: 'frequency' as const, desc: true }, expected: straight('AND a.r_score = 1', 'a.frequency DESC, a.customer_id DESC') },
      {
        input: { search: 'an', sort: 'name' as const, desc: true },
        expected: straight("AND (c.name LIKE '%an%' OR c.code LIKE '%an%' OR c.email LIKE '%an%')", 'c.name DESC, a.customer_id DESC'),
      },
    ];
    for (const c of cases) {
      expect(c.expected.length, JSON.stringify(c.input)).toBeGreaterThan(30);
      const seen: string[] = [];
      for (let page = 1; seen.length < c.expected.length; page++) {
        const got = await ok(app, 'rfm.members', { ...c.input, page, pageSize: 25 });
        expect(got.total, JSON.stringify(c.input)).toBe(c.expected.length);
        expect(got.rows.length).toBeGreaterThan(0);
        seen.push(...got.rows.map((r) => r.customerId));
      }
      expect(seen, JSON.stringify(c.input)).toEqual(c.expected);
      expect(seen).not.toContain(gone);
    }
  });
});
