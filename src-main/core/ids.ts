import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

/**
 * Random bytes drawn 64 KiB at a time: an import makes millions of ids, and asking the OS for 16
 * bytes each time was a tenth of the import's time.
 */
const pool = new Uint8Array(16 * 4096);
let offset = pool.length;

function randomBytes16(): Uint8Array {
  if (offset >= pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = pool.subarray(offset, offset + 16);
  offset += 16;
  return bytes;
}

/** UUIDv7: unique across devices (needed for sync) and time-ordered, so inserts stay index-friendly. */
export const newId = (): string => v7({ random: randomBytes16() });
