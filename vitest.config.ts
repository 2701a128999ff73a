import { defineConfig } from 'vitest/config';
import LongFirstSequencer from './test/long-first-sequencer';
import SummaryReporter from './test/summary-reporter';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/global-setup.ts', 'test/cloud/pg-setup.ts'],
    reporters: ['default', new SummaryReporter('unit')],
    // On two cores the default is one worker, yet most files wait on something else (PostgreSQL, a
    // child process, a loopback server): three workers took the suite from 552 s to 324 s here.
    maxWorkers: 3,
    sequence: { sequencer: LongFirstSequencer },
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
