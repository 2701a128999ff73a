/** Central settings the admin console sends down to the laptops (GET /api/sync/pull): RFM defaults, AI quota, announcements. */
import { z } from 'zod';
import { SEGMENT_IDS } from '../rfm/rules';
import { instant, uuid } from './admin-api';

// --- Central settings sent down to the laptops (GET /api/sync/pull) ------------------------------

/**
 * Pushdown keys the laptops read, each item's `value` parsed with the schema below:
 * `rfm.defaults` (kind setting, every shop) → rfmDefaults; `ai.monthly_quota` (kind setting, one
 * shop) → aiQuotaPushdown; `announcement` (kind announcement, one shop or all) → announcementPushdown.
 */
export const PUSHDOWN_KEYS = { rfmDefaults: 'rfm.defaults', aiQuota: 'ai.monthly_quota', announcement: 'announcement' } as const;

const edges = z.array(z.number().min(0)).length(4);
export const rfmDefaults = z.strictObject({
  edges: z.strictObject({ recencyDays: edges, frequency: edges, monetary: edges }),
  /** segment → its "r-f" cells; every one of the 25 cells exactly once. */
  segmentCells: z.record(z.enum(SEGMENT_IDS), z.array(z.string().regex(/^[1-5]-[1-5]$/))),
});
export type RfmDefaults = z.infer<typeof rfmDefaults>;

/**
 * The most a shop may spend on AI in a month, in rupiah (as the laptop counts it: its own setting
 * `aiMonthlyQuota` of kind 'rupiah', which this replaces when it arrives); null = no limit.
 */
export const aiQuotaRequest = z.strictObject({ monthlyQuota: z.number().int().min(0).max(1e12).nullable() });
export const pushdownResponse = z.strictObject({ version: z.number().int() });
export const aiQuotaPushdown = aiQuotaRequest;

export const announcementRequest = z.strictObject({
  /** null = every business. */
  businessId: uuid.nullable(),
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(4000),
});
export const announcementPushdown = announcementRequest.omit({ businessId: true });
export const announcementView = z.strictObject({
  version: z.number().int(),
  businessId: uuid.nullable(),
  businessName: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  createdAt: instant,
  createdBy: z.string().nullable(),
});
export const announcementsResponse = z.strictObject({ announcements: z.array(announcementView) });

export const settingsResponse = z.strictObject({
  /** The defaults last sent down (null: the laptops keep their own). */
  rfmDefaults: rfmDefaults.nullable(),
  rfmDefaultsVersion: z.number().int().nullable(),
});
