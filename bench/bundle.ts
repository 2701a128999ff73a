import { join } from 'node:path';
import { build } from 'esbuild';

const ROOT = new URL('..', import.meta.url).pathname;
/** Where bench children are bundled; the app's threads land next to them, as in dist/main. */
const BUNDLE = join(ROOT, 'dist', 'bench');

/**
 * A bench child as the packaged app runs it: bundled with the app's threads like dist/main
 * (scripts/build-main.mjs), so the time and peak RSS measured are the app's, not tsx compiling
 * sources in each thread. Returns the child's path.
 */
export async function bundleChild(name: string): Promise<string> {
  await build({
    entryPoints: { [name]: join(ROOT, `bench/${name}.ts`), worker: join(ROOT, 'src-main/jobs/worker.ts'), 'read-thread': join(ROOT, 'src-main/import/rows/read-thread.ts') },
    outdir: BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: ['electron', 'better-sqlite3', '@node-rs/argon2', 'electron-updater'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
  });
  return join(BUNDLE, `${name}.js`);
}
