import { describe, expect, it } from 'vitest';
import { detectNumberStyle, parseAmountValue, parseQuantityValue, type NumberStyle } from '../../../src-main/import/normalize/numbers';

const COMMA: NumberStyle = { decimal: ',', ambiguous: false };
const DOT: NumberStyle = { decimal: '.', ambiguous: false };
const UNSURE: NumberStyle = { decimal: ',', ambiguous: true };

describe('detectNumberStyle', () => {
  it.each<[string, unknown[], NumberStyle]>([
    ['Indonesian grouping with cents', ['1.250.000,50'], COMMA],
    ['Indonesian "no cents" suffix', ['Rp 1.250.000,-'], COMMA],
    ['suffix alone decides', ['Rp 50.000,-', 'Rp 75.000'], COMMA],
    ['repeated dots are grouping', ['1.250.000', '2.000'], COMMA],
    ['English grouping with cents', ['1,250,000.50'], DOT],
    ['decimal comma', ['12,5', '3'], COMMA],
    ['decimal dot', ['12.50', '7'], DOT],
    ['USD cents as in CDNOW', ['11.77', '12.00', '77.00'], DOT],
    ['lone separator before three digits decides nothing', ['1.250', '1,250', '15.000'], UNSURE],
    ['plain integers decide nothing', ['1250000', '75'], UNSURE],
    ['typed numbers decide nothing', [1250.5, 12.75, null, ''], UNSURE],
    ['garbage decides nothing', ['abc', '1.2.3,4,5', 'Rp'], UNSURE],
    ['0.250 cannot be grouping', ['0.250'], DOT],
    ['conflict: majority comma', ['12,5', '1.250.000', '3.75'], UNSURE],
    ['conflict: majority dot', ['12.5', '3.75', '1,5'], { decimal: '.', ambiguous: true }],
    ['conflict: tie goes to comma', ['12.5', '1,5'], UNSURE],
  ])('%s', (_label, values, expected) => {
    expect(detectNumberStyle(values)).toEqual(expected);
  });
});

describe('parseAmountValue', () => {
  it.each<[unknown, NumberStyle, number | null]>([
    ['Rp 1.250.000', COMMA, 1_250_000],
    ['Rp 1.250.000,-', COMMA, 1_250_000],
    ['Rp. 1.250.000,00', COMMA, 1_250_000],
    ['Rp1.250.000', UNSURE, 1_250_000],
    ['IDR 1.250.000', COMMA, 1_250_000],
    ['idr 75.000', COMMA, 75_000],
    ['1.250.000,50', COMMA, 1_250_001],
    ['1.250.000,49', COMMA, 1_250_000],
    ['1,250,000.50', DOT, 1_250_001],
    ['1,250,000.50', UNSURE, 1_250_001], // an undecided column lets the value speak
    ['1 250 000', COMMA, 1_250_000],
    ['1250000', DOT, 1_250_000],
    ['0,5', COMMA, 1],
    ['2,5', COMMA, 3],
    ['-2,5', COMMA, -3], // half away from zero, not towards +∞
    ['-0,4', COMMA, 0],
    ['29.33', DOT, 29],
    ['1.250', UNSURE, 1_250], // Indonesian grouping habit
    ['1,250', UNSURE, 1_250],
    ['1,250', DOT, 1_250],
    ['1.250', COMMA, 1_250],
    ['1.250', DOT, 1], // the column proved '.' is decimal: 1.25
    ['-Rp 5.000', COMMA, -5_000],
    ['Rp -5.000', COMMA, -5_000],
    ['(5.000)', COMMA, -5_000],
    ['(Rp 5.000)', COMMA, -5_000],
    ['Rp (5.000)', COMMA, -5_000],
    ['Rp\u00a01.250.000', COMMA, 1_250_000],
    [1_250_000, COMMA, 1_250_000],
    [99.5, COMMA, 100],
    [-99.5, DOT, -100],
    [-0.2, DOT, 0],
    [{ formula: 'B2*C2', result: 150000 }, COMMA, 150_000],
  ])('%j %j → %s', (value, style, expected) => {
    expect(parseAmountValue(value, style)).toBe(expected);
  });

  it.each<[unknown, NumberStyle]>([
    ['', COMMA],
    ['abc', COMMA],
    ['Rp', COMMA],
    ['-', COMMA],
    ['12a', COMMA],
    ['1.2.3,4,5', UNSURE],
    ['1.25.000', COMMA],
    ['-(5.000)', COMMA],
    ['--5', COMMA],
    [',5', COMMA],
    ['5,', COMMA],
    ['12%', COMMA],
    ['1,250,000.50', COMMA], // contradicts the decided column
    ['12.5', COMMA],
    ['1.250.000', DOT],
    ['99999999999999999', COMMA],
    [Number.NaN, COMMA],
    [Number.POSITIVE_INFINITY, COMMA],
    [new Date(), COMMA],
    [true, COMMA],
    [null, COMMA],
    [{ error: '#VALUE!' }, COMMA],
  ])('rejects %j with %j', (value, style) => {
    expect(parseAmountValue(value, style)).toBeNull();
  });
});

describe('parseQuantityValue', () => {
  it.each<[unknown, NumberStyle, number | null]>([
    ['1,5', COMMA, 1.5],
    ['1.5', DOT, 1.5],
    ['1.5', UNSURE, 1.5],
    ['2', COMMA, 2],
    ['-12', DOT, -12], // cancellations in the Online Retail data
    ['1.250', DOT, 1.25],
    ['1.250', UNSURE, 1250],
    ['0,25', COMMA, 0.25],
    ['29.33', DOT, 29.33],
    [1.5, COMMA, 1.5],
    [-0, COMMA, 0],
    ['kg', COMMA, null],
    ['1,5', DOT, null],
  ])('%j %j → %s', (value, style, expected) => {
    expect(parseQuantityValue(value, style)).toBe(expected);
  });
});
