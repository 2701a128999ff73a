import { join } from 'node:path';
import { build } from 'esbuild';
import { ESM_OPTIONS, THREAD_ENTRIES } from '../scripts/main-bundle.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
/** Where bench children are bundled; the app's threads land next to them, as in dist/main. */
const BUNDLE = join(ROOT, 'dist', 'bench');

/**
 * A bench child as the packaged app runs it: bundled with the app's threads and the options of
 * dist/main (scripts/main-bundle.mjs), so the time and peak RSS measured are the app's, not tsx
 * compiling sources in each thread. Returns the child's path.
 */
export async function bundleChild(name: string): Promise<string> {
  await build({ ...ESM_OPTIONS, absWorkingDir: ROOT, entryPoints: { [name]: `bench/${name}.ts`, ...THREAD_ENTRIES }, outdir: BUNDLE });
  return join(BUNDLE, `${name}.js`);
}
