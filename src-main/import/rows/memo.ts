/**
 * A bounded memo of one reading: the same phone, date or amount text repeats thousands of times in
 * a sales file. Bounded because the reading thread's heap is (rows/read-ahead.ts): a full memo of
 * 50,000 values holds about 5 MB, and a sales row has up to five memoised fields besides ~40 MB of
 * everything else.
 *
 * A full memo keeps what it holds and reads a value it lacks without keeping it: in a file that
 * cycles through more phones than the limit (every customer, in date order) it still answers the
 * share it holds, where starting over at every new value would answer none. Only when it has missed
 * more often than it has answered (as many misses as it holds values, say) is what it holds taken
 * to be stale, in a file whose values drift, and it starts over.
 */
export class Memo<V> {
  private readonly map = new Map<string, V>();
  /** Since it was last full, or last judged: answers and misses. */
  private hits = 0;
  private misses = 0;

  constructor(
    private readonly read: (text: string) => V,
    private readonly limit = 50_000,
  ) {}

  get(text: string): V {
    const hit = this.map.get(text);
    if (hit !== undefined || this.map.has(text)) {
      this.hits += 1;
      return hit as V;
    }
    const value = this.read(text);
    if (this.map.size < this.limit) {
      this.map.set(text, value);
      this.hits = 0;
    } else if (++this.misses >= this.limit) {
      if (this.hits < this.misses) this.map.clear();
      this.hits = 0;
      this.misses = 0;
    }
    return value;
  }
}
