// The cloud's console is a Vite build (vite.cloud.config.ts → dist/cloud-console/). `npm run cloud`
// and the console's e2e test build it when a source is newer than the build, so a fresh clone
// needs no extra step and an edit shows at the next start.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CONSOLE_INDEX = join(ROOT, 'dist', 'cloud-console', 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export async function ensureConsoleBuilt({ quiet = false } = {}) {
  const built = existsSync(CONSOLE_INDEX) ? statSync(CONSOLE_INDEX).mtimeMs : 0;
  const sources = Math.max(
    newestMtime(join(ROOT, 'src-cloud', 'console')),
    newestMtime(join(ROOT, 'src-shared')),
    newestMtime(join(ROOT, 'src-ui')),
    statSync(join(ROOT, 'vite.cloud.config.ts')).mtimeMs,
  );
  if (built > sources) return false;
  if (!quiet) process.stderr.write('Building the console into dist/cloud-console/ (first start, or a source changed)…\n');
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'vite.cloud.config.ts'), logLevel: 'warn' });
  return true;
}
