import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ADMIN_PATHS, createdResponse, deviceParams, idParams, pageQuery } from '../../src-shared/cloud/admin-api';
import {
  businessDetailResponse,
  businessEdit,
  businessesResponse,
  businessInput,
  devicesResponse,
  enrolCodeIssued,
  enrolCodesResponse,
  revokeResponse,
  statusResponse,
  syncLogResponse,
} from '../../src-shared/cloud/admin-businesses-api';
import { aiQuotaRequest, PUSHDOWN_KEYS, pushdownResponse } from '../../src-shared/cloud/admin-pushdown-api';
import { z } from 'zod';
import { pick } from '../../src-shared/pick';
import { recordAudit } from '../admin/audit';
import { businessDetail, syncLogPage } from '../admin/business-detail';
import { createBusiness } from '../admin/businesses';
import { issueEnrolCode } from '../admin/enrol-codes';
import { allBusinessFigures, businessFigures, type BusinessFigures } from '../admin/figures';
import { addPushdown } from '../admin/pushdowns';
import { adminGuard, currentAdmin } from '../auth/admin-guard';
import type { CloudDb } from '../db/connect';
import type { CloudContext } from '../server/app';
import { CloudError } from '../server/errors';

const emptyBody = z.strictObject({}).optional();
const iso = (d: Date | null) => d?.toISOString() ?? null;

