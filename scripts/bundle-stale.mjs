// A Node entry of the app bundled into dist/<name>/ (scripts/main-bundle.mjs's options, the app's
// threads next to it), and bundled again only when a file it was built from has changed. Node then
// runs plain JavaScript: no TypeScript compiled at every start, in the process and in each thread.
// Used by browser mode (scripts/start.mjs), the browser tests (e2e/harness.ts), and the command
// line's launcher, tests and bench (ensureCliBundle). The launcher checks its bundle on every call:
// that check reads one file and stats the inputs listed in it; esbuild is loaded only to build.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESM_OPTIONS, THREAD_ENTRIES } from './main-bundle.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUN_CACHED = fileURLToPath(new URL('./run-cached.mjs', import.meta.url));
/** How a bundle is made: a change to these makes every bundle again. */
const RECIPE = [fileURLToPath(import.meta.url), fileURLToPath(new URL('./main-bundle.mjs', import.meta.url)), RUN_CACHED];
/** npm rewrites this whenever it changes node_modules. */
const NPM_RECORD = 'node_modules/.package-lock.json';
/** A build touches its lock every HEARTBEAT_MS; a lock untouched for STALE_LOCK_MS was left by a build that died. */
const HEARTBEAT_MS = 2_000;
const STALE_LOCK_MS = 20_000;

/** A file's mtime; Infinity when it is gone (whatever imported it has changed too: build again). */
const mtime = (path) => statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Infinity;

/**
 * Whether the bundle in `dir` was made as `spec` says and nothing it was built from changed since:
 * one small file read, then one stat per input (what esbuild read, see dependenciesAsOne).
 */
function fresh(dir, spec) {
  let built;
  try {
    built = JSON.parse(readFileSync(join(dir, 'inputs.json'), 'utf8'));
  } catch {
    return false;
  }
  if (built.spec !== spec) return false;
  return RECIPE.every((file) => mtime(file) <= built.startedAt) && built.inputs.every((input) => mtime(join(ROOT, input)) <= built.startedAt);
}

/**
 * The inputs to check, with the dependencies' files (1,343 of the command line's 1,499 inputs)
 * replaced by npm's record of node_modules, and patch-package's patches (applied after npm wrote
 * that record): a stat of each of those files made the launcher's check take 35 ms instead of 9
 * here, on every call. A dependency's file edited by hand is then not seen (delete
 * dist/<name>/inputs.json). Without npm's record (another package manager), each file counts.
 */
