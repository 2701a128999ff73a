import type { Mapping } from '../../src-shared/schemas/import';
import type { WriteCtx } from '../core/context';

/**
 * Remember the mapping the user confirmed for this file layout (local preference, not shop data:
 * written directly, inside the import's transaction).
 */
export function rememberMapping(ctx: WriteCtx, kind: string, signature: string, mapping: Mapping, now: string): void {
  const json = JSON.stringify(mapping);
  const query = ctx.db
    .insertInto('import_mappings')
    .values({ kind, signature, mapping: json, updated_at: now })
    .onConflict((oc) => oc.columns(['kind', 'signature']).doUpdateSet({ mapping: json, updated_at: now }))
    .compile();
  ctx.sqlite.prepare(query.sql).run(...(query.parameters as unknown[]));
}
