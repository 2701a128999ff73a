import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCliBundle } from '../scripts/bundle-stale.mjs';
import { interleavedMedians, row, type BenchRow } from './measure';

const LAUNCHER = fileURLToPath(new URL('../scripts/cli.mjs', import.meta.url));
const GOAL = '≤ 600 ms idle';

function run(args: string[]): void {
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env: { ...process.env, SMA_DB: '', SMA_LANG: 'en' } });
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
  const db = join(dir, 'startup-demo.sqlite');
  run([LAUNCHER, 'init', '--db', db, '--demo']);
  const times = await interleavedMedians(
    {
      node: () => run(['-e', '0']),
      help: () => run([LAUNCHER, '--help']),
      doctor: () => run([LAUNCHER, 'doctor', '--db', db]),
    },
    runs,
    2, // the first runs write V8's code cache next to the bundle
  );
  const rows = [row('startup', 'node -e 0', times.node, 'node -e 0', times.node, '-'), row('startup', 'cli --help', times.help, 'node -e 0', times.node, GOAL), row('startup', 'cli doctor (demo shop)', times.doctor, 'node -e 0', times.node, GOAL)];
  return { rows, notes: { runs } };
}
