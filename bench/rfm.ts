import { DuckDBInstance } from '@duckdb/node-api';
import type { App } from '../src-main/app';
import { kpis, monthlyTrend, topCustomers, worthCalling } from '../src-main/dashboard/queries';
import { comparison, periodRange } from '../src-shared/dashboard/compare';
import { findRun } from '../src-main/rfm/queries';
import { runRfm, type RfmRunParams } from '../src-main/rfm/run';
import { SNAPSHOT_ROWS_FROM_ROLLUP, writeSnapshot } from '../src-main/rfm/snapshot';
import { summarise } from '../src-main/rfm/summary';
import { edgeParams, segmentParams } from '../src-main/rfm/score';
import { gridFromCells } from '../src-shared/rfm/rules';
import { DEFAULT_SETTINGS } from '../src-shared/schemas/settings';
import { interleavedMedians, medianMs, round, row, type BenchRow } from './measure';

const TODAY = '2026-11-22'; // the generated shop's last day

async function viaDispatch(app: App, channel: string, input: unknown): Promise<unknown> {
  const result = await app.call(channel, input, { clientId: 'bench' });
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.data;
}

/** The same (customer, date, amount) rows in an in-memory DuckDB, for a peer's time on the same aggregate. */
async function duckdbAggregateMs(app: App): Promise<{ loadMs: number; queryMs: number }> {
  const instance = await DuckDBInstance.create(':memory:');
  const duck = await instance.connect();
  try {
    await duck.run('CREATE TABLE transactions (customer_id VARCHAR, transaction_date DATE, amount BIGINT)');
    const started = performance.now();
    const appender = await duck.createAppender('transactions');
    for (const [customer, date, amount] of app.services.sqlite
      .prepare('SELECT customer_id, transaction_date, amount FROM transactions WHERE deleted_at IS NULL')
      .raw()
      .iterate() as IterableIterator<[string, string, number]>) {
      appender.appendVarchar(customer);
      appender.appendVarchar(date); // DuckDB casts ISO text to DATE on append
      appender.appendBigInt(BigInt(amount));
      appender.endRow();
    }
    appender.closeSync();
    const loadMs = performance.now() - started;
    const queryMs = await medianMs(
      () => duck.runAndReadAll('SELECT customer_id, MAX(transaction_date), COUNT(*), SUM(amount) FROM transactions GROUP BY customer_id'),
      5,
      1,
    );
    return { loadMs, queryMs };
  } finally {
    duck.closeSync();
    instance.closeSync();
  }
}

/**
 * RFM: the default run (read the per-customer rollup, score, segment, write the snapshot) and a
 * windowed run (the same, aggregating every sale) against the bare GROUP BY over the sales, with
 * DuckDB's time for that aggregate as a peer. Then every dashboard query
 * through dispatch, and the main thread's answer time while a run works in its worker.
 */
