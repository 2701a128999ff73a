// The command line's bundle: dist/cli/, built from the sources with the main process's options
// (scripts/main-bundle.mjs) and rebuilt when any source is newer than it. Shared by the launcher
// (scripts/cli.mjs), the CLI tests and the start-up bench. Only node:fs here: the launcher checks
// the bundle on every call, and esbuild is loaded only when there is something to build.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI_DIR = join(ROOT, 'dist', 'cli');
const OUTPUTS = ['cli.js', 'cli-main.js', 'cli-main.cjs', 'worker.js', 'worker.cjs', 'read-thread.js', 'read-thread.cjs', 'cached.mjs'].map((name) => join(CLI_DIR, name));
const SOURCE_DIRS = ['src-main', 'src-shared', 'migrations', 'resources'];
const SOURCE_FILES = ['scripts/main-bundle.mjs', 'scripts/cli-bundle.mjs', 'scripts/cli-cached.mjs', 'package-lock.json'];
const LOCK = join(ROOT, 'dist', 'cli.lock');
/** A lock older than this was left by a build that died. */
const STALE_LOCK_MS = 120_000;

/** Newest mtime under a folder; folders count too, so a deleted or renamed file is a change. */
function newestMtime(dir) {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function sourcesMtime() {
  return Math.max(...SOURCE_DIRS.map((dir) => newestMtime(join(ROOT, dir))), ...SOURCE_FILES.map((file) => statSync(join(ROOT, file)).mtimeMs));
}

/** The bundle's age is its oldest output's: each is stamped with the time its build started. */
function isFresh() {
  let built = Infinity;
  for (const file of OUTPUTS) {
    if (!existsSync(file)) return false;
    built = Math.min(built, statSync(file).mtimeMs);
  }
  return built >= sourcesMtime();
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One build at a time (parallel test files, two terminals): the others wait for it, then look again. */
async function withLock(fn) {
  mkdirSync(dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // released meanwhile
      }
      await sleep(100);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** A small ES module standing where a bundle is expected (`cli-main.js`, the threads' `<name>.js`). */
const loader = (name, exportsRunCommand) =>
  `import { runCached } from './cached.mjs';\n${exportsRunCommand ? 'export const { runCommand } = ' : ''}runCached('${name}.cjs');\n`;

async function build() {
  const started = new Date();
  const { build: esbuild } = await import('esbuild');
  const { ESM_OPTIONS, THREAD_ENTRIES } = await import('./main-bundle.mjs');
  const common = { ...ESM_OPTIONS, absWorkingDir: ROOT, outdir: CLI_DIR, minify: true, write: false };
  // The light entry stays an ES module; the app and its threads are CommonJS, which V8 can load
  // from a code cache (scripts/cli-cached.mjs), with import.meta.url made of __filename.
  // `cli` is the light entry (options, --help); it imports `cli-main` only when a command runs.
  const light = await esbuild({ ...common, entryPoints: { cli: 'src-main/cli.ts' } });
  const heavy = await esbuild({
    ...common,
    entryPoints: { 'cli-main': 'src-main/cli/main.ts', ...THREAD_ENTRIES },
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    banner: { js: "var __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__import_meta_url' },
  });
  const files = [...light.outputFiles, ...heavy.outputFiles].map((file) => ({ path: file.path, contents: file.contents }));
  files.push({ path: join(CLI_DIR, 'cached.mjs'), contents: readFileSync(join(ROOT, 'scripts', 'cli-cached.mjs')) });
  files.push({ path: join(CLI_DIR, 'cli-main.js'), contents: loader('cli-main', true) });
  for (const name of Object.keys(THREAD_ENTRIES)) files.push({ path: join(CLI_DIR, `${name}.js`), contents: loader(name, false) });
  mkdirSync(CLI_DIR, { recursive: true });
  // Each file appears whole (written aside, then renamed): a CLI starting meanwhile reads the old or
  // the new one. Old code caches go too (each also carries its bundle's hash).
  for (const file of files) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    utimesSync(temporary, started, started);
    renameSync(temporary, file.path);
    rmSync(`${file.path}.v8cache`, { force: true });
  }
}

/**
 * Builds dist/cli/ when it is missing or older than a source, and returns the entry's path. Says
 * nothing on stdout (`--json` stays clean); on a terminal, a note on stderr if it takes a while.
 */
export async function ensureCliBundle() {
  const entry = join(CLI_DIR, 'cli.js');
  if (isFresh()) return entry;
  const note = process.stderr.isTTY ? setTimeout(() => process.stderr.write('Building the command line (after a change to the sources)…\n'), 1000) : null;
  try {
    await withLock(async () => {
      if (!isFresh()) await build();
    });
  } finally {
    if (note) clearTimeout(note);
  }
  return entry;
}
