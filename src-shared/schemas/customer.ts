import { z } from 'zod';
import { TIER_FILTERS } from './loyalty';
import { SEGMENT_IDS } from '../rfm/rules';
import { emailField, idField, isoDate, optionalText, pageInput, pageOutput, phoneField, recordStatus, requiredText } from './common';

export const tagsField = z
  .array(z.string().trim().min(1).max(40, 'v.tooLong'))
  .max(20, 'v.tooMany')
  .default([])
  .transform((tags) => [...new Set(tags)]);

export const customerFields = {
  code: optionalText(32),
  name: requiredText(120),
  phone: phoneField,
  email: emailField,
  address: optionalText(300),
  city: optionalText(80),
  tags: tagsField,
  notes: optionalText(2000),
  source: optionalText(80),
};

export const customerCreateInput = z.strictObject({
  ...customerFields,
  /** Set after the user saw the duplicate warning and chose to keep both. */
  allowDuplicate: z.boolean().default(false),
});
export const customerUpdateInput = customerCreateInput.extend({ id: idField });
export type CustomerCreateInput = z.input<typeof customerCreateInput>;

export const customerRow = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  city: z.string().nullable(),
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  source: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  deleted_at: z.string().nullable(),
});
export type CustomerRow = z.infer<typeof customerRow>;

/** The last four are the latest RFM run's figures for each customer (its stored snapshot). */
export const customerSortFields = ['name', 'code', 'city', 'created_at', 'updated_at', 'monetary', 'last_purchase', 'frequency'] as const;
export const customerSnapshotSorts = ['monetary', 'last_purchase', 'frequency'] as const;

export const customerListInput = z.strictObject({
  search: z.string().trim().max(100).optional(),
  city: z.string().trim().max(80).optional(),
  tag: z.string().trim().max(40).optional(),
  status: recordStatus.default('active'),
  /** Customers in this segment of the latest RFM run. */
  segment: z.enum(SEGMENT_IDS).optional(),
  /** Loyalty: customers in a tier of the shop's rules (or in none), or with at least this many points. */
  tier: z.enum(TIER_FILTERS).optional(),
  minPoints: z.number().int().min(-1e9).max(1e9).optional(),
  sort: z.enum(customerSortFields).default('name'),
  desc: z.boolean().default(false),
  ...pageInput,
});
export type CustomerListInput = z.input<typeof customerListInput>;

/** A customer in the list with what the latest RFM run stored for them (null: not scored, no purchase then). */
export const customerListRow = customerRow.extend({
  rfm: z.object({ segment: z.enum(SEGMENT_IDS), monetary: z.number(), frequency: z.number(), lastPurchase: isoDate }).nullable(),
});
export type CustomerListRow = z.infer<typeof customerListRow>;

export const customerListOutput = pageOutput(customerListRow).extend({
  /** The run the figures come from, null before the first analysis. */
  rfmRun: z.object({ id: z.string(), analysisDate: isoDate }).nullable(),
});

export const customerSummary = z.object({
  transactions: z.number().int(),
  total: z.number(),
  averageOrder: z.number(),
  firstPurchase: isoDate.nullable(),
  lastPurchase: isoDate.nullable(),
});

export const duplicateMatch = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  field: z.enum(['phone', 'email']),
  deleted: z.boolean(),
});
export type DuplicateMatch = z.infer<typeof duplicateMatch>;

export const duplicateCheckInput = z.strictObject({
  phone: z.string().max(40).nullish(),
  email: z.string().max(200).nullish(),
  excludeId: idField.optional(),
});
