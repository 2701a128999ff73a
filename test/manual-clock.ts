import type { Clock } from '../src-main/core/clock';

/** A clock a test can set and advance (the app takes time from a Clock: idle lock, throttling, expiry). */
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
