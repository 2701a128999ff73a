import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBusiness } from '../../src-cloud/admin/businesses';
import { issueEnrolCode } from '../../src-cloud/admin/enrol-codes';
import { withBusiness } from '../../src-cloud/db/scope';
import { openApp, type App } from '../../src-main/app';
import { ManualClock } from '../manual-clock';
import { enrol, pushNow, syncStatus } from '../../src-main/sync/service';
import { startTestCloud, type TestCloud } from '../cloud/cloud-server';
import { ok, tempDir, testApp } from '../helpers';
import { startFaultProxy, type Fault } from './fault-proxy';

let cloud: TestCloud;
let template: string;
let templateDir: string;
let owner: { username: string; password: string };

/** A seeded generator, so a run that fails can be replayed exactly. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  cloud = await startTestCloud();
  Object.defineProperty(cloud.clock, 'now', { get: () => new Date() });
  // One demo shop, copied for every run, so every run pushes the very same rows and stamps.
  templateDir = mkdtempSync(join(tmpdir(), 'sma-sync-template-'));
  template = join(templateDir, 'template.sqlite');
  const app = await openApp({ dbPath: template });
  const demo = await ok(app, 'setup.openDemo', {});
  owner = { username: demo.user.username, password: demo.password };
  await app.close();
}, 120_000);
afterAll(async () => {
  await cloud.close();
  rmSync(templateDir, { recursive: true, force: true });
});

async function copyOfDemo(server: string, clock?: ManualClock): Promise<{ app: App; businessId: string }> {
  const dbPath = join(tempDir(), 'shop.sqlite');
  copyFileSync(template, dbPath);
  const app = await testApp({ dbPath, clock });
  await ok(app, 'auth.login', owner);
  const { id } = await createBusiness(cloud.db, { name: 'Toko Salinan' }, new Date());
  const { code } = await issueEnrolCode(cloud.db, id, null, new Date());
  await enrol(app.services, { server: cloud.url, code });
  app.services.sqlite.prepare('UPDATE sync_state SET server_url = ?').run(server);
  return { app, businessId: id };
}

/** A hash of a shop's rows in the cloud, without what differs between runs (business, device). */
async function cloudHash(businessId: string): Promise<{ rows: number; hash: string }> {
  return withBusiness(cloud.db, businessId, async (tx) => {
    const result = await sql<{ rows: number; hash: string }>`
      SELECT (SELECT count(*) FROM customers WHERE business_id = ${businessId}) + (SELECT count(*) FROM transactions WHERE business_id = ${businessId})
             + (SELECT count(*) FROM shop_records WHERE business_id = ${businessId}) AS rows,
        md5(coalesce((SELECT string_agg(concat_ws('|', id, code, name, phone, city, tags::text, deleted_at, hlc), ',' ORDER BY id) FROM customers WHERE business_id = ${businessId}), '')
         || coalesce((SELECT string_agg(concat_ws('|', id, customer_id, transaction_date, amount, items::text, channel, deleted_at, hlc), ',' ORDER BY id) FROM transactions WHERE business_id = ${businessId}), '')
         || coalesce((SELECT string_agg(concat_ws('|', entity, id, data::text, deleted, hlc), ',' ORDER BY entity, id) FROM shop_records WHERE business_id = ${businessId}), '')) AS hash`.execute(
      tx,
    );
    return { rows: Number(result.rows[0].rows), hash: result.rows[0].hash };
  });
}

let clean: { rows: number; hash: string };

