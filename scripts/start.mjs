// `npm start`: the desktop window where Electron can run, otherwise the same app in the browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBundle } from './bundle-stale.mjs';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);

/** How long a download that has not reached its server may take: a network that drops traffic
 * silently answers nothing at all, and browser mode should not wait long for it. */
const REACH_TIMEOUT_MS = 12_000;
/** A download whose server answered: about 100 MB, on a slow line too. */
const DOWNLOAD_TIMEOUT_MS = 15 * 60_000;

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// Build the interface when it is missing or older than its sources.
const built = join(root, 'dist/renderer/index.html');
const sources = Math.max(...['src-renderer', 'src-ui', 'src-shared'].map((dir) => newestMtime(join(root, dir))));
if (!existsSync(built) || statSync(built).mtimeMs < sources) run('npx', ['vite', 'build', '--logLevel', 'warn']);

const electronDir = join(root, 'node_modules/electron');
/** Written when the runtime could not be fetched; a reinstall of Electron replaces the folder, and with it this. */
const failedMarker = join(electronDir, '.download-failed');

/** The installed runtime's executable, or null. */
function installedElectron() {
  if (!existsSync(join(electronDir, 'path.txt'))) return null;
  try {
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** The first line of an error Electron's installer printed, without its "TypeError:" and such. */
function reasonFrom(stderr) {
  const line = stderr.split('\n').find((l) => /error/i.test(l)) ?? stderr.split('\n').find((l) => l.trim()) ?? '';
  return (
    line
      .replace(/^\s*(\w*Error:\s*)+/, '')
      .trim()
      .slice(0, 160) || 'its installer failed'
  );
}

/**
 * Whether the server the runtime comes from answers at all: null when it does (any HTTP answer),
 * else why not, e.g. "getaddrinfo ENOTFOUND github.com". Electron's installer only says "fetch
 * failed", and says nothing at all while a network drops its traffic.
 */
async function unreachable() {
  // Through a proxy (ELECTRON_GET_USE_PROXY) the installer connects differently: take its word.
  if (process.env.ELECTRON_GET_USE_PROXY) return null;
  const mirror = process.env.ELECTRON_MIRROR || process.env.npm_config_electron_mirror || 'https://github.com/electron/electron/releases/download/';
  try {
    await fetch(mirror, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(REACH_TIMEOUT_MS) });
    return null;
  } catch (error) {
    if (error?.name === 'TimeoutError') return `no answer from ${new URL(mirror).host} within ${REACH_TIMEOUT_MS / 1000} s`;
    return error?.cause?.message ?? error?.message ?? String(error);
  }
}

/**
 * Fetches the runtime with Electron's own installer. Until its server is known to answer, the
 * installer gets REACH_TIMEOUT_MS; a download from a server that answers gets DOWNLOAD_TIMEOUT_MS.
 * Resolves to null when the runtime is installed, or to the reason it is not.
 */
async function downloadElectron() {
  const child = spawn(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const notice = setTimeout(() => console.log("Downloading Electron's runtime (about 100 MB, first start only)…"), 1_000);
  let deadline = setTimeout(() => child.kill(), REACH_TIMEOUT_MS);
  const reach = unreachable();
  void reach.then((why) => {
    if (why !== null) return;
    clearTimeout(deadline);
    deadline = setTimeout(() => child.kill(), DOWNLOAD_TIMEOUT_MS);
  });
  const { code, signal } = await exited;
  clearTimeout(deadline);
  clearTimeout(notice);
  if (code === 0 && installedElectron()) return null;
  const why = await reach; // settled by now, or within REACH_TIMEOUT_MS of the start
  if (why) return why;
  return signal ? `not finished within ${DOWNLOAD_TIMEOUT_MS / 60_000} minutes` : reasonFrom(stderr);
}

/** Browser mode's start: its own options, a server without a display, or no runtime for the window. */
async function electronOrWhyNot() {
  const mode = process.env.SMA_BROWSER_MODE;
  if (mode && mode !== '0') return { why: 'SMA_BROWSER_MODE is set; running in browser mode.' };
  if (args.some((a) => /^--(db|port)(=|$)/.test(a)))
    return {
      why: '--db and --port are options of browser mode (the desktop window takes its database from SMA_DB or the user-data folder); running in browser mode.',
    };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return { why: 'No graphical display here (DISPLAY is not set); running in browser mode.' };
  if (!existsSync(electronDir)) return { why: 'Electron is not installed (node_modules/electron is missing); running in browser mode.' };
  const binary = installedElectron();
  if (binary) return { binary };
  const retry = `to try again, delete ${relative(process.cwd(), failedMarker) || failedMarker} (a reinstall does too)`;
  if (existsSync(failedMarker)) {
    const [before, when] = readFileSync(failedMarker, 'utf8').split('\n');
    return { why: `Electron's runtime could not be downloaded on ${when || 'an earlier start'} (${before}); running in browser mode — ${retry}.` };
  }
  const failure = await downloadElectron();
  if (failure === null) return { binary: installedElectron() };
  writeFileSync(failedMarker, `${failure}\n${new Date().toISOString().slice(0, 10)}\n`);
  return { why: `Electron's runtime could not be downloaded (${failure}); running in browser mode, and so will later starts — ${retry}.` };
}

const { binary, why } = await electronOrWhyNot();
if (binary) {
  run(process.execPath, [join(root, 'scripts/build-main.mjs')]);
  const child = spawn(binary, ['.'], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(why);
  // Plain JavaScript, bundled again only when a source changed: no TypeScript compiled at start.
  const host = await ensureBundle('host', 'src-main/host/start.ts');
  const child = spawn(process.execPath, [host, ...args], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}
