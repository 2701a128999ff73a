import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { exportSuite } from './export';
import { importSuite } from './import';
import { leadsSuite } from './leads';
import { loyaltySuite } from './loyalty';
import { listsSuite } from './lists';
import { rfmSuite } from './rfm';
import { clvSuite } from './clv';
import { startupSuite } from './startup';
import { cloudSuite } from './cloud';
import { syncSuite } from './sync';
import { undoSuite } from './undo';
import { bigShop } from './dataset';
import { round, type BenchRow } from './measure';
import { ensureBundle } from '../scripts/bundle-stale.mjs';

/**
 * `npm run bench`: builds generated shops of fixed seed and measures each figure next to a
 * baseline taken in the same run. Prints a table with each goal met or missed; writes
 * bench/results.json (bench/results-<suites>.json for an `--only` run, so a partial run never
 * replaces a whole one) with the machine, the commit and the date, to compare two runs.
 * `--customers N --transactions N` to try another size (default 100k / 1M). The admin cloud's
 * (`--only cloud`, not in the default set: it starts PostgreSQL and two servers) takes
 * `--cloud-shops 200 --cloud-pushes 5 --cloud-ops 100 --cloud-batches 20`. `--only sync` pushes the generated
 * shop to a cloud of its own through the sync client (not in the default set either). `--only leads`
 * measures the pipeline board, the leads list and the team's follow-ups on 50,000 leads. `--only loyalty`
 * times the sales import with loyalty points earned against the same import without them. `--only clv`
 * times the lifetime-value fit and its job on the generated shop. `undo` (in the default set) times an
 * import's undo whose 20,000 sales are one customer's against the same writes with the triggers dropped.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string', default: '100000' },
      transactions: { type: 'string', default: '1000000' },
      'xlsx-rows': { type: 'string', default: '100000' },
      only: { type: 'string' },
      'cloud-shops': { type: 'string', default: '200' },
      'cloud-pushes': { type: 'string', default: '5' },
      'cloud-ops': { type: 'string', default: '100' },
      'cloud-batches': { type: 'string', default: '20' },
    },
  });
  const customers = Number(values.customers);
  const transactions = Number(values.transactions);
  const suites = values.only ? values.only.split(',') : ['lists', 'rfm', 'export', 'import', 'undo', 'startup'];
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', memoryGb: round(totalmem() / 2 ** 30), loadAtStart: loadavg().map(round) };
  // The app's job and reading threads start from their bundle, as in the packaged app, browser
  // mode and the tests: started from TypeScript, each would first compile its sources with tsx
  // (about 1.9 s of a 3.2 s RFM run through dispatch).
  process.env.SMA_THREADS_DIR ??= dirname(await ensureBundle('worker', 'src-main/jobs/worker.ts'));
  const dir = mkdtempSync(join(tmpdir(), 'sma-bench-'));
  try {
    const rows: BenchRow[] = [];
    const notes: Record<string, unknown> = {};
    if (suites.includes('lists') || suites.includes('rfm') || suites.includes('export') || suites.includes('clv')) {
      console.log(`Building a shop of ${customers.toLocaleString('en')} customers and ${transactions.toLocaleString('en')} transactions…`);
      const shop = await bigShop(dir, customers, transactions);
      console.log(`  built in ${round(shop.buildSeconds)} s (through the write helper, outbox included)`);
      notes.buildSeconds = round(shop.buildSeconds);
      if (suites.includes('lists')) rows.push(...(await listsSuite(shop.app, shop.customerIds)));
      if (suites.includes('rfm')) {
        const result = await rfmSuite(shop.app);
        rows.push(...result.rows);
        Object.assign(notes, result.notes);
      }
      if (suites.includes('clv')) {
        const result = await clvSuite(shop.app);
        rows.push(...result.rows);
        Object.assign(notes, result.notes);
      }
      if (suites.includes('export')) {
        const result = await exportSuite(shop.app);
        rows.push(...result.rows);
        notes.export = result.notes;
      }
      await shop.app.close();
    }
    if (suites.includes('import')) {
      console.log(`Importing a ${transactions.toLocaleString('en')}-row CSV and a ${Number(values['xlsx-rows']).toLocaleString('en')}-row XLSX…`);
      const result = await importSuite(dir, transactions, Number(values['xlsx-rows']), customers);
      rows.push(...result.rows);
      Object.assign(notes, result.notes);
      console.log(JSON.stringify(result.notes));
    }
    if (suites.includes('loyalty')) {
      console.log(`Importing a ${transactions.toLocaleString('en')}-row CSV with loyalty points off and on, twice each…`);
      const result = await loyaltySuite(dir, transactions, customers);
      rows.push(...result.rows);
      Object.assign(notes, result.notes);
    }
    if (suites.includes('startup')) {
      console.log('Starting the command line: node -e 0, cli --help, cli doctor…');
      const result = await startupSuite(dir);
      rows.push(...result.rows);
      notes.startup = result.notes;
    }
    if (suites.includes('cloud')) {
      console.log(`Admin cloud: two instances on one embedded PostgreSQL, ${values['cloud-shops']} shops pushing at once…`);
      const result = await cloudSuite({
        shops: Number(values['cloud-shops']),
        pushes: Number(values['cloud-pushes']),
        opsPerPush: Number(values['cloud-ops']),
        batches: Number(values['cloud-batches']),
      });
      rows.push(...result.rows);
      notes.cloud = result.notes;
    }
    if (suites.includes('undo')) {
      console.log("Undo of an import whose 20,000 sales are one customer's, against its floor…");
      const result = await undoSuite(dir, 20_000);
      rows.push(...result.rows);
      Object.assign(notes, result.notes);
    }
    if (suites.includes('leads')) {
      const result = await leadsSuite(dir);
      rows.push(...result.rows);
      notes.leads = result.notes;
    }
    if (suites.includes('sync')) {
      console.log(`Sync: the ${transactions.toLocaleString('en')}-sale shop pushed to the embedded cloud…`);
      const result = await syncSuite(dir, customers, transactions);
      rows.push(...result.rows);
      notes.sync = result.notes;
    }
    console.table(
      rows.map((r) => ({
        suite: r.suite,
        case: r.case,
        'ms (median)': r.ms,
        baseline: r.baseline,
        'baseline ms': r.baselineMs,
        ratio: r.ratio,
        goal: r.goal,
        met: r.met,
      })),
    );
    const missed = rows.filter((r) => r.met === 'missed').length;
    console.log(`Goals: ${rows.filter((r) => r.met === 'met').length} met, ${missed} missed (load average at start ${machine.loadAtStart.join(' ')}).`);
    const peakRssMb = round(process.resourceUsage().maxRSS / 1024);
    console.log(`Peak RSS: ${peakRssMb} MB`);
    const file = values.only ? `results-${suites.join('-')}.json` : 'results.json';
    writeFileSync(
      join(import.meta.dirname, file),
      JSON.stringify(
        { at: new Date().toISOString(), commit: currentCommit(), node: process.version, machine, customers, transactions, peakRssMb, notes, rows },
        null,
        2,
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The commit measured, with `+dirty` when the tree has uncommitted changes. */
function currentCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head}+dirty` : head;
  } catch {
    return 'unknown';
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
