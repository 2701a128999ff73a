import { z } from 'zod';
import { idField, isoDate, money, optionalText, pageInput, pageOutput, recordStatus } from './common';

export const transactionItem = z.strictObject({
  product_id: z
    .string()
    .max(64)
    .nullish()
    .transform((v) => v ?? null),
  name: z.string().trim().min(1, 'v.required').max(160, 'v.tooLong'),
  qty: z.number('v.number').positive('v.positive').max(1e6, 'v.range'),
  price: money,
});
export type TransactionItem = z.infer<typeof transactionItem>;

/** `pos`: a till's sales, imported from its export (src-main/import/presets/moka-sales.ts). */
export const CHANNELS = [
  'offline',
  'whatsapp',
  'instagram',
  'tiktok',
  'marketplace',
  'website',
  'other',
  'pos',
  'shopee',
  'tokopedia',
  'tiktok_shop',
  'lazada',
] as const;

const transactionFields = z.strictObject({
  customer_id: idField,
  transaction_date: isoDate,
  /** Either the items (amount = Σ qty × price) or just an amount. */
  items: z.array(transactionItem).max(500, 'v.tooMany').default([]),
  amount: money.optional(),
  channel: z
    .enum(CHANNELS)
    .nullish()
    .transform((v) => v ?? null),
  /** Codes are matched to campaigns exactly, so they are kept in one form: trimmed, upper case. */
  campaign_code: optionalText(40).transform((v) => (v ? v.toUpperCase() : null)),
  invoice_no: optionalText(40),
  notes: optionalText(2000),
});

const withAmount = <T extends { items: TransactionItem[]; amount?: number }>(value: T, ctx: z.RefinementCtx) => {
  if (value.items.length === 0 && value.amount === undefined) {
    ctx.addIssue({ code: 'custom', path: ['amount'], message: 'v.amountOrItems' });
  }
};

export const transactionCreateInput = transactionFields.superRefine(withAmount);
export const transactionUpdateInput = transactionFields.extend({ id: idField }).superRefine(withAmount);
export type TransactionCreateInput = z.input<typeof transactionCreateInput>;

/** Items decide the amount when present: a total typed next to its items could disagree with them. */
export function transactionAmount(items: TransactionItem[], amount: number | undefined): number {
  if (items.length === 0) return amount ?? 0;
  return Math.round(items.reduce((sum, item) => sum + item.qty * item.price, 0));
}

/** An item as the shop holds it: a return's (a refund, a returned order, a cancellation kept as a
 * return) has its quantity negative, which no form accepts but every list must show. */
const storedItem = transactionItem.extend({ qty: z.number() });

export const transactionRow = z.object({
  id: z.string(),
  customer_id: z.string(),
  customer_name: z.string(),
  customer_code: z.string(),
  transaction_date: z.string(),
  amount: z.number(),
  items: z.array(storedItem),
  channel: z.string().nullable(),
  campaign_code: z.string().nullable(),
  invoice_no: z.string().nullable(),
  notes: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  deleted_at: z.string().nullable(),
});
export type TransactionRow = z.infer<typeof transactionRow>;

export const transactionListInput = z.strictObject({
  search: z.string().trim().max(100).optional(),
  customerId: idField.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  minAmount: money.optional(),
  maxAmount: money.optional(),
  status: recordStatus.default('active'),
  sort: z.enum(['transaction_date', 'amount', 'created_at']).default('transaction_date'),
  desc: z.boolean().default(true),
  ...pageInput,
});
export type TransactionListInput = z.input<typeof transactionListInput>;

export const transactionListOutput = pageOutput(transactionRow).extend({ totalAmount: z.number() });