describe('sync under a bad network (SYNC.md T2, T3, T4)', () => {
  it('a clean run: the reference state', async () => {
    const { app, businessId } = await copyOfDemo(cloud.url);
    // The push thread stays for the shop's life once started: a push that is told to stop before
    // its first batch starts it, and its fixed cost is reported apart from the backlog's.
    const rssStart = process.memoryUsage().rss;
    expect(await pushNow(app.services, { signal: AbortSignal.abort() })).toMatchObject({ acked: 0, requests: 0 });
    const rssBefore = process.memoryUsage().rss;
    const outcome = await pushNow(app.services);
    const growthMb = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
    console.log(
      `push thread started: RSS +${((rssBefore - rssStart) / 1024 / 1024).toFixed(1)} MB; clean drain of the backlog: RSS +${growthMb.toFixed(1)} MB`,
    );
    clean = await cloudHash(businessId);
    expect(outcome).toMatchObject({ rejected: 0, remaining: 0 });
    expect(clean.rows).toBeGreaterThan(10_000);
    // T5's bound: a backlog of 10,000 ops drains in batches, never held in memory at once.
    expect(growthMb).toBeLessThan(100);
  }, 120_000);

  it('T2: every request sent twice, and stale copies replayed out of order: the same final state', async () => {
    const faults: Fault[] = ['duplicate', 'replay-later', 'pass'];
    const proxy = await startFaultProxy(cloud.url, (n) => faults[n % faults.length]);
    const { app, businessId } = await copyOfDemo(proxy.url);
    const outcome = await pushNow(app.services);
    await proxy.close();
    expect(outcome).toMatchObject({ rejected: 0, remaining: 0 });
    expect(proxy.forwarded).toBeGreaterThan(proxy.received);
    expect(await cloudHash(businessId)).toEqual(clean);
  }, 120_000);

  it('T3: 30 % answered 500 (before or after the cloud committed) and 5 % hanging: converges to the same state', async () => {
    const random = mulberry32(20261207);
    const proxy = await startFaultProxy(cloud.url, () => {
      const r = random();
      return r < 0.15 ? 'fail-before' : r < 0.3 ? 'fail-after' : r < 0.35 ? 'hang' : 'pass';
    });
    const { app, businessId } = await copyOfDemo(proxy.url);
    const outcome = await pushNow(app.services, { maxFailures: 50, timeoutMs: 1_000, sleep: async () => undefined });
    await proxy.close();
    expect(outcome.remaining).toBe(0);
    expect(await cloudHash(businessId)).toEqual(clean);
    expect(syncStatus(app.services)).toMatchObject({ pending: 0, lastError: null });
  }, 180_000);

  it('a throttled push (429 with Retry-After) waits as told, never gives up for it, and converges', async () => {
    const proxy = await startFaultProxy(cloud.url, (n) => (n % 3 === 1 ? 'throttle' : 'pass'));
    const { app, businessId } = await copyOfDemo(proxy.url);
    const waits: number[] = [];
    // One real failure would stop this push; a throttle is not a failure.
    const outcome = await pushNow(app.services, { maxFailures: 1, sleep: async (ms) => void waits.push(ms) });
    await proxy.close();
    expect(outcome.remaining).toBe(0);
    expect(waits.length).toBeGreaterThan(3);
    expect(new Set(waits)).toEqual(new Set([2000]));
    expect(await cloudHash(businessId)).toEqual(clean);
  }, 120_000);

  it('T3: a 10-minute outage costs at most 15 requests, and loses nothing', async () => {
    const proxy = await startFaultProxy(cloud.url, () => 'fail-before');
    const { app } = await copyOfDemo(proxy.url);
    const pending = syncStatus(app.services).pending;
    let simulated = 0;
    const controller = new AbortController();
    // The drain stops itself once the simulated outage has lasted ten minutes.
    await pushNow(app.services, {
      maxFailures: Infinity,
      random: mulberry32(7),
      signal: controller.signal,
      sleep: async (ms) => {
        simulated += ms;
        if (simulated >= 10 * 60_000) controller.abort();
      },
    });
    await proxy.close();
    expect(proxy.received).toBeLessThanOrEqual(15);
    expect(syncStatus(app.services).pending).toBe(pending);
  }, 60_000);

  it("T4: two laptops with clocks 2 h ahead and a day behind edit one customer: the cloud keeps the highest stamp, and each laptop's clock never goes back", async () => {
    const now = Date.now();
    const ahead = new ManualClock(new Date(now + 2 * 3600_000));
    const behind = new ManualClock(new Date(now - 24 * 3600_000));
    const a = await copyOfDemo(cloud.url, ahead);
    const b = await copyOfDemo(cloud.url, behind);
    // Both laptops belong to the first one's shop.
    const { code } = await issueEnrolCode(cloud.db, a.businessId, null, new Date());
    await enrol(b.app.services, { server: cloud.url, code });
    await pushNow(a.app.services);
    await pushNow(b.app.services);

    const customer = (await ok(a.app, 'customers.list', { page: 1, pageSize: 5 })).rows[0];
    await ok(a.app, 'customers.update', { id: customer.id, name: 'Dari laptop cepat' });
    await ok(b.app, 'customers.update', { id: customer.id, name: 'Dari laptop lambat' });
    await pushNow(b.app.services);
    await pushNow(a.app.services);
    const stored = await withBusiness(cloud.db, a.businessId, (tx) =>
      tx.selectFrom('customers').select(['name', 'hlc']).where('id', '=', customer.id).executeTakeFirstOrThrow(),
    );
    expect(stored.name).toBe('Dari laptop cepat');

    // The fast laptop's clock is corrected (moved back 3 h) and it edits again: its seq and stamp still increase.
    const before = a.app.services.sqlite.prepare('SELECT hlc FROM customers WHERE id = ?').get(customer.id) as { hlc: string };
    ahead.set(new Date(now - 3600_000));
    await ok(a.app, 'customers.update', { id: customer.id, name: 'Sesudah jam dibetulkan' });
    const after = a.app.services.sqlite.prepare('SELECT hlc FROM customers WHERE id = ?').get(customer.id) as { hlc: string };
    expect(after.hlc > before.hlc).toBe(true);
    await pushNow(a.app.services);
    expect(
      (await withBusiness(cloud.db, a.businessId, (tx) => tx.selectFrom('customers').select('name').where('id', '=', customer.id).executeTakeFirstOrThrow()))
        .name,
    ).toBe('Sesudah jam dibetulkan');
  }, 180_000);

  it('the clock resumes after the last stamp even once sync has emptied the outbox (restart)', async () => {
    const { app } = await copyOfDemo(cloud.url);
    await pushNow(app.services);
    expect((app.services.sqlite.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n).toBe(0);
    const last = (app.services.sqlite.prepare('SELECT hlc_floor FROM sync_state').get() as { hlc_floor: string }).hlc_floor;
    const dbPath = app.services.dbPath;
    await app.close();
    // Reopened with a clock a day behind: the next stamp still sorts after every stamp already sent.
    const reopened = await testApp({ dbPath, clock: new ManualClock(new Date(Date.now() - 24 * 3600_000)) });
    await ok(reopened, 'auth.login', owner);
    const customer = (await ok(reopened, 'customers.list', { page: 1, pageSize: 5 })).rows[0];
    await ok(reopened, 'customers.update', { id: customer.id, name: 'Sesudah dibuka lagi' });
    const stamp = (reopened.services.sqlite.prepare('SELECT hlc FROM customers WHERE id = ?').get(customer.id) as { hlc: string }).hlc;
    expect(stamp > last).toBe(true);
  }, 120_000);
});
