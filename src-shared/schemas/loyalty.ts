import { z } from 'zod';
import { idField, isoDate, pageInput, pageOutput } from './common';
import { CHANNELS } from './transaction';

/** A tier: its name (editable) and the least a customer needs for it (points or rupiah). */
const tier = z.strictObject({
  name: z.string().trim().min(1, 'v.required').max(30, 'v.tooLong'),
  min: z.number('v.number').int('v.integer').min(1, 'v.range').max(1e13, 'v.range'),
});

/**
 * The shop's loyalty rules (issue 24), one settings key. Off until the owner turns them on, so a
 * shop that never uses points pays nothing on its imports.
 */
export const loyaltyRules = z
  .strictObject({
    enabled: z.boolean(),
    /** `points` for every full `perRupiah` spent (rounded down). */
    points: z.number('v.number').int('v.integer').min(1, 'v.range').max(1000, 'v.range'),
    perRupiah: z.number('v.number').int('v.integer').min(1, 'v.range').max(1e9, 'v.range'),
    /** A sale below this earns nothing. */
    minTransaction: z.number('v.number').int('v.integer').min(0, 'v.range').max(1e12, 'v.range'),
    /** The channels whose sales earn; a sale with no channel is the shop counter's ('offline'). */
    channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length),
    /** Each earn lot expires this many months after its sale (null: never). */
    expiryMonths: z.number('v.number').int('v.integer').min(1, 'v.range').max(120, 'v.range').nullable(),
    /** Tiers by the current balance, by the last 12 months' spend, or none. */
    tierBasis: z.enum(['none', 'points', 'spend12m']),
    tiers: z.array(tier).length(3),
    /** What one point is worth when redeemed, in rupiah. */
    redeemValue: z.number('v.number').int('v.integer').min(1, 'v.range').max(1e7, 'v.range'),
    /** The most points staff may redeem at once; owners and managers have no limit. */
    staffRedeemLimit: z.number('v.number').int('v.integer').min(0, 'v.range').max(1e9, 'v.range'),
  })
  .refine((r) => r.tiers[0].min < r.tiers[1].min && r.tiers[1].min < r.tiers[2].min, { message: 'v.tiersOrder', path: ['tiers'] });
export type LoyaltyRules = z.infer<typeof loyaltyRules>;

export const DEFAULT_LOYALTY: LoyaltyRules = {
  enabled: false,
  points: 1,
  perRupiah: 10_000,
  minTransaction: 0,
  channels: [...CHANNELS],
  expiryMonths: 12,
  tierBasis: 'points',
  tiers: [
    { name: 'Silver', min: 100 },
    { name: 'Gold', min: 500 },
    { name: 'Platinum', min: 2_000 },
  ],
  redeemValue: 100,
  staffRedeemLimit: 500,
};

export const LEDGER_KINDS = ['earn', 'redeem', 'adjust', 'expire', 'reversal'] as const;

export const ledgerRow = z.object({
  id: z.string(),
  kind: z.enum(LEDGER_KINDS),
  points: z.number().int(),
  day: isoDate,
  transactionId: z.string().nullable(),
  invoiceNo: z.string().nullable(),
  expiresOn: isoDate.nullable(),
  value: z.number().nullable(),
  reason: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type LedgerRow = z.infer<typeof ledgerRow>;

/** A customer's points: the ledger's sum, what can be spent today, the tier and the next expiry. */
export const loyaltyCustomerOutput = z.object({
  enabled: z.boolean(),
  balance: z.number().int(),
  spendable: z.number().int(),
  value: z.number(),
  tier: z.string().nullable(),
  nextExpiry: z.object({ day: isoDate, points: z.number().int() }).nullable(),
  ledger: pageOutput(ledgerRow),
});

export const loyaltyCustomerInput = z.strictObject({ id: idField, ...pageInput });

export const redeemInput = z.strictObject({
  customerId: idField,
  points: z.number('v.number').int('v.integer').min(1, 'v.range').max(1e9, 'v.range'),
  /** The sale the points pay part of (optional: a gift redeemed at the counter). */
  transactionId: idField.nullish().transform((v) => v ?? null),
});

export const adjustInput = z.strictObject({
  customerId: idField,
  points: z
    .number('v.number')
    .int('v.integer')
    .min(-1e9, 'v.range')
    .max(1e9, 'v.range')
    .refine((p) => p !== 0, 'v.nonZero'),
  reason: z.string().trim().min(3, 'v.required').max(200, 'v.tooLong'),
});

export const loyaltyReportInput = z.strictObject({ months: z.number().int().min(1).max(120).default(12) });
export const loyaltyReportOutput = z.object({
  redeemValue: z.number(),
  months: z.array(
    z.object({
      month: z.string(),
      issued: z.number().int(),
      redeemed: z.number().int(),
      expired: z.number().int(),
      reversed: z.number().int(),
      adjusted: z.number().int(),
      /** Points still owed to customers at the month's end, and their worth in rupiah. */
      outstanding: z.number().int(),
      liability: z.number(),
    }),
  ),
});

export const TIER_FILTERS = ['none', 'tier1', 'tier2', 'tier3'] as const;