async function businessRow(db: CloudDb, id: string) {
  const row = await db
    .selectFrom('businesses')
    .select(['id', 'name', 'phone', 'status', 'ai_monthly_quota', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new CloudError('NOT_FOUND', 'No such business.');
  return row;
}

async function deviceViews(db: CloudDb, businessId: string) {
  const rows = await db
    .selectFrom('devices')
    .select(['id', 'name', 'app_version', 'last_seq', 'pending', 'last_seen_at', 'last_push_at', 'created_at', 'revoked_at'])
    .where('business_id', '=', businessId)
    .orderBy('created_at')
    .execute();
  return rows.map((d) => ({
    id: d.id,
    name: d.name,
    appVersion: d.app_version,
    lastSeq: Number(d.last_seq),
    pending: d.pending,
    lastSeenAt: iso(d.last_seen_at),
    lastPushAt: iso(d.last_push_at),
    createdAt: d.created_at.toISOString(),
    revokedAt: iso(d.revoked_at),
  }));
}

/** The figures a shop's summary shows as they are (the response is strict: a figure added for another page must not leak in). */
const SUMMARY_FIGURES = [
  'id',
  'name',
  'city',
  'ownerName',
  'status',
  'lastSyncAt',
  'pendingOps',
  'customers',
  'transactions',
  'revenue',
  'revenueThisMonth',
  'revenueLastMonth',
  'segments',
] as const;

/** The console's businesses: list with figures, one shop's detail, enrolment codes and devices. */
export async function adminBusinessRoutes(scope: FastifyInstance, ctx: CloudContext): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const read = adminGuard(ctx, 'admin-read');
  const write = adminGuard(ctx, 'admin-write');
  const audit = (adminId: string, action: string, businessId: string | null, ip: string, details: Record<string, unknown> = {}) =>
    recordAudit(ctx.db, { adminId, action, businessId, details, ip }, ctx.now());

  const summaries = async (onlyId?: string) => {
    const one = onlyId ? await businessFigures(ctx.db, onlyId, ctx.now()) : null;
    const figures = onlyId ? (one ? [one] : []) : await allBusinessFigures(ctx.db, ctx.now());
    const rows = await ctx.db
      .selectFrom('businesses')
      .select(['id', 'phone', 'ai_monthly_quota', 'created_at'])
      .where('id', 'in', figures.length ? figures.map((f) => f.id) : ['00000000-0000-0000-0000-000000000000'])
      .execute();
    const extra = new Map(rows.map((r) => [r.id, r]));
    // A summary is the shop's figures with its contact and quota, and its live devices counted.
    return figures.map((f: BusinessFigures) => {
      const b = extra.get(f.id);
      return {
        ...pick(f, SUMMARY_FIGURES),
        phone: b?.phone ?? null,
        aiMonthlyQuota: b?.ai_monthly_quota ?? null,
        createdAt: b?.created_at.toISOString() ?? '',
        devices: f.devices.filter((d) => !d.revokedAt).length,
      };
    });
  };

  app.get(ADMIN_PATHS.businesses, { config: { access: 'admin-read' }, onRequest: read, schema: { response: { 200: businessesResponse } } }, async () => ({
    businesses: await summaries(),
  }));

  app.post(
    ADMIN_PATHS.businesses,
    { config: { access: 'admin-write' }, onRequest: write, schema: { body: businessInput, response: { 200: createdResponse } } },
    async (req) => {
      const created = await createBusiness(ctx.db, req.body, ctx.now());
      await audit(currentAdmin(req).adminId, 'business.create', created.id, req.ip, { name: req.body.name, city: req.body.city ?? null });
      return created;
    },
  );

  app.get(
    ADMIN_PATHS.business,
    { config: { access: 'admin-read' }, onRequest: read, schema: { params: idParams, response: { 200: businessDetailResponse } } },
    async (req) => {
      const b = await businessRow(ctx.db, req.params.id);
      const [summary] = await summaries(b.id);
      const detail = await businessDetail(ctx.db, b.id, ctx.now());
      return {
        business: summary,
        months: detail.months,
        devices: await deviceViews(ctx.db, b.id),
        rejectedOps: detail.rejectedOps,
        rfm: detail.rfm,
        topCustomers: detail.topCustomers,
        ai: { quota: b.ai_monthly_quota, callsThisMonth: detail.callsThisMonth, costThisMonth: detail.costThisMonth, months: detail.aiMonths },
      };
    },
  );

  app.patch(
    ADMIN_PATHS.business,
    { config: { access: 'admin-write' }, onRequest: write, schema: { params: idParams, body: businessEdit, response: { 200: createdResponse } } },
    async (req) => {
      await businessRow(ctx.db, req.params.id);
      const { name, city, ownerName, phone } = req.body;
      await ctx.db
        .updateTable('businesses')
        .set({
          ...(name !== undefined && { name }),
          ...(city !== undefined && { city }),
          ...(ownerName !== undefined && { owner_name: ownerName }),
          ...(phone !== undefined && { phone }),
          updated_at: ctx.now(),
        })
        .where('id', '=', req.params.id)
        .execute();
      await audit(currentAdmin(req).adminId, 'business.edit', req.params.id, req.ip, { fields: Object.keys(req.body) });
      return { id: req.params.id };
    },
  );

  for (const [path, status] of [
    [ADMIN_PATHS.suspend, 'suspended'],
    [ADMIN_PATHS.resume, 'active'],
  ] as const) {
    app.post(
      path,
      { config: { access: 'admin-write' }, onRequest: write, schema: { params: idParams, body: emptyBody, response: { 200: statusResponse } } },
      async (req) => {
        await businessRow(ctx.db, req.params.id);
        await ctx.db.updateTable('businesses').set({ status, updated_at: ctx.now() }).where('id', '=', req.params.id).execute();
        await audit(currentAdmin(req).adminId, status === 'suspended' ? 'business.suspend' : 'business.resume', req.params.id, req.ip);
        return { status };
      },
    );
  }

  app.get(
    ADMIN_PATHS.syncLog,
    { config: { access: 'admin-read' }, onRequest: read, schema: { params: idParams, querystring: pageQuery, response: { 200: syncLogResponse } } },
    async (req) => {
      await businessRow(ctx.db, req.params.id);
      return syncLogPage(ctx.db, req.params.id, req.query.before, req.query.limit);
    },
  );

  app.post(
    ADMIN_PATHS.enrolCodes,
    { config: { access: 'admin-write' }, onRequest: write, schema: { params: idParams, body: emptyBody, response: { 200: enrolCodeIssued } } },
    async (req) => {
      const admin = currentAdmin(req);
      const issued = await issueEnrolCode(ctx.db, req.params.id, admin.adminId, ctx.now());
      await audit(admin.adminId, 'enrol_code.issue', req.params.id, req.ip, { expiresAt: issued.expiresAt });
      return issued;
    },
  );

  app.get(
    ADMIN_PATHS.enrolCodes,
    { config: { access: 'admin-read' }, onRequest: read, schema: { params: idParams, response: { 200: enrolCodesResponse } } },
    async (req) => {
      await businessRow(ctx.db, req.params.id);
      const rows = await ctx.db
        .selectFrom('enrol_codes')
        .leftJoin('admins', 'admins.id', 'enrol_codes.created_by')
        .select(['enrol_codes.created_at', 'enrol_codes.expires_at', 'admins.username'])
        .where('enrol_codes.business_id', '=', req.params.id)
        .where('enrol_codes.used_at', 'is', null)
        .where('enrol_codes.expires_at', '>', ctx.now())
        .orderBy('enrol_codes.created_at', 'desc')
        .execute();
      return { codes: rows.map((r) => ({ createdAt: r.created_at.toISOString(), expiresAt: r.expires_at.toISOString(), createdBy: r.username })) };
    },
  );

  app.get(
    ADMIN_PATHS.devices,
    { config: { access: 'admin-read' }, onRequest: read, schema: { params: idParams, response: { 200: devicesResponse } } },
    async (req) => {
      await businessRow(ctx.db, req.params.id);
      return { devices: await deviceViews(ctx.db, req.params.id) };
    },
  );

  // The device must belong to the business in the path: a mismatched pair is a 404, not a revoke.
  app.post(
    ADMIN_PATHS.revokeDevice,
    { config: { access: 'admin-write' }, onRequest: write, schema: { params: deviceParams, body: emptyBody, response: { 200: revokeResponse } } },
    async (req) => {
      const device = await ctx.db
        .selectFrom('devices')
        .select(['id', 'name', 'revoked_at'])
        .where('id', '=', req.params.deviceId)
        .where('business_id', '=', req.params.id)
        .executeTakeFirst();
      if (!device) throw new CloudError('NOT_FOUND', 'No such device in this business.');
      if (device.revoked_at) return { revokedAt: device.revoked_at.toISOString() };
      const now = ctx.now();
      await ctx.db.updateTable('devices').set({ revoked_at: now }).where('id', '=', device.id).execute();
      await audit(currentAdmin(req).adminId, 'device.revoke', req.params.id, req.ip, { deviceId: device.id, name: device.name });
      return { revokedAt: now.toISOString() };
    },
  );

  app.put(
    ADMIN_PATHS.aiQuota,
    { config: { access: 'admin-write' }, onRequest: write, schema: { params: idParams, body: aiQuotaRequest, response: { 200: pushdownResponse } } },
    async (req) => {
      await businessRow(ctx.db, req.params.id);
      const admin = currentAdmin(req);
      const version = await ctx.db.transaction().execute(async (tx) => {
        await tx.updateTable('businesses').set({ ai_monthly_quota: req.body.monthlyQuota, updated_at: ctx.now() }).where('id', '=', req.params.id).execute();
        return addPushdown(
          tx,
          { businessId: req.params.id, kind: 'setting', key: PUSHDOWN_KEYS.aiQuota, value: { monthlyQuota: req.body.monthlyQuota }, adminId: admin.adminId },
          ctx.now(),
        );
      });
      await audit(admin.adminId, 'business.ai_quota', req.params.id, req.ip, { monthlyQuota: req.body.monthlyQuota });
      return { version };
    },
  );
}
