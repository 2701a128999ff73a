import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { createBusiness } from '../src-cloud/admin/businesses';
import { issueEnrolCode } from '../src-cloud/admin/enrol-codes';
import { connect } from '../src-cloud/db/connect';
import { startEmbedded } from '../src-cloud/db/embedded';
import { migrateCloud } from '../src-cloud/db/migrate';
import { withBusiness } from '../src-cloud/db/scope';
import { enrol, pushNow } from '../src-main/sync/service';
import { startInstance } from './cloud';
import { bigShop } from './dataset';
import { round, row, type BenchRow } from './measure';
import { SYNCED_COLUMNS } from '../src-cloud/sync/typed-tables';

const PAGE = 500;

/**
 * `--only sync`: the generated shop (100k customers, 1M sales by default), enrolled with a cloud
 * started as `npm run cloud` runs it (its own process, embedded PostgreSQL), pushed whole through the
 * sync client: rows a second, batches, and the laptop's memory growth while it pushes. Next to it,
 * the floor: the same rows read from the same SQLite file and written into the same PostgreSQL
 * tables by bare multi-row INSERTs of 500 rows, without HTTP, validation, positions or logs.
 */
export async function syncSuite(dir: string, customers: number, transactions: number): Promise<{ rows: BenchRow[]; notes: Record<string, unknown> }> {
  const shop = await bigShop(dir, customers, transactions);
  const pgDir = mkdtempSync(join(tmpdir(), 'sma-bench-sync-'));
  const cluster = await startEmbedded(pgDir);
  const url = await cluster.createDatabase('sma_sync_bench');
  const db = connect(url, 2);
  let instance: Awaited<ReturnType<typeof startInstance>> | null = null;
  try {
    await migrateCloud(db);
    instance = await startInstance(url);
    const { id } = await createBusiness(db, { name: 'Toko Bench' }, new Date());
    const { code } = await issueEnrolCode(db, id, null, new Date());
    await enrol(shop.app.services, { server: instance.url, code });

    // The same measure over three idle seconds first: on a busy machine the thread is late even with
    // nothing to do, and that lateness is not the push's.
    const idle = monitorEventLoopDelay({ resolution: 10 });
    idle.enable();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    idle.disable();
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 100);
    // The push runs on the thread that answers the windows: how long it holds that thread at a time
    // (reading a batch, building its JSON, settling the answer) is what a window would wait.
    const stalls = monitorEventLoopDelay({ resolution: 10 });
    stalls.enable();
    // How busy this thread was while pushing (0–1): time it spent running code, not waiting for work.
    const busyBefore = performance.eventLoopUtilization();
    const started = performance.now();
    let shown = 0;
    const outcome = await pushNow(shop.app.services, {
      maxFailures: 5,
      onProgress: (o) => {
        if (o.requests - shown >= 200) {
          shown = o.requests;
          console.log(`  ${o.acked.toLocaleString('en')} ops in ${o.requests} pushes, ${o.remaining.toLocaleString('en')} entries waiting`);
        }
      },
    });
    const pushMs = performance.now() - started;
    clearInterval(sampler);
    stalls.disable();
    const busy = performance.eventLoopUtilization(busyBefore);
    const inCloud = await withBusiness(db, id, async (tx) => ({
      customers: Number(
        (
          await tx
            .selectFrom('customers')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      transactions: Number(
        (
          await tx
            .selectFrom('transactions')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    }));
    if (inCloud.customers !== customers || inCloud.transactions !== transactions)
      throw new Error(`the cloud holds ${JSON.stringify(inCloud)}, expected ${customers} and ${transactions}`);

    const floorMs = await floor(url, shop.app.services.sqlite);
    const rowsPushed = customers + transactions;
    const rows = [
      row(
        'sync',
        `push the shop (${rowsPushed.toLocaleString('en')} rows, ${outcome.requests} pushes)`,
        pushMs,
        'bare multi-row INSERT of the same rows (pg, 500 a statement)',
        floorMs,
        '≤ 4× floor',
      ),
    ];
    const notes = {
      rowsPerSecond: Math.round(rowsPushed / (pushMs / 1000)),
      floorRowsPerSecond: Math.round(rowsPushed / (floorMs / 1000)),
      ops: outcome.acked,
      pushes: outcome.requests,
      laptopRssGrowthMb: round((rssPeak - rssBefore) / 1024 / 1024),
      mainThreadStallP99Ms: round(stalls.percentile(99) / 1e6),
      mainThreadStallMaxMs: round(stalls.max / 1e6),
      mainThreadBusy: round(busy.utilization),
      idleStallP99Ms: round(idle.percentile(99) / 1e6),
      idleStallMaxMs: round(idle.max / 1e6),
    };
    console.log(JSON.stringify(notes));
    return { rows, notes };
  } finally {
    instance?.child.kill('SIGTERM');
    await db.destroy();
    await shop.app.close();
    await cluster.stop();
    rmSync(pgDir, { recursive: true, force: true });
  }
}

async function floor(url: string, sqlite: import('../src-main/db/open').Sqlite): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const cloud = connect(url, 1);
  const { id: businessId } = await createBusiness(cloud, { name: 'Toko Lantai' }, new Date());
  await cloud.destroy();
  const deviceId = uuidv7();
  const started = performance.now();
  try {
    // The cloud's typed tables: the tenant and the key, the synced row's fields, its clock and device.
    const tables = (['customers', 'transactions'] as const).map((name) => ({
      name,
      columns: ['business_id', 'id', ...SYNCED_COLUMNS[name], 'hlc', 'device_id'],
      values: (r: Record<string, unknown>) => [businessId, r.id, ...SYNCED_COLUMNS[name].map((column) => r[column]), r.hlc, deviceId],
    }));
    for (const table of tables) {
      // The table names come from the list above, never from input; every value is bound.
      const page = sqlite.prepare(`SELECT rowid AS row_number, * FROM ${table.name} WHERE rowid > ? ORDER BY rowid LIMIT ${PAGE}`);
      let after = 0;
      for (;;) {
        const rows = page.all(after) as (Record<string, unknown> & { row_number: number })[];
        if (rows.length === 0) break;
        after = rows[rows.length - 1].row_number;
        const values: unknown[] = [];
        const tuples: string[] = [];
        for (const r of rows) {
          const start = values.length;
          values.push(...table.values(r));
          tuples.push(`(${table.columns.map((_, i) => `$${start + i + 1}`).join(', ')})`);
        }
        await client.query('BEGIN');
        await client.query("SELECT set_config('sma.business_id', $1, true)", [businessId]);
        await client.query(`INSERT INTO ${table.name} (${table.columns.join(', ')}) VALUES ${tuples.join(', ')}`, values);
        await client.query('COMMIT');
      }
    }
    return performance.now() - started;
  } finally {
    await client.end();
  }
}
