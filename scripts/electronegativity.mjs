// `npm run check:electron`: Electronegativity's static checks over src-main/electron/, the only
// code that touches Electron. Fails on any finding that src-main/electron/electronegativity-allow.json
// does not explain. Offline: the Electron version is given, so the tool need not look it up.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const target = join(root, 'src-main/electron');
const allowed = JSON.parse(readFileSync(join(target, 'electronegativity-allow.json'), 'utf8'));
const electronVersion = require('electron/package.json').version;
const cli = join(root, 'node_modules/@doyensec/electronegativity/dist/index.js');

const dir = mkdtempSync(join(tmpdir(), 'sma-electronegativity-'));
try {
  // SARIF, not CSV: the tool writes a CSV's header and its rows with two unordered async writes, so
  // the rows can land under a half-written header; SARIF is one write.
  const out = join(dir, 'findings.sarif');
  const run = spawnSync(process.execPath, [cli, '-i', target, '-e', electronVersion, '-o', out, '-v', 'false'], { encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) {
    console.error(`Electronegativity did not run (exit ${run.status}):\n${run.stderr}`);
    process.exit(1);
  }
  const results = JSON.parse(readFileSync(out, 'utf8')).runs[0].results;
  const findings = results.map((r) => {
    const { artifactLocation, region } = r.locations[0].physicalLocation;
    const file = artifactLocation.uri === 'file:///' ? 'N/A' : relative(target, artifactLocation.uri);
    return { check: r.ruleId, file, location: `${region.startLine}:${region.startColumn}`, sample: r.message.text };
  });
  const unexplained = findings.filter((f) => !allowed.some((a) => a.check === f.check && a.file === f.file));
  const stale = allowed.filter((a) => !findings.some((f) => a.check === f.check && a.file === f.file));
  for (const f of unexplained) console.error(`Electronegativity: ${f.check} in ${f.file}:${f.location}: ${f.sample}`);
  for (const a of stale) console.error(`Electronegativity allow-list: ${a.check} in ${a.file} is no longer found; remove it from the list.`);
  if (unexplained.length || stale.length) process.exit(1);
  console.log(
    `Electronegativity (Electron ${electronVersion}): ${findings.length} findings, each explained in src-main/electron/electronegativity-allow.json.`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
