import { z } from 'zod';
import { cellsFromGrid, DEFAULT_EDGES, DEFAULT_SEGMENT_GRID } from '../rfm/rules';
import { money } from './common';
import { DEFAULT_LOYALTY, loyaltyRules } from './loyalty';
import { rfmEdges, rfmMethod, segmentCells, windowMonths } from './rfm';

/** Monthly revenue targets, `YYYY-MM` → whole rupiah. */
export const revenueTargets = z
  .record(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'v.month'), money.min(0, 'v.range'))
  .refine((t) => Object.keys(t).length <= 600, 'v.tooMany');

/** Monthly counts to reach (new leads, new customers), `YYYY-MM` → a whole number. */
export const countTargets = z
  .record(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'v.month'), z.number('v.number').int('v.integer').min(0, 'v.range').max(1e9, 'v.range'))
  .refine((t) => Object.keys(t).length <= 600, 'v.tooMany');

/** Rupiah per one million tokens, per model: what an AI call costs. */
export const aiPrices = z
  .record(
    z.string().trim().min(1).max(80),
    z.strictObject({ input: z.number().min(0, 'v.range').max(1e9, 'v.range'), output: z.number().min(0, 'v.range').max(1e9, 'v.range') }),
  )
  .refine((p) => Object.keys(p).length <= 50, 'v.tooMany');

export const aiQuota = z.strictObject({ kind: z.enum(['tokens', 'rupiah']), limit: z.number().int().min(0, 'v.range').max(1e12, 'v.range').nullable() });

/** Shop-wide settings, stored one key per row in `settings`. Each has a default so a fresh DB works. */
export const settingsShape = z.strictObject({
  idleLockMinutes: z.number().int().min(1, 'v.range').max(240, 'v.range'),
  sessionHours: z
    .number()
    .int()
    .min(1, 'v.range')
    .max(24 * 30, 'v.range'),
  rfmMethod: rfmMethod,
  /** null: all time. */
  rfmWindowMonths: windowMonths,
  rfmEdges: rfmEdges,
  rfmSegments: segmentCells,
  clvExpectedYears: z.number().min(0.5, 'v.range').max(20, 'v.range'),
  /** The fitted CLV's discount per month (0.01 = 1 %): a rupiah next year is worth less than one today. */
  clvMonthlyDiscount: z.number('v.number').min(0, 'v.range').max(0.2, 'v.range'),
  revenueTargets: revenueTargets,
  /** Leads to gather and customers to win per month: the Prospek tab sets what happened against them. */
  leadTargets: countTargets,
  customerTargets: countTargets,
  aiModel: z.string().trim().min(1, 'v.required').max(80, 'v.tooLong'),
  /** Any OpenAI-compatible server, a local one on the laptop too. */
  aiBaseUrl: z.url({ protocol: /^https?$/, error: 'v.url' }).max(300, 'v.tooLong'),
  aiPrices: aiPrices,
  aiMonthlyQuota: aiQuota,
  /** How long to wait for the provider's answer; a local model on a laptop may need more. */
  aiTimeoutSeconds: z.number().int().min(1, 'v.range').max(300, 'v.range'),
  /** Loyalty points: how sales earn, expire and redeem, and the tiers (issue 24). */
  loyalty: loyaltyRules,
});
export type Settings = z.infer<typeof settingsShape>;

export const DEFAULT_SETTINGS: Settings = {
  idleLockMinutes: 15,
  sessionHours: 12,
  rfmMethod: 'fixed',
  rfmWindowMonths: null,
  rfmEdges: DEFAULT_EDGES,
  rfmSegments: cellsFromGrid(DEFAULT_SEGMENT_GRID),
  clvExpectedYears: 3,
  clvMonthlyDiscount: 0.01,
  revenueTargets: {},
  leadTargets: {},
  customerTargets: {},
  aiModel: 'gpt-4o-mini',
  aiBaseUrl: 'https://api.openai.com/v1',
  // About US$0.15 / US$0.60 per million tokens at Rp 16.500 per dollar.
  aiPrices: { 'gpt-4o-mini': { input: 2_500, output: 10_000 } },
  aiMonthlyQuota: { kind: 'rupiah', limit: 100_000 },
  aiTimeoutSeconds: 30,
  loyalty: DEFAULT_LOYALTY,
};

export const settingsUpdateInput = settingsShape.partial().strict();
