import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Why a stored number cannot open a WhatsApp chat, or null when it can: WhatsApp needs a mobile
 * number, and a landline ("(021) 555 1234") is a valid phone that no chat opens on.
 */
export function whatsAppBlocked(phone: string | null | undefined): 'noPhone' | 'notMobile' | null {
  if (!phone) return 'noPhone';
  const parsed = parsePhoneNumberFromString(phone);
  if (!parsed?.isValid()) return 'notMobile';
  const type = parsed.getType();
  // Numbers whose type the metadata leaves open (FIXED_LINE_OR_MOBILE, unknown) are given a chance.
  return type === 'FIXED_LINE' || type === 'TOLL_FREE' || type === 'PREMIUM_RATE' ? 'notMobile' : null;
}
