// `npm run check:electron`: Electronegativity's static checks over src-main/electron/, the only
// code that touches Electron. Fails on any finding that src-main/electron/electronegativity-allow.json
// does not explain. Offline: the Electron version is given, so the tool need not look it up.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Papa from 'papaparse';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const target = join(root, 'src-main/electron');
const allowed = JSON.parse(readFileSync(join(target, 'electronegativity-allow.json'), 'utf8'));
const electronVersion = require('electron/package.json').version;
const cli = join(root, 'node_modules/@doyensec/electronegativity/dist/index.js');

const dir = mkdtempSync(join(tmpdir(), 'sma-electronegativity-'));
try {
  const out = join(dir, 'findings.csv');
  const run = spawnSync(process.execPath, [cli, '-i', target, '-e', electronVersion, '-o', out, '-v', 'false'], { encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) {
    console.error(`Electronegativity did not run (exit ${run.status}):\n${run.stderr}`);
    process.exit(1);
  }
  const rows = Papa.parse(readFileSync(out, 'utf8').trim(), { header: true, transformHeader: (h) => h.trim() }).data;
  const findings = rows.map((r) => ({ check: r.issue, file: r.filename === 'N/A' ? 'N/A' : relative(target, r.filename), location: r.location, sample: r.sample }));
  const unexplained = findings.filter((f) => !allowed.some((a) => a.check === f.check && a.file === f.file));
  const stale = allowed.filter((a) => !findings.some((f) => a.check === f.check && a.file === f.file));
  for (const f of unexplained) console.error(`Electronegativity: ${f.check} in ${f.file}:${f.location}: ${f.sample}`);
  for (const a of stale) console.error(`Electronegativity allow-list: ${a.check} in ${a.file} is no longer found; remove it from the list.`);
  if (unexplained.length || stale.length) process.exit(1);
  console.log(`Electronegativity (Electron ${electronVersion}): ${findings.length} findings, each explained in src-main/electron/electronegativity-allow.json.`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
