// A Node entry of the app bundled as dist/main is (scripts/main-bundle.mjs: ESM, the app's threads
// next to it), and bundled again only when a file it was built from has changed. Node then runs
// plain JavaScript: no TypeScript compiled at every start, in the process and in each thread.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESM_OPTIONS, THREAD_ENTRIES } from './main-bundle.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** How a bundle is made: a change to these makes every bundle again. */
const RECIPE = [fileURLToPath(import.meta.url), fileURLToPath(new URL('./main-bundle.mjs', import.meta.url))];

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Infinity; // gone: whatever imported it has changed too, build again
  }
}

/** Whether the bundle in `dir` was built from `entry` and nothing it was built from changed since. */
function fresh(dir, entry) {
  let built;
  try {
    built = JSON.parse(readFileSync(join(dir, 'inputs.json'), 'utf8'));
  } catch {
    return false;
  }
  if (built.entry !== entry || built.threads !== JSON.stringify(THREAD_ENTRIES)) return false;
  const inputs = [...RECIPE, ...built.inputs.map((input) => join(ROOT, input))];
  return inputs.every((input) => mtime(input) <= built.startedAt);
}

/**
 * Bundles `entry` (a path from the repository root, e.g. 'src-main/host/start.ts') into
 * dist/<name>/<name>.js with the threads it starts, unless that bundle is already up to date.
 * Returns the bundle's path, to run with `node <path>` or import.
 */
export async function ensureBundle(name, entry) {
  const dir = join(ROOT, 'dist', name);
  const out = join(dir, `${name}.js`);
  if (fresh(dir, entry)) return out;
  const { build } = await import('esbuild');
  const startedAt = Date.now();
  const result = await build({ ...ESM_OPTIONS, absWorkingDir: ROOT, entryPoints: { [name]: entry, ...THREAD_ENTRIES }, outdir: dir, write: false, metafile: true });
  // Each file replaced whole (written aside, then renamed), so that another start running the
  // bundle meanwhile never reads half a file; the list of inputs last, as the mark of a whole build.
  mkdirSync(dir, { recursive: true });
  const put = (path, contents) => {
    const aside = `${path}.${process.pid}.tmp`;
    writeFileSync(aside, contents);
    renameSync(aside, path);
  };
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true });
    put(file.path, file.contents);
  }
  const inputs = Object.keys(result.metafile.inputs).map((input) => relative(ROOT, join(ROOT, input)));
  put(join(dir, 'inputs.json'), JSON.stringify({ entry, threads: JSON.stringify(THREAD_ENTRIES), startedAt, inputs }));
  return out;
}
