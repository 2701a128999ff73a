import { describe, expect, it } from 'vitest';
import { ManualClock } from '../manual-clock';
import { Hlc } from '../../src-main/core/hlc';

describe('the hybrid logical clock', () => {
  it('stamps in order as text, through equal milliseconds and a clock stepping back', () => {
    const clock = new ManualClock(new Date('2026-11-29T07:00:00.000Z'));
    const hlc = new Hlc(clock, null, 'ab12cd34');
    const stamps = [hlc.next(), hlc.next()];
    clock.advance(5);
    stamps.push(hlc.next());
    clock.advance(-60_000); // the system clock set back a minute
    stamps.push(hlc.next(), hlc.next());
    clock.advance(120_000);
    stamps.push(hlc.next());
    const ms = Date.parse('2026-11-29T07:00:00.000Z');
    expect(stamps).toEqual([
      `${String(ms).padStart(16, '0')}:0000:ab12cd34`,
      `${String(ms).padStart(16, '0')}:0001:ab12cd34`,
      `${String(ms + 5).padStart(16, '0')}:0000:ab12cd34`,
      `${String(ms + 5).padStart(16, '0')}:0001:ab12cd34`,
      `${String(ms + 5).padStart(16, '0')}:0002:ab12cd34`,
      `${String(ms + 60_005).padStart(16, '0')}:0000:ab12cd34`,
    ]);
    expect([...stamps].sort()).toEqual(stamps);
  });

  it('takes a reading the caller already has, and resumes after the last stamp it was given', () => {
    const clock = new ManualClock(new Date('2026-11-29T07:00:00.000Z'));
    const first = new Hlc(clock, null, 'node0001');
    const reading = clock.now().getTime() + 40;
    const stamp = first.next(reading);
    expect(stamp).toBe(`${String(reading).padStart(16, '0')}:0000:node0001`);
    // A restart with a clock behind the last stamp still stamps after it.
    const resumed = new Hlc(clock, stamp, 'node0001');
    expect(resumed.next()).toBe(`${String(reading).padStart(16, '0')}:0001:node0001`);
    expect(resumed.next() > stamp).toBe(true);
  });
});
