import { describe, expect, it } from 'vitest';
import { formatPhone, normalizePhone, phoneSearchDigits } from '../../src-shared/format/phone';

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
