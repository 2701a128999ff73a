import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { createBusiness } from '../src-cloud/admin/businesses';
import { allBusinessFigures } from '../src-cloud/admin/figures';
import { issueEnrolCode } from '../src-cloud/admin/enrol-codes';
import { connect, type CloudDb } from '../src-cloud/db/connect';
import { startEmbedded } from '../src-cloud/db/embedded';
import { migrateCloud } from '../src-cloud/db/migrate';
import { withAllBusinesses } from '../src-cloud/db/scope';
import type { SyncOp } from '../src-shared/sync/protocol';
import { BenchShop, post } from './cloud-shop';
import { medianMs, round, row, type BenchRow } from './measure';
import { SYNCED_COLUMNS } from '../src-cloud/sync/typed-tables';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface CloudBenchOptions {
  /** Shops pushing at once against the two instances. */
  shops: number;
  /** Pushes per shop in that storm, one after another, and ops in each. */
  pushes: number;
  opsPerPush: number;
  /** 500-op batches of the throughput case (one shop). */
  batches: number;
}

interface Instance {
  url: string;
  child: ChildProcess;
}

/**
 * The admin cloud on loopback with the embedded PostgreSQL: two real server processes
 * (`src-cloud/main.ts`, as `npm run cloud` runs it) on one database, as behind a load balancer.
 *  1. Push throughput of one shop in 500-op batches of transactions through the HTTP API, measured in
 *     turns with the floor: the same rows in one bare multi-row INSERT … ON CONFLICT through pg, in
 *     a transaction scoped the same way (row-level security applies to both).
 *  2. N shops pushing at once, each request sent to the instances in turn: p50/p95 latency next to
 *     the same push made by one shop alone, errors, and the rows counted in the database afterwards.
 */
