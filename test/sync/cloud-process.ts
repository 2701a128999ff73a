import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The cloud as `npm run cloud` runs it: its own process (`src-cloud/main.ts`), so a test can kill -9 it. */
const MAIN = fileURLToPath(new URL('../../src-cloud/main.ts', import.meta.url));

export function startCloud(port: number, databaseUrl: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--port', String(port), '--admin-password-stdin'], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    child.stdin.end('kata-sandi-admin-uji\n');
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Console:')) resolve(child);
    });
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`the cloud exited (${code}): ${out}`)));
  });
}

export const kill = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
