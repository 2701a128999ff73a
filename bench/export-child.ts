/**
 * One export in a process of its own, so its peak RSS is the export's (the app, its job worker and
 * SQLite), not the bench's. Prints one JSON line: ms, rows, bytes, peak RSS.
 * Usage (bundled by bench/export.ts): node dist/bench/export-child.js <db> <report> <xlsx|csv>
 */
import { openApp } from '../src-main/app';
import { loginAs } from '../src-main/auth/service';

async function main(): Promise<void> {
  const [dbPath, report, format] = process.argv.slice(2);
  const app = await openApp({ dbPath });
  try {
    const owner = await app.services.db.selectFrom('users').select('id').where('role', '=', 'owner').executeTakeFirstOrThrow();
    await loginAs(app.services, 'bench', owner.id);
    const started = performance.now();
    const result = await app.call('export.run', { report, filters: {}, format }, { clientId: 'bench' });
    const ms = performance.now() - started;
    if (!result.ok) throw new Error(result.error.message);
    const { rows, bytes } = result.data as { rows: number; bytes: number };
    console.log(JSON.stringify({ ms, rows, bytes, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
