import { describe, expect, it } from 'vitest';
import { Memo } from '../../src-main/import/rows/memo';

/** A memo of `limit` values over a reading that counts its calls. */
function counted(limit: number) {
  let reads = 0;
  const memo = new Memo((text: string) => {
    reads += 1;
    return text.length === 0 ? null : text.toUpperCase();
  }, limit);
  return { memo, reads: () => reads };
}

describe("the reading thread's memo", () => {
  it('answers what it holds, null included, without reading again', () => {
    const { memo, reads } = counted(10);
    expect([memo.get('a'), memo.get(''), memo.get('a'), memo.get('')]).toEqual(['A', null, 'A', null]);
    expect(reads()).toBe(2);
  });

  it('keeps answering its share when a file cycles through more values than it holds', () => {
    const { memo, reads } = counted(100);
    const values = Array.from({ length: 150 }, (_, i) => `phone-${i}`);
    for (let round = 0; round < 4; round++) for (const v of values) expect(memo.get(v)).toBe(v.toUpperCase());
    // First round: 150 reads; then 50 a round, the 100 it holds answering every time. A memo that
    // started over at each new value once full would read all 600.
    expect(reads()).toBe(150 + 3 * 50);
  });

  it('starts over once what it holds has gone stale', () => {
    const { memo, reads } = counted(100);
    for (let i = 0; i < 100; i++) memo.get(`old-${i}`);
    for (let i = 0; i < 100; i++) memo.get(`new-${i}`); // 100 misses and no answer while full: it starts over
    const before = reads();
    for (let i = 0; i < 100; i++) memo.get(`newer-${i}`);
    for (let i = 0; i < 100; i++) memo.get(`newer-${i}`);
    expect(reads() - before).toBe(100);
  });
});
