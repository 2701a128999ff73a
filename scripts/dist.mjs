// `npm run dist`: builds the app and packs the installers with electron-builder.
//
// electron-builder is fetched at this step rather than installed with the project: its native
// rebuild (@electron/rebuild 4, node-abi 4) needs Node >= 22.12, while the app, its tests and the
// CLI run on Node 20. Installers are built on a release machine with Node 22 and internet access
// (Electron's headers are downloaded for the rebuild), so `npm install` on Node 20 stays clean.
import { spawnSync } from 'node:child_process';

const ELECTRON_BUILDER = 'electron-builder@26.17.0';
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `npm run dist needs Node 22.12 or newer (this is Node ${process.versions.node}): electron-builder's native rebuild requires it. The app itself runs on Node 20.`,
  );
  process.exit(1);
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run('npm', ['run', 'build']);
run('npx', ['--yes', ELECTRON_BUILDER, ...process.argv.slice(2)]);
