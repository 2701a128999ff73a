import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { bundleChild } from './bundle';
import { writeSalesCsv } from './import-data';
import { row, type BenchRow } from './measure';

interface ChildResult {
  importMs: number;
  status: string;
  rows: number;
  earned: number;
}

function importOnce(child: string, dir: string, csv: string, name: string, loyalty: boolean): ChildResult {
  const run = spawnSync(process.execPath, [child, join(dir, `${name}.sqlite`), csv, ...(loyalty ? ['--loyalty'] : [])], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (run.status !== 0) throw new Error(`import child failed: ${run.stderr}`);
  const result = JSON.parse(run.stdout.trim().split('\n').pop() as string) as ChildResult;
  if (result.status !== 'completed') throw new Error(`import did not complete: ${JSON.stringify(result)}`);
  return result;
}

/** Of an even count, the mean of the middle two: of two rounds, their mean rather than the slower. */
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Issue 24's bar: loyalty earning added to the 1,000,000-row sales import costs ≤ 10 % more. The same
 * file imported into fresh shops with points off and on, alternating (off, on, off, on) so a load
 * change on the machine falls on both; the medians compared.
 */
export async function loyaltySuite(dir: string, csvRows: number, customers: number): Promise<{ rows: BenchRow[]; notes: Record<string, unknown> }> {
  const csv = join(dir, 'loyalty-sales.csv');
  await writeSalesCsv(csv, csvRows, customers);
  const child = await bundleChild('import-child');
  const off: number[] = [];
  const on: number[] = [];
  let earned = 0;
  for (let round = 0; round < 2; round++) {
    off.push(importOnce(child, dir, csv, `loyalty-off-${round}`, false).importMs);
    const withPoints = importOnce(child, dir, csv, `loyalty-on-${round}`, true);
    on.push(withPoints.importMs);
    earned = withPoints.earned;
  }
  const label = `CSV ${csvRows.toLocaleString('en')} rows, points earned in the import`;
  return {
    rows: [row('loyalty', label, median(on), 'the same import, points off', median(off), '≤ 1.1×')],
    notes: { loyalty: { offMs: off, onMs: on, earned } },
  };
}
