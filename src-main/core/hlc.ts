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

  next(): string {
    const wall = this.clock.now().getTime();
    if (wall > this.lastMs) {
      this.lastMs = wall;
      this.counter = 0;
    } else {
      this.counter += 1;
    }
    return `${String(this.lastMs).padStart(16, '0')}:${this.counter.toString(36).padStart(4, '0')}:${this.node}`;
  }
}
