// One measured import in a process of its own, so its peak memory is its own. Prints JSON.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { openApp } from '../src-main/app';
import { DEFAULT_LOYALTY } from '../src-shared/schemas/loyalty';

const [dbPath, file] = process.argv.slice(2);
const app = await openApp({ dbPath });
const origin = { clientId: 'bench' };
const call = async (channel: string, input: unknown) => {
  const result = await app.call(channel, input, origin);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.data as Record<string, unknown>;
};
await call('setup.create', { owner: { name: 'Bench', username: 'bench', password: 'bench-password' }, business: { name: 'Toko Bench' } });
// `--loyalty`: points on, so the import earns them (bench/loyalty.ts measures what that adds).
if (process.argv.includes('--loyalty')) await call('settings.update', { loyalty: { ...DEFAULT_LOYALTY, enabled: true } });

// The main thread's responsiveness while the worker imports: the worst timer delay seen.
let worstLagMs = 0;
let last = performance.now();
const timer = setInterval(() => {
  const now = performance.now();
  worstLagMs = Math.max(worstLagMs, now - last - 20);
  last = now;
}, 20);

const started = performance.now();
const staged = await call('files.upload', { name: basename(file), bytes: readFileSync(file) });
const inspected = await call('import.inspect', { fileId: staged.fileId, kind: 'transactions' });
const ready = performance.now();
const report = await call('import.commit', { fileId: staged.fileId, kind: 'transactions', headerRow: inspected.headerRow, mapping: inspected.mapping });
const finished = performance.now();
// The peak so far is the import's own: after a sales import the app starts an RFM run in the
// background, which the process's final peak includes as well.
const importPeakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
clearInterval(timer);
const earned = app.services.sqlite.prepare("SELECT COUNT(*) FROM loyalty_ledger WHERE kind = 'earn'").pluck().get() as number;
await app.close();
console.log(
  JSON.stringify({
    uploadAndInspectMs: Math.round(ready - started),
    importMs: Math.round(finished - ready),
    status: report.status,
    rows: report.valid,
    customersCreated: report.customersCreated,
    importPeakRssMb,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    worstMainThreadLagMs: Math.round(worstLagMs),
    earned,
  }),
);
