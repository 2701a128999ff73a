// Bundles the main process for Electron: main.js (ESM), preload.cjs (sandboxed preloads must be
// CommonJS), the job worker and the import's reading thread. Native modules stay external:
// electron-builder packs and rebuilds them.
import { build } from 'esbuild';

const external = ['electron', 'better-sqlite3', '@node-rs/argon2', 'electron-updater'];
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, external, logLevel: 'warning' };
const esmRequireShim = "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);";

await build({ ...common, entryPoints: { main: 'src-main/electron/main.ts', worker: 'src-main/jobs/worker.ts', 'read-thread': 'src-main/import/rows/read-thread.ts' }, outdir: 'dist/main', format: 'esm', banner: { js: esmRequireShim } });
await build({ ...common, entryPoints: { preload: 'src-main/electron/preload.ts' }, outdir: 'dist/main', format: 'cjs', outExtension: { '.js': '.cjs' } });
console.log('main process bundled into dist/main/');
