// `npm start`: the desktop window where Electron can run, otherwise the same app in the browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;

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
const sources = Math.max(newestMtime(join(root, 'src-renderer')), newestMtime(join(root, 'src-shared')));
if (!existsSync(built) || statSync(built).mtimeMs < sources) run('npx', ['vite', 'build', '--logLevel', 'warn']);

/** Electron's binary is fetched on first run (npm install skips its download script). */
function electronBinary() {
  const pkg = join(root, 'node_modules/electron');
  if (!existsSync(pkg)) return null;
  if (!existsSync(join(pkg, 'path.txt'))) {
    console.log('Fetching the Electron runtime (first run only)…');
    const fetched = spawnSync(process.execPath, [join(pkg, 'install.js')], { cwd: pkg, stdio: 'ignore', timeout: 120_000 });
    if (fetched.status !== 0) return null;
  }
  try {
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const electron = process.env.SMA_BROWSER_MODE ? null : electronBinary();
if (electron) {
  run(process.execPath, [join(root, 'scripts/build-main.mjs')]);
  const child = spawn(electron, ['.'], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('The Electron runtime is not available on this machine, so the app runs in browser mode instead.');
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src-main/host/start.ts'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}
