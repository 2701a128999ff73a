import { createHash } from 'node:crypto';
import { z } from 'zod';
import { segmentText } from '../../src-shared/i18n/segments';
import { formatRupiah } from '../../src-shared/format/money';
import type { GenerateInput } from '../../src-shared/schemas/content';

/** Raised whenever the wording or rules below change, so the library says which prompt wrote what. */
export const PROMPT_VERSION = 1;

export interface ShopProfile {
  name: string;
  type: string | null;
  city: string | null;
}

export interface SegmentProfile {
  customers: number;
  aov: number;
  meanRecencyDays: number;
  meanFrequency: number;
}

export interface BuiltPrompt {
  version: number;
  system: string;
  user: string;
  hash: string;
}

const CHANNEL_RULES = {
  whatsapp: 'A personal WhatsApp message: 2–5 short lines, warm, at most two emoji. subject must be null.',
  email: 'An email: subject of at most 70 characters; body with a greeting, 2–4 short paragraphs and a sign-off with {toko}.',
  instagram: 'An Instagram caption for a public post (no {nama}: it is not personal), 2–4 lines, a few hashtags. subject must be null.',
  sms: 'An SMS: body at most 160 characters including placeholders as written, plain text, no emoji. subject must be null.',
  banner: 'Promo banner text: a headline of at most 40 characters in subject and one line of at most 90 characters in body.',
} as const;

const TONE_WORDS = {
  friendly: 'friendly and warm',
  formal: 'polite and formal',
  playful: 'light and playful',
  urgent: 'urgent but honest (a real deadline, no false scarcity)',
  caring: 'caring and personal',
} as const;

/** What the model must answer: checked by the SDK (structured output) and again before saving. */
export function variantsSchema(channel: GenerateInput['channel']) {
  const body = channel === 'sms' ? z.string().min(1).max(160) : z.string().min(1).max(4000);
  return z.object({
    variants: z
      .array(z.object({ subject: z.string().max(200).nullable(), body }))
      .min(1)
      .max(5),
  });
}

/**
 * The prompt, built from the business profile and the segment's figures. The hash covers the
 * model and everything that shapes the answer: the same request hashes the same and is served from
 * the saved result.
 */
export function buildPrompt(request: GenerateInput, shop: ShopProfile, segment: SegmentProfile | null, model: string): BuiltPrompt {
  const text = segmentText(request.segment, 'en');
  const language =
    request.language === 'id' ? 'Bahasa Indonesia (natural, the way an Indonesian shop owner writes to customers; address them as "Kak")' : 'English';
  const system = [
    'You write marketing messages for a small shop to send to its own customers.',
    `Write in ${language}. Be honest: no invented discounts, prices or deadlines beyond the offer given.`,
    'Use these placeholders exactly as written where they fit; the app fills them per customer: {nama} (customer name), {kota} (city), {terakhir_beli} (date of last purchase), {total_belanja} (total spent), {segmen} (segment), {kode_kampanye} (campaign code to mention when buying), {toko} (shop name), {penawaran} (the offer).',
    'No HTML, no links, no placeholders other than those.',
    `Answer as JSON: {"variants": [{"subject": string or null, "body": string}]} with exactly ${request.variants} different variants.`,
  ].join('\n');
  const profile = segment
    ? `${segment.customers} customers; average order ${formatRupiah(segment.aov)}; on average ${Math.round(segment.meanRecencyDays)} days since their last purchase and ${segment.meanFrequency.toFixed(1)} purchases each.`
    : 'No figures yet.';
  const user = [
    `Shop: ${shop.name}${shop.type ? ` (${shop.type})` : ''}${shop.city ? `, ${shop.city}` : ''}.`,
    `Segment: ${text.name}: ${text.who} ${profile}`,
    `Recommended action: ${text.action}`,
    `Channel: ${CHANNEL_RULES[request.channel]}`,
    `Tone: ${TONE_WORDS[request.tone]}.`,
    request.offer
      ? `The offer: ${request.offer} (refer to it as {penawaran} or in your own words).`
      : 'There is no special offer: give them a reason to come back without inventing one.',
  ].join('\n');
  const hash = createHash('sha256')
    .update(JSON.stringify({ version: PROMPT_VERSION, model, system, user, variants: request.variants }))
    .digest('hex');
  return { version: PROMPT_VERSION, system, user, hash };
}
