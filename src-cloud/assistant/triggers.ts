import type { Phase } from './schema';

/**
 * Handover triggers the engine applies itself, whatever the model answered: a customer who wants to
 * pay or to talk to a person is handed over even when the model missed it (seed 003, "Phase 3").
 */
const PAYMENT_INTENT = [
  /\bcara\s+(?:bayar|pembayaran|transfer)(?:nya)?\b/,
  /\bdp(?:nya)?\b/,
  /\buang\s+muka(?:nya)?\b/,
  /\bmau\s+(?:daftar|booking|pesan|ambil\s+paket)\b/,
  /\b(?:daftar|booking)\s+sekarang\b/,
  /\brekening(?:nya)?\b/,
  /\btransfer\s+ke\s+mana\b/,
  /\bbayar\s+(?:di\s*mana|ke\s+mana|lunas|sekarang)\b/,
  // Mixed languages (seed 003): the same intent in English.
  /\bdown\s*payment\b/,
  /\bhow\s+(?:do|can)\s+i\s+pay\b/,
  /\b(?:i\s+want\s+to|i\s+d\s+like\s+to)\s+(?:book|register|sign\s+up)\b/,
];

const PERSON_REQUEST = [
  /\b(?:bicara|ngobrol|chat|telepon|telpon|hubungi|sambungkan|bicarakan)\s+(?:dengan|sama|ke|langsung\s+(?:dengan|sama|ke))?\s*(?:admin|cs|orang|manusia|petugas|customer\s+service|marketing|sales)\b/,
  /\b(?:minta|mau)\s+(?:nomor\s+)?(?:admin|cs|petugas|customer\s+service)\b/,
  /\b(?:admin|cs)(?:nya)?\s+(?:dong|aja|saja|please|tolong)\b/,
  /\bbukan\s+(?:bot|robot|mesin)\b/,
  /\b(?:talk|speak|chat)\s+(?:to|with)\s+(?:a\s+|an\s+|the\s+)?(?:human|person|agent|admin|someone)\b/,
];

// Indonesian attaches -nya to nouns ("rekeningnya", "pembayarannya"): each phrase allows it.
const normal = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s.]/gu, ' ')
    .replace(/\s+/g, ' ');

export const hasPaymentIntent = (text: string): boolean => PAYMENT_INTENT.some((re) => re.test(normal(text)));
export const asksForPerson = (text: string): boolean => PERSON_REQUEST.some((re) => re.test(normal(text)));

const ORDER: Record<Phase, number> = { LEADS: 0, INTEREST: 1, BOOKING: 2 };
export const PHASES: readonly Phase[] = ['LEADS', 'INTEREST', 'BOOKING'];

/** The furthest of the phases given: a conversation never moves backwards. */
export function furthest(...phases: Phase[]): Phase {
  return phases.reduce((a, b) => (ORDER[b] > ORDER[a] ? b : a), 'LEADS');
}
