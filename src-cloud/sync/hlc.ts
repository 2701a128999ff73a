import { MAX_CLOCK_DRIFT_MS } from '../../src-shared/sync/protocol';

/** The part of a stamp that orders changes (milliseconds and counter); the node follows it. */
export const HLC_ORDER_CHARS = 21;

/**
 * A stamp more than MAX_CLOCK_DRIFT_MS in the server's future is brought back to the server's clock,
 * keeping its counter and node: a laptop whose clock runs a day ahead must not win every later edit.
 */
export function clampHlc(hlc: string, nowMs: number): string {
  const ms = Number(hlc.slice(0, 16));
  if (ms <= nowMs + MAX_CLOCK_DRIFT_MS) return hlc;
  return `${String(nowMs).padStart(16, '0')}${hlc.slice(16)}`;
}

/** A stamp for something the server itself decides (a setting sent down). */
export function serverHlc(nowMs: number, counter = 0): string {
  return `${String(nowMs).padStart(16, '0')}:${counter.toString(36).padStart(4, '0')}:cloud`;
}
