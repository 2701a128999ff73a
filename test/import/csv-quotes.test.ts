import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTable } from '../../src-main/import/read/table';
import { tempDir } from '../helpers';

function file(text: string): string {
  const path = join(tempDir(), 'pelanggan.csv');
  writeFileSync(path, text);
  return path;
}

/** Every record of the file, or the problem that stopped the reading. */
async function read(path: string): Promise<string[][]> {
  const rows: string[][] = [];
  const table = await openTable(path);
  for await (const batch of table.batches()) for (const row of batch) rows.push(row.cells as string[]);
  return rows;
}

const customers = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `Pelanggan ${from + i},0812${String(from + i).padStart(8, '0')},Kota ${i % 50}\n`).join('');

describe('quotes in a CSV file', () => {
  it('a quote never closed is refused at the line it opened, not read to the end as one cell', async () => {
    const path = file(`Nama,No HP,Kota\nAni,0812-1111-0001,Bandung\nBayu,"0812-1111-0002,Bogor\n${customers(3, 300_000)}`);
    const started = Date.now();
    await expect(read(path)).rejects.toMatchObject({ problem: 'unclosedQuote', vars: { line: 3 } });
    // It stops once the open cell passes a megabyte, long before the 12 MB file's end.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("the line is the file's own, counting the lines of a cell that holds a line break", async () => {
    const path = file('Nama,Alamat,Kota\nAni,"Jl. Melati 1\nRT 02",Bandung\r\nBayu,"Jl. Mawar 2,Bogor\r\nCitra,Jl. Kenanga 3,Solo\n');
    await expect(read(path)).rejects.toMatchObject({ problem: 'unclosedQuote', vars: { line: 4 } });
  });

  it('deep in a large file, the line is still right', async () => {
    const path = file(`Nama,No HP,Kota\n${customers(1, 60_000)}Bayu,"0812-1111-0002,Bogor\n${customers(60_002, 40_000)}`);
    await expect(read(path)).rejects.toMatchObject({ problem: 'unclosedQuote', vars: { line: 60_002 } });
  });

  it('a stray quote that a later quote closes, lines further on, is refused at its own line', async () => {
    const path = file(
      `Nama,No HP,Kota\n${customers(1, 5)}Bayu,"0812-1111-0002,Bogor\n${customers(7, 5)}Citra,0812-1111-0003,"Kota ""Baru"""\n${customers(20, 5)}`,
    );
    await expect(read(path)).rejects.toMatchObject({ problem: 'unclosedQuote', vars: { line: 7 } });
  });

  it('quoted cells, doubled quotes and a stray quote inside one line read as quoting has them, a line break in a cell as \\n', async () => {
    const rows = await read(file('Nama,Catatan,Kota\r\n"Ani, S.Pd","kata ""halo""",Bandung\r\nBayu,"Jl. "Mawar" 2",Bogor\r\nCitra,"dua\r\nbaris",Solo\r\n'));
    expect(rows).toEqual([
      ['Nama', 'Catatan', 'Kota'],
      ['Ani, S.Pd', 'kata "halo"', 'Bandung'],
      ['Bayu', 'Jl. "Mawar" 2', 'Bogor'],
      ['Citra', 'dua\nbaris', 'Solo'],
    ]);
  });

  it('a file ending \\r\\n cut between its \\r and \\n by the reading reads no empty row', async () => {
    // The file is read 64 KiB at a time: the first chunk ends on the \r of a line ending.
    const head = 'Nama,Kota\r\n';
    const line = 'Ani,Bandung\r\n';
    const pad = 'x'.repeat((1 << 16) - head.length - line.length - 'Budi,'.length - 1);
    const rows = await read(file(`${head}${line}Budi,${pad}\r\nCitra,Solo\r\n`));
    expect(rows.map((r) => r[0])).toEqual(['Nama', 'Ani', 'Budi', 'Citra']);
  });
});
