import { describe, expect, it } from 'vitest';
import { whatsAppBlocked } from '../../src-renderer/components/whatsAppBlocked';
import { normalizePhone } from '../../src-shared/format/phone';

describe('who can be reached on WhatsApp', () => {
  it('a mobile number can; no number or a landline cannot, each with its reason', () => {
    expect(whatsAppBlocked(normalizePhone('0812-3456-7890'))).toBeNull();
    expect(whatsAppBlocked(normalizePhone('+62 857 1234 5678'))).toBeNull();
    expect(whatsAppBlocked(null)).toBe('noPhone');
    expect(whatsAppBlocked('')).toBe('noPhone');
    expect(whatsAppBlocked(normalizePhone('(021) 555 1234'))).toBe('notMobile');
    expect(whatsAppBlocked('+62123')).toBe('notMobile');
  });
});
