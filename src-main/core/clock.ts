/** Time comes from a clock so tests can move it (idle lock, throttling, session expiry). */
export interface Clock {
  now(): Date;
  /** The same instant in milliseconds, without making a Date: a bulk write reads the clock for every row. */
  ms(): number;
}

export const systemClock: Clock = { now: () => new Date(), ms: () => Date.now() };

/** A clock a test can set and advance. */
export class ManualClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  ms(): number {
    return this.current.getTime();
  }
  set(date: Date): void {
    this.current = new Date(date);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
