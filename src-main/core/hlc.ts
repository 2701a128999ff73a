import { randomBytes } from 'node:crypto';
import type { Clock } from './clock';

/**
 * Hybrid logical clock: wall-clock milliseconds plus a counter, so changes keep their order on this
 * device even when the system clock steps back, and ties between devices break on the node id.
 * Encoded to sort as text: `0001732176000000:0000:ab12cd34`.
 */
export class Hlc {
  private lastMs = 0;
  private counter = 0;
  /** The stamp's millisecond part, formatted once per millisecond. */
  private prefixMs = -1;
  private prefix = '';
  readonly node: string;

  constructor(
    private readonly clock: Clock,
    last?: string | null,
    node = randomBytes(4).toString('hex'),
  ) {
    this.node = node;
    if (last) {
      const [ms, counter] = last.split(':');
      this.lastMs = Number(ms);
      this.counter = parseInt(counter, 36);
    }
  }

  /** The next stamp; `wall` is the clock's reading when the caller has just taken it (a bulk write takes one per row). */
  next(wall = this.clock.ms()): string {
    if (wall > this.lastMs) {
      this.lastMs = wall;
      this.counter = 0;
    } else {
      this.counter += 1;
    }
    if (this.prefixMs !== this.lastMs) {
      this.prefixMs = this.lastMs;
      this.prefix = `${String(this.lastMs).padStart(16, '0')}:`;
    }
    return `${this.prefix}${this.counter.toString(36).padStart(4, '0')}:${this.node}`;
  }
}
