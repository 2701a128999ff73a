import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { healthResponse } from '../../src-shared/sync/protocol';
import { cloudMigrations } from '../db/migrate';
import type { CloudContext } from '../server/app';

/** For a load balancer and the console: is the database reachable, and migrated to this build. */
export async function healthRoutes(app: FastifyInstance, ctx: CloudContext): Promise<void> {
  const latest = cloudMigrations().at(-1)?.version ?? 0;
  app
    .withTypeProvider<ZodTypeProvider>()
    .get('/api/health', { config: { access: 'public' }, schema: { response: { 200: healthResponse, 503: healthResponse } } }, async (_req, reply) => {
      let applied = 0;
      let database = false;
      try {
        const row = await sql<{ v: number | null }>`SELECT max(version) AS v FROM cloud_schema_migrations`.execute(ctx.db);
        applied = Number(row.rows[0]?.v ?? 0);
        database = true;
      } catch {
        database = false;
      }
      const ok = database && applied === latest;
      return reply.status(ok ? 200 : 503).send({ ok, database, migrations: { applied, latest }, version: ctx.version });
    });
}