function dependenciesAsOne(inputs) {
  if (!existsSync(join(ROOT, NPM_RECORD))) return inputs;
  const patches = existsSync(join(ROOT, 'patches')) ? ['patches', ...readdirSync(join(ROOT, 'patches')).map((file) => `patches/${file}`)] : [];
  return [...inputs.filter((input) => !input.split(/[\\/]/).includes('node_modules')), NPM_RECORD, ...patches];
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One build at a time (parallel test files, two terminals): the others wait for it, then look
 * again. The lock is a folder (mkdir either makes it or fails, atomically); its holder touches it
 * while it builds, so a lock nobody touches was left by a build that died, and is taken over.
 */
async function withLock(lock, fn) {
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (Date.now() - mtime(lock) > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      await sleep(100);
    }
  }
  const heartbeat = setInterval(() => {
    try {
      const now = new Date();
      utimesSync(lock, now, now);
    } catch {
      // taken over: at worst two builds, each file of which still lands whole
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  try {
    return await fn();
  } finally {
    clearInterval(heartbeat);
    rmSync(lock, { recursive: true, force: true });
  }
}

/** A small ES module standing where an ES module bundle is expected, running `file` from the code cache. */
const loader = (file, names) =>
  `import { runCached } from './run-cached.mjs';\n${names.length ? `export const { ${names.join(', ')} } = ` : ''}runCached('${file}');\n`;

async function build(dir, name, entry, front, spec) {
  const { build: esbuild } = await import('esbuild');
  const startedAt = Date.now();
  const app = front ? `${name}-main` : name;
  // Minified but for names: a stack trace still names the app's functions.
  const common = { ...ESM_OPTIONS, absWorkingDir: ROOT, outdir: dir, minifyWhitespace: true, minifySyntax: true, write: false, metafile: true };
  // The app and its threads are CommonJS, which V8 can load from a code cache (run-cached.mjs),
  // with import.meta.url made of __filename; next to each, the ES module its starter imports.
  const heavy = esbuild({
    ...common,
    entryPoints: { [app]: entry, ...THREAD_ENTRIES },
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    banner: { js: "var __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__import_meta_url' },
  });
  // The names the app's entry exports, for its ES module (a CommonJS bundle's metafile lists none).
  const names = esbuild({ absWorkingDir: ROOT, entryPoints: [entry], format: 'esm', outdir: dir, write: false, metafile: true, logLevel: 'silent' });
  // A light entry (the command line's options and --help) stays an ES module and imports
  // ./<name>-main.js only when it needs the app.
  const light = front ? esbuild({ ...common, entryPoints: { [name]: front } }) : null;
  const [heavyBuilt, named, lightBuilt] = await Promise.all([heavy, names, light]);
  const results = lightBuilt ? [heavyBuilt, lightBuilt] : [heavyBuilt];
  const exported = Object.values(named.metafile.outputs)[0].exports;
  const files = results.flatMap((result) => result.outputFiles).map((file) => ({ path: file.path, contents: file.contents }));
  files.push({ path: join(dir, 'run-cached.mjs'), contents: readFileSync(RUN_CACHED) });
  files.push({ path: join(dir, `${app}.js`), contents: loader(`${app}.cjs`, exported) });
  for (const thread of Object.keys(THREAD_ENTRIES)) files.push({ path: join(dir, `${thread}.js`), contents: loader(`${thread}.cjs`, []) });
  const inputs = dependenciesAsOne([...new Set(results.flatMap((result) => Object.keys(result.metafile.inputs)))]);
  // The list of inputs last, as the mark of a whole build.
  files.push({ path: join(dir, 'inputs.json'), contents: JSON.stringify({ spec, startedAt, inputs }) });
  // Each file replaced whole (written aside, then renamed), so that a start running the bundle
  // meanwhile reads the old file or the new one, never half of one. An old code cache is left: it
  // carries its bundle's hash, and the first run of the new bundle replaces it.
  mkdirSync(dir, { recursive: true });
  for (const file of files) {
    const aside = `${file.path}.${process.pid}.tmp`;
    writeFileSync(aside, file.contents);
    renameSync(aside, file.path);
  }
}

/**
 * Bundles `entry` (a path from the repository root, e.g. 'src-main/host/start.ts') with the app's
 * threads into dist/<name>/, unless that bundle is up to date, and returns the path of the ES module
 * to run with `node <path>` or import: dist/<name>/<name>.js. With `front`, that module is the light
 * entry `front`, and `entry` is bundled as <name>-main.js, for `front` to import. Says nothing on
 * stdout (the CLI's `--json` stays clean); on a terminal, a note on stderr if it takes a while.
 */
export async function ensureBundle(name, entry, { front } = {}) {
  const dir = join(ROOT, 'dist', name);
  const out = join(dir, `${name}.js`);
  const spec = JSON.stringify({ entry, front, threads: THREAD_ENTRIES });
  if (fresh(dir, spec)) return out;
  const note = process.stderr.isTTY
    ? setTimeout(() => process.stderr.write(`Bundling ${front ?? entry} into dist/${name}/ (first use, or a source changed)…\n`), 1000)
    : null;
  try {
    await withLock(join(ROOT, 'dist', `${name}.lock`), async () => {
      if (!fresh(dir, spec)) await build(dir, name, entry, front, spec);
    });
  } finally {
    if (note) clearTimeout(note);
  }
  return out;
}

/** The command line (scripts/cli.mjs): its options and --help load nothing of the app (src-main/cli.ts). */
export const ensureCliBundle = () => ensureBundle('cli', 'src-main/cli/main.ts', { front: 'src-main/cli.ts' });
