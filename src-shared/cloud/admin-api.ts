import { z } from 'zod';
import { SEGMENT_IDS } from '../rfm/rules';

/**
 * The admin console's API (`/api/admin/…`): paths and strict zod schemas of every request and
 * response, shared by the cloud's routes (src-cloud/routes/admin-*.ts) and the console UI.
 *
 * Authentication: `POST login` sets the session cookie `sma_admin` (HttpOnly, SameSite=Strict).
 * Every write (POST/PUT/PATCH/DELETE other than login) must also send the header
 * `x-sma-console: 1`, so a form posted from another site is refused (403 FORBIDDEN).
 * Errors are `{ error, message }` (src-cloud/server/errors.ts): 400 VALIDATION_ERROR,
 * 401 UNAUTHENTICATED / TOTP_REQUIRED, 403 FORBIDDEN (a support account writing), 404 NOT_FOUND,
 * 409 CONFLICT, 429 THROTTLED (with `retryAfterSeconds`).
 * Instants are ISO UTC strings; money is whole rupiah; months are `YYYY-MM` in Asia/Jakarta.
 */

export const ADMIN_SESSION_COOKIE = 'sma_admin';
export const CONSOLE_HEADER = 'x-sma-console';
export const CONSOLE_HEADER_VALUE = '1';

const uuid = z.uuid();
const instant = z.string();
const rupiah = z.number();

export const adminRole = z.enum(['super_admin', 'support']);
export type AdminRoleName = z.infer<typeof adminRole>;

/** Paths; `:id` is a business id, `:deviceId` a device id. */
export const ADMIN_PATHS = {
  login: '/api/admin/login',
  logout: '/api/admin/logout',
  me: '/api/admin/me',
  password: '/api/admin/me/password',
  totpBegin: '/api/admin/me/totp',
  totpConfirm: '/api/admin/me/totp/confirm',
  admins: '/api/admin/admins',
  businesses: '/api/admin/businesses',
  business: '/api/admin/businesses/:id',
  suspend: '/api/admin/businesses/:id/suspend',
  resume: '/api/admin/businesses/:id/resume',
  syncLog: '/api/admin/businesses/:id/sync-log',
  enrolCodes: '/api/admin/businesses/:id/enrol-codes',
  devices: '/api/admin/businesses/:id/devices',
  revokeDevice: '/api/admin/businesses/:id/devices/:deviceId/revoke',
  aiQuota: '/api/admin/businesses/:id/ai-quota',
  catalogue: '/api/admin/businesses/:id/catalogue',
  settings: '/api/admin/settings',
  rfmDefaults: '/api/admin/settings/rfm',
  announcements: '/api/admin/announcements',
  audit: '/api/admin/audit',
} as const;

/** A path with its parameters filled in: `adminPath('business', { id })`. */
export function adminPath(name: keyof typeof ADMIN_PATHS, params: Record<string, string> = {}): string {
  return ADMIN_PATHS[name].replace(/:(\w+)/g, (_m, key: string) => encodeURIComponent(params[key] ?? ''));
}

export const okResponse = z.strictObject({ ok: z.literal(true) });
export const idParams = z.strictObject({ id: uuid });
export const deviceParams = z.strictObject({ id: uuid, deviceId: uuid });

// --- Authentication and the signed-in admin -------------------------------------------------------

export const loginRequest = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  /** Required (401 TOTP_REQUIRED without it) once the account has TOTP enabled. */
  totp: z
    .string()
    .regex(/^\d{6}$/, 'six digits')
    .optional(),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export const meResponse = z.strictObject({
  id: uuid,
  username: z.string(),
  name: z.string(),
  role: adminRole,
  totpEnabled: z.boolean(),
  language: z.enum(['id', 'en']),
});
export type Me = z.infer<typeof meResponse>;
/** Login answers who signed in (and sets the cookie). */
export const loginResponse = meResponse;

export const passwordRequest = z.strictObject({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(10).max(256) });

/** Shown once: the secret and the otpauth:// URL for an authenticator app (or a QR of it). */
export const totpBeginResponse = z.strictObject({ secret: z.string(), otpauthUrl: z.string() });
export const totpConfirmRequest = z.strictObject({ code: z.string().regex(/^\d{6}$/, 'six digits') });

export const adminSummary = z.strictObject({
  id: uuid,
  username: z.string(),
  name: z.string(),
  role: adminRole,
  totpEnabled: z.boolean(),
  createdAt: instant,
  disabledAt: instant.nullable(),
});
export const adminsResponse = z.strictObject({ admins: z.array(adminSummary) });
export const createAdminRequest = z.strictObject({
  username: z
    .string()
    .trim()
    .min(3)
    .max(64)
    .regex(/^[a-z0-9._-]+$/, 'lower-case letters, digits, dot, dash or underscore'),
  name: z.string().trim().min(1).max(120),
  password: z.string().min(10).max(256),
  role: adminRole,
});
export const createdResponse = z.strictObject({ id: uuid });

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

/** Pages go backwards in time: pass the previous page's `next` as `before`. */
export const pageQuery = z.strictObject({ before: z.coerce.number().int().min(1).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) });
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

// --- Audit log ----------------------------------------------------------------------------------

export const auditEntry = z.strictObject({
  id: z.number().int(),
  at: instant,
  adminId: uuid.nullable(),
  adminUsername: z.string().nullable(),
  action: z.string(),
  businessId: uuid.nullable(),
  details: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});
/** Filter by business or action when given. */
export const auditQuery = pageQuery.extend({ businessId: uuid.optional(), action: z.string().max(60).optional() });
export const auditResponse = z.strictObject({ items: z.array(auditEntry), next: z.number().int().nullable() });
