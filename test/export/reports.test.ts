import { describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app';
import type { ExportPreview } from '../../src-shared/schemas/export';
import { ok, testApp } from '../helpers';

/** The demo shop (500 customers, 10,000 sales) with an RFM run, the demo owner logged in. */
async function demoShop(): Promise<App> {
  const app = await testApp();
  await ok(app, 'setup.openDemo', {});
  await ok(app, 'auth.login', { username: 'demo', password: 'demo1234' });
  await ok(app, 'rfm.run', {});
  return app;
}

/** Preview rows as objects by column key. */
function records(preview: ExportPreview) {
  return preview.rows.map((row) => Object.fromEntries(preview.columns.map((c, i) => [c.key, row[i]])));
}

describe('every report agrees with the page it comes from', () => {
  it('sales by month, top customers, the segment table, win-back and a segment match the dashboard and RFM pages', async () => {
    const app = await demoShop();
    const dashboard = await ok(app, 'dashboard.get', { period: 'this_year' });
    const monthly = await ok(app, 'export.preview', { report: 'sales-monthly', filters: {} });
    expect(monthly.total).toBe(12);
    expect(records(monthly).map((m) => ({ month: m.month, revenue: m.revenue, orders: m.orders }))).toEqual(
      dashboard.trend.map((t) => ({ month: t.month, revenue: t.revenue, orders: t.orders })),
    );
    for (const m of records(monthly)) expect(m.aov).toBe(m.orders ? Math.round(Number(m.revenue) / Number(m.orders)) : 0);

    const top = await ok(app, 'export.preview', { report: 'top-customers', filters: { from: dashboard.period.from, to: dashboard.period.to, limit: 10 } });
    expect(records(top).map((r) => ({ code: r.code, revenue: r.revenue, orders: r.orders }))).toEqual(
      dashboard.topCustomers.map((c) => ({ code: c.code, revenue: c.revenue, orders: c.orders })),
    );
    expect(records(top).map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    const summary = await ok(app, 'rfm.summary', {});
    const segments = await ok(app, 'export.preview', { report: 'segment-summary', filters: {} });
    expect(records(segments).map((s) => s.customers)).toEqual(summary.segments.map((s) => s.customers));
    expect(records(segments).map((s) => s.revenue)).toEqual(summary.segments.map((s) => s.revenue));
    expect(records(segments)[0]).toMatchObject({ segment: 'Juara', customersPct: summary.segments[0].customersPct / 100 });
    expect(segments.totals).toEqual({ customers: 500, revenue: summary.segments.reduce((sum, s) => sum + s.revenue, 0) });

    const winBack = await ok(app, 'export.preview', { report: 'win-back', filters: {} });
    const count = (segment: string) => summary.segments.find((s) => s.segment === segment)?.customers ?? 0;
    expect(winBack.total).toBe(count('at_risk') + count('cant_lose_them') + count('hibernating'));
    for (const r of records(winBack)) expect(['Berisiko', 'Jangan Sampai Hilang', 'Tidur']).toContain(r.segment);
    const spent = records(winBack).map((r) => Number(r.monetary));
    expect(spent).toEqual([...spent].sort((a, b) => b - a));

    const loyal = await ok(app, 'export.preview', { report: 'segment:loyal', filters: { sort: 'name', desc: false } });
    const members = await ok(app, 'rfm.members', { segment: 'loyal', sort: 'name', desc: false, pageSize: 20 });
    expect(loyal.total).toBe(members.total);
    expect(records(loyal).map((r) => r.code)).toEqual(members.rows.map((m) => m.code));

    const history = await ok(app, 'export.preview', { report: 'activity-log', filters: {} });
    expect(history.total).toBe((await ok(app, 'audit.list', {})).total);
    expect((await ok(app, 'export.preview', { report: 'import-history', filters: {} })).total).toBe(0);
  }, 120_000);
});
