import { defineConfig } from 'vitest/config';
import SummaryReporter from './test/summary-reporter';

/**
 * Browser tests: two files at a time, one per core (each drives its own Chromium and host on a shop
 * of its own), generous waits for states, never for time.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    // The admin console's test runs the real cloud on the embedded PostgreSQL (test/cloud/cloud-db.ts).
    globalSetup: ['test/cloud/pg-setup.ts'],
    reporters: ['default', new SummaryReporter('e2e')],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    // The host's bundle (e2e/harness.ts) is loaded by Node as browser mode loads it, not transformed.
    server: { deps: { external: [/\/dist\/e2e-host\//] } },
  },
});
