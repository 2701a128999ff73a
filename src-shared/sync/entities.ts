import { z } from 'zod';

/**
 * The shop rows a laptop pushes to the cloud, one strict schema per entity: the row as it is on the
 * laptop at push time, minus what never leaves it (password hashes, sessions, import bookkeeping,
 * derived tables). An entity not listed here is never sent; its outbox entries are acked locally.
 * Both sides parse with these: the laptop before it sends, the cloud before it writes.
 */
const text = (max: number) => z.string().max(max);
const nullableText = (max: number) => z.string().max(max).nullable();
const instant = z.string().max(40);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const rupiah = z.number().int().min(-1e15).max(1e15);

export const syncedCustomer = z.strictObject({
  id: z.uuid(),
  code: text(64),
  name: text(200),
  phone: nullableText(32),
  email: nullableText(254),
  address: nullableText(500),
  city: nullableText(120),
  tags: z.array(text(60)).max(50),
  notes: nullableText(2000),
  source: nullableText(60),
  channel_identity: nullableText(200),
  created_at: instant,
  updated_at: instant,
  deleted_at: instant.nullable(),
});

export const syncedProduct = z.strictObject({
  id: z.uuid(),
  code: text(64),
  name: text(200),
  category: nullableText(120),
  price: rupiah,
  active: z.boolean(),
  // The assistant's catalogue (laptop migration 0020, cloud 0004). Defaults keep a laptop from before
  // them pushing: its products arrive as not offered, which is what they were.
  campaign_code: nullableText(64).default(null),
  start_date: day.nullable().default(null),
  end_date: day.nullable().default(null),
  quota_status: z.enum(['available', 'limited', 'full']).default('available'),
  features: z.array(text(300)).max(30).default([]),
  image_url: nullableText(2000).default(null),
  brochure_url: nullableText(2000).default(null),
  assistant_offered: z.boolean().default(false),
  created_at: instant,
  updated_at: instant,
  deleted_at: instant.nullable(),
});

export const syncedItem = z.strictObject({
  product_id: z.string().max(64).nullable(),
  name: text(200),
  qty: z.number().positive().max(1e6),
  price: rupiah,
});

export const syncedTransaction = z.strictObject({
  id: z.uuid(),
  customer_id: z.uuid(),
  transaction_date: day,
  amount: rupiah,
  items: z.array(syncedItem).max(500),
  channel: nullableText(40),
  campaign_code: nullableText(64),
  invoice_no: nullableText(120),
  notes: nullableText(2000),
  created_at: instant,
  updated_at: instant,
  deleted_at: instant.nullable(),
});

export const syncedBusiness = z.strictObject({
  id: z.uuid(),
  name: text(200),
  type: nullableText(120),
  phone: nullableText(32),
  email: nullableText(254),
  address: nullableText(500),
  city: nullableText(120),
  currency: text(3),
  timezone: text(64),
  created_at: instant,
  updated_at: instant,
});

/** A setting's id is its key. Values are the laptop's JSON text. */
export const syncedSetting = z.strictObject({
  key: text(120),
  value: text(20_000),
  updated_at: instant,
});

const segmentCount = z.strictObject({ segment: text(60), customers: z.number().int().min(0), revenue: rupiah });

/** An RFM run as the laptop recorded it; the cloud keeps its segment mix and top customers. */
export const syncedRfmRun = z.strictObject({
  id: z.uuid(),
  analysis_date: day,
  method: z.enum(['fixed', 'quintile']),
  customers: z.number().int().min(0),
  segments: z.array(segmentCount).max(40),
  created_at: instant,
  updated_at: instant,
});

export const syncedCampaign = z.strictObject({
  id: z.uuid(),
  name: text(200),
  code: text(64),
  segment: nullableText(60),
  channel: nullableText(40),
  start_date: day.nullable(),
  end_date: day.nullable(),
  recipients: z.number().int().min(0),
  created_at: instant,
  updated_at: instant,
  deleted_at: instant.nullable(),
});

/** One call to the AI provider, for the console's usage and cost per shop. */
export const syncedAiUsage = z.strictObject({
  id: z.uuid(),
  provider: text(60),
  model: text(120),
  prompt_tokens: z.number().int().min(0),
  completion_tokens: z.number().int().min(0),
  cost: z.number().min(0).max(1e9),
  status: text(40),
  created_at: instant,
});

export const SYNCED_ENTITIES = {
  business: syncedBusiness,
  customers: syncedCustomer,
  products: syncedProduct,
  transactions: syncedTransaction,
  settings: syncedSetting,
  rfm_runs: syncedRfmRun,
  campaigns: syncedCampaign,
  api_usage_logs: syncedAiUsage,
} as const;

export type SyncedEntity = keyof typeof SYNCED_ENTITIES;
export const syncedEntityNames = Object.keys(SYNCED_ENTITIES) as [SyncedEntity, ...SyncedEntity[]];
export type SyncedRow<E extends SyncedEntity> = z.infer<(typeof SYNCED_ENTITIES)[E]>;

/** Entities whose key is not a UUID (a setting's key). */
export function rowKey(entity: SyncedEntity, row: Record<string, unknown>): string {
  return String(entity === 'settings' ? row.key : row.id);
}