export async function cloudSuite(options: CloudBenchOptions): Promise<{ rows: BenchRow[]; notes: Record<string, unknown> }> {
  // A folder of its own under the system's temp: the bench's own is private to this user, and the
  // PostgreSQL server runs as the postgres user when the bench runs as root.
  const pgDir = mkdtempSync(join(tmpdir(), 'sma-bench-cloud-'));
  const cluster = await startEmbedded(pgDir);
  const instances: Instance[] = [];
  const shops: BenchShop[] = [];
  const url = await cluster.createDatabase('sma_bench');
  const db = connect(url, 4);
  try {
    await migrateCloud(db);
    // One after the other: the first creates the super admin, the second finds it.
    for (let i = 0; i < 2; i++) instances.push(await startInstance(url));
    const rows: BenchRow[] = [];
    const notes: Record<string, unknown> = { postgres: 'embedded, loopback', instances: 2 };

    // 1. Throughput, one shop, 500-op batches, in turns with the floor.
    const solo = new BenchShop('127.0.0.1', 'solo');
    shops.push(solo);
    await enrol(db, solo, instances[0].url);
    const floorBusiness = (await createBusiness(db, { name: 'Lantai' }, new Date())).id;
    const floorDevice = uuidv7();
    const floor = new pg.Client({ connectionString: url });
    await floor.connect();
    const apiMs: number[] = [];
    const floorMs: number[] = [];
    try {
      for (let i = 0; i < options.batches + 2; i++) {
        const ops = solo.ops(0, 500);
        const res = await solo.push(instances[i % 2].url, ops);
        if (res.status !== 200 || (res.body as { applied: number }).applied !== ops.length)
          throw new Error(`throughput push ${i}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
        const started = performance.now();
        await floorInsert(floor, floorBusiness, floorDevice, ops);
        const floorTook = performance.now() - started;
        // The first batch on each instance warms its connections, plans and JIT up.
        if (i > 1) {
          apiMs.push(res.ms);
          floorMs.push(floorTook);
        }
      }
    } finally {
      await floor.end();
    }
    const apiMedian = median(apiMs);
    const floorMedian = median(floorMs);
    rows.push(row('cloud', 'push 500 transactions, one shop (HTTP API)', apiMedian, 'bare INSERT … ON CONFLICT (pg)', floorMedian, '≤ 4× floor'));
    notes.throughput = {
      batches: options.batches,
      opsPerBatch: 500,
      apiOpsPerSecond: Math.round(500 / (apiMedian / 1000)),
      floorOpsPerSecond: Math.round(500 / (floorMedian / 1000)),
      apiOpsPerSecondOverall: Math.round((500 * apiMs.length) / (sum(apiMs) / 1000)),
    };

    // 2. The storm: every shop enrolled first (through both instances), then all push at once.
    const storm: BenchShop[] = [];
    for (let i = 0; i < options.shops; i++) {
      // 127.0.1.1 … : a loopback address of its own per shop.
      const shop = new BenchShop(`127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`, `shop${i}`);
      storm.push(shop);
      shops.push(shop);
    }
    for (const [i, shop] of storm.entries()) await enrol(db, shop, instances[i % 2].url);
    const customersPerPush = Math.max(1, Math.round(options.opsPerPush / 5));
    const salesPerPush = options.opsPerPush - customersPerPush;

    // The same push by one shop alone, for the latency's baseline.
    const alone: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await solo.push(instances[i % 2].url, solo.ops(customersPerPush, salesPerPush));
      if (res.status !== 200) throw new Error(`solo push: ${res.status}`);
      if (i > 1) alone.push(res.ms);
    }

    const latencies: number[] = [];
    const failures: string[] = [];
    const cpuBefore = cpuSeconds(instances, pgDir);
    const started = performance.now();
    await Promise.all(
      storm.map(async (shop, s) => {
        for (let p = 0; p < options.pushes; p++) {
          const ops = shop.ops(customersPerPush, salesPerPush);
          // Each request to the next instance in turn: nothing may depend on which one a shop reaches.
          try {
            const res = await shop.push(instances[(s + p) % 2].url, ops);
            latencies.push(res.ms);
            const body = res.body as { applied?: number; rejected?: unknown[] };
            if (res.status !== 200 || body.applied !== ops.length || (body.rejected?.length ?? 0) > 0)
              failures.push(`${shop.node} push ${p}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
          } catch (error) {
            failures.push(`${shop.node} push ${p}: ${(error as Error).message}`);
          }
        }
      }),
    );
    const wallSeconds = (performance.now() - started) / 1000;
    const cpuAfter = cpuSeconds(instances, pgDir);

    // What the database holds, counted per business, against what each shop sent.
    const counted = await withAllBusinesses(db, async (tx) => {
      const customers = await tx
        .selectFrom('customers')
        .groupBy('business_id')
        .select((eb) => ['business_id', eb.fn.countAll<number>().as('n')])
        .execute();
      const transactions = await tx
        .selectFrom('transactions')
        .groupBy('business_id')
        .select((eb) => ['business_id', eb.fn.countAll<number>().as('n')])
        .execute();
      // On disk, indexes included: the growth plan's storage per row.
      const size = await sql<{
        customers: number;
        transactions: number;
      }>`SELECT pg_total_relation_size('customers') AS customers, pg_total_relation_size('transactions') AS transactions`.execute(tx);
      return {
        customers: new Map(customers.map((r) => [r.business_id, Number(r.n)])),
        transactions: new Map(transactions.map((r) => [r.business_id, Number(r.n)])),
        bytes: size.rows[0],
      };
    });
    let mismatched = 0;
    let rowsCounted = 0;
    let rowsSent = 0;
    for (const shop of storm) {
      const c = counted.customers.get(shop.businessId) ?? 0;
      const t = counted.transactions.get(shop.businessId) ?? 0;
      rowsCounted += c + t;
      rowsSent += shop.sent.customers + shop.sent.transactions;
      if (c !== shop.sent.customers || t !== shop.sent.transactions) mismatched += 1;
    }
    const aloneMedian = median(alone);
    const label = `${options.shops} shops at once, 2 instances, ${options.opsPerPush}-op pushes`;
    rows.push(row('cloud', `${label}: p50`, percentile(latencies, 50), 'the same push, one shop alone', aloneMedian, 'errors 0, rows = sent'));
    rows.push(row('cloud', `${label}: p95`, percentile(latencies, 95), 'the same push, one shop alone', aloneMedian, 'errors 0, rows = sent'));

    // The console's list: every business's figures, counted from the rows (figures.ts), next to the
    // bare grouped count and sum over the same tables.
    const now = new Date();
    const figuresMs = await medianMs(() => allBusinessFigures(db, now), 5, 1);
    const bareMs = await medianMs(
      () =>
        withAllBusinesses(db, async (tx) => {
          await sql`SELECT business_id, count(*), sum(amount) FROM transactions WHERE deleted_at IS NULL GROUP BY business_id`.execute(tx);
          await sql`SELECT business_id, count(*) FROM customers WHERE deleted_at IS NULL GROUP BY business_id`.execute(tx);
        }),
      5,
      1,
    );
    const shopRows = sumOf(counted.customers) + sumOf(counted.transactions);
    rows.push(
      row(
        'cloud',
        `console: every business's figures (${storm.length + 2} shops, ${shopRows.toLocaleString('en')} rows)`,
        figuresMs,
        'bare GROUP BY count, sum',
        bareMs,
        '< 1 s',
      ),
    );
    notes.storm = {
      shops: options.shops,
      pushesPerShop: options.pushes,
      opsPerPush: options.opsPerPush,
      requests: options.shops * options.pushes,
      errors: failures.length,
      firstErrors: failures.slice(0, 3),
      p50Ms: round(percentile(latencies, 50)),
      p95Ms: round(percentile(latencies, 95)),
      p99Ms: round(percentile(latencies, 99)),
      maxMs: round(Math.max(...latencies)),
      wallSeconds: round(wallSeconds),
      opsPerSecond: Math.round((options.shops * options.pushes * options.opsPerPush) / wallSeconds),
      rowsSent,
      rowsCounted,
      // Where the time went: CPU seconds of the two API processes and of PostgreSQL over the storm.
      bytesPerCustomer: Math.round(counted.bytes.customers / sumOf(counted.customers)),
      bytesPerTransaction: Math.round(counted.bytes.transactions / sumOf(counted.transactions)),
      cpuSecondsApi: round(cpuAfter.api - cpuBefore.api),
      cpuSecondsPostgres: round(cpuAfter.postgres - cpuBefore.postgres),
      loadAverage: os.loadavg().map(round),
      shopsWithWrongCounts: mismatched,
    };
    console.log(`cloud: ${JSON.stringify(notes)}`);
    if (failures.length > 0 || mismatched > 0)
      throw new Error(`cloud storm: ${failures.length} errors, ${mismatched} shops with wrong row counts: ${failures.slice(0, 3).join('; ')}`);
    return { rows, notes };
  } finally {
    for (const shop of shops) shop.close();
    for (const instance of instances) await stopInstance(instance);
    await db.destroy();
    await cluster.stop();
    rmSync(pgDir, { recursive: true, force: true });
  }
}

