import { describe, expect, it } from 'vitest';
import { detectColumnType, type ColumnType } from '../../../src-main/import/normalize/columns';

const jan = (day: number): Date => new Date(Date.UTC(2026, 0, day));

describe('detectColumnType', () => {
  it.each<[string, unknown[], ColumnType]>([
    ['empty', [null, '', '  ', undefined, { error: '#N/A' }], 'empty'],
    ['emails', ['budi@example.com', 'sari@toko.co.id', null], 'email'],
    ['Indonesian phones', ['0812-3456-7890', '+62 813 1111 2222', '6285712345678', '(021) 555 1234'], 'phone'],
    ['phones typed as numbers keep 62', [6281234567890, 6285712345678], 'phone'],
    ['digit strings that are not phones', ['0001234567', '0009876543'], 'number'],
    ['text dates', ['5 Januari 2026', '21/11/2026', '2026-11-21'], 'date'],
    ['Date cells', [jan(5), jan(6), jan(7)], 'date'],
    ['formula dates', [{ formula: 'TODAY()', result: jan(5) }, jan(6)], 'date'],
    ['compact dates', ['19970101', '19970112', 19970102], 'date'],
    ['amounts are not serial dates', [150000, '75.000', 45000], 'number'],
    ['Indonesian amounts', ['Rp 1.250.000,-', 'Rp 75.000', '(5.000)'], 'number'],
    ['USD amounts', ['11.77', '12.00', '77.00'], 'number'],
    ['names', ['Budi', 'Sari', 'Andi'], 'text'],
    ['invoice numbers with cancellations', ['573442', 'C556478', 'C540509'], 'text'],
    ['80% is enough', ['1', '2', '3', '4', 'lima'], 'number'],
    ['below 80% is text', ['1', '2', '3', 'empat', 'lima'], 'text'],
    ['blanks do not count against', ['a@b.co', 'c@d.co', 'e@f.co', 'g@h.co', '', null, ''], 'email'],
  ])('%s', (_label, values, expected) => {
    expect(detectColumnType(values)).toBe(expected);
  });
});
