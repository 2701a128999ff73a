import { describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app';
import { ManualClock } from '../manual-clock';
import { JobCancelled } from '../../src-main/jobs/types';
import { runRfm } from '../../src-main/rfm/run';
import { runRfmIfStale } from '../../src-main/rfm/service';
import { newId } from '../../src-main/core/ids';
import { write } from '../../src-main/core/write';
import { insertMany } from '../../src-main/import/bulk-insert';
import { openSqlite } from '../../src-main/db/open';
import { DEFAULT_SETTINGS } from '../../src-shared/schemas/settings';
import { fails, loginAsNewUser, ok, OWNER_PASSWORD, rowCount, shopWithOwner } from '../helpers';

// 05:00 UTC is 12:00 in Jakarta: "today" for the shop is 2026-06-15.
const NOW = new Date('2026-06-15T05:00:00Z');

/** A small shop whose every figure is worked out by hand in the tests below. */
async function smallShop(clock = new ManualClock(NOW)) {
  const app = await shopWithOwner({ clock });
  const customer = async (name: string) => (await ok(app, 'customers.create', { name })).id;
  const sale = (customer_id: string, transaction_date: string, amount: number) => ok(app, 'transactions.create', { customer_id, transaction_date, amount });
  const ids = { ani: await customer('Ani'), budi: await customer('Budi'), citra: await customer('Citra'), dodi: await customer('Dodi') };
  // Ani: three visits, gaps 59 and 92 days
  await sale(ids.ani, '2026-01-01', 100_000);
  await sale(ids.ani, '2026-03-01', 200_000);
  await sale(ids.ani, '2026-06-01', 300_000);
  const deletedSale = await sale(ids.ani, '2026-06-10', 999_000);
  await ok(app, 'transactions.delete', { id: deletedSale.id });
  // Budi: once, a year ago
  await sale(ids.budi, '2025-06-15', 50_000);
  // Citra: two invoices on one day (one visit)
  await sale(ids.citra, '2026-05-01', 10_000);
  await sale(ids.citra, '2026-05-01', 10_000);
  // Dodi: bought three times, then was deleted (his gaps of 5 days must not count in the shop's median)
  await sale(ids.dodi, '2026-06-04', 7_000_000);
  await sale(ids.dodi, '2026-06-09', 7_000_000);
  await sale(ids.dodi, '2026-06-14', 7_000_000);
  await ok(app, 'customers.delete', { id: ids.dodi });
  return { app, ids, clock };
}

async function member(app: App, customerId: string, runId?: string) {
  const page = await ok(app, 'rfm.members', { runId, pageSize: 200 });
  return page.rows.find((r) => r.customerId === customerId);
}

describe('an RFM run', () => {
  it('scores every live customer with hand-checked figures, CLV proxy and churn band', async () => {
    const { app, ids } = await smallShop();
    const summary = await ok(app, 'rfm.run', {});
    expect(summary.run).toMatchObject({
      analysisDate: '2026-06-15',
      method: 'fixed',
      windowMonths: null,
      customers: 3,
      userName: 'Sari Wulandari',
      trigger: 'manual',
    });
    expect(summary.run?.parameters.shopMedianGapDays).toBe(75.5);

    const ani = await member(app, ids.ani);
    // tenure 165 days counts as one year: 3 purchases/year × AOV 200k × 3 years
    expect(ani).toMatchObject({
      recencyDays: 14,
      frequency: 3,
      monetary: 600_000,
      r: 5,
      f: 3,
      m: 3,
      segment: 'potential_loyalist',
      firstPurchase: '2026-01-01',
      lastPurchase: '2026-06-01',
      aov: 200_000,
      clv: 1_800_000,
      medianGapDays: 75.5,
      churnBand: 'active',
    });
    expect(ani?.churnRatio).toBeCloseTo(14 / 75.5, 2);
    const budi = await member(app, ids.budi);
    expect(budi).toMatchObject({
      recencyDays: 365,
      frequency: 1,
      monetary: 50_000,
      r: 1,
      f: 1,
      m: 1,
      segment: 'lost',
      medianGapDays: null,
      churnBand: 'likely_lost',
    });
    const citra = await member(app, ids.citra);
    // one visit: the shop's median gap decides; 45 / 75.5 < 1
    expect(citra).toMatchObject({
      recencyDays: 45,
      frequency: 2,
      monetary: 20_000,
      r: 4,
      f: 2,
      segment: 'potential_loyalist',
      medianGapDays: null,
      churnBand: 'active',
    });
    expect(await member(app, ids.dodi)).toBeUndefined();

    const detail = await ok(app, 'rfm.customer', { id: ids.ani });
    expect(detail.current).toMatchObject({ segment: 'potential_loyalist', runId: summary.run!.id, analysisDate: '2026-06-15' });
    expect(detail.history).toHaveLength(1);
    expect(detail).toMatchObject({ clvExpectedYears: 3, shopMedianGapDays: 75.5 });
    // the run is synced as one row; its per-customer rows are derived
    expect(app.services.sqlite.prepare("SELECT COUNT(*) AS n FROM outbox WHERE entity = 'rfm_runs'").get()).toEqual({ n: 1 });
    expect(app.services.sqlite.prepare("SELECT action FROM activity_logs WHERE action = 'rfm.run'").all()).toHaveLength(1);
  });

  it('honours the analysis date, the window and settings changed at run time', async () => {
    const { app, ids } = await smallShop();
    const windowed = await ok(app, 'rfm.run', { windowMonths: 3 });
    expect(windowed.run?.customers).toBe(2); // Budi bought before the window
    expect(await member(app, ids.ani)).toMatchObject({ frequency: 1, monetary: 300_000, firstPurchase: '2026-06-01' });

    const past = await ok(app, 'rfm.run', { asOf: '2026-02-01', windowMonths: null });
    expect(past.run?.customers).toBe(2);
    expect(await member(app, ids.ani)).toMatchObject({ recencyDays: 31, frequency: 1, monetary: 100_000 });

    // New edges in Settings apply to the next run without a restart.
    const settings = await ok(app, 'settings.get', {});
    await ok(app, 'settings.update', { rfmEdges: { ...settings.rfmEdges, frequency: [0, 1, 2, 3] }, rfmMethod: 'quintile', clvExpectedYears: 2 });
    const next = await ok(app, 'rfm.run', { windowMonths: null });
    expect(next.run).toMatchObject({ method: 'quintile', parameters: { edges: { frequency: [0, 1, 2, 3] }, clvExpectedYears: 2 } });
    // The cut points the run keeps (shown under "how scores are computed") explain every score it gave.
    const cut = next.run!.parameters.quintileEdges!;
    const passed = (value: number, edges: number[]) => edges.filter((edge) => value > edge).length;
    const members = (await ok(app, 'rfm.members', { runId: next.run!.id, pageSize: 200 })).rows;
    expect(members).toHaveLength(3);
    for (const m of members)
      expect({ r: m.r, f: m.f, m: m.m }).toEqual({
        r: 5 - passed(m.recencyDays, cut.recencyDays),
        f: 1 + passed(m.frequency, cut.frequency),
        m: 1 + passed(m.monetary, cut.monetary),
      });
    expect(new Set(members.map((m) => m.m)).size).toBe(3); // three different totals: three different scores
    const withFixed = await ok(app, 'rfm.run', { method: 'fixed', windowMonths: null });
    expect(await member(app, ids.ani, withFixed.run!.id)).toMatchObject({ f: 4, clv: 1_200_000 });
    expect(withFixed.run!.parameters.quintileEdges).toBeUndefined();
  });

  it('keeps history and shows movement between runs', async () => {
    const { app, ids, clock } = await smallShop();
    const first = await ok(app, 'rfm.run', {});
    expect(first.movement).toBeNull();
    clock.advance(60 * 86_400_000); // two months later nobody has bought again
    expect((await fails(app, 'rfm.summary', {})).code).toBe('UNAUTHENTICATED'); // the 12-hour session is over
    await ok(app, 'auth.login', { username: 'sari', password: OWNER_PASSWORD });
    const second = await ok(app, 'rfm.run', {});
    expect(second.movement?.previousRun.id).toBe(first.run!.id);
    const anyMove = second.movement!.rows.find((r) => r.from === 'potential_loyalist' && r.to !== 'potential_loyalist');
    expect(anyMove).toBeDefined();
    expect(second.movement!.rows.reduce((s, r) => s + r.customers, 0)).toBe(3);
    const history = await ok(app, 'rfm.customer', { id: ids.ani });
    expect(history.history.map((h) => h.runId)).toEqual([second.run!.id, first.run!.id]);
    const runs = await ok(app, 'rfm.runs', {});
    expect(runs.total).toBe(2);
    // an old run is still readable
    expect((await ok(app, 'rfm.summary', { runId: first.run!.id })).run?.id).toBe(first.run!.id);
    expect((await fails(app, 'rfm.summary', { runId: 'nope' })).code).toBe('NOT_FOUND');
  });

  it('lists a segment sorted, filtered and searched', async () => {
    const { app, ids } = await smallShop();
    await ok(app, 'rfm.run', {});
    const loyal = await ok(app, 'rfm.members', { segment: 'potential_loyalist', sort: 'monetary', desc: true });
    expect(loyal.rows.map((r) => r.customerId)).toEqual([ids.ani, ids.citra]);
    expect(loyal.total).toBe(2);
    const asc = await ok(app, 'rfm.members', { segment: 'potential_loyalist', sort: 'name', desc: false });
    expect(asc.rows.map((r) => r.name)).toEqual(['Ani', 'Citra']);
    expect((await ok(app, 'rfm.members', { r: 1 })).rows.map((r) => r.name)).toEqual(['Budi']);
    expect((await ok(app, 'rfm.members', { churnBand: 'likely_lost' })).rows.map((r) => r.name)).toEqual(['Budi']);
    expect((await ok(app, 'rfm.members', { search: 'citr' })).rows.map((r) => r.name)).toEqual(['Citra']);
    // a search is data, not SQL
    expect((await ok(app, 'rfm.members', { search: "%' OR 1=1 --" })).total).toBe(0);
    // the total with the page, and with a page past the end
    expect(await ok(app, 'rfm.members', { sort: 'name', desc: false, pageSize: 5 })).toMatchObject({
      rows: [{ name: 'Ani' }, { name: 'Budi' }, { name: 'Citra' }],
      total: 3,
    });
    expect(await ok(app, 'rfm.members', { page: 9, pageSize: 5 })).toMatchObject({ rows: [], total: 3 });
  });

  it('answers with an empty summary before the first run', async () => {
    const app = await shopWithOwner();
    expect(await ok(app, 'rfm.summary', {})).toEqual({ run: null, segments: [], grid: [], movement: null });
    expect(await ok(app, 'rfm.members', {})).toMatchObject({ rows: [], total: 0, runId: null });
  });
});

describe('who runs it, and when', () => {
  it('staff read the analysis but cannot run it', async () => {
    const { app } = await smallShop();
    await ok(app, 'rfm.run', {});
    const staff = await loginAsNewUser(app, 'staff', 'rina');
    expect((await fails(app, 'rfm.run', {}, staff)).code).toBe('FORBIDDEN');
    expect((await ok(app, 'rfm.summary', {}, staff)).run?.customers).toBe(3);
  });

  it('a run cancelled at any of its checkpoints writes nothing', async () => {
    const { app } = await smallShop();
    const params = {
      asOf: '2026-06-15',
      method: 'fixed' as const,
      windowMonths: null,
      edges: DEFAULT_SETTINGS.rfmEdges,
      segments: DEFAULT_SETTINGS.rfmSegments,
      clvExpectedYears: 3,
      trigger: 'manual' as const,
    };
    let checkpoints = 0;
    runRfm(params, { ...app.services, userId: null, throwIfCancelled: () => void checkpoints++ });
    expect(checkpoints).toBeGreaterThan(1);
    await ok(app, 'rfm.run', {}); // a previous run, so the movement step runs too
    const before = {
      runs: rowCount(app, 'rfm_runs'),
      rows: rowCount(app, 'rfm_analysis'),
      outbox: rowCount(app, 'outbox'),
      log: rowCount(app, 'activity_logs'),
    };
    for (let stopAt = 0; stopAt < checkpoints; stopAt++) {
      let seen = 0;
      const throwIfCancelled = () => {
        if (seen++ === stopAt) throw new JobCancelled();
      };
      expect(() => runRfm(params, { ...app.services, userId: null, throwIfCancelled })).toThrow(JobCancelled);
      expect({
        runs: rowCount(app, 'rfm_runs'),
        rows: rowCount(app, 'rfm_analysis'),
        outbox: rowCount(app, 'outbox'),
        log: rowCount(app, 'activity_logs'),
      }).toEqual(before);
    }
  });

  it('a cancel while the aggregate reads purchases stops it there, writes nothing and leaves no figures behind', async () => {
    const app = await shopWithOwner({ clock: new ManualClock(NOW) });
    const ctx = { ...app.services, userId: null };
    // Enough customers for the aggregate to report progress (and check for a cancel) from inside.
    const customerIds = Array.from({ length: 6000 }, () => newId());
    write(ctx, (w) => {
      insertMany(
        w,
        'customers',
        customerIds.map((id, i) => ({
          id,
          code: `K${i}`,
          name: `Pelanggan ${i}`,
          phone: null,
          email: null,
          address: null,
          city: null,
          tags: '[]',
          notes: null,
          source: null,
          deleted_at: null,
        })),
      );
      insertMany(
        w,
        'transactions',
        customerIds.map((customer_id) => ({
          id: newId(),
          customer_id,
          transaction_date: '2026-06-01',
          amount: 10_000,
          items: '[]',
          invoice_no: null,
          campaign_code: null,
          channel: null,
          notes: null,
          deleted_at: null,
          upload_id: null,
        })),
      );
    });
    const params = {
      asOf: '2026-06-15',
      method: 'fixed' as const,
      windowMonths: null,
      edges: DEFAULT_SETTINGS.rfmEdges,
      segments: DEFAULT_SETTINGS.rfmSegments,
      clvExpectedYears: 3,
      trigger: 'manual' as const,
    };
    for (const method of ['fixed', 'quintile'] as const) {
      // The refresh before a run commits batch by batch (a cancel keeps what it finished, whole):
      // every customer stale again, as after a bulk import, so each method cancels at the same place.
      app.services.sqlite.exec('UPDATE customer_rfm SET stale = 1');
      const phases: string[] = [];
      const progress = (phase: string, done: number, total: number) => phases.push(`${phase} ${done}/${total}`);
      const throwIfCancelled = () => {
        if (phases.includes('aggregate 5000/6000')) throw new JobCancelled();
      };
      expect(() => runRfm({ ...params, method }, { ...ctx, progress, throwIfCancelled })).toThrow(JobCancelled);
      expect(phases).toEqual(['aggregate 0/6000', 'aggregate 5000/6000']);
      expect(rowCount(app, 'rfm_runs') + rowCount(app, 'rfm_analysis')).toBe(0);
      expect(app.services.sqlite.prepare("SELECT name FROM sqlite_temp_master WHERE name = 'rfm_figures'").get()).toBeUndefined();
    }
    // and the next run goes through
    expect(runRfm(params, ctx).customers).toBe(6000);
    expect(runRfm({ ...params, method: 'quintile' }, ctx).customers).toBe(6000);
  });

  it('refreshes a bulk of stale customers batch by batch, so a save made meanwhile waits for one batch, not the whole run', async () => {
    const app = await shopWithOwner({ clock: new ManualClock(NOW) });
    const ctx = { ...app.services, userId: null };
    const customerIds = Array.from({ length: 12_000 }, () => newId());
    write(ctx, (w) => {
      insertMany(
        w,
        'customers',
        customerIds.map((id, i) => ({
          id,
          code: `K${i}`,
          name: `Pelanggan ${i}`,
          phone: null,
          email: null,
          address: null,
          city: null,
          tags: '[]',
          notes: null,
          source: null,
          deleted_at: null,
        })),
      );
      insertMany(
        w,
        'transactions',
        customerIds.map((customer_id) => ({
          id: newId(),
          customer_id,
          transaction_date: '2026-06-01',
          amount: 10_000,
          items: '[]',
          invoice_no: null,
          campaign_code: null,
          channel: null,
          notes: null,
          deleted_at: null,
          upload_id: null,
        })),
      );
    });
    const other = openSqlite(app.services.dbPath);
    other.pragma('busy_timeout = 0');
    const tookLock: boolean[] = [];
    const progress = (phase: string) => {
      if (phase !== 'aggregate') return;
      try {
        other.exec('BEGIN IMMEDIATE; ROLLBACK');
        tookLock.push(true);
      } catch {
        tookLock.push(false);
      }
    };
    const params = {
      asOf: '2026-06-15',
      method: 'fixed' as const,
      windowMonths: null,
      edges: DEFAULT_SETTINGS.rfmEdges,
      segments: DEFAULT_SETTINGS.rfmSegments,
      clvExpectedYears: 3,
      trigger: 'manual' as const,
    };
    expect(runRfm(params, { ...ctx, progress }).customers).toBe(12_000);
    other.close();
    // Between the batches of 5,000 (after the first and the second) the lock was free.
    expect(tookLock.slice(1, 3)).toEqual([true, true]);
    expect(app.services.sqlite.prepare('SELECT COUNT(*) FROM customer_rfm WHERE stale = 1').pluck().get()).toBe(0);
  });

  it("scans after all when a sale dated after the run's date is saved while the rollup is refreshed", async () => {
    const app = await shopWithOwner({ clock: new ManualClock(NOW) });
    const ctx = { ...app.services, userId: null };
    const customerIds = Array.from({ length: 6_000 }, () => newId());
    write(ctx, (w) => {
      insertMany(
        w,
        'customers',
        customerIds.map((id, i) => ({
          id,
          code: `K${i}`,
          name: `Pelanggan ${i}`,
          phone: null,
          email: null,
          address: null,
          city: null,
          tags: '[]',
          notes: null,
          source: null,
          deleted_at: null,
        })),
      );
      insertMany(
        w,
        'transactions',
        customerIds.map((customer_id) => ({
          id: newId(),
          customer_id,
          transaction_date: '2026-06-01',
          amount: 10_000,
          items: '[]',
          invoice_no: null,
          campaign_code: null,
          channel: null,
          notes: null,
          deleted_at: null,
          upload_id: null,
        })),
      );
    });
    const params = {
      asOf: '2026-06-15',
      method: 'fixed' as const,
      windowMonths: null,
      edges: DEFAULT_SETTINGS.rfmEdges,
      segments: DEFAULT_SETTINGS.rfmSegments,
      clvExpectedYears: 3,
      trigger: 'manual' as const,
    };
    // Staff save tomorrow's order (another connection, as the window's) between two refresh batches.
    const other = openSqlite(app.services.dbPath);
    let saved = false;
    const progress = (phase: string, done: number) => {
      if (phase !== 'aggregate' || done === 0 || saved) return; // after the first batch
      other
        .prepare(
          "INSERT INTO transactions (id, customer_id, transaction_date, amount, items, created_at, updated_at, hlc) VALUES (?, ?, '2026-06-16', 5000, '[]', '2026-06-15T05:00:00.000Z', '2026-06-15T05:00:00.000Z', 'h')",
        )
        .run(newId(), customerIds[0]);
      saved = true;
    };
    const result = runRfm(params, { ...ctx, progress });
    other.close();
    expect(saved).toBe(true);
    expect(result.customers).toBe(6_000);
    // Read the scan's way, the sale after the date is left out: nobody bought "in the future".
    expect(app.services.sqlite.prepare('SELECT figures_from FROM rfm_runs WHERE id = ?').pluck().get(result.runId)).toBe('scan');
    expect(app.services.sqlite.prepare('SELECT MIN(recency_days) FROM rfm_analysis WHERE run_id = ?').pluck().get(result.runId)).toBe(14);
  });

  it('runs at start-up when the last run is older than a week, not before', async () => {
    const { app, clock } = await smallShop();
    await runRfmIfStale(app.services);
    expect(rowCount(app, 'rfm_runs')).toBe(1);
    expect(app.services.sqlite.prepare('SELECT trigger, user_id FROM rfm_runs').get()).toEqual({ trigger: 'startup', user_id: null });
    clock.advance(6 * 86_400_000);
    await runRfmIfStale(app.services);
    expect(rowCount(app, 'rfm_runs')).toBe(1);
    clock.advance(2 * 86_400_000);
    await runRfmIfStale(app.services);
    expect(rowCount(app, 'rfm_runs')).toBe(2);
  });

  it('a shop without sales gets no start-up run', async () => {
    const app = await shopWithOwner();
    await runRfmIfStale(app.services);
    expect(rowCount(app, 'rfm_runs')).toBe(0);
  });
});
