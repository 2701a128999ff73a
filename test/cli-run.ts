import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureCliBundle } from '../scripts/bundle-stale.mjs';

/** The launcher `npm run cli` runs: it starts the bundle in dist/cli/, built once for the whole run. */
const LAUNCHER = fileURLToPath(new URL('../scripts/cli.mjs', import.meta.url));

export interface CliResult {
  code: number | null;
  out: string;
  err: string;
}

/**
 * For a test file's beforeAll: builds dist/cli/ if a source is newer (parallel files wait for one
 * build), so that no test pays for it under its own timeout.
 */
export async function buildCli(): Promise<void> {
  await ensureCliBundle();
}

/** English unless a test says otherwise (SMA_LANG: '' for the owner's language); no SMA_DB. */
const baseEnv = (env: Record<string, string>) => ({ ...process.env, SMA_DB: '', SMA_LANG: 'en', SMA_STAGING_DIR: '', ...env });

export function cli(args: string[], options: { input?: string; env?: Record<string, string> } = {}): CliResult {
  const result = spawnSync(process.execPath, [LAUNCHER, ...args], { encoding: 'utf8', input: options.input, env: baseEnv(options.env ?? {}) });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** Async spawn: for a test that answers the CLI from this process (a fake API server). */
export function cliAsync(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [LAUNCHER, ...args], { env: baseEnv(env) });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}
