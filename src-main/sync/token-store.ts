import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AppServices } from '../core/context';

const SECRET_NAME = 'sync.deviceToken';

/**
 * Where the device token lives: the operating system's key store in the desktop app (like the AI
 * key), and elsewhere (browser mode, the CLI) a file beside the database readable by its owner only.
 */
export interface TokenStore {
  get(): string | null;
  set(token: string | null): Promise<void>;
}

export function tokenStore(services: Pick<AppServices, 'dbPath' | 'platform'>): TokenStore {
  const secrets = services.platform?.secrets;
  if (secrets?.available() && secrets.protected()) {
    return { get: () => secrets.get(SECRET_NAME), set: (token) => secrets.set(SECRET_NAME, token) };
  }
  const file = `${services.dbPath}.sync-token`;
  return {
    get: () => (existsSync(file) ? readFileSync(file, 'utf8').trim() || null : null),
    async set(token) {
      if (token === null) {
        rmSync(file, { force: true });
        return;
      }
      writeFileSync(file, `${token}\n`, { mode: 0o600 });
      // The mode above applies only when the file is created.
      chmodSync(file, 0o600);
    },
  };
}
