import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json, migrations/ and resources/: the same from source, from a
 * bundle in dist/, and inside the packaged app. */
export function appRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'migrations'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the application folder (package.json + migrations/).');
    dir = parent;
  }
}

export const migrationsDir = () => join(appRoot(), 'migrations');
export const resourcesDir = () => join(appRoot(), 'resources');
export const rendererDir = () => join(appRoot(), 'dist', 'renderer');

/**
 * Where the shop's data lives when nothing else is said: the same folder Electron calls userData
 * for "Smart Marketing Agent", so browser mode, the CLI and the desktop app share one shop.
 */
export function defaultDataDir(): string {
  const home = process.env.HOME ?? process.env.USERPROFILE ?? '.';
  const name = 'Smart Marketing Agent';
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), name);
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', name);
  return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), name);
}

export function defaultDbPath(): string {
  return process.env.SMA_DB ?? join(defaultDataDir(), 'shop.sqlite');
}
