import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { xlsxBatches } from '../../src-main/import/read/xlsx';
import { tempDir } from '../helpers';

async function readAll(path: string, sheet: string) {
  const rows: unknown[][] = [];
  for await (const batch of xlsxBatches(path, sheet)) for (const row of batch) rows.push(row.cells);
  return rows;
}

describe('XLSX shared strings', () => {
  it('every text cell reads as written, across thousands of shared strings, rich text and letters of several bytes', async () => {
    // Text cells in a workbook point into its shared-strings list; the reader keeps that list in
    // chunks of a few thousand, so 10,000 distinct strings cross several chunk boundaries.
    // Spaces around the text stay as written: the cell is read as the file has it. Letters of two,
    // three and four bytes in UTF-8 fill the XML, so its chunks end inside characters: each must
    // come out whole (exceljs as published turned the two halves into U+FFFD; patches/).
    const names = Array.from({ length: 10_000 }, (_, i) => `Pelanggan ${i}${' Séré 王 😀'.repeat(i % 3)}${i % 5 === 0 ? ' ' : ''}`);
    // Written with shared strings, as Excel writes text. (exceljs's streaming writer: its other
    // writer splits four-byte letters itself at 16 KB boundaries of the XML.)
    const path = join(tempDir(), 'strings.xlsx');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
    const sheet = workbook.addWorksheet('Data');
    sheet.addRow(['Nama', 'Catatan']).commit();
    names.forEach((name, i) =>
      sheet.addRow([name, i % 1000 === 0 ? { richText: [{ text: 'tebal ', font: { bold: true } }, { text: 'sekali' }] } : `catatan ${i % 7}`]).commit(),
    );
    sheet.commit();
    await workbook.commit();
    const rows = await readAll(path, 'Data');
    expect(rows).toHaveLength(names.length + 1);
    expect(rows[0]).toEqual(['Nama', 'Catatan']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(names);
    expect(rows.slice(1).map((r) => r[1])).toEqual(names.map((_, i) => (i % 1000 === 0 ? 'tebal sekali' : `catatan ${i % 7}`)));
  });
});
