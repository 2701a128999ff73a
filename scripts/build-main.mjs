// Bundles the main process for Electron: main.js (ESM) with its threads (the job worker and the
// import's reading thread), and preload.cjs (sandboxed preloads must be CommonJS).
import { build } from 'esbuild';
import { ESM_OPTIONS, EXTERNAL, THREAD_ENTRIES } from './main-bundle.mjs';

await build({ ...ESM_OPTIONS, sourcemap: true, entryPoints: { main: 'src-main/electron/main.ts', ...THREAD_ENTRIES }, outdir: 'dist/main' });
await build({
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external: EXTERNAL,
  logLevel: 'warning',
  entryPoints: { preload: 'src-main/electron/preload.ts' },
  outdir: 'dist/main',
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
});
console.log('main process bundled into dist/main/');
