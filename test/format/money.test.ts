import { describe, expect, it } from 'vitest';
import { formatRupiah, formatRupiahShort, parseMoney } from '../../src-shared/format/money';

describe('parseMoney', () => {
  it.each([
    ['Rp 1.250.000', 1_250_000],
    ['Rp 1.250.000,-', 1_250_000],
    ['Rp1.250.000,00', 1_250_000],
    ['1.250.000,50', 1_250_001],
    ['1,250,000.50', 1_250_001],
    ['1250000', 1_250_000],
    ['1.250', 1_250],
    ['1,5', 2],
    ['12,50', 13],
    ['-Rp 5.000', -5_000],
    ['(5.000)', -5_000],
    ['rp. 75.000', 75_000],
    [1250000, 1_250_000],
    [99.5, 100],
  ])('%j → %d', (raw, expected) => {
    expect(parseMoney(raw)).toBe(expected);
  });

  it.each(['', 'abc', 'Rp', '1.2.3,4,5', '12a', Number.NaN])('rejects %j', (raw) => {
    expect(parseMoney(raw)).toBeNull();
  });
});

describe('formatRupiah', () => {
  it.each([
    [1_250_000, 'Rp 1.250.000'],
    [0, 'Rp 0'],
    [-5_000, '-Rp 5.000'],
    [999, 'Rp 999'],
  ])('%d → %s', (amount, text) => {
    expect(formatRupiah(amount)).toBe(text);
  });

  it('short form for charts', () => {
    expect(formatRupiahShort(1_250_000)).toBe('Rp 1,3 jt');
    expect(formatRupiahShort(2_500_000_000)).toBe('Rp 2,5 M');
    expect(formatRupiahShort(15_000)).toBe('Rp 15 rb');
  });
});
