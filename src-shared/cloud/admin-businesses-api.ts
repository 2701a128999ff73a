/** The admin console's API for businesses: their figures, devices, sync log and enrolment codes (see admin-api.ts). */
import { z } from 'zod';
import { instant, rupiah, uuid } from './admin-api';

// --- Businesses ---------------------------------------------------------------------------------

export const businessStatus = z.enum(['active', 'suspended']);
export const segmentCount = z.strictObject({ segment: z.string(), customers: z.number().int() });

export const businessSummary = z.strictObject({
  id: uuid,
  name: z.string(),
  city: z.string().nullable(),
  ownerName: z.string().nullable(),
  phone: z.string().nullable(),
  status: businessStatus,
  aiMonthlyQuota: z.number().int().nullable(),
  createdAt: instant,
  devices: z.number().int(),
  lastSyncAt: instant.nullable(),
  pendingOps: z.number().int(),
  customers: z.number().int(),
  transactions: z.number().int(),
  revenue: rupiah,
  revenueThisMonth: rupiah,
  revenueLastMonth: rupiah,
  /** Of the latest RFM run the shop pushed; null before its first. */
  segments: z.array(segmentCount).nullable(),
});
export type BusinessSummary = z.infer<typeof businessSummary>;
export const businessesResponse = z.strictObject({ businesses: z.array(businessSummary) });

export const businessInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  city: z.string().trim().max(120).nullable().optional(),
  ownerName: z.string().trim().max(120).nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
});
/** PATCH of a business: only the fields sent change; answers `{ id }` (createdResponse). */
export const businessEdit = businessInput.partial();
export const statusResponse = z.strictObject({ status: businessStatus });

export const deviceView = z.strictObject({
  id: uuid,
  name: z.string(),
  appVersion: z.string().nullable(),
  lastSeq: z.number().int(),
  pending: z.number().int(),
  lastSeenAt: instant.nullable(),
  lastPushAt: instant.nullable(),
  createdAt: instant,
  revokedAt: instant.nullable(),
});
export const devicesResponse = z.strictObject({ devices: z.array(deviceView) });

export const monthFigures = z.strictObject({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  transactions: z.number().int(),
  revenue: rupiah,
  customers: z.number().int(),
});
export const rejectedOpView = z.strictObject({
  id: z.number().int(),
  deviceId: uuid,
  seq: z.number().int(),
  key: z.string(),
  entity: z.string(),
  entityId: z.string(),
  reason: z.string(),
  at: instant,
});
export const topCustomer = z.strictObject({
  id: uuid,
  code: z.string(),
  name: z.string(),
  city: z.string().nullable(),
  transactions: z.number().int(),
  revenue: rupiah,
});
export const aiUsageMonth = z.strictObject({
  month: z.string(),
  calls: z.number().int(),
  promptTokens: z.number().int(),
  completionTokens: z.number().int(),
  cost: z.number(),
});
export const rfmSegmentView = z.strictObject({ segment: z.string(), customers: z.number().int(), revenue: rupiah });

/**
 * A shop's catalogue as the WhatsApp assistant answers from it: its products offered to the assistant,
 * as its laptop pushed them (read-only here: packages are edited on the laptop).
 */
export const cataloguePackage = z.strictObject({
  code: z.string(),
  name: z.string(),
  price: rupiah,
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  quotaStatus: z.enum(['available', 'limited', 'full']),
  features: z.array(z.string()),
  imageUrl: z.string().nullable(),
  brochureUrl: z.string().nullable(),
});
export type CataloguePackage = z.infer<typeof cataloguePackage>;
export const catalogueResponse = z.strictObject({ packages: z.array(cataloguePackage) });

export const businessDetailResponse = z.strictObject({
  business: businessSummary,
  /** The last 12 months, oldest first. */
  months: z.array(monthFigures),
  devices: z.array(deviceView),
  /** The latest 50 rejected ops. */
  rejectedOps: z.array(rejectedOpView),
  rfm: z.strictObject({ analysisDate: z.string(), method: z.string(), customers: z.number().int(), segments: z.array(rfmSegmentView) }).nullable(),
  topCustomers: z.array(topCustomer),
  ai: z.strictObject({ quota: z.number().int().nullable(), callsThisMonth: z.number().int(), costThisMonth: z.number(), months: z.array(aiUsageMonth) }),
});
export type BusinessDetail = z.infer<typeof businessDetailResponse>;

export const syncLogEntry = z.strictObject({
  id: z.number().int(),
  deviceId: uuid.nullable(),
  at: instant,
  kind: z.enum(['enrol', 'push', 'pull', 'snapshot', 'gap']),
  ops: z.number().int(),
  applied: z.number().int(),
  skipped: z.number().int(),
  rejected: z.number().int(),
  ackedSeq: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
});
export const syncLogResponse = z.strictObject({ items: z.array(syncLogEntry), next: z.number().int().nullable() });

// --- Enrolment codes and devices ----------------------------------------------------------------

/** The code itself is shown this once; the cloud keeps only its hash. */
export const enrolCodeIssued = z.strictObject({ code: z.string(), expiresAt: instant });
export const openEnrolCode = z.strictObject({ createdAt: instant, expiresAt: instant, createdBy: z.string().nullable() });
export const enrolCodesResponse = z.strictObject({ codes: z.array(openEnrolCode) });
export const revokeResponse = z.strictObject({ revokedAt: instant });
