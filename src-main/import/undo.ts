import { sql } from 'kysely';
import { AppError } from '../../src-shared/errors';
import { translator } from '../../src-shared/i18n/messages';
import type { Language } from '../../src-shared/schemas/auth';
import { write } from '../core/write';
import { reverseSales } from '../loyalty/earn';
import { shopDay } from '../loyalty/rules';
import type { JobCtx } from '../jobs/types';

export interface UndoResult {
  transactions: number;
  customers: number;
  products: number;
  /** Orders the import kept as pending (migration 0012), gone with it. */
  pendingOrders: number;
  /** Leads it created (soft-deleted with their history and follow-ups kept, as a deleted lead's are). */
  leads: number;
}

/**
 * Undo a completed import: soft-delete the rows it created, in one transaction. Customers it
 * created that have since bought something outside the import stay. Records it updated keep
 * their new values (the old ones were not kept). Runs as a job (see undoImport).
 */
export function undoImportJob(params: { uploadId: string; language: Language }, ctx: JobCtx): UndoResult {
  const t = translator(params.language);
  const { uploadId } = params;
  return write(ctx, (w) => {
    // Read inside the write transaction: what is undone is exactly what the import left.
    const upload = ctx.sqlite.prepare('SELECT status, undone_at FROM upload_history WHERE id = ?').get(uploadId) as
      { status: string; undone_at: string | null } | undefined;
    if (!upload) throw new AppError('NOT_FOUND', t('err.notFound', { entity: t('entity.upload') }), { uploadId });
    if (upload.status !== 'completed') throw new AppError('CONFLICT', t('imp.undoNotCompleted'));
    if (upload.undone_at) throw new AppError('CONFLICT', t('imp.alreadyUndone'));
    const ids = (table: 'transactions' | 'products' | 'leads') => {
      const { sql: query, parameters } = ctx.db.selectFrom(table).select('id').where('upload_id', '=', uploadId).where('deleted_at', 'is', null).compile();
      return ctx.sqlite
        .prepare(query)
        .pluck()
        .all(...parameters) as string[];
    };
    const orphans = ctx.db
      .selectFrom('customers as c')
      .select('c.id')
      .where('c.upload_id', '=', uploadId)
      .where('c.deleted_at', 'is', null)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('transactions as t')
              .select(sql`1`.as('one'))
              .whereRef('t.customer_id', '=', 'c.id')
              .where('t.deleted_at', 'is', null)
              .where((eb) => eb.or([eb('t.upload_id', 'is', null), eb('t.upload_id', '!=', uploadId)])),
          ),
        ),
      )
      .compile();
    const customerIds = ctx.sqlite
      .prepare(orphans.sql)
      .pluck()
      .all(...orphans.parameters) as string[];
    const transactionIds = ids('transactions');
    const productIds = ids('products');
    const leadIds = ids('leads');
    ctx.progress('undo', 0, transactionIds.length + customerIds.length + productIds.length + leadIds.length);
    // The points its sales earned go back first, read while the sales are still live.
    reverseSales(w, ctx.sqlite, sql<boolean>`t.upload_id = ${uploadId}`, shopDay(ctx.sqlite, ctx.clock), t('loyalty.importUndone'), ctx.userId);
    const result = {
      transactions: w.deleteMany('transactions', transactionIds),
      customers: w.deleteMany('customers', customerIds),
      products: w.deleteMany('products', productIds),
      pendingOrders: w.dropPendingOf(uploadId),
      leads: w.deleteMany('leads', leadIds),
    };
    w.update('upload_history', uploadId, { undone_at: w.now }, t('err.notFound', { entity: t('entity.upload') }));
    w.log({ action: 'import.undo', entity: 'upload_history', entityId: uploadId, details: result });
    return result;
  });
}
