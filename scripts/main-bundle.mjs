// How the main process's ESM code is bundled. Shared by scripts/build-main.mjs and the bench's
// children (bench/bundle.ts), so that what the bench measures is the code the app runs.

/** The threads the main process starts (src-main/core/threads.ts), each bundled next to its starter. */
export const THREAD_ENTRIES = {
  worker: 'src-main/jobs/worker.ts',
  'read-thread': 'src-main/import/rows/read-thread.ts',
  'sync-push': 'src-main/sync/push-thread.ts',
  'db-prepare': 'src-main/db/prepare-thread.ts',
};

/** Native modules stay external: electron-builder packs and rebuilds them. */
export const EXTERNAL = ['electron', 'better-sqlite3', '@node-rs/argon2', 'electron-updater'];

export const ESM_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  external: EXTERNAL,
  logLevel: 'warning',
  // Bundled CommonJS dependencies call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
};
