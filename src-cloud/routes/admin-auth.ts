import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ADMIN_PATHS,
  adminsResponse,
  createAdminRequest,
  createdResponse,
  loginRequest,
  loginResponse,
  meResponse,
  okResponse,
  passwordRequest,
  totpBeginResponse,
  totpConfirmRequest,
} from '../../src-shared/cloud/admin-api';
import { recordAudit } from '../admin/audit';
import { createAdmin } from '../auth/admins';
import { adminGuard, currentAdmin } from '../auth/admin-guard';
import { login } from '../auth/login';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { endOtherSessions, endSession, setSessionCookie } from '../auth/sessions';
import { newTotpSecret } from '../auth/totp';
import { useTotpCode } from '../auth/totp-use';
import type { CloudContext } from '../server/app';
import { CloudError } from '../server/errors';

const emptyBody = z.strictObject({}).optional();

/** Signing in and out, the signed-in admin's own account, and the accounts a super admin creates. */
export async function adminAuthRoutes(scope: FastifyInstance, ctx: CloudContext): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const read = adminGuard(ctx, 'admin-read');
  const write = adminGuard(ctx, 'admin-write');

  const me = async (adminId: string) => {
    const a = await ctx.db
      .selectFrom('admins')
      .select(['id', 'username', 'name', 'role', 'totp_enabled', 'language'])
      .where('id', '=', adminId)
      .executeTakeFirstOrThrow();
    return { id: a.id, username: a.username, name: a.name, role: a.role, totpEnabled: a.totp_enabled, language: a.language };
  };

  app.post(
    ADMIN_PATHS.login,
    { config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { body: loginRequest, response: { 200: loginResponse } } },
    async (req, reply) => {
      const { token, adminId } = await login(ctx.db, req.body, req.ip, ctx.now());
      setSessionCookie(req, reply, token);
      return me(adminId);
    },
  );

  app.post(
    ADMIN_PATHS.logout,
    { config: { access: 'admin-read' }, onRequest: read, schema: { body: emptyBody, response: { 200: okResponse } } },
    async (req, reply) => {
      const admin = currentAdmin(req);
      await endSession(ctx.db, admin.tokenHash, ctx.now());
      await recordAudit(ctx.db, { adminId: admin.adminId, action: 'logout', ip: req.ip }, ctx.now());
      setSessionCookie(req, reply, null);
      return { ok: true as const };
    },
  );

  app.get(ADMIN_PATHS.me, { config: { access: 'admin-read' }, onRequest: read, schema: { response: { 200: meResponse } } }, async (req) =>
    me(currentAdmin(req).adminId),
  );

  // Either role may look after its own account: these are writes, but not to anything shared.
  app.post(
    ADMIN_PATHS.password,
    { config: { access: 'admin-read' }, onRequest: read, schema: { body: passwordRequest, response: { 200: okResponse } } },
    async (req) => {
      const admin = currentAdmin(req);
      const row = await ctx.db.selectFrom('admins').select('password_hash').where('id', '=', admin.adminId).executeTakeFirstOrThrow();
      if (!(await verifyPassword(row.password_hash, req.body.currentPassword)))
        throw new CloudError('VALIDATION_ERROR', 'currentPassword: this is not your current password.');
      await ctx.db
        .updateTable('admins')
        .set({ password_hash: await hashPassword(req.body.newPassword) })
        .where('id', '=', admin.adminId)
        .execute();
      await endOtherSessions(ctx.db, admin.adminId, admin.tokenHash, ctx.now());
      await recordAudit(ctx.db, { adminId: admin.adminId, action: 'admin.password', ip: req.ip }, ctx.now());
      return { ok: true as const };
    },
  );

  app.post(
    ADMIN_PATHS.totpBegin,
    { config: { access: 'admin-read' }, onRequest: read, schema: { body: emptyBody, response: { 200: totpBeginResponse } } },
    async (req) => {
      const admin = currentAdmin(req);
      const row = await ctx.db.selectFrom('admins').select('totp_enabled').where('id', '=', admin.adminId).executeTakeFirstOrThrow();
      if (row.totp_enabled) throw new CloudError('CONFLICT', 'Two-step sign-in is already on for this account.');
      const fresh = newTotpSecret(admin.username);
      await ctx.db.updateTable('admins').set({ totp_secret: fresh.secret, totp_last_step: null }).where('id', '=', admin.adminId).execute();
      await recordAudit(ctx.db, { adminId: admin.adminId, action: 'admin.totp_begin', ip: req.ip }, ctx.now());
      return fresh;
    },
  );

  app.post(
    ADMIN_PATHS.totpConfirm,
    { config: { access: 'admin-read' }, onRequest: read, schema: { body: totpConfirmRequest, response: { 200: okResponse } } },
    async (req) => {
      const admin = currentAdmin(req);
      const row = await ctx.db.selectFrom('admins').select(['totp_secret', 'totp_enabled']).where('id', '=', admin.adminId).executeTakeFirstOrThrow();
      if (row.totp_enabled) throw new CloudError('CONFLICT', 'Two-step sign-in is already on for this account.');
      if (!row.totp_secret) throw new CloudError('CONFLICT', 'Start two-step sign-in first.');
      if (!(await useTotpCode(ctx.db, { id: admin.adminId, username: admin.username, secret: row.totp_secret }, req.body.code, ctx.now())))
        throw new CloudError('VALIDATION_ERROR', 'code: wrong or expired; enter the code your app shows now.');
      await ctx.db.updateTable('admins').set({ totp_enabled: true }).where('id', '=', admin.adminId).execute();
      await recordAudit(ctx.db, { adminId: admin.adminId, action: 'admin.totp_enabled', ip: req.ip }, ctx.now());
      return { ok: true as const };
    },
  );

  app.get(ADMIN_PATHS.admins, { config: { access: 'admin-read' }, onRequest: read, schema: { response: { 200: adminsResponse } } }, async () => {
    const rows = await ctx.db
      .selectFrom('admins')
      .select(['id', 'username', 'name', 'role', 'totp_enabled', 'created_at', 'disabled_at'])
      .orderBy('username')
      .execute();
    return {
      admins: rows.map((a) => ({
        id: a.id,
        username: a.username,
        name: a.name,
        role: a.role,
        totpEnabled: a.totp_enabled,
        createdAt: a.created_at.toISOString(),
        disabledAt: a.disabled_at?.toISOString() ?? null,
      })),
    };
  });

  app.post(
    ADMIN_PATHS.admins,
    { config: { access: 'admin-write' }, onRequest: write, schema: { body: createAdminRequest, response: { 200: createdResponse } } },
    async (req) => {
      const admin = currentAdmin(req);
      const created = await createAdmin(ctx.db, req.body);
      await recordAudit(
        ctx.db,
        { adminId: admin.adminId, action: 'admin.create', details: { id: created.id, username: req.body.username, role: req.body.role }, ip: req.ip },
        ctx.now(),
      );
      return created;
    },
  );
}
