import { describe, expect, it } from 'vitest';
import { formatRupiah, formatRupiahShort } from '../../src-shared/format/money';

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
