import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ADMIN_PATHS, idParams } from '../../src-shared/cloud/admin-api';
import { catalogueResponse } from '../../src-shared/cloud/admin-businesses-api';
import { loadCatalogue } from '../assistant/catalogue';
import { withAssistant } from '../assistant/schema';
import { adminGuard } from '../auth/admin-guard';
import type { CloudContext } from '../server/app';
import { CloudError } from '../server/errors';

/**
 * A shop's catalogue, read-only: exactly the packages its assistant answers from (one reader for both),
 * so what the console shows is what a customer's code resolves to. Edited on the shop's laptop.
 */
export async function adminCatalogueRoutes(scope: FastifyInstance, ctx: CloudContext): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  app.get(
    ADMIN_PATHS.catalogue,
    { config: { access: 'admin-read' }, onRequest: adminGuard(ctx, 'admin-read'), schema: { params: idParams, response: { 200: catalogueResponse } } },
    async (req) => {
      const businessId = req.params.id;
      const exists = await ctx.db.selectFrom('businesses').select('id').where('id', '=', businessId).executeTakeFirst();
      if (!exists) throw new CloudError('NOT_FOUND', 'No such business.');
      return { packages: await withAssistant(ctx.db, businessId, (tx) => loadCatalogue(tx, businessId)) };
    },
  );
}
