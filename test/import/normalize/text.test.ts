import { describe, expect, it } from 'vitest';
import { cellScalar, cellText } from '../../../src-main/import/normalize/text';

describe('cellText', () => {
  it.each<[string, unknown, string]>([
    ['trimmed string', '  Budi Santoso \t', 'Budi Santoso'],
    ['integer', 1250000, '1250000'],
    ['large integer without exponent', 1e15, '1000000000000000'],
    ['integer beyond 1e21 still plain', 1.5e21, '1500000000000000000000'],
    ['decimal', 29.33, '29.33'],
    ['tiny decimal without exponent', 1.5e-7, '0.00000015'],
    ['negative tiny decimal', -2e-7, '-0.0000002'],
    ['negative zero', -0, '0'],
    ['NaN', Number.NaN, ''],
    ['Infinity', Number.POSITIVE_INFINITY, ''],
    ['Date as UTC calendar date', new Date(Date.UTC(2026, 10, 21)), '2026-11-21'],
    ['Date late in the UTC day', new Date('2026-11-21T23:59:00Z'), '2026-11-21'],
    ['invalid Date', new Date(Number.NaN), ''],
    ['rich text', { richText: [{ text: 'Toko ' }, { font: { bold: true }, text: 'Sari' }] }, 'Toko Sari'],
    ['hyperlink', { text: 'budi@example.com', hyperlink: 'mailto:budi@example.com' }, 'budi@example.com'],
    ['hyperlink with rich text', { text: { richText: [{ text: 'situs' }] }, hyperlink: 'https://x.id' }, 'situs'],
    ['formula → result', { formula: 'B2*C2', result: 150000 }, '150000'],
    ['shared formula → result', { sharedFormula: 'D2', result: 'Lunas ' }, 'Lunas'],
    ['formula with date result', { formula: 'TODAY()', result: new Date(Date.UTC(2026, 0, 5)) }, '2026-01-05'],
    ['formula without a cached result', { formula: 'B2*C2' }, ''],
    ['formula with error result', { formula: 'A1/0', result: { error: '#DIV/0!' } }, ''],
    ['error cell', { error: '#N/A' }, ''],
    ['boolean', true, 'TRUE'],
    ['null', null, ''],
    ['undefined', undefined, ''],
    ['unknown object', { foo: 1 }, ''],
  ])('%s', (_label, value, expected) => {
    expect(cellText(value)).toBe(expected);
  });
});

describe('cellScalar', () => {
  it('keeps the type of the value a cell shows', () => {
    const date = new Date(Date.UTC(2026, 0, 5));
    expect(cellScalar({ formula: 'TODAY()', result: date })).toBe(date);
    expect(cellScalar({ formula: 'SUM(A1:A3)', result: 12.5 })).toBe(12.5);
    expect(cellScalar(' 12 ')).toBe(' 12 ');
    expect(cellScalar({ error: '#REF!' })).toBeNull();
  });
});
