import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ADMIN_PATHS } from '../../src-shared/cloud/admin-api';
import {
  announcementRequest,
  announcementsResponse,
  PUSHDOWN_KEYS,
  pushdownResponse,
  rfmDefaults,
  settingsResponse,
  type RfmDefaults,
} from '../../src-shared/cloud/admin-pushdown-api';
import { gridFromCells } from '../../src-shared/rfm/rules';
import { recordAudit } from '../admin/audit';
import { addPushdown } from '../admin/pushdowns';
import { adminGuard, currentAdmin } from '../auth/admin-guard';
import type { CloudContext } from '../server/app';
import { CloudError } from '../server/errors';

const ascending = (list: number[]) => list.every((v, i) => i === 0 || v > list[i - 1]);

/** Settings chosen centrally and sent down to every laptop: RFM defaults and announcements. */
export async function adminSettingsRoutes(scope: FastifyInstance, ctx: CloudContext): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const read = adminGuard(ctx, 'admin-read');
  const write = adminGuard(ctx, 'admin-write');

  app.get(ADMIN_PATHS.settings, { config: { access: 'admin-read' }, onRequest: read, schema: { response: { 200: settingsResponse } } }, async () => {
    const row = await ctx.db
      .selectFrom('pushdowns')
      .select(['version', 'value'])
      .where('kind', '=', 'setting')
      .where('key', '=', PUSHDOWN_KEYS.rfmDefaults)
      .where('business_id', 'is', null)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    const parsed = row ? rfmDefaults.safeParse(row.value) : null;
    return { rfmDefaults: parsed?.success ? parsed.data : null, rfmDefaultsVersion: row ? Number(row.version) : null };
  });

  app.put(
    ADMIN_PATHS.rfmDefaults,
    { config: { access: 'admin-write' }, onRequest: write, schema: { body: rfmDefaults, response: { 200: pushdownResponse } } },
    async (req) => {
      const value: RfmDefaults = req.body;
      for (const [measure, list] of Object.entries(value.edges)) {
        if (!ascending(list)) throw new CloudError('VALIDATION_ERROR', `edges.${measure}: the four edges must rise from left to right.`);
      }
      const { problems } = gridFromCells(value.segmentCells);
      if (problems.length)
        throw new CloudError(
          'VALIDATION_ERROR',
          `segmentCells: cell ${problems[0].cell} is ${problems[0].problem === 'empty' ? 'in no segment' : problems[0].problem === 'double' ? 'in more than one segment' : 'not a cell'}.`,
        );
      const admin = currentAdmin(req);
      const version = await addPushdown(
        ctx.db,
        { businessId: null, kind: 'setting', key: PUSHDOWN_KEYS.rfmDefaults, value, adminId: admin.adminId },
        ctx.now(),
      );
      await recordAudit(ctx.db, { adminId: admin.adminId, action: 'settings.rfm_defaults', details: { version, edges: value.edges }, ip: req.ip }, ctx.now());
      return { version };
    },
  );

  app.get(ADMIN_PATHS.announcements, { config: { access: 'admin-read' }, onRequest: read, schema: { response: { 200: announcementsResponse } } }, async () => {
    const rows = await ctx.db
      .selectFrom('pushdowns')
      .leftJoin('businesses', 'businesses.id', 'pushdowns.business_id')
      .leftJoin('admins', 'admins.id', 'pushdowns.created_by')
      .select(['pushdowns.version', 'pushdowns.business_id', 'businesses.name', 'pushdowns.value', 'pushdowns.created_at', 'admins.username'])
      .where('pushdowns.kind', '=', 'announcement')
      .orderBy('pushdowns.version', 'desc')
      .limit(200)
      .execute();
    return {
      announcements: rows.map((r) => {
        const v = (r.value ?? {}) as { title?: unknown; body?: unknown };
        return {
          version: Number(r.version),
          businessId: r.business_id,
          businessName: r.name,
          title: String(v.title ?? ''),
          body: String(v.body ?? ''),
          createdAt: r.created_at.toISOString(),
          createdBy: r.username,
        };
      }),
    };
  });

  app.post(
    ADMIN_PATHS.announcements,
    { config: { access: 'admin-write' }, onRequest: write, schema: { body: announcementRequest, response: { 200: pushdownResponse } } },
    async (req) => {
      const { businessId, title, body } = req.body;
      if (businessId) {
        const exists = await ctx.db.selectFrom('businesses').select('id').where('id', '=', businessId).executeTakeFirst();
        if (!exists) throw new CloudError('NOT_FOUND', 'No such business.');
      }
      const admin = currentAdmin(req);
      const version = await addPushdown(
        ctx.db,
        { businessId, kind: 'announcement', key: PUSHDOWN_KEYS.announcement, value: { title, body }, adminId: admin.adminId },
        ctx.now(),
      );
      await recordAudit(ctx.db, { adminId: admin.adminId, action: 'announcement.send', businessId, details: { version, title }, ip: req.ip }, ctx.now());
      return { version };
    },
  );
}
