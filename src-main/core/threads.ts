import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** The app's thread entries; each is bundled into dist/main/<name>.js (THREAD_ENTRIES in scripts/main-bundle.mjs). */
export type ThreadEntry = 'worker' | 'read-thread' | 'sync-push' | 'db-prepare';

/**
 * Starts a thread on one of the app's entries. From source (tsx, vitest) the entry is TypeScript,
 * so the thread registers tsx before importing it; from a build, the bundle next to this code's
 * own bundle runs as is.
 */
export function startThread(name: ThreadEntry, source: URL, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, import.meta.url), { workerData, resourceLimits });
  // The unit tests run the app from source but its threads from their bundle (test/global-setup.ts).
  const bundled = process.env.SMA_THREADS_DIR;
  if (bundled) return new Worker(pathToFileURL(join(bundled, `${name}.js`)), { workerData, resourceLimits });
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData, resourceLimits });
}
