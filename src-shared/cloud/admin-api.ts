import { z } from 'zod';

/**
 * The admin console's API (`/api/admin/…`): paths and strict zod schemas of every request and
 * response, shared by the cloud's routes (src-cloud/routes/admin-*.ts) and the console UI.
 * This file holds the common parts, sign-in, admins and the audit log; businesses are in
 * admin-businesses-api.ts and the settings sent down to the laptops in admin-pushdown-api.ts.
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

export const uuid = z.uuid();
export const instant = z.string();
export const rupiah = z.number();

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

/** Pages go backwards in time: pass the previous page's `next` as `before`. */
export const pageQuery = z.strictObject({ before: z.coerce.number().int().min(1).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) });

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
