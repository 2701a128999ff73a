/** Time comes from a clock so tests can move it (idle lock, throttling, session expiry). */
export interface Clock {
  now(): Date;
  /** The same instant in milliseconds, without making a Date: a bulk write reads the clock for every row. */
  ms(): number;
}

export const systemClock: Clock = { now: () => new Date(), ms: () => Date.now() };
