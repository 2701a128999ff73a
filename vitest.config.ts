import { defineConfig } from 'vitest/config';
import SummaryReporter from './test/summary-reporter';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/global-setup.ts', 'test/cloud/pg-setup.ts'],
    reporters: ['default', new SummaryReporter('unit')],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
