import { randomBytes } from 'node:crypto';
import type { Clock } from './clock';

/**
 * Hybrid logical clock: wall-clock milliseconds plus a counter, so changes keep their order on this
 * device even when the system clock steps back, and ties between devices break on the node id.
 * Encoded to sort as text: `0001732176000000:0000:ab12cd34`.
 */
const COUNTER_LIMIT = 36 ** 4;

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

  /**
   * Takes in a stamp received from elsewhere (a pulled setting), so the next local stamp sorts after
   * it (Actual Budget's `recv`). The wall clock still counts when it is ahead.
   */
  recv(stamp: string): void {
    const [ms, counter] = stamp.split(':');
    const remoteMs = Number(ms);
    const remoteCounter = parseInt(counter, 36);
    if (!Number.isFinite(remoteMs) || Number.isNaN(remoteCounter)) return;
    if (remoteMs > this.lastMs) {
      this.lastMs = remoteMs;
      this.counter = remoteCounter;
    } else if (remoteMs === this.lastMs) {
      this.counter = Math.max(this.counter, remoteCounter);
    }
  }

  /** The next stamp; `wall` is the clock's reading when the caller has just taken it (a bulk write takes one per row). */
  next(wall = this.clock.ms()): string {
    if (wall > this.lastMs) {
      this.lastMs = wall;
      this.counter = 0;
    } else {
      this.counter += 1;
      // The counter has four base-36 digits; past them the stamp moves to the next millisecond, so
      // stamps keep sorting in order instead of overflowing (a burst of 1.7 million in one ms).
      if (this.counter >= COUNTER_LIMIT) {
        this.lastMs += 1;
        this.counter = 0;
      }
    }
    if (this.prefixMs !== this.lastMs) {
      this.prefixMs = this.lastMs;
      this.prefix = `${String(this.lastMs).padStart(16, '0')}:`;
    }
    return `${this.prefix}${this.counter.toString(36).padStart(4, '0')}:${this.node}`;
  }
}
