import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ADMIN_PATHS, auditQuery, auditResponse } from '../../src-shared/cloud/admin-api';
import { adminGuard } from '../auth/admin-guard';
import type { CloudContext } from '../server/app';
import { CloudError } from '../server/errors';

/** The audit log, newest first, a page at a time. */
export async function adminAuditRoutes(scope: FastifyInstance, ctx: CloudContext): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  app.get(
    ADMIN_PATHS.audit,
    { config: { access: 'admin-read' }, onRequest: adminGuard(ctx, 'admin-read'), schema: { querystring: auditQuery, response: { 200: auditResponse } } },
    async (req) => {
      const { before, limit, businessId, action } = req.query;
      if (businessId) {
        const exists = await ctx.db.selectFrom('businesses').select('id').where('id', '=', businessId).executeTakeFirst();
        if (!exists) throw new CloudError('NOT_FOUND', 'No such business.');
      }
      let q = ctx.db
        .selectFrom('audit_log')
        .leftJoin('admins', 'admins.id', 'audit_log.admin_id')
        .select([
          'audit_log.id',
          'audit_log.at',
          'audit_log.admin_id',
          'admins.username',
          'audit_log.action',
          'audit_log.business_id',
          'audit_log.details',
          'audit_log.ip',
        ])
        .orderBy('audit_log.id', 'desc')
        .limit(limit + 1);
      if (before) q = q.where('audit_log.id', '<', String(before));
      if (businessId) q = q.where('audit_log.business_id', '=', businessId);
      if (action) q = q.where('audit_log.action', '=', action);
      const rows = await q.execute();
      const items = rows.slice(0, limit).map((r) => ({
        id: Number(r.id),
        at: r.at.toISOString(),
        adminId: r.admin_id,
        adminUsername: r.username,
        action: r.action,
        businessId: r.business_id,
        details: (r.details ?? {}) as Record<string, unknown>,
        ip: r.ip,
      }));
      return { items, next: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
    },
  );
}
