import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

const SLOWEST = 8;

/**
 * Ends the run with one plain line, `unit: 409 passed, 0 failed`, that any CI log reader understands,
 * preceded by the slowest files: the suite has a time budget in CI, and this is where it goes.
 * The same figures land in `test-results/durations-<label>.json` to compare two runs.
 */
export default class SummaryReporter implements Reporter {
  constructor(private readonly label: string) {}

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const durations: { file: string; seconds: number }[] = [];
    for (const module of testModules) {
      const d = module.diagnostic();
      durations.push({ file: relative(process.cwd(), module.moduleId), seconds: Math.round((d.collectDuration + d.duration) / 100) / 10 });
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
      }
    }
    durations.sort((a, b) => b.seconds - a.seconds);
    if (durations.length > SLOWEST) {
      console.log(`\n${this.label}: slowest files`);
      for (const { file, seconds } of durations.slice(0, SLOWEST)) console.log(`  ${seconds.toFixed(1).padStart(6)} s  ${file}`);
    }
    const dir = join(process.cwd(), 'test-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `durations-${this.label}.json`), JSON.stringify(durations, null, 2));
    console.log(`\n${this.label}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  }
}
