import type { FastifyInstance } from 'fastify';
import { adminAuditRoutes } from '../routes/admin-audit';
import { adminAuthRoutes } from '../routes/admin-auth';
import { adminBusinessRoutes } from '../routes/admin-businesses';
import { adminCatalogueRoutes } from '../routes/admin-catalogue';
import { adminSettingsRoutes } from '../routes/admin-settings';
import type { CloudContext } from '../server/app';

/** Every /api/admin route, as one plugin for cloudPlugins. */
export async function adminApi(app: FastifyInstance, ctx: CloudContext): Promise<void> {
  await adminAuthRoutes(app, ctx);
  await adminBusinessRoutes(app, ctx);
  await adminCatalogueRoutes(app, ctx);
  await adminSettingsRoutes(app, ctx);
  await adminAuditRoutes(app, ctx);
}
