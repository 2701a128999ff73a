import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files that take minutes, started first. Vitest orders a fresh clone's files (no timing cache, as
 * in CI) by size, so the 100,000-operation loyalty test, a short file, began late and ran alone for
 * minutes after every other file had finished. Longest first lets the others fill the other workers.
 */
const LONG_FIRST = ['test/loyalty/random.test.ts', 'test/rfm/cdnow.test.ts', 'test/clv/cdnow.test.ts'];

const rank = (spec: TestSpecification): number => {
  const at = LONG_FIRST.findIndex((path) => spec.moduleId.replaceAll('\\', '/').includes(`/${path}`));
  return at === -1 ? LONG_FIRST.length : at;
};

export default class LongFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // Array.prototype.sort is stable: within a rank, vitest's own order stands.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
