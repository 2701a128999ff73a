import { defineConfig } from 'vitest/config';
import SummaryReporter from './test/summary-reporter';

/** Browser tests: one file at a time (each drives its own Chromium), generous waits for states. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    // The admin console's test runs the real cloud on the embedded PostgreSQL (test/cloud/cloud-db.ts).
    globalSetup: ['test/cloud/pg-setup.ts'],
    reporters: ['default', new SummaryReporter('e2e')],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // The host's bundle (e2e/harness.ts) is loaded by Node as browser mode loads it, not transformed.
    server: { deps: { external: [/\/dist\/e2e-host\//] } },
  },
});
