import { describe, expect, it } from 'vitest';
import { formatPhone, normalizePhone, phoneFormatter, phoneSearchDigits } from '../../src-shared/format/phone';

describe('normalizePhone', () => {
  it.each([
    ['081234567890', '+6281234567890'],
    ['0812-3456-7890', '+6281234567890'],
    ['0812 3456 7890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['+62-812-3456-7890', '+6281234567890'],
    ['(021) 5551234', '+62215551234'],
    ['0857 1234 5678', '+6285712345678'],
    ['  0896-1234-5678 ', '+6289612345678'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it.each(['', '123', '0812', 'abc', '08123', '+1 202 555 01'])('rejects %j', (raw) => {
    expect(normalizePhone(raw)).toBeNull();
  });
});

describe('formatPhone', () => {
  it('shows Indonesian mobiles the way owners read them', () => {
    expect(formatPhone('+6281234567890')).toBe('0812-3456-7890');
    expect(formatPhone(null)).toBe('');
  });
});

describe('phoneSearchDigits', () => {
  it.each([
    ['0812 34', '6281234'],
    ['62812', '62812'],
    ['+62 812', '62812'],
    ['3456', '3456'],
    ['081', null],
    ['budi 0812', null],
    ['a@b.c 1234', null],
  ])('%j → %j', (text, expected) => {
    expect(phoneSearchDigits(text)).toBe(expected);
  });
});

describe('phoneFormatter', () => {
  it('formats every number exactly as formatPhone does, mobiles of every length and landlines', () => {
    const format = phoneFormatter();
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const prefixes = ['811', '812', '813', '821', '822', '838', '852', '856', '857', '878', '881', '895', '896', '21', '22', '274', '361', '61'];
    const numbers: string[] = [];
    for (let i = 0; i < 5_000; i++) {
      const prefix = prefixes[Math.floor(random() * prefixes.length)];
      const rest = 5 + Math.floor(random() * 6);
      const candidate = normalizePhone(`0${prefix}${String(Math.floor(random() * 10 ** rest)).padStart(rest, '0')}`);
      if (candidate) numbers.push(candidate);
    }
    numbers.push('+12025550123', '+6580001234');
    expect(numbers.length).toBeGreaterThan(3_000);
    for (const n of [...numbers, ...numbers]) expect(format(n)).toBe(formatPhone(n));
    expect(format(null)).toBe('');
  });
});
