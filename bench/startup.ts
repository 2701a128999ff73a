import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBundle, ensureCliBundle } from '../scripts/bundle-stale.mjs';
import { interleavedMedians, row, type BenchRow } from './measure';

const LAUNCHER = fileURLToPath(new URL('../scripts/cli.mjs', import.meta.url));
const GOAL = '≤ 600 ms idle';
const HOST_GOAL = '≤ 1500 ms idle';

/**
 * Browser mode from launch to the first page served: the host bundle `npm start` runs, until its
 * one-time link answers with the app's page (the link, its redirect with the session cookie, then
 * `/`). The renderer is not built here; a missing build answers 404 as fast as a page would.
 */
async function hostFirstPage(host: string, db: string): Promise<void> {
  const child = spawn(process.execPath, [host, '--db', db], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SMA_LANG: 'en' } });
  try {
    const link = await new Promise<string>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout });
      lines.on('line', (line) => {
        const found = /https?:\/\/127\.0\.0\.1:\d+\/\?token=\w+/.exec(line);
        if (found) resolve(found[0]);
      });
      child.once('exit', (code) => reject(new Error(`the host stopped (${code}) before printing its link`)));
    });
    const entry = await fetch(link, { redirect: 'manual' });
    const cookie = entry.headers.get('set-cookie')?.split(';')[0];
    if (entry.status !== 303 || !cookie) throw new Error(`the one-time link answered ${entry.status}`);
    const page = await fetch(new URL('/', link), { headers: { cookie } });
    await page.arrayBuffer();
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

function run(args: string[]): void {
  const result = spawnSync(process.execPath, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, SMA_DB: '', SMA_LANG: 'en' },
  });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${result.stderr}`);
}

/**
 * How long the command line takes to start, through the launcher `npm run cli` runs
 * (scripts/cli.mjs: the bundle's freshness check, then the bundle): `--help`, and `doctor` on the
 * demo shop (the app loaded, the database opened and checked in a worker). Each is a fresh Node
 * process, next to the bare `node -e 0` measured in turns with it. npm itself adds about 0.3 s.
 */
export async function startupSuite(dir: string, runs = 11): Promise<{ rows: BenchRow[]; notes: Record<string, unknown> }> {
  await ensureCliBundle();
  const host = await ensureBundle('host', 'src-main/host/start.ts');
  const db = join(dir, 'startup-demo.sqlite');
  run([LAUNCHER, 'init', '--db', db, '--demo']);
  const times = await interleavedMedians(
    {
      node: () => run(['-e', '0']),
      help: () => run([LAUNCHER, '--help']),
      doctor: () => run([LAUNCHER, 'doctor', '--db', db]),
      host: () => hostFirstPage(host, db),
    },
    runs,
    2, // the first runs write V8's code cache next to the bundle
  );
  const rows = [
    row('startup', 'node -e 0', times.node, 'node -e 0', times.node, '-'),
    row('startup', 'cli --help', times.help, 'node -e 0', times.node, GOAL),
    row('startup', 'cli doctor (demo shop)', times.doctor, 'node -e 0', times.node, GOAL),
    row('startup', 'browser mode: launch to first page', times.host, 'node -e 0', times.node, HOST_GOAL),
  ];
  return { rows, notes: { runs } };
}