export async function rfmSuite(app: App): Promise<{ rows: BenchRow[]; notes: Record<string, unknown> }> {
  const sqlite = app.services.sqlite;
  const rows: BenchRow[] = [];
  // Building the shop on a loaded machine can outlast the idle lock (15 minutes): the session is unlocked first.
  const unlocked = await app.call('auth.unlock', { password: 'bench-password' }, { clientId: 'bench' });
  if (!unlocked.ok) throw new Error(`auth.unlock: ${unlocked.error.message}`);
  const bare = sqlite.prepare(
    'SELECT customer_id, MAX(transaction_date), COUNT(*), SUM(amount) FROM transactions WHERE deleted_at IS NULL GROUP BY customer_id',
  );
  const params: RfmRunParams = {
    asOf: TODAY,
    method: 'fixed',
    windowMonths: null,
    edges: DEFAULT_SETTINGS.rfmEdges,
    segments: DEFAULT_SETTINGS.rfmSegments,
    clvExpectedYears: 3,
    trigger: 'manual',
  };
  const ctx = { ...app.services, userId: null };
  // The shop was written through the triggers, which mark every customer they touch stale: the
  // first default run works out every median from the sales once (as after a migration or a bulk
  // import); the runs measured below find only what changed since the run before.
  const firstStarted = performance.now();
  runRfm(params, ctx);
  const firstRollupMs = performance.now() - firstStarted;
  // A window wider than the shop's history: the same customers and figures, read from every sale.
  const scan = { ...params, windowMonths: 1200 };
  const { bareMs, fixedMs, quintileMs, scanMs, scanQuintileMs } = await interleavedMedians({
    bareMs: () => bare.raw().all(),
    fixedMs: () => runRfm(params, ctx),
    quintileMs: () => runRfm({ ...params, method: 'quintile' }, ctx),
    scanMs: () => runRfm(scan, ctx),
    scanQuintileMs: () => runRfm({ ...scan, method: 'quintile' }, ctx),
  });
  rows.push(row('rfm', 'default run, fixed: rollup (read 100k, score, write 100k rows)', fixedMs, 'bare GROUP BY customer_id', bareMs, '≤ 0.25 s'));
  rows.push(row('rfm', 'default run, quintile: rollup', quintileMs, 'bare GROUP BY customer_id', bareMs, '≤ 0.25 s'));
  rows.push(row('rfm', 'windowed run, fixed: scan of every sale', scanMs, 'bare GROUP BY customer_id', bareMs, '≤ 1.5 s and ≤ 3×'));
  rows.push(row('rfm', 'windowed run, quintile: scan of every sale', scanQuintileMs, 'bare GROUP BY customer_id', bareMs, '≤ 1.5 s and ≤ 3×'));

  rows.push(...defaultRunProfile(app, params, bareMs));

  const duck = await duckdbAggregateMs(app);
  rows.push(row('rfm', 'DuckDB: same aggregate, in memory (peer)', duck.queryMs, 'bare GROUP BY customer_id (SQLite)', bareMs, 'reference'));
  rows.push(row('rfm', 'default run, fixed: rollup, against the DuckDB peer', fixedMs, 'DuckDB: same aggregate, in memory', duck.queryMs, 'reference'));

  // A run through the channel as the user sees it: launch of the job worker (from its bundle,
  // bench/run.ts), its own connection, the run and its progress, the summary read back.
  // Every run is followed by a lifetime-value fit in a job of its own: each measured run starts
  // once the previous one's fit is over, so it does not share the two cores with it.
  const clvIdle = async () => {
    while (app.services.jobs.isRunning('clv.fit')) await new Promise((resolve) => setTimeout(resolve, 50));
  };
  const channelTimes: number[] = [];
  for (let i = 0; i < 6; i++) {
    await clvIdle();
    const started = performance.now();
    await viaDispatch(app, 'rfm.run', { asOf: TODAY });
    if (i > 0) channelTimes.push(performance.now() - started); // the first one warms the page cache
  }
  await clvIdle();
  const channelMs = channelTimes.sort((a, b) => a - b)[Math.floor(channelTimes.length / 2)];
  rows.push(row('rfm', 'rfm.run through dispatch (job worker, default run)', channelMs, 'bare GROUP BY customer_id', bareMs, '≤ 0.5 s'));

  // Each dashboard query on its own (the bar), then the whole call as the page makes it.
  const periodSum = sqlite.prepare('SELECT SUM(amount), COUNT(*) FROM transactions WHERE deleted_at IS NULL AND transaction_date BETWEEN ? AND ?');
  const goal = '< 100 ms';
  const ctxRead = { db: app.services.db };
  const latest = (await findRun(ctxRead))!;
  for (const period of ['this_month', 'last_90', 'this_year'] as const) {
    const range = periodRange(period, TODAY);
    const { previous } = comparison(range, 'last_month');
    const bareMs = await medianMs(() => periodSum.get(range.from, range.to), 7, 1);
    const base = `bare SUM over ${period} (${range.days} days)`;
    rows.push(row('dashboard', `${period}: revenue, orders, active, new, returning`, await medianMs(() => kpis(ctxRead, range), 7, 1), base, bareMs, goal));
    rows.push(row('dashboard', `${period}: the same for the period before`, await medianMs(() => kpis(ctxRead, previous), 7, 1), base, bareMs, goal));
    rows.push(row('dashboard', `${period}: top 10 customers`, await medianMs(() => topCustomers(ctxRead, range), 7, 1), base, bareMs, goal));
    rows.push(
      row(
        'dashboard',
        `${period}: dashboard.get (every figure, both periods)`,
        await medianMs(() => viaDispatch(app, 'dashboard.get', { period, today: TODAY }), 5, 1),
        base,
        bareMs,
        'reference',
      ),
    );
  }
  const yearMs = await medianMs(() => periodSum.get('2026-01-01', TODAY), 7, 1);
  rows.push(
    row('dashboard', 'monthly trend, 12 months', await medianMs(() => monthlyTrend(ctxRead, TODAY, {}), 7, 1), 'bare SUM over this year', yearMs, goal),
  );
  rows.push(
    row('dashboard', 'at-risk customers worth calling', await medianMs(() => worthCalling(ctxRead, latest), 7, 1), 'bare SUM over this year', yearMs, goal),
  );
  rows.push(
    row(
      'dashboard',
      'rfm.summary (segments, grid, movement)',
      await medianMs(() => viaDispatch(app, 'rfm.summary', {}), 7, 1),
      'bare SUM over this year',
      yearMs,
      goal,
    ),
  );
  rows.push(
    row(
      'dashboard',
      'rfm.members at_risk, sort monetary, page 2',
      await medianMs(() => viaDispatch(app, 'rfm.members', { segment: 'at_risk', page: 2 }), 7, 1),
      'bare SUM over this year',
      yearMs,
      goal,
    ),
  );

  // Responsiveness: how long a list call waits while a run is busy in its worker.
  const waits: number[] = [];
  const running = viaDispatch(app, 'rfm.run', { asOf: TODAY });
  let done = false;
  void running.then(() => (done = true));
  while (!done) {
    const t = performance.now();
    await viaDispatch(app, 'customers.list', { page: 2 });
    waits.push(performance.now() - t);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await running;
  waits.sort((a, b) => a - b);
  const notes = {
    rfmFirstRollupRunMs: round(firstRollupMs),
    rfmDuckdbLoadSeconds: round(duck.loadMs / 1000),
    listCallsDuringRun: waits.length,
    listCallDuringRunMedianMs: round(waits[Math.floor(waits.length / 2)] ?? 0),
    listCallDuringRunMaxMs: round(waits.at(-1) ?? 0),
  };
  return { rows, notes };
}

/**
 * Where a default run's time goes, each part timed alone in a transaction rolled back: reading and
 * scoring the rollup's rows (no write), writing them (the run's INSERT … SELECT), the same rows
 * already computed inserted bare into the same table (the write's floor: keys, pages, nothing
 * else), and the summary (cells × the previous run's segments). Medians of five.
 */
function defaultRunProfile(app: App, params: RfmRunParams, bareMs: number): BenchRow[] {
  const sqlite = app.services.sqlite;
  const { grid } = gridFromCells(params.segments);
  const bind = { run: 'bench-run', asOf: params.asOf, ...edgeParams(params.edges), ...segmentParams(grid!) };
  const previous = sqlite.prepare('SELECT id FROM rfm_runs ORDER BY hlc DESC LIMIT 1').pluck().get() as string;
  const parts = { score: [] as number[], write: [] as number[], bareWrite: [] as number[], summary: [] as number[] };
  const time = (into: number[], work: () => unknown) => {
    const started = performance.now();
    work();
    into.push(performance.now() - started);
  };
  for (let i = 0; i < 6; i++) {
    // Every column the write takes, computed and folded (a bare count(*) would skip them).
    time(parts.score, () =>
      sqlite
        .prepare(`SELECT count(segment), sum(r_score + f_score + m_score), sum(avg_order_value), sum(recency_days) FROM (${SNAPSHOT_ROWS_FROM_ROLLUP})`)
        .get(bind),
    );
    sqlite.exec('BEGIN IMMEDIATE');
    try {
      time(parts.write, () => writeSnapshot(sqlite, { runId: 'bench-run', edges: params.edges, grid: grid!, rollupAsOf: params.asOf }));
      time(parts.summary, () => summarise(sqlite, 'bench-run', previous));
      sqlite.exec("CREATE TEMP TABLE bench_rows AS SELECT * FROM rfm_analysis WHERE run_id = 'bench-run'");
      time(parts.bareWrite, () =>
        sqlite.exec(
          "INSERT INTO rfm_analysis SELECT 'bench-copy', customer_id, recency_days, frequency, monetary, r_score, f_score, m_score, segment, first_purchase, last_purchase, avg_order_value, median_gap_days FROM temp.bench_rows",
        ),
      );
    } finally {
      sqlite.exec('ROLLBACK');
    }
  }
  const median = (times: number[]) => times.slice(1).sort((a, b) => a - b)[Math.floor((times.length - 1) / 2)];
  return [
    row('rfm', 'default run, part: read and score the rollup (no write)', median(parts.score), 'bare GROUP BY customer_id', bareMs, 'profile'),
    row(
      'rfm',
      'default run, part: write the 100k snapshot rows (INSERT … SELECT)',
      median(parts.write),
      'the same rows inserted bare (write floor)',
      median(parts.bareWrite),
      'profile',
    ),
    row('rfm', 'default run, part: summary (cells × previous segments)', median(parts.summary), 'bare GROUP BY customer_id', bareMs, 'profile'),
  ];
}
