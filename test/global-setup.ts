import { dirname } from 'node:path';
import { ensureBundle } from '../scripts/bundle-stale.mjs';

/**
 * The job and import-reading threads run from their bundle in the unit tests too, as in the app,
 * the CLI and the e2e tests: started from TypeScript, each thread loaded tsx's hooks, where
 * Node 20's race between require(esm) and import() of one module can abort the process
 * ("v8::Module::IsGraphAsync"). Built once per run, only when a source changed.
 */
export default async function setup(): Promise<void> {
  const worker = await ensureBundle('worker', 'src-main/jobs/worker.ts');
  process.env.SMA_THREADS_DIR = dirname(worker);
}