/** A business, a code (as the console or the CLI makes them), and the real enrol route. */
async function enrol(db: CloudDb, shop: BenchShop, base: string): Promise<void> {
  const now = new Date();
  const { id } = await createBusiness(db, { name: `Toko ${shop.node}`, city: 'Solo' }, now);
  const { code } = await issueEnrolCode(db, id, null, now);
  const res = await post(shop.agent, `${base}/api/sync/enrol`, null, { code, deviceName: `Laptop ${shop.node}`, appVersion: 'bench' });
  if (res.status !== 200) throw new Error(`enrol ${shop.node}: ${res.status} ${JSON.stringify(res.body)}`);
  shop.token = res.body.token as string;
  shop.deviceId = res.body.deviceId as string;
  shop.businessId = res.body.businessId as string;
}

/** The cloud's transactions table: the tenant and the key, the synced row's fields, its clock and device. */
const COLUMNS = ['business_id', 'id', ...SYNCED_COLUMNS.transactions, 'hlc', 'device_id'];

/**
 * The floor: the same transaction rows in one multi-row INSERT … ON CONFLICT with bound values,
 * inside a transaction scoped to the business as the API's is. Nothing else: no HTTP, no JSON
 * schema, no device lock or position, no log row.
 */
export async function floorInsert(client: pg.Client, businessId: string, deviceId: string, ops: SyncOp[]): Promise<void> {
  const values: unknown[] = [];
  const tuples: string[] = [];
  for (const op of ops) {
    const r = op.row as Record<string, unknown>;
    const start = values.length;
    // The items go in as JSON text, as the app's own upsert writes them (src-cloud/sync/typed-tables.ts).
    values.push(
      businessId,
      op.id,
      ...SYNCED_COLUMNS.transactions.map((column) => (column === 'items' ? JSON.stringify(r.items) : r[column])),
      op.hlc,
      deviceId,
    );
    // Placeholders only ($1, $2, …): every value is bound.
    tuples.push(`(${COLUMNS.map((_, i) => `$${start + i + 1}`).join(', ')})`);
  }
  const update = COLUMNS.slice(2)
    .map((c) => `${c} = excluded.${c}`)
    .join(', ');
  await client.query('BEGIN');
  try {
    await client.query("SELECT set_config('sma.business_id', $1, true)", [businessId]);
    await client.query(
      `INSERT INTO transactions (${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT (business_id, id) DO UPDATE SET ${update}`,
      values,
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** `npm run cloud` on a port of its own over the bench database; resolves with its URL. */
export function startInstance(databaseUrl: string): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-cloud/main.ts', '--port', '0', '--admin-password-stdin'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin?.end('bench-admin-password-0123456789\n');
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`cloud instance did not start in 60 s: ${out} ${err}`)), 60_000);
    child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const match = /Console: (http:\/\/[^\s/]+)\//.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], child });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`cloud instance exited (${code}): ${err}`));
    });
  });
}

function stopInstance(instance: Instance): Promise<void> {
  if (instance.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    instance.child.once('exit', () => resolve());
    instance.child.kill('SIGTERM');
  });
}

/**
 * CPU seconds (user + system) used so far by the API processes and by PostgreSQL (the postmaster
 * and its backends), from /proc: Linux only, zeros elsewhere.
 */
function cpuSeconds(instances: Instance[], pgDir: string): { api: number; postgres: number } {
  try {
    const ticks = 100; // USER_HZ on Linux
    const stat = (pid: number) => {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / ticks };
    };
    const api = instances.reduce((total, i) => total + (i.child.pid ? stat(i.child.pid).cpu : 0), 0);
    const postmaster = Number(readFileSync(join(pgDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    let postgres = stat(postmaster).cpu;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const s = stat(Number(entry));
        if (s.ppid === postmaster) postgres += s.cpu;
      } catch {
        // The process ended between the listing and the read.
      }
    }
    return { api, postgres };
  } catch {
    return { api: 0, postgres: 0 };
  }
}

const sumOf = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const median = (xs: number[]) => percentile(xs, 50);

function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
