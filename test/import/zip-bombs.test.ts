import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTable } from '../../src-main/import/read/table';
import { tempDir } from '../helpers';
import { craftZip, hiddenEntryBomb, lyingCompressedBomb, lyingRatioBomb, lyingSizesBomb, workbookParts } from './zip-craft';

/** Bytes in the files of a folder now (files come and go while it is read). */
function bytesIn(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    try {
      total += statSync(join(dir, name)).size;
    } catch {
      // removed meanwhile
    }
  }
  return total;
}

/**
 * Reads every row of a file with the temporary folder (where exceljs copies a sheet it meets
 * before the workbook's other parts) pointed at a folder of its own, watched as it fills.
 */
async function readWatchingTemp(path: string) {
  const temp = tempDir();
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = temp;
  let peak = 0;
  const watch = setInterval(() => (peak = Math.max(peak, bytesIn(temp))), 2);
  const started = Date.now();
  let error: unknown = null;
  try {
    const table = await openTable(path);
    for await (const _batch of table.batches()) {
      // read through
    }
  } catch (caught) {
    error = caught;
  } finally {
    clearInterval(watch);
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
  const ms = Date.now() - started;
  peak = Math.max(peak, bytesIn(temp));
  return { error, ms, peakMb: peak / 1024 / 1024, leftMb: bytesIn(temp) / 1024 / 1024 };
}

function file(name: string, bytes: Buffer): string {
  const path = join(tempDir(), name);
  writeFileSync(path, bytes);
  return path;
}

describe('XLSX files whose zip lies about what it holds', () => {
  // Each a 2 MB file inflating to 2 GiB: before, the whole of it was written to the temp folder.
  it.each([
    ["a hidden local entry, left out of the zip's directory", () => hiddenEntryBomb(2048), 'zipMismatch'],
    ['a sheet whose headers claim 2 KB', () => lyingSizesBomb(2048), 'zipMismatch'],
    ['a sheet whose headers claim a ratio of 200 and which inflates a thousand-fold', () => lyingRatioBomb(2048), 'zipBomb'],
    ['a directory claiming more compressed bytes than the file holds', () => lyingCompressedBomb(2048), 'zipMismatch'],
  ])(
    '%s: refused within seconds, hardly anything written to the temp folder',
    async (_, make, problem) => {
      const path = file('bom.xlsx', make());
      const { error, ms, peakMb, leftMb } = await readWatchingTemp(path);
      expect(error).toMatchObject({ problem });
      expect(ms).toBeLessThan(5_000);
      expect(peakMb).toBeLessThan(200);
      expect(leftMb).toBe(0);
    },
    60_000,
  );
});

describe('an ordinary workbook', () => {
  it('reads through, and leaves no copy of its sheet in the temp folder', async () => {
    const { error, leftMb } = await readWatchingTemp(file('pelanggan.xlsx', craftZip(workbookParts())));
    expect(error).toBeNull();
    expect(leftMb).toBe(0);
  });
});
